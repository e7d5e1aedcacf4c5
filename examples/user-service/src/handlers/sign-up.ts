// SignUpRequested (from the bus) → a PENDING user, then UserSignedUp, which starts onboarding.
// A redelivered request finds its user already there and publishes again: onboarding the same
// user twice ends in the same state.
import type { EventBridgeEvent } from 'aws-lambda';
import { bus, ConditionFailedError } from '@serverless-stateful/runtime';
import { accountsSource, users, type AccountEvents, type User } from '../users';

const accounts = bus('accounts');

export async function handler(event: EventBridgeEvent<'SignUpRequested', AccountEvents['SignUpRequested']>) {
  const { userId, email, name } = event.detail;
  const user: User = { userId, email: email.toLowerCase(), name, status: 'PENDING', version: 0 };
  // expectVersion 0: only if no user has this id yet; the stored version is 1.
  try {
    await users.put(user, { expectVersion: 0 });
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
  }
  const signedUp: AccountEvents['UserSignedUp'] = { userId, email: user.email };
  const { failed } = await accounts.publish('UserSignedUp', signedUp, { source: accountsSource });
  if (failed.length > 0) throw new Error(`UserSignedUp was not published: ${failed[0]?.errorMessage ?? ''}`);
  return signedUp;
}

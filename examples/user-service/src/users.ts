// The service's data: the users table and the events its bus carries.
import { table } from '@serverless-stateful/runtime';

export type UserStatus = 'PENDING' | 'ACTIVE' | 'IN_REVIEW';

export interface User extends Record<string, unknown> {
  userId: string;
  email: string;
  name: string;
  status: UserStatus;
  /** Optimistic lock: a rename expects the version it read and stores the next. */
  version: number;
}

export interface AccountEvents {
  /** From the web front end (source `web.signup`). */
  SignUpRequested: { userId: string; email: string; name: string };
  /** From this service (source `users`): starts the onboarding workflow. */
  UserSignedUp: { userId: string; email: string };
}

/** The source of the events this service publishes. */
export const accountsSource = 'users';

export const users = table<User>('users');

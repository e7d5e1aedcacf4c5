// Jest's global setup for tests against the local AWS:
//   globalSetup: 'serverless-stateful/testing/jest-global-setup',
//   globalTeardown: 'serverless-stateful/testing/jest-global-teardown',
// Once per run it starts or reuses Redis, DynamoDB Local and the emulator (those that
// STATEFUL_LOCAL_SERVICES names, when set) and publishes their endpoints to every test file;
// the teardown stops only what this run started.
import { startLocalAws, type LocalAws } from './local-aws';
import { useLocalAwsCredentials } from './local-aws/credentials';
import { servicesFromEnvironment } from './local-aws/services';

/** Where the run's LocalAws waits for the teardown: the two hooks share only the main process. */
export const runLocalAws = Symbol.for('serverless-stateful/testing: the local AWS of this run');

type WithLocalAws = Record<typeof runLocalAws, LocalAws | undefined>;
export const runState = globalThis as unknown as WithLocalAws;

export default async function globalSetup(): Promise<void> {
  // Projects of one run may each name this setup; the first one to run brings the services up.
  if (runState[runLocalAws]) return;
  useLocalAwsCredentials();
  const services = servicesFromEnvironment();
  process.stdout.write('\n');
  runState[runLocalAws] = await startLocalAws({
    ...(services ? { services } : {}),
    log: (line) => process.stdout.write(`${line}\n`),
  });
}

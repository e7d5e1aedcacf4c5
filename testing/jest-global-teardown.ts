// Jest's global teardown: stops what the global setup started; services that were already
// running, or kept by `stateful-local up`, are left running.
import { runLocalAws, runState } from './jest-global-setup';

export default async function globalTeardown(): Promise<void> {
  const localAws = runState[runLocalAws];
  runState[runLocalAws] = undefined;
  await localAws?.stop();
}

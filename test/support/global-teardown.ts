// Stops what the global setup started; services that were already running are left running.
export default async function globalTeardown(): Promise<void> {
  const localAws = globalThis.localAws;
  globalThis.localAws = undefined;
  await localAws?.stop();
}

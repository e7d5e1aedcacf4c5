// Jest global setup of the integration and e2e projects: bring up the local AWS once per run.
import { startLocalAws, type LocalAws } from '../../testing/local-aws';

declare global {
  var localAws: LocalAws | undefined;
}

export default async function globalSetup(): Promise<void> {
  // Both projects that need the local AWS name this setup; the first one to run brings it up.
  if (globalThis.localAws) return;
  // Fixed, fake credentials: the local services need some, and no real account may be reached.
  process.env.AWS_ACCESS_KEY_ID = 'test';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
  process.env.AWS_REGION = 'us-east-1';
  process.env.AWS_DEFAULT_REGION = 'us-east-1';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  process.stdout.write('\n');
  globalThis.localAws = await startLocalAws({ log: (line) => process.stdout.write(`${line}\n`) });
}

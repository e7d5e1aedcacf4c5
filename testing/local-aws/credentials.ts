// What every process that talks to the local AWS sets first.

/**
 * Fixed, fake credentials and the emulator's region in `env`: the local services need some, and
 * no real account may be reached (a profile or session token of the machine's would be).
 */
export function useLocalAwsCredentials(env: NodeJS.ProcessEnv = process.env): void {
  env.AWS_ACCESS_KEY_ID = 'test';
  env.AWS_SECRET_ACCESS_KEY = 'test';
  delete env.AWS_SESSION_TOKEN;
  delete env.AWS_PROFILE;
  env.AWS_REGION = 'us-east-1';
  env.AWS_DEFAULT_REGION = 'us-east-1';
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
}

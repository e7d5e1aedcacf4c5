// What a test run sets before it talks to the local AWS.
import { useLocalAwsCredentials } from '../../testing';
import { servicesFromEnvironment } from '../../testing/local-aws/services';

describe('servicesFromEnvironment()', () => {
  it('brings up every service unless STATEFUL_LOCAL_SERVICES names some', () => {
    expect(servicesFromEnvironment({})).toBeUndefined();
    expect(servicesFromEnvironment({ STATEFUL_LOCAL_SERVICES: 'redis, dynamodb' })).toEqual(['redis', 'dynamodb']);
  });

  it('refuses a name it does not know, listing the ones it does', () => {
    expect(() => servicesFromEnvironment({ STATEFUL_LOCAL_SERVICES: 'redis,localstack' })).toThrow(
      'STATEFUL_LOCAL_SERVICES names unknown services localstack; use redis, dynamodb, emulator',
    );
  });
});

describe('useLocalAwsCredentials()', () => {
  it("replaces the machine's credentials with fake ones, so no real account is reached", () => {
    const env: NodeJS.ProcessEnv = { AWS_PROFILE: 'production', AWS_SESSION_TOKEN: 'real', AWS_REGION: 'eu-west-1' };
    useLocalAwsCredentials(env);
    expect(env).toEqual(
      expect.objectContaining({ AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1' }),
    );
    expect(env.AWS_PROFILE).toBeUndefined();
    expect(env.AWS_SESSION_TOKEN).toBeUndefined();
  });
});

// `serverless state:local` creates tables only where it is told a local DynamoDB answers: never,
// by default or by mistake, in the AWS account the credentials name.
import { localEndpoint } from '../../plugin/state-local';
import { StateLocalError } from '../../plugin/state-local-error';

const refusal = (given: unknown, env: NodeJS.ProcessEnv) => {
  try {
    localEndpoint(given, env);
  } catch (error) {
    return error as StateLocalError;
  }
  throw new Error('localEndpoint accepted it');
};

describe('state:local endpoint', () => {
  it('refuses when no endpoint is given, naming the three ways to give one', () => {
    const error = refusal(undefined, {});
    expect(error).toBeInstanceOf(StateLocalError);
    expect(error.code).toBe('STATE_LOCAL_NO_ENDPOINT');
    expect(error.message).toMatch(/--endpoint/);
    expect(error.message).toMatch(/AWS_ENDPOINT_URL_DYNAMODB/);
    expect(error.message).toMatch(/STATEFUL_LOCAL_DYNAMODB_ENDPOINT/);
  });

  it('treats an empty option or variable as not given', () => {
    expect(refusal('', { AWS_ENDPOINT_URL_DYNAMODB: '', STATEFUL_LOCAL_DYNAMODB_ENDPOINT: '' }).code).toBe(
      'STATE_LOCAL_NO_ENDPOINT',
    );
  });

  it.each([
    'https://dynamodb.eu-west-1.amazonaws.com',
    'https://dynamodb.cn-north-1.amazonaws.com.cn',
    'https://dynamodb.us-east-1.api.aws',
  ])('refuses AWS own endpoint %s, naming where it came from', (endpoint) => {
    const error = refusal(undefined, { AWS_ENDPOINT_URL_DYNAMODB: endpoint });
    expect(error.code).toBe('STATE_LOCAL_ENDPOINT_NOT_LOCAL');
    expect(error.message).toContain(`AWS_ENDPOINT_URL_DYNAMODB is ${endpoint}`);
  });

  it('refuses what is not an http(s) URL', () => {
    const error = refusal('localhost:8000', {});
    expect(error.code).toBe('STATE_LOCAL_ENDPOINT_NOT_LOCAL');
    expect(error.message).toContain('--endpoint is "localhost:8000", not an http(s) URL');
  });

  it('takes --endpoint first, then AWS_ENDPOINT_URL_DYNAMODB, then the harness variable', () => {
    const env = { AWS_ENDPOINT_URL_DYNAMODB: 'http://sdk:8000', STATEFUL_LOCAL_DYNAMODB_ENDPOINT: 'http://kit:8000' };
    expect(localEndpoint('http://option:8000', env)).toBe('http://option:8000');
    expect(localEndpoint(undefined, env)).toBe('http://sdk:8000');
    expect(localEndpoint(undefined, { STATEFUL_LOCAL_DYNAMODB_ENDPOINT: 'http://kit:8000' })).toBe('http://kit:8000');
  });

  it('takes a local endpoint under any host name (a container name in docker compose)', () => {
    expect(localEndpoint('http://dynamodb-local:8000', {})).toBe('http://dynamodb-local:8000');
  });
});

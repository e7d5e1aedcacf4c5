// `serverless state:local` creates tables only where it is told a local DynamoDB answers: never,
// by default or by mistake, in the AWS account the credentials name; and checks what it is given
// before it creates anything.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StateConfig } from '../../plugin/config';
import { createLocalTables, localEndpoint } from '../../plugin/state-local';
import { StateLocalError } from '../../plugin/state-local-error';
import { tableDefinitions } from '../../plugin/table-definitions';
import { LocalTablesError } from '../../testing/local-tables-error';

/** The error `promise` rejects with; fails the test if it resolves. */
async function rejection<T extends Error>(promise: Promise<unknown>): Promise<T> {
  try {
    await promise;
  } catch (error) {
    return error as T;
  }
  throw new Error('it resolved');
}

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

describe('state:local before it creates anything', () => {
  const definitions = tableDefinitions({ tables: { visits: { partitionKey: 'page' } } } as StateConfig, {
    service: 'shop',
    stage: 'local',
  });
  const lines: string[] = [];
  const input = {
    definitions,
    region: 'eu-west-1',
    reset: false,
    serviceDir: __dirname,
    print: (line: string) => lines.push(line),
  };

  it('refuses a seed naming a table the service does not declare, before asking DynamoDB', async () => {
    // Nothing listens on port 9 (discard) here; the seed is checked before any request.
    const folder = mkdtempSync(join(tmpdir(), 'state-local-seed-'));
    writeFileSync(join(folder, 'seed.json'), JSON.stringify({ visits: [], vistis: [] }));
    const error = await rejection<LocalTablesError>(
      createLocalTables({ ...input, endpoint: 'http://127.0.0.1:9', serviceDir: folder, seed: 'seed.json' }),
    ).finally(() => rmSync(folder, { recursive: true, force: true }));
    expect(error).toBeInstanceOf(LocalTablesError);
    expect(error.code).toBe('SEED_UNKNOWN_TABLE');
    expect(lines).toEqual([]);
  });

  it('says nothing answers at the endpoint', async () => {
    const error = await rejection<StateLocalError>(createLocalTables({ ...input, endpoint: 'http://127.0.0.1:9' }));
    expect(error).toBeInstanceOf(StateLocalError);
    expect(error.code).toBe('STATE_LOCAL_UNREACHABLE');
    expect(error.message).toContain('http://127.0.0.1:9');
    expect(lines).toEqual([]);
  });
});

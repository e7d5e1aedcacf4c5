/**
 * @services redis, dynamodb, emulator
 */
// The harness itself: it reuses what runs, and a service that is missing or stops is named in
// the failure a person reads.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { serviceAnswers, startLocalAws } from '../../testing/local-aws';
import { isAlive, stopProcessGroup } from '../../testing/local-aws/processes';
import { ministack } from '../../testing/local-aws/ministack';
import { redis } from '../../testing/local-aws/redis';
import { endpointOf } from '../support/endpoints';

const repo = resolve(__dirname, '..', '..');

/** Runs the stopped-service fixture in a Jest of its own, with `env` on top of ours. */
function runFixtureJest(env: NodeJS.ProcessEnv): { status: number | null; output: string } {
  const config = {
    rootDir: repo,
    testEnvironment: '<rootDir>/testing/jest-environment.ts',
    transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
    testMatch: ['<rootDir>/test/fixtures/stopped-service/*.fixture.ts'],
  };
  const run = spawnSync(
    process.execPath,
    [require.resolve('jest/bin/jest'), '--config', JSON.stringify(config), '--ci'],
    {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, ...env },
      timeout: 60_000,
    },
  );
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the local AWS harness', () => {
  it('reuses the services that already run, and then stops none of them', async () => {
    const before = { redis: endpointOf('redis'), dynamodb: endpointOf('dynamodb'), emulator: endpointOf('emulator') };
    const again = await startLocalAws({ log: () => undefined });

    expect(again.endpoints).toEqual(before);
    for (const origin of Object.values(again.origins)) expect(['reused', 'external']).toContain(origin);

    await again.stop();
    for (const [name, endpoint] of Object.entries(before) as [keyof typeof before, string][]) {
      await expect(serviceAnswers(name, endpoint)).resolves.toBe(true);
    }
  });

  describe('with LOCALSTACK_ENDPOINT set', () => {
    const context = { endpoints: {}, log: () => undefined };
    afterEach(() => delete process.env.LOCALSTACK_ENDPOINT);

    it('uses that endpoint instead of starting MiniStack', async () => {
      // MiniStack answers LocalStack's health path, so it can stand in for a user's LocalStack.
      process.env.LOCALSTACK_ENDPOINT = `${endpointOf('emulator')}/`;
      await expect(ministack.findExternal(context)).resolves.toBe(endpointOf('emulator'));
    });

    it('names LocalStack when nothing answers there', async () => {
      process.env.LOCALSTACK_ENDPOINT = 'http://127.0.0.1:9';
      await expect(ministack.findExternal(context)).rejects.toThrow(
        'LocalStack at http://127.0.0.1:9 is named by LOCALSTACK_ENDPOINT but does not answer',
      );
    });
  });

  describe('with a Redis of its own that it stops', () => {
    let doomed: { pid: number; endpoint: string };

    beforeEach(async () => {
      doomed = await redis.start({ endpoints: {}, log: () => undefined });
    });
    afterEach(async () => {
      if (isAlive(doomed.pid)) await stopProcessGroup(doomed.pid);
    });

    it('names Redis in the failure of a test during which it stopped', () => {
      const run = runFixtureJest({ STATEFUL_LOCAL_REDIS_URL: doomed.endpoint, FIXTURE_REDIS_PID: String(doomed.pid) });
      expect(run.status).not.toBe(0);
      expect(run.output).toContain(`Redis at ${doomed.endpoint} stopped answering during this test.`);
    });

    it('names Redis when it is down before the test file starts', async () => {
      await stopProcessGroup(doomed.pid);
      const run = runFixtureJest({ STATEFUL_LOCAL_REDIS_URL: doomed.endpoint, FIXTURE_REDIS_PID: '0' });
      expect(run.status).not.toBe(0);
      expect(run.output).toContain(`Redis at ${doomed.endpoint} is not answering, and this test file needs it.`);
    });
  });
});

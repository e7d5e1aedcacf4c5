/**
 * @services redis
 */
// getOrLoad across a fleet: separate Node processes standing for Lambda containers, each running
// the built package, against the real Redis. Ten processes of fifty concurrent callers missing one
// key load it once; a lock holder killed mid-load leaves the next caller to load, and no caller
// waits past its bound; and a Redis (our own redis-server, never the shared one) stopped in the
// middle of 5,000 reads fails none of them while the breaker opens, half-opens and closes.
// The machine running these is busy: they assert counts and bounds, not speed.
import Redis from 'ioredis';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { cache, type Cache } from '../../runtime/index';
import { environmentVariableName } from '../../runtime/environment';
import { freePort } from '../../testing/local-aws/processes';
import { redisAnswers, waitUntil } from '../../testing/local-aws/probes';
import { endpointOf } from '../support/endpoints';
import { makeServiceDir, type ServiceDir } from '../support/service-dir';

const id = randomUUID().slice(0, 8);
const namespace = `cache-fleet-${id}`;
const redisUrl = endpointOf('redis');
const admin = new Redis(redisUrl);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A container: connects, says `ready`, and on `go` (a line on its input) runs CALLERS concurrent
// getOrLoad() of KEY, then prints what each got, how long each took, and its metrics. Its loader
// counts itself in Redis (INCR COUNTER), says `loading`, and takes LOAD_MS (forever with -1).
const container = `const { cache } = require('@serverless-stateful/runtime');
const env = process.env;
const fleet = cache('fleet', {
  // Ten processes starting at once on a busy machine take a while to load ioredis and connect.
  connectTimeoutMs: 10000,
  lock: { ttlMs: Number(env.LOCK_TTL_MS), waitMs: Number(env.WAIT_MS) },
});
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
(async () => {
  const redis = await fleet.connection();
  const loader = async () => {
    await redis.incr(env.COUNTER);
    process.stdout.write('loading\\n');
    if (Number(env.LOAD_MS) < 0) await new Promise(() => setInterval(() => undefined, 1000));
    await sleep(Number(env.LOAD_MS));
    return { loadedBy: process.pid };
  };
  process.stdout.write('ready\\n');
  await once(process.stdin, 'data');
  process.stdin.destroy();
  const calls = Array.from({ length: Number(env.CALLERS) }, async () => {
    const started = Date.now();
    const value = await fleet.getOrLoad(env.KEY, loader);
    return { value, ms: Date.now() - started };
  });
  const results = await Promise.all(calls);
  process.stdout.write(JSON.stringify({ results, metrics: fleet.metrics() }) + '\\n');
})();
function once(emitter, event) { return new Promise((resolve) => emitter.once(event, resolve)); }
`;

interface Outcome {
  results: { value: { loadedBy: number }; ms: number }[];
  metrics: { loads: number; fills: number; lockWaits: number; lockWaitTimeouts: number };
}

interface Container {
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves when the process prints `line`; rejects if it ends without. */
  said(line: string): Promise<void>;
  /** The JSON line it ends with. */
  readonly outcome: Promise<Outcome>;
}

let project: ServiceDir;

function start(env: Record<string, string | number>): Container {
  const child = spawn(process.execPath, ['container.cjs'], {
    cwd: project.path,
    env: {
      ...process.env,
      STATEFUL_CACHE_FLEET: `${redisUrl}?namespace=${namespace}`,
      LOCK_TTL_MS: '10000',
      WAIT_MS: '10000',
      LOAD_MS: '200',
      CALLERS: '1',
      ...Object.fromEntries(Object.entries(env).map(([name, value]) => [name, String(value)])),
    },
  });
  let stdout = '';
  let stderr = '';
  const waiting = new Map<string, () => void>();
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const [line, resolve] of waiting) if (stdout.split('\n').includes(line)) resolve();
  });
  const closed = once(child, 'close');
  const outcome = closed.then(() => {
    const last = stdout.trim().split('\n').at(-1) ?? '';
    if (!last.startsWith('{')) throw new Error(`the container ended without an outcome: ${stdout}${stderr}`);
    return JSON.parse(last) as Outcome;
  });
  outcome.catch(() => undefined);
  return {
    child,
    outcome,
    said: (line) =>
      new Promise<void>((resolve, reject) => {
        if (stdout.split('\n').includes(line)) resolve();
        else waiting.set(line, resolve);
        void closed.then(() => {
          reject(new Error(`the container ended without saying ${line}: ${stdout}${stderr}`));
        });
      }),
  };
}

const running: Container[] = [];

beforeAll(() => {
  project = makeServiceDir({ 'container.cjs': container });
});

afterEach(() => {
  for (const { child } of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

afterAll(async () => {
  project.remove();
  const keys = await admin.keys(`${namespace}:*`);
  if (keys.length > 0) await admin.del(...keys);
  admin.disconnect();
});

describe('a fleet of containers', () => {
  it('runs the loader once when 10 processes × 50 concurrent callers miss one key', async () => {
    const counter = `${namespace}:loads:stampede`;
    const containers = Array.from({ length: 10 }, () => start({ KEY: 'stampede', COUNTER: counter, CALLERS: 50 }));
    running.push(...containers);
    await Promise.all(containers.map((each) => each.said('ready')));
    for (const each of containers) each.child.stdin.end('go\n');
    const outcomes = await Promise.all(containers.map((each) => each.outcome));

    expect(await admin.get(counter)).toBe('1');
    const values = outcomes.flatMap((outcome) => outcome.results.map((result) => result.value));
    expect(values).toHaveLength(500);
    expect(new Set(values.map((value) => value.loadedBy)).size).toBe(1);
    expect(outcomes.reduce((sum, outcome) => sum + outcome.metrics.loads, 0)).toBe(1);
    expect(outcomes.reduce((sum, outcome) => sum + outcome.metrics.lockWaitTimeouts, 0)).toBe(0);
  }, 120_000);

  it('lets the next caller load when the lock holder is killed mid-load, and keeps every wait within its bound', async () => {
    const counter = `${namespace}:loads:killed`;
    const key = 'killed';
    const holder = start({ KEY: key, COUNTER: counter, LOAD_MS: -1, LOCK_TTL_MS: 1500 });
    // Two containers that wait longer than the lock lives, one that gives up sooner.
    const patient = [1, 2].map(() =>
      start({ KEY: key, COUNTER: counter, WAIT_MS: 8000, LOCK_TTL_MS: 1500, LOAD_MS: 50 }),
    );
    const hasty = start({ KEY: key, COUNTER: counter, WAIT_MS: 400, LOCK_TTL_MS: 1500, LOAD_MS: 50 });
    running.push(holder, ...patient, hasty);
    await Promise.all([holder, ...patient, hasty].map((each) => each.said('ready')));
    holder.child.stdin.end('go\n');
    await holder.said('loading');
    for (const each of [...patient, hasty]) each.child.stdin.end('go\n');
    holder.child.kill('SIGKILL');

    const [first, second] = await Promise.all(patient.map((each) => each.outcome));
    const quick = await hasty.outcome;
    // The holder's load, then one load by a patient container once the lock expired, and the hasty one's own.
    expect(await admin.get(counter)).toBe('3');
    const patientResults = [...(first?.results ?? []), ...(second?.results ?? [])];
    expect(new Set(patientResults.map((result) => result.value.loadedBy)).size).toBe(1);
    expect((first?.metrics.fills ?? 0) + (second?.metrics.fills ?? 0)).toBe(1);
    for (const result of patientResults) expect(result.ms).toBeLessThan(8000);
    expect(quick.metrics).toMatchObject({ lockWaitTimeouts: 1, fills: 0, loads: 1 });
    // Its bound, plus its own 50 ms load, plus a busy machine's slack.
    expect(quick.results[0]?.ms).toBeLessThan(400 + 50 + 1000);
    expect(await admin.exists(`${namespace}:{${key}}:lock`)).toBe(0);
  }, 120_000);
});

describe('a Redis stopped in the middle of 5,000 reads', () => {
  let port = 0;
  let server: ChildProcessWithoutNullStreams | undefined;

  async function startRedis(): Promise<void> {
    server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
    server.stdout.resume();
    server.stderr.resume();
    if (!(await waitUntil(() => redisAnswers(`redis://127.0.0.1:${port}`), 10_000, 50))) {
      throw new Error(`our redis-server on port ${port} did not start`);
    }
  }

  async function stopRedis(): Promise<void> {
    if (!server || server.exitCode !== null) return;
    const exited = once(server, 'exit');
    server.kill('SIGKILL');
    await exited;
  }

  afterAll(stopRedis);

  it('fails no read, and the breaker opens, half-opens, and closes after Redis restarts', async () => {
    port = await freePort();
    await startRedis();
    const name = `outage${id.replace(/-/g, '')}`;
    process.env[environmentVariableName('cache', name)] = `redis://127.0.0.1:${port}?namespace=${namespace}`;
    const catalog: Cache = cache(name, {
      timeoutMs: 100,
      connectTimeoutMs: 300,
      breaker: { failures: 3, coolDownMs: 200 },
      local: { ttl: 0.1 },
    });

    const total = 5000;
    let issued = 0;
    const failures: unknown[] = [];
    const wrong: string[] = [];
    const latencies: number[] = [];
    const marks: Record<'stopped' | 'restarted' | 'closed', number | undefined> = {
      stopped: undefined,
      restarted: undefined,
      closed: undefined,
    };

    const control = (async () => {
      await waitUntil(async () => issued >= 1000, 60_000, 5);
      await stopRedis();
      marks.stopped = issued;
      await waitUntil(async () => catalog.metrics().breakerHalfOpened >= 2, 60_000, 5);
      await startRedis();
      marks.restarted = issued;
      await waitUntil(async () => catalog.metrics().breakerClosed >= 1, 60_000, 5);
      marks.closed = issued;
    })();

    const worker = async () => {
      while (issued < total) {
        const key = `k${issued++ % 100}`;
        const started = performance.now();
        try {
          const value = await catalog.getOrLoad(key, () => `value of ${key}`, { ttl: 60 });
          if (value !== `value of ${key}`) wrong.push(key);
        } catch (error) {
          failures.push(error);
        }
        latencies.push(performance.now() - started);
        await sleep(5);
      }
    };
    await Promise.all(Array.from({ length: 10 }, worker));
    await control;
    catalog.disconnect();

    expect({ failures, wrong, reads: latencies.length }).toEqual({ failures: [], wrong: [], reads: total });
    expect(marks.stopped).toBeGreaterThanOrEqual(1000);
    expect(marks.restarted).toBeGreaterThan(marks.stopped ?? Infinity);
    // It closed again while the reads were still going.
    expect(marks.closed).toBeLessThan(total);
    const metrics = catalog.metrics();
    expect(metrics).toMatchObject({ breaker: 'closed' });
    expect(metrics.breakerOpened).toBeGreaterThanOrEqual(1);
    expect(metrics.breakerHalfOpened).toBeGreaterThanOrEqual(2);
    expect(metrics.breakerClosed).toBeGreaterThanOrEqual(1);
    expect(metrics.breakerSkips).toBeGreaterThan(0);
    // No read waited for Redis much past the soft timeout (the first connection aside, bounded by connectTimeoutMs).
    expect(Math.max(...latencies)).toBeLessThan(300 + 1000);
  }, 120_000);
});

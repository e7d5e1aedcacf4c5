/**
 * @services dynamodb, redis
 */
// idempotent() against DynamoDB Local and Redis: results replayed, round trips counted, payloads
// compared, failures released, concurrent duplicates refused or awaited, a duplicate storm
// across 4 processes, and a crash while holding the lock.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Redis from 'ioredis';
import {
  DynamoDBPersistence,
  IdempotencyInProgressError,
  IdempotencyKeyError,
  IdempotencyPayloadMismatchError,
  IdempotencyPersistenceError,
  IdempotencyResultNotStoredError,
  idempotent,
  idempotentMiddleware,
  type PersistenceLayer,
} from '../../runtime/index';
import { RedisPersistence } from '../../runtime/redis';
import { createDeclaredTable, useDynamoDBLocal } from '../support/dynamodb-tables';
import { endpointOf } from '../support/endpoints';
import { slowProxy } from '../support/wire';

/** Counts the calls each store method gets: the round trips of an invocation. */
function counting(layer: PersistenceLayer) {
  const calls: string[] = [];
  const counted: PersistenceLayer = {
    acquire: (record, now) => (calls.push('acquire'), layer.acquire(record, now)),
    complete: (record) => (calls.push('complete'), layer.complete(record)),
    release: (key) => (calls.push('release'), layer.release(key)),
    get: (key) => (calls.push('get'), layer.get(key)),
  };
  return { layer: counted, calls, reset: () => calls.splice(0) };
}

const worker = join(__dirname, '..', 'fixtures', 'idempotency', 'worker.cjs');

function runWorker(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [worker], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const client = useDynamoDBLocal();
const redis = new Redis(endpointOf('redis'));
let dropTable: () => Promise<void>;
const redisLayers: RedisPersistence[] = [];

beforeAll(async () => {
  dropTable = await createDeclaredTable(client, 'idempotency', { partitionKey: 'key' });
});
afterAll(async () => {
  await dropTable();
  await Promise.all(redisLayers.map((layer) => layer.close()));
  redis.disconnect();
  client.destroy();
});

const stores: [string, () => PersistenceLayer][] = [
  ['DynamoDB', () => new DynamoDBPersistence()],
  [
    'Redis',
    () => {
      const layer = new RedisPersistence({ url: endpointOf('redis'), prefix: `test:${randomUUID()}:` });
      redisLayers.push(layer);
      return layer;
    },
  ],
];

describe.each(stores)('idempotent() on %s', (store, makeLayer) => {
  it('runs the handler once and replays its result: 2 round trips first, 1 for a duplicate, 0 when cached', async () => {
    const store = counting(makeLayer());
    let runs = 0;
    const options = { key: 'orderId', persistence: store.layer };
    const charge = idempotent(
      async (event: { orderId: string; amount: number }) => ({ charged: event.amount, run: ++runs }),
      options,
    );

    await expect(charge({ orderId: 'o1', amount: 5 }, {})).resolves.toEqual({ charged: 5, run: 1 });
    expect(store.calls).toEqual(['acquire', 'complete']);

    store.reset();
    await expect(charge({ orderId: 'o1', amount: 5 }, {})).resolves.toEqual({ charged: 5, run: 1 });
    expect(store.calls).toEqual([]); // the container's cache

    store.reset();
    const coldContainer = idempotent(async () => ({ charged: 0, run: ++runs }), options);
    await expect(coldContainer({ orderId: 'o1', amount: 5 }, {})).resolves.toEqual({ charged: 5, run: 1 });
    expect(store.calls).toEqual(['acquire']);
    expect(runs).toBe(1);
  });

  it('refuses a reused key with a different payload', async () => {
    const persistence = makeLayer();
    const charge = idempotent(async (event: { orderId: string; amount: number }) => event.amount, {
      key: 'orderId',
      payload: true,
      persistence,
      localCache: false,
    });
    await charge({ orderId: 'o2', amount: 5 }, {});
    await expect(charge({ orderId: 'o2', amount: 5 }, {})).resolves.toBe(5);
    await expect(charge({ orderId: 'o2', amount: 6 }, {})).rejects.toBeInstanceOf(IdempotencyPayloadMismatchError);
  });

  it('releases the key when the handler fails, so a retry runs it again', async () => {
    const store = counting(makeLayer());
    let runs = 0;
    const flaky = idempotent(
      async () => {
        if (++runs === 1) throw new Error('card declined');
        return 'charged';
      },
      { key: 'orderId', persistence: store.layer },
    );
    await expect(flaky({ orderId: 'o3' }, {})).rejects.toThrow('card declined');
    expect(store.calls).toEqual(['acquire', 'release']);
    await expect(flaky({ orderId: 'o3' }, {})).resolves.toBe('charged');
    expect(runs).toBe(2);
  });

  it('refuses a concurrent duplicate, or waits for its result when asked to', async () => {
    const persistence = makeLayer();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let running: () => void = () => undefined;
    const holdsKey = new Promise<void>((resolve) => (running = resolve));
    const slow = idempotent(
      async () => {
        running();
        await gate;
        return 'done';
      },
      { key: 'orderId', persistence, localCache: false },
    );
    const waiting = idempotent(async () => 'never runs', {
      key: 'orderId',
      persistence,
      localCache: false,
      inProgress: { waitMs: 5000 },
    });
    const first = slow({ orderId: 'o4' }, { getRemainingTimeInMillis: () => 10_000 });
    await holdsKey; // the handler runs only once the key is taken
    await expect(slow({ orderId: 'o4' }, {})).rejects.toBeInstanceOf(IdempotencyInProgressError);
    const awaited = waiting({ orderId: 'o4' }, {});
    setTimeout(release, 200);
    await expect(first).resolves.toBe('done');
    await expect(awaited).resolves.toBe('done');
  });

  it('reads the key with JMESPath, and refuses an event without one', async () => {
    const handler = idempotent(async (event: { body: string }) => (JSON.parse(event.body) as { n: number }).n, {
      key: 'powertools_json(body).orderId',
      persistence: makeLayer(),
    });
    await expect(handler({ body: JSON.stringify({ orderId: 'o5', n: 1 }) }, {})).resolves.toBe(1);
    await expect(handler({ body: JSON.stringify({ orderId: 'o5', n: 2 }) }, {})).resolves.toBe(1);
    await expect(handler({ body: JSON.stringify({ n: 3 }) }, {})).rejects.toBeInstanceOf(IdempotencyKeyError);
  });

  const lines = (event: Record<string, unknown>) => ({ order: event.orderId, lines: [event.lines] });
  it.each<[string, string | typeof lines, Record<string, unknown>, Record<string, unknown>]>([
    ['[orderId, customerId]', '[orderId, customerId]', { amount: 1 }, { amount: 2 }],
    ['{ o: orderId }', '{ o: orderId }', { amount: 1 }, { amount: 2 }],
    ['{ o: orderId, c: customerId }', '{ o: orderId, c: customerId }', { customerId: {} }, { customerId: [] }],
    ['Records[].messageId', 'Records[].messageId', { Records: [] }, { Records: [{ body: 'x' }] }],
    ['[orderId, lines]', '[orderId, lines]', { lines: [] }, { lines: [null, ''] }],
    ['powertools_json(body).orderId', 'powertools_json(body).orderId', {}, { body: 42 }],
    ['a function', lines, { amount: 1 }, { amount: 2 }],
  ])(
    'takes key %s with every part missing for no key, whatever else the event holds',
    async (_, key, first, second) => {
      let runs = 0;
      const handler = idempotent(async (event: Record<string, unknown>) => ({ event, run: ++runs }), {
        key,
        persistence: makeLayer(),
      });
      await expect(handler(first, {})).rejects.toBeInstanceOf(IdempotencyKeyError);
      await expect(handler(second, {})).rejects.toThrow(/^the event has no idempotency key: /);
      expect(runs).toBe(0);
    },
  );

  it('keeps a compound key with one part present, and refuses a key JSON cannot write', async () => {
    let runs = 0;
    const persistence = makeLayer();
    const byOrder = idempotent(async () => ++runs, { key: '[orderId, customerId]', persistence });
    const id = randomUUID();
    await expect(byOrder({ customerId: `a-${id}` }, {})).resolves.toBe(1);
    await expect(byOrder({ customerId: `b-${id}` }, {})).resolves.toBe(2);
    await expect(byOrder({ customerId: `a-${id}` }, {})).resolves.toBe(1);

    // A Set is written {} by JSON: every set of order ids would share one record.
    const bySet = idempotent(async () => ++runs, {
      key: (event: { ids: string[] }) => new Set(event.ids),
      persistence,
    });
    await expect(bySet({ ids: ['o1'] }, {})).rejects.toThrow(
      'the idempotency key the key function found is not JSON data: (the value) is a Set, which JSON writes as {}: pass [...set]',
    );
    const byBigInt = idempotent(async () => ++runs, { key: () => ({ order: 1n }), persistence });
    await expect(byBigInt({}, {})).rejects.toThrow(/key function found is not JSON data: order is a BigInt/);
    expect(runs).toBe(2);
  });

  it('compares an absent payload as null, without failing', async () => {
    let runs = 0;
    const handler = idempotent(async () => ++runs, {
      key: 'orderId',
      payload: (event: { orderId: string; amount?: number }) => event.amount,
      persistence: makeLayer(),
      localCache: false,
    });
    const orderId = randomUUID();
    await expect(handler({ orderId }, {})).resolves.toBe(1);
    await expect(handler({ orderId }, {})).resolves.toBe(1);
    await expect(handler({ orderId, amount: 3 }, {})).rejects.toBeInstanceOf(IdempotencyPayloadMismatchError);
  });

  it.each([0, -5, NaN])(
    'holds the key for inProgressTimeoutMs when the context says %p ms remain, refusing a concurrent duplicate',
    async (remaining) => {
      let runs = 0;
      const slow = idempotent(
        async () => {
          runs++;
          await new Promise((resolve) => setTimeout(resolve, 300));
          return 'done';
        },
        { key: 'orderId', persistence: makeLayer(), localCache: false },
      );
      const context = { getRemainingTimeInMillis: () => remaining };
      const orderId = randomUUID();
      const first = slow({ orderId }, context);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await expect(slow({ orderId }, context)).rejects.toBeInstanceOf(IdempotencyInProgressError);
      await expect(first).resolves.toBe('done');
      expect(runs).toBe(1);
    },
  );

  describe('a run whose result cannot be stored', () => {
    let warnings: string[];
    beforeEach(() => {
      warnings = [];
      jest.spyOn(console, 'warn').mockImplementation((line: string) => void warnings.push(line));
    });
    afterEach(() => jest.restoreAllMocks());

    it('is recorded as completed all the same: a duplicate gets IdempotencyResultNotStoredError, never a second run', async () => {
      let runs = 0;
      const persistence = makeLayer();
      const charge = idempotent(async () => ({ total: 10n, run: ++runs }), {
        key: 'orderId',
        persistence,
        localCache: false,
        ttl: 60,
      });
      const orderId = randomUUID();
      const before = Date.now();
      await expect(charge({ orderId }, {})).resolves.toEqual({ total: 10n, run: 1 });
      expect(warnings).toEqual([expect.stringContaining('its result could not be stored')]);

      const duplicate = charge({ orderId }, {});
      await expect(duplicate).rejects.toBeInstanceOf(IdempotencyResultNotStoredError);
      await expect(duplicate).rejects.toThrow(
        /^the invocation with idempotency key .+ ran, but its result could not be stored: JSON cannot write it \(Do not know how to serialize a BigInt\)\. The handler does not run again for this key until the record expires at /,
      );
      const error = (await duplicate.catch((caught: unknown) => caught)) as IdempotencyResultNotStoredError;
      expect(error.expiresAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 60_000);
      expect(runs).toBe(1);
    });

    it(`is over the store's size limit on DynamoDB (400 KB an item), and within it on Redis`, async () => {
      let runs = 0;
      const persistence = makeLayer();
      const render = idempotent(async () => ({ html: 'x'.repeat(420 * 1024), run: ++runs }), {
        key: 'orderId',
        persistence,
        localCache: false,
      });
      const orderId = randomUUID();
      await expect(render({ orderId }, {})).resolves.toMatchObject({ run: 1 });
      if (store === 'DynamoDB') {
        await expect(render({ orderId }, {})).rejects.toThrow(
          /its result could not be stored: the record is \d+ bytes, over the 409600 bytes DynamoDB stores in an item\./,
        );
      } else {
        await expect(render({ orderId }, {})).resolves.toMatchObject({ run: 1 });
      }
      expect(runs).toBe(1);
    });

    it(`gives a duplicate nothing, or runs it again, only when asked to`, async () => {
      let runs = 0;
      const persistence = makeLayer();
      const handler = (resultNotStored: 'nothing' | 'rerun') =>
        idempotent(async () => ({ total: 10n, run: ++runs }), {
          key: 'orderId',
          persistence,
          localCache: false,
          resultNotStored,
        });
      const nothing = handler('nothing');
      const first = randomUUID();
      await nothing({ orderId: first }, {});
      await expect(nothing({ orderId: first }, {})).resolves.toBeUndefined();
      expect(runs).toBe(1);

      const rerun = handler('rerun');
      const second = randomUUID();
      await expect(rerun({ orderId: second }, {})).resolves.toEqual({ total: 10n, run: 2 });
      await expect(rerun({ orderId: second }, {})).resolves.toEqual({ total: 10n, run: 3 });
      expect(warnings).toEqual([
        expect.stringContaining('a duplicate gets nothing'),
        expect.stringContaining('a duplicate runs the handler again'),
        expect.stringContaining('a duplicate runs the handler again'),
      ]);
    });

    it('through the middleware too, which leaves the key completed and not held', async () => {
      let runs = 0;
      const middleware = idempotentMiddleware<{ orderId: string }, unknown>({
        key: 'orderId',
        persistence: makeLayer(),
        localCache: false,
      });
      const invoke = async (event: { orderId: string }) => {
        const request = { event, context: {}, response: undefined as unknown, internal: {} };
        if ((await middleware.before(request)) !== undefined || 'earlyResponse' in request) return request.response;
        request.response = { total: 10n, run: ++runs };
        await middleware.after(request);
        return request.response;
      };
      const orderId = randomUUID();
      await expect(invoke({ orderId })).resolves.toEqual({ total: 10n, run: 1 });
      await expect(invoke({ orderId })).rejects.toBeInstanceOf(IdempotencyResultNotStoredError);
      expect(runs).toBe(1);
    });
  });

  it('makes one side effect out of a storm of 4 processes × 25 concurrent duplicates', async () => {
    const key = `storm-${randomUUID()}`;
    const effectsKey = `effects:${key}`;
    const runs = await Promise.all(
      Array.from({ length: 4 }, () =>
        runWorker({
          STORE: store.toLowerCase(),
          KEY: key,
          CALLS: '25',
          EFFECTS_KEY: effectsKey,
          STATEFUL_LOCAL_REDIS_URL: endpointOf('redis'),
        }),
      ),
    );
    const summaries = runs.map((run) => {
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      return JSON.parse(run.stdout) as { results: unknown[]; inProgress: number; other: string[] };
    });
    expect(await redis.get(effectsKey)).toBe('1');
    const results = summaries.flatMap((summary) => summary.results);
    const inProgress = summaries.reduce((sum, summary) => sum + summary.inProgress, 0);
    expect(summaries.flatMap((summary) => summary.other)).toEqual([]);
    expect(results.length + inProgress).toBe(100);
    expect(results.length).toBeGreaterThan(0);
    expect(new Set(results.map((result) => JSON.stringify(result))).size).toBe(1);
    await redis.del(effectsKey);
  });

  it('lets a retry through only after the in-progress time of a crashed holder runs out', async () => {
    const key = `crash-${randomUUID()}`;
    // The holder takes the key for lockMs; the first retry must come before that ends, however
    // long a busy machine takes to start a client and send it.
    const lockMs = 3000;
    const child = spawn(process.execPath, [worker], {
      env: {
        ...process.env,
        STORE: store.toLowerCase(),
        KEY: key,
        MODE: 'hang',
        LOCK_MS: String(lockMs),
        STATEFUL_LOCAL_REDIS_URL: endpointOf('redis'),
      },
    });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const lockedAt = Date.now();
    child.kill('SIGKILL');

    let runs = 0;
    // The worker's store, with its default key prefix.
    const persistence =
      store === 'Redis' ? new RedisPersistence({ url: endpointOf('redis') }) : new DynamoDBPersistence();
    if (persistence instanceof RedisPersistence) redisLayers.push(persistence);
    const retry = idempotent(async () => ++runs, { key: 'orderId', persistence, localCache: false });
    await expect(retry({ orderId: key }, {})).rejects.toBeInstanceOf(IdempotencyInProgressError);
    expect(runs).toBe(0);

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, lockedAt + lockMs + 100 - Date.now())));
    await expect(retry({ orderId: key }, {})).resolves.toBe(1);
  });
});

describe('idempotent() when its store is down', () => {
  it('fails before running the handler, with the store error, and logs nothing else', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const layer = new RedisPersistence({ url: 'redis://127.0.0.1:9' });
    redisLayers.push(layer);
    let runs = 0;
    const handler = idempotent(async () => ++runs, { key: 'orderId', persistence: layer });
    const attempt = handler({ orderId: 'o6' }, {});
    await expect(attempt).rejects.toBeInstanceOf(IdempotencyPersistenceError);
    await expect(attempt).rejects.toThrow(/^Redis at redis:\/\/127\.0\.0\.1:9 failed to take the idempotency key: /);
    expect(runs).toBe(0);
    // ioredis reports a connection error with no listener as "Unhandled error event".
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  });
});

describe('idempotent() when its store is slow', () => {
  it('gives up after timeoutMs without running the handler; the key it took meanwhile holds until its in-progress time ends', async () => {
    // Connected while Redis answers at once; then every answer comes 5 s late, long after the
    // 200 ms the layer waits, so a busy machine's late timers cannot blur the two.
    const proxy = await slowProxy(endpointOf('redis'), 0);
    const prefix = `slow:${randomUUID()}:`;
    const slowLayer = new RedisPersistence({ url: proxy.endpoint.replace('http:', 'redis:'), prefix, timeoutMs: 200 });
    const directLayer = new RedisPersistence({ url: endpointOf('redis'), prefix });
    redisLayers.push(directLayer);
    let runs = 0;
    const options = { key: 'orderId', localCache: false } as const;
    const inProgressMs = 3000;
    const context = { getRemainingTimeInMillis: () => inProgressMs };
    await idempotent(async () => 'warm', { ...options, persistence: slowLayer })({ orderId: 'warm' }, context);
    proxy.delayMs = 5000;
    const started = Date.now();
    const attempt = idempotent(async () => ++runs, { ...options, persistence: slowLayer })({ orderId: 'o7' }, context);
    await expect(attempt).rejects.toThrow(/failed to take the idempotency key: Command timed out/);
    const gaveUpAt = Date.now(); // after the key was taken, so its in-progress time ends before gaveUpAt + inProgressMs
    expect(gaveUpAt - started).toBeLessThan(proxy.delayMs);
    expect(runs).toBe(0);

    // Redis did take the key: the answer was late, not lost. A retry is refused, then let through.
    await proxy.answered();
    await slowLayer.close();
    await proxy.close();
    const retry = idempotent(async () => ++runs, { ...options, persistence: directLayer });
    await expect(retry({ orderId: 'o7' }, context)).rejects.toBeInstanceOf(IdempotencyInProgressError);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, gaveUpAt + inProgressMs + 100 - Date.now())));
    await expect(retry({ orderId: 'o7' }, context)).resolves.toBe(1);
  });
});

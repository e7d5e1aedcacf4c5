/**
 * @services redis
 */
// cache().getOrLoad, set, delete and deleteByTag against the real Redis, in one process: two tiers,
// namespaced keys, grace, negative caching, tags, deletes racing a load, the size limit, both
// codecs, the lock's bounds, loader errors, a slow Redis (soft timeout and breaker), a Redis that
// refuses (a function that may only read, and the exact commands a readwrite one needs), a Redis
// that is down, and the metrics. Two cache names on one Redis URL stand for two containers: each
// has its own in-container tier, flights and breaker, and they share Redis's keys.
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import {
  cache,
  CacheUnavailableError,
  flushCacheMetrics,
  withCacheMetrics,
  type Cache,
  type CacheOptions,
} from '../../runtime/index';
import { environmentVariableName } from '../../runtime/environment';
import { msgpackCodec } from '../../runtime/msgpack';
import { endpointOf } from '../support/endpoints';
import { refusingEndpoint, slowProxy } from '../support/wire';

const id = randomUUID().slice(0, 8);
const namespace = `cache-aside-${id}`;
const redisUrl = endpointOf('redis');
const { hostname: redisHost, port: redisPort } = new URL(redisUrl);
const url = `${redisUrl}?namespace=${namespace}`;
const admin = new Redis(redisUrl);
const declared: Cache[] = [];
const aclUsers: string[] = [];
let names = 0;

/** A new cache (a container) on `address`, disconnected after the tests. */
function container(options?: CacheOptions, address = url): Cache {
  const name = `aside${id.replace(/-/g, '')}n${names++}`;
  process.env[environmentVariableName('cache', name)] = address;
  const made = cache(name, options);
  declared.push(made);
  return made;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const valueKey = (key: string) => `${namespace}:{${key}}`;
const lockKey = (key: string) => `${valueKey(key)}:lock`;

/** A loader that counts its calls, waits `ms`, and returns `value`. */
function counted<T>(value: T, ms = 0) {
  const loader = async () => {
    loader.calls++;
    if (ms > 0) await sleep(ms);
    return value;
  };
  loader.calls = 0;
  return loader;
}

/** A logger that keeps the warnings. */
function warnings() {
  const lines: string[] = [];
  return { lines, logger: { warn: (line: string) => lines.push(line) } };
}

async function elapsed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work;
  return { value, ms: performance.now() - started };
}

afterAll(async () => {
  for (const made of declared) made.disconnect();
  for (const user of aclUsers) await admin.call('ACL', 'DELUSER', user);
  let cursor = '0';
  do {
    const [next, keys] = await admin.scan(cursor, 'MATCH', `${namespace}:*`, 'COUNT', 1000);
    if (keys.length > 0) await admin.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  admin.disconnect();
});

describe('getOrLoad', () => {
  it('loads once, writes Redis under the namespace, then serves from the in-container tier', async () => {
    const catalog = container();
    const loader = counted({ id: 'p1', price: 12 });
    expect(await catalog.getOrLoad('product:1', loader, { ttl: 60 })).toEqual({ id: 'p1', price: 12 });
    expect(await catalog.getOrLoad('product:1', loader, { ttl: 60 })).toEqual({ id: 'p1', price: 12 });
    expect(loader.calls).toBe(1);
    expect(await admin.get(valueKey('product:1'))).toMatch(/^json:\d+:\{"id":"p1","price":12\}$/);
    const pttl = await admin.pttl(valueKey('product:1'));
    expect(pttl).toBeGreaterThan(55_000);
    expect(pttl).toBeLessThanOrEqual(60_000);
    expect(await admin.exists(lockKey('product:1'))).toBe(0);
    expect(catalog.metrics()).toMatchObject({
      misses: 1,
      loads: 1,
      fills: 1,
      hitsLocal: 1,
      hitsRedis: 0,
      localEntries: 1,
    });

    // Another container finds it in Redis, and does not load.
    const other = container({ local: false });
    const otherLoader = counted({ id: 'other' });
    expect(await other.getOrLoad('product:1', otherLoader)).toEqual({ id: 'p1', price: 12 });
    expect(otherLoader.calls).toBe(0);
    expect(other.metrics()).toMatchObject({ hitsRedis: 1, misses: 0 });
  });

  it('gives every caller its own copy: changing one changes nothing cached', async () => {
    const catalog = container();
    const first = await catalog.getOrLoad('copy', () => ({ items: [1] }));
    (first as { items: number[] }).items.push(2);
    expect(await catalog.getOrLoad('copy', () => ({ items: [] }))).toEqual({ items: [1] });
  });

  it('leaves keys unprefixed when the URL has no namespace', async () => {
    const plain = container({}, redisUrl);
    const key = `cache-aside-test:${id}:plain`;
    await plain.getOrLoad(key, () => 'value', { ttl: 10 });
    expect(await admin.get(`{${key}}`)).toMatch(/^json:\d+:"value"$/);
    await admin.del(`{${key}}`);
  });

  it('serves a stale value within grace while one caller refreshes, and the refreshed one afterwards', async () => {
    const refresher = container({ local: false });
    const reader = container({ local: false });
    const options = { ttl: 0.3, grace: 30 };
    await refresher.getOrLoad('grace', () => 'v1', options);
    await sleep(400);

    const refreshLoader = counted('v2', 600);
    const refreshing = elapsed(refresher.getOrLoad('grace', refreshLoader, options));
    await sleep(150);
    // Another container meanwhile: served the stale value at once, loads nothing.
    const readerLoader = counted('reader');
    const stale = await elapsed(reader.getOrLoad('grace', readerLoader, options));
    expect(stale.value).toBe('v1');
    expect(stale.ms).toBeLessThan(300);
    expect(readerLoader.calls).toBe(0);
    // The same container meanwhile: served stale too, not made to wait for its own refresh.
    expect(await refresher.getOrLoad('grace', readerLoader, options)).toBe('v1');

    const refreshed = await refreshing;
    expect(refreshed.value).toBe('v2');
    expect(refreshed.ms).toBeGreaterThanOrEqual(590);
    // The refresh finished inside the call: the value written and the lock released by the time it returned.
    expect(await admin.get(valueKey('grace'))).toMatch(/^json:\d+:"v2"$/);
    expect(await admin.exists(lockKey('grace'))).toBe(0);
    expect(refreshLoader.calls).toBe(1);

    expect(await reader.getOrLoad('grace', readerLoader, options)).toBe('v2');
    expect(readerLoader.calls).toBe(0);
    expect(reader.metrics()).toMatchObject({ hitsStale: 1, hitsRedis: 1 });
    expect(refresher.metrics()).toMatchObject({ hitsStale: 1, loads: 2, fills: 2 });
  });

  it('loads again after the grace period', async () => {
    const catalog = container({ local: false });
    await catalog.getOrLoad('graceover', () => 'old', { ttl: 0.2, grace: 0.2 });
    await sleep(500);
    expect(await admin.exists(valueKey('graceover'))).toBe(0);
    const loader = counted('new');
    expect(await catalog.getOrLoad('graceover', loader, { ttl: 0.2, grace: 0.2 })).toBe('new');
    expect(loader.calls).toBe(1);
  });

  it('caches "not found" for negativeTtl, and not at all with 0', async () => {
    const catalog = container({ local: false });
    const missing = counted<string | undefined>(undefined);
    expect(await catalog.getOrLoad('absent', missing, { ttl: 60, negativeTtl: 0.5 })).toBeUndefined();
    expect(await catalog.getOrLoad('absent', counted('created'), { ttl: 60, negativeTtl: 0.5 })).toBeUndefined();
    expect(missing.calls).toBe(1);
    expect(await admin.get(valueKey('absent'))).toMatch(/^~:\d+:$/);
    expect(await admin.pttl(valueKey('absent'))).toBeLessThanOrEqual(500);
    await sleep(600);
    expect(await catalog.getOrLoad('absent', counted('created'), { ttl: 60, negativeTtl: 0.5 })).toBe('created');

    const uncached = counted<string | undefined>(undefined);
    await catalog.getOrLoad('absent-uncached', uncached, { negativeTtl: 0 });
    await catalog.getOrLoad('absent-uncached', uncached, { negativeTtl: 0 });
    expect(uncached.calls).toBe(2);
    expect(await admin.exists(valueKey('absent-uncached'), lockKey('absent-uncached'))).toBe(0);
  });

  it('makes callers that wait on a lock held by a dead container load within their bound, writing nothing', async () => {
    await admin.set(lockKey('orphan'), 'a dead container', 'PX', 10_000);
    const catalog = container({ lock: { waitMs: 300 } });
    const loader = counted('mine');
    const { value, ms } = await elapsed(catalog.getOrLoad('orphan', loader));
    expect(value).toBe('mine');
    expect(ms).toBeGreaterThanOrEqual(280);
    expect(ms).toBeLessThan(300 + 1000);
    expect(await admin.exists(valueKey('orphan'))).toBe(0);
    expect(await admin.get(lockKey('orphan'))).toBe('a dead container');
    expect(catalog.metrics()).toMatchObject({ lockWaits: 1, lockWaitTimeouts: 1, loads: 1, fills: 0 });
  });

  it('takes the lock once it expires, loads and writes', async () => {
    await admin.set(lockKey('expiring'), 'a dead container', 'PX', 300);
    const catalog = container({ lock: { waitMs: 3000 } });
    const { value, ms } = await elapsed(catalog.getOrLoad('expiring', () => 'after expiry'));
    expect(value).toBe('after expiry');
    expect(ms).toBeGreaterThanOrEqual(250);
    expect(ms).toBeLessThan(3000);
    expect(await admin.get(valueKey('expiring'))).toMatch(/"after expiry"$/);
    expect(catalog.metrics()).toMatchObject({ lockWaits: 1, lockWaitTimeouts: 0, fills: 1 });
  });

  it('throws the loader’s error to every caller that shared the load, and releases the lock at once', async () => {
    const catalog = container();
    let calls = 0;
    const failing = async () => {
      calls++;
      await sleep(50);
      throw new Error('the table is down');
    };
    const results = await Promise.allSettled([1, 2, 3].map(() => catalog.getOrLoad('failing', failing)));
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(calls).toBe(1);
    expect(await admin.exists(lockKey('failing'))).toBe(0);
    expect(await catalog.getOrLoad('failing', () => 'recovered')).toBe('recovered');
    expect(catalog.metrics()).toMatchObject({ loads: 2, loadErrors: 1 });
  });
});

describe('writes and invalidation', () => {
  it('set() replaces the value everywhere, delete() removes keys from both tiers', async () => {
    const writer = container();
    const reader = container();
    await reader.getOrLoad('p', () => 'loaded');
    await writer.set('p', 'written', { ttl: 30 });
    expect(await admin.get(valueKey('p'))).toMatch(/"written"$/);
    expect(await writer.getOrLoad('p', () => 'not this')).toBe('written');
    await writer.set('q', 'q');
    await writer.delete(['p', 'q']);
    expect(await admin.exists(valueKey('p'), valueKey('q'))).toBe(0);
    expect(await writer.getOrLoad('p', () => 'reloaded')).toBe('reloaded');
  });

  it('keeps a value loaded before a delete out of the cache', async () => {
    const loading = container({ local: false });
    const deleting = container();
    const pending = loading.getOrLoad('raced', counted('read before the write', 300));
    await sleep(100);
    await deleting.delete('raced');
    expect(await pending).toBe('read before the write');
    expect(await admin.exists(valueKey('raced'), lockKey('raced'))).toBe(0);
    expect(loading.metrics()).toMatchObject({ loads: 1, fills: 0 });
  });

  it('lets a set() during a load win over the load', async () => {
    const loading = container({ local: false });
    const pending = loading.getOrLoad('set-during-load', counted('loaded', 300));
    await sleep(100);
    await container().set('set-during-load', 'set');
    expect(await pending).toBe('loaded');
    expect(await loading.getOrLoad('set-during-load', () => 'again')).toBe('set');
  });

  it('deleteByTag() deletes every key of the tag, in Redis and in the in-container tier, and no other', async () => {
    const catalog = container();
    await catalog.set('t-p1', 1, { tags: ['category:1'] });
    await catalog.getOrLoad('t-p2', () => 2, { tags: ['category:1', 'sale'] });
    await catalog.getOrLoad('t-p3', () => 3, { tags: ['category:2'] });
    expect(await admin.zrange(`${namespace}:tag:{category:1}`, 0, -1)).toEqual(
      expect.arrayContaining(['t-p1', 't-p2']),
    );

    await container().deleteByTag('category:1');
    expect(await admin.exists(valueKey('t-p1'), valueKey('t-p2'))).toBe(0);
    expect(await admin.exists(valueKey('t-p3'))).toBe(1);
    // This container's own tier forgets them on its own deleteByTag.
    await catalog.deleteByTag(['category:1']);
    expect(await catalog.getOrLoad('t-p1', () => 'reloaded')).toBe('reloaded');
    expect(await catalog.getOrLoad('t-p3', () => 'not reloaded')).toBe(3);
  });

  it('keeps a tagged value loaded before deleteByTag() out of the cache', async () => {
    const loading = container({ local: false });
    const pending = loading.getOrLoad('t-raced', counted('read before the write', 300), { tags: ['category:9'] });
    await sleep(100);
    await container().deleteByTag('category:9');
    expect(await pending).toBe('read before the write');
    expect(await admin.exists(valueKey('t-raced'), lockKey('t-raced'))).toBe(0);
  });
});

describe('the size limit', () => {
  it('does not cache a value over maxValueBytes, and warns once per key', async () => {
    const { lines, logger } = warnings();
    const catalog = container({ maxValueBytes: 100, logger, local: false });
    const big = counted('x'.repeat(200));
    expect(await catalog.getOrLoad('big', big)).toBe('x'.repeat(200));
    expect(await catalog.getOrLoad('big', big)).toBe('x'.repeat(200));
    await catalog.getOrLoad('big2', big);
    expect(big.calls).toBe(3);
    expect(await admin.exists(valueKey('big'), lockKey('big'), valueKey('big2'))).toBe(0);
    expect(lines).toEqual([
      `cache ${catalog.name}: the value of big is 202 bytes as json, over maxValueBytes (100): it is not cached, and each read of it loads it again.`,
      expect.stringContaining('the value of big2 is 202 bytes'),
    ]);
    expect(catalog.metrics().notCached).toBe(3);
  });

  it('removes the older value when set() or a refresh brings one over the limit', async () => {
    const { logger } = warnings();
    const catalog = container({ maxValueBytes: 100, logger, local: false });
    await catalog.set('grown', 'small');
    await catalog.set('grown', 'x'.repeat(200));
    expect(await admin.exists(valueKey('grown'))).toBe(0);

    await catalog.getOrLoad('grown-stale', () => 'small', { ttl: 0.2, grace: 30 });
    await sleep(300);
    expect(await catalog.getOrLoad('grown-stale', () => 'x'.repeat(200), { ttl: 0.2, grace: 30 })).toHaveLength(200);
    expect(await admin.exists(valueKey('grown-stale'), lockKey('grown-stale'))).toBe(0);
  });
});

describe('codecs', () => {
  it('keeps Dates, Buffers, Maps and big numbers through Redis with MessagePack', async () => {
    const writer = container({ codec: msgpackCodec({ moreTypes: true }) });
    const reader = container({ codec: msgpackCodec({ moreTypes: true }), local: false });
    const value = {
      at: new Date('2026-01-01T00:00:00Z'),
      bytes: Buffer.from([0, 1, 255]),
      big: 2n ** 64n,
      tags: new Set(['a']),
    };
    await writer.getOrLoad('typed', () => value);
    expect((await admin.getBuffer(valueKey('typed')))?.subarray(0, 8).toString()).toBe('msgpack:');
    const read = await reader.getOrLoad('typed', () => 'not this');
    expect(read).toEqual(value);
    expect(reader.metrics()).toMatchObject({ hitsRedis: 1, loads: 0 });
  });

  it('reads a value written by another codec as a miss, and replaces it', async () => {
    const json = container({ local: false });
    const msgpack = container({ codec: msgpackCodec(), local: false });
    await json.getOrLoad('switched', () => ({ from: 'json' }));
    expect(await msgpack.getOrLoad('switched', () => ({ from: 'msgpack' }))).toEqual({ from: 'msgpack' });
    expect((await admin.getBuffer(valueKey('switched')))?.subarray(0, 8).toString()).toBe('msgpack:');
    expect(await json.getOrLoad('switched', () => ({ from: 'json again' }))).toEqual({ from: 'json again' });
    expect(await admin.get(valueKey('switched'))).toMatch(/^json:\d+:\{"from":"json again"\}$/);
  });
});

describe('a slow Redis', () => {
  let proxy: Awaited<ReturnType<typeof slowProxy>>;
  let address = '';
  beforeEach(async () => {
    proxy = await slowProxy(redisUrl, 0);
    address = `${proxy.endpoint.replace('http:', 'redis:')}?namespace=${namespace}`;
  });
  afterEach(() => proxy.close());

  it('serves the in-container tier’s entry once the soft timeout passes, loading nothing', async () => {
    const catalog = container({ timeoutMs: 50, local: { ttl: 0.05 } }, address);
    expect(await catalog.getOrLoad('soft', () => 'cached', { ttl: 60 })).toBe('cached');
    await sleep(100); // past its local lifetime: the next read asks Redis first

    proxy.delayMs = 300;
    const loader = counted('loaded');
    const { value, ms } = await elapsed(catalog.getOrLoad('soft', loader, { ttl: 60 }));
    expect(value).toBe('cached');
    expect(ms).toBeGreaterThanOrEqual(45);
    expect(ms).toBeLessThan(250);
    expect(loader.calls).toBe(0);
    // Redis did answer, late: that counts for it, not against it.
    await sleep(400);
    expect(catalog.metrics()).toMatchObject({ softTimeouts: 1, hitsLocal: 1, redisErrors: 0, breaker: 'closed' });
  });

  it('waits for Redis up to the command timeout when there is nothing to serve instead, not the soft timeout', async () => {
    const catalog = container({ timeoutMs: 20, local: false }, address);
    await catalog.getOrLoad('patient', () => 'cached');
    proxy.delayMs = 150;
    const loader = counted('loaded');
    const { value, ms } = await elapsed(catalog.getOrLoad('patient', loader));
    expect(value).toBe('cached');
    expect(ms).toBeGreaterThanOrEqual(140);
    expect(loader.calls).toBe(0);
  });

  it('fails a write with CacheUnavailableError at the command timeout', async () => {
    const catalog = container({ commandTimeoutMs: 150 }, address);
    await catalog.set('slow-write', 'before');
    proxy.delayMs = 400;
    const { value, ms } = await elapsed(catalog.delete('slow-write').catch((error: unknown) => error));
    expect(value).toBeInstanceOf(CacheUnavailableError);
    expect((value as Error).message).toMatch(/delete of slow-write failed, Redis did not do it: Command timed out/);
    expect(ms).toBeGreaterThanOrEqual(140);
    expect(ms).toBeLessThan(1000);
  });

  it('is given up at the command timeout, then skipped while the breaker is open, then probed and used again', async () => {
    const catalog = container(
      { commandTimeoutMs: 150, breaker: { failures: 3, coolDownMs: 400 }, local: false },
      address,
    );
    expect(await catalog.getOrLoad('hard', () => 'cached')).toBe('cached');

    proxy.delayMs = 400;
    const loader = counted('from the loader');
    for (let read = 0; read < 3; read++) {
      const { value, ms } = await elapsed(catalog.getOrLoad('hard', loader));
      expect(value).toBe('from the loader');
      expect(ms).toBeGreaterThanOrEqual(140);
      expect(ms).toBeLessThan(1000);
    }
    expect(catalog.metrics()).toMatchObject({ redisErrors: 3, breaker: 'open', breakerOpened: 1 });

    // Open: no time paid to Redis at all.
    for (let read = 0; read < 20; read++) {
      const { value, ms } = await elapsed(catalog.getOrLoad('hard', loader));
      expect(value).toBe('from the loader');
      expect(ms).toBeLessThan(40);
    }
    expect(catalog.metrics().breakerSkips).toBe(20);

    proxy.delayMs = 0;
    await sleep(450);
    expect(await catalog.getOrLoad('hard', loader)).toBe('cached');
    expect(catalog.metrics()).toMatchObject({ breaker: 'closed', breakerHalfOpened: 1, breakerClosed: 1 });
  });
});

describe('a Redis that is down', () => {
  it('serves reads from the loader, and fails writes with CacheUnavailableError, at once once the breaker is open', async () => {
    const address = `${(await refusingEndpoint()).replace('http:', 'redis:')}?namespace=${namespace}`;
    const catalog = container({ connectTimeoutMs: 200, breaker: { failures: 5, coolDownMs: 60_000 } }, address);
    const first = await elapsed(catalog.getOrLoad('down', () => 'loaded'));
    expect(first.value).toBe('loaded');
    // The first connection may take connectTimeoutMs; its failure opens the breaker at once.
    expect(first.ms).toBeLessThan(200 + 1000);
    expect(catalog.metrics()).toMatchObject({ breaker: 'open', redisErrors: 1 });
    // The in-container tier serves what the loader gave.
    expect(await catalog.getOrLoad('down', () => 'not loaded again')).toBe('loaded');

    const write = await elapsed(catalog.delete('down').catch((error: unknown) => error));
    expect(write.value).toBeInstanceOf(CacheUnavailableError);
    expect((write.value as CacheUnavailableError).message).toBe(
      `cache ${catalog.name}: delete of down failed, not tried: the circuit breaker is open after repeated Redis failures`,
    );
    expect(write.ms).toBeLessThan(20);
    await expect(catalog.set('down', 1)).rejects.toThrow(CacheUnavailableError);
    await expect(catalog.deleteByTag('t')).rejects.toThrow(CacheUnavailableError);
    // A delete that could not reach Redis still forgets the key in this container.
    expect(await catalog.getOrLoad('down', () => 'loaded again')).toBe('loaded again');
  });

  it('fails a write with CacheUnavailableError naming the keys and Redis’s error', async () => {
    const address = `${(await refusingEndpoint()).replace('http:', 'redis:')}?namespace=${namespace}`;
    const catalog = container({ connectTimeoutMs: 200 }, address);
    const error = (await catalog
      .delete(['a', 'b', 'c', 'd'])
      .catch((thrown: unknown) => thrown)) as CacheUnavailableError;
    expect(error).toBeInstanceOf(CacheUnavailableError);
    expect(error.keys).toEqual(['a', 'b', 'c', 'd']);
    expect(error.message).toMatch(
      new RegExp(
        `^cache ${catalog.name}: delete of a, b, c and 1 more failed, Redis did not do it: cache ${catalog.name} at .*ECONNREFUSED`,
      ),
    );
  });
});

describe('a Redis that refuses', () => {
  /** A Redis ACL user of this run, allowed `commands` on this run's keys. */
  async function aclUser(role: string, commands: string[]): Promise<string> {
    const name = `stateful-${role}-${id}`;
    await admin.call('ACL', 'SETUSER', name, 'reset', 'on', 'nopass', `~${namespace}:*`, '+info', '+ping', ...commands);
    aclUsers.push(name);
    return name;
  }
  const asUser = (user: string) =>
    `redis://${user}@${redisHost}:${redisPort}?auth=iam&cache=c-${id}&serverless=false&namespace=${namespace}`;

  beforeAll(() => {
    process.env.AWS_REGION ??= 'us-east-1';
  });

  it('lets a function that may only read get hits, and load misses without the lock or a write, with one warning', async () => {
    const user = await aclUser('reader', ['+get']);
    const { lines, logger } = warnings();
    const reader = container({ logger, local: false }, asUser(user));
    await container().set('ro-hit', 'cached');
    expect(await reader.getOrLoad('ro-hit', () => 'no')).toBe('cached');

    const loader = counted('loaded');
    expect(await reader.getOrLoad('ro-miss', loader)).toBe('loaded');
    expect(await reader.getOrLoad('ro-miss', loader)).toBe('loaded');
    expect(loader.calls).toBe(2);
    expect(await admin.exists(valueKey('ro-miss'), lockKey('ro-miss'))).toBe(0);
    expect(lines).toEqual([
      expect.stringMatching(
        /^cache \S+: this function may only read the cache \(Redis said: NOPERM .*give the function readwrite access/,
      ),
    ]);
    expect(reader.metrics()).toMatchObject({ breaker: 'closed', redisErrors: 0, fills: 0 });
    await expect(reader.set('ro-miss', 1)).rejects.toThrow(/may only read this cache \(give it readwrite\): NOPERM/);
  });

  it('needs only the commands docs/caches.md lists for a readwrite function', async () => {
    const commands = [
      'get',
      'set',
      'del',
      'eval',
      'evalsha',
      'pttl',
      'time',
      'zadd',
      'zrange',
      'zremrangebyscore',
      'pexpireat',
    ];
    const user = await aclUser(
      'writer',
      commands.map((command) => `+${command}`),
    );
    const { lines, logger } = warnings();
    const writer = container({ logger, local: false }, asUser(user));
    await admin.call('ACL', 'LOG', 'RESET');
    expect(await writer.getOrLoad('rw', () => 'loaded', { tags: ['rw-tag'], ttl: 0.2, grace: 10 })).toBe('loaded');
    await sleep(300);
    expect(await writer.getOrLoad('rw', () => 'refreshed', { tags: ['rw-tag'], ttl: 0.2, grace: 10 })).toBe(
      'refreshed',
    );
    await writer.set('rw2', 'set', { tags: ['rw-tag'] });
    await writer.delete('rw2');
    await writer.deleteByTag('rw-tag');
    expect(await admin.exists(valueKey('rw'))).toBe(0);
    expect(await admin.call('ACL', 'LOG')).toEqual([]);
    expect(lines).toEqual([]);
    expect(writer.metrics()).toMatchObject({ fills: 2, redisErrors: 0 });
  });
});

describe('metrics', () => {
  it('are written as one EMF line per cache per invocation, with what changed in it', async () => {
    const catalog = container();
    const lines: string[] = [];
    const handler = withCacheMetrics(async (key: string) => catalog.getOrLoad(key, () => 'value'), {
      write: (line) => lines.push(line),
      dimensions: { Service: 'shop-test' },
    });
    flushCacheMetrics({ write: () => undefined }); // what earlier tests counted
    await handler('emf', undefined);
    await handler('emf', undefined);
    const ours = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(ours).toHaveLength(2);
    expect(ours[0]).toMatchObject({
      Cache: catalog.name,
      Service: 'shop-test',
      Misses: 1,
      Loads: 1,
      Fills: 1,
      HitsLocal: 0,
    });
    expect(ours[1]).toMatchObject({ Cache: catalog.name, Misses: 0, Loads: 0, HitsLocal: 1 });
    // An invocation that used no cache writes nothing.
    await withCacheMetrics(async () => 'nothing', { write: (line) => lines.push(line) })(undefined, undefined);
    expect(lines).toHaveLength(2);
  });
});

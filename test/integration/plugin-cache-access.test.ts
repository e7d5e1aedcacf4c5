/**
 * @services redis
 */
// The access strings the plugin gives a cache's users, proved on the real Redis 7: each level's
// string becomes a Redis ACL user as it is (ElastiCache's access strings are Redis ACL rules), and
// the runtime's operations run as that user. What a level is for works with nothing refused; what
// it is not for is refused with NOPERM, and keys outside the service's namespace are refused to all.
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { cache, CacheUnavailableError, type Cache } from '../../runtime/index';
import { environmentVariableName } from '../../runtime/environment';
import { accessString, cacheCommands, type CacheAccessLevel } from '../../plugin/kinds/caches/access';
import { compileState } from '../support/compile-state';
import { endpointOf } from '../support/endpoints';

const id = randomUUID().slice(0, 8);
// The runtime's namespace is <service>-<stage>; a run of its own here.
const namespace = `access-${id}-dev`;
const redisUrl = endpointOf('redis');
const { hostname, port } = new URL(redisUrl);
const admin = new Redis(redisUrl);
const users: string[] = [];
const made: Cache[] = [];
let count = 0;

/** A Redis ACL user holding exactly the plugin's access string for `level`. */
async function userFor(level: CacheAccessLevel): Promise<string> {
  const name = `stateful-${level}-${id}`;
  await admin.call('ACL', 'SETUSER', name, 'reset', 'nopass', ...accessString(level, namespace).split(' '));
  users.push(name);
  return name;
}

/**
 * A cache (a container) whose connection authenticates as `user`. auth=iam against a `nopass`
 * user: the signed token is accepted as it is, so AUTH names the user as on ElastiCache.
 */
function containerAs(user: string): Cache {
  const name = `access${id.replace(/-/g, '')}n${count++}`;
  process.env[environmentVariableName('cache', name)] =
    `redis://${user}@${hostname}:${port}?auth=iam&cache=c-${id}&serverless=false&namespace=${namespace}`;
  const container = cache(name, { local: false, logger: { warn: () => undefined } });
  made.push(container);
  return container;
}

/** A container of the readwrite level, to set up what others read. */
let filler: Cache;
const valueKey = (key: string) => `${namespace}:{${key}}`;

/** The commands Redis refused since the last reset, as `<user> <command>`. */
async function refusals(): Promise<string[]> {
  const entries = (await admin.call('ACL', 'LOG', '128')) as unknown[][];
  return entries.map((entry) => {
    const fields = new Map<string, unknown>();
    for (let i = 0; i < entry.length; i += 2) fields.set(String(entry[i]), entry[i + 1]);
    return `${String(fields.get('username'))} ${String(fields.get('object'))}`;
  });
}

function counted<T>(value: T) {
  const loader = () => {
    loader.calls++;
    return value;
  };
  loader.calls = 0;
  return loader;
}

beforeAll(async () => {
  process.env.AWS_REGION ??= 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'test';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'test';
  filler = containerAs(await userFor('readwrite'));
});

beforeEach(async () => {
  await admin.call('ACL', 'LOG', 'RESET');
});

afterAll(async () => {
  for (const container of made) container.disconnect();
  for (const user of users) await admin.call('ACL', 'DELUSER', user);
  const keys = await admin.keys(`${namespace}:*`);
  if (keys.length > 0) await admin.del(...keys);
  admin.disconnect();
});

it('gives the compiled users these access strings', () => {
  const resources = compileState(
    {
      network: { vpc: { subnetIds: ['subnet-0123456789abcdef1'], securityGroupIds: ['sg-0123456789abcdef1'] } },
      caches: { catalog: {} },
    },
    {
      reader: { handler: 'h.main', state: { catalog: 'read' } },
      writer: { handler: 'h.main', state: { catalog: 'write' } },
      both: { handler: 'h.main', state: { catalog: 'readwrite' } },
    },
  );
  for (const level of ['read', 'write', 'readwrite'] as const) {
    const user = resources[`StatefulCacheCatalogUser${level.charAt(0).toUpperCase()}${level.slice(1)}`];
    expect(user?.Properties?.AccessString).toBe(accessString(level, 'shop-dev'));
  }
  expect(accessString('read', 'shop-dev')).toBe('on ~shop-dev:* -@all +info +ping +get');
  expect(cacheCommands('readwrite')).toEqual(
    expect.arrayContaining([...cacheCommands('read'), ...cacheCommands('write')]),
  );
});

describe('read', () => {
  it('serves hits, loads a miss without filling it, and may not write, delete or invalidate', async () => {
    await filler.set('r-hit', { name: 'cached' });
    const reader = containerAs(await userFor('read'));
    const hit = counted('loaded');
    expect(await reader.getOrLoad('r-hit', hit)).toEqual({ name: 'cached' });
    expect(hit.calls).toBe(0);

    const miss = counted('loaded');
    expect(await reader.getOrLoad('r-miss', miss)).toBe('loaded');
    expect(await reader.getOrLoad('r-miss', miss)).toBe('loaded');
    expect(miss.calls).toBe(2);
    expect(await admin.exists(valueKey('r-miss'))).toBe(0);

    await expect(reader.set('r-hit', 'changed')).rejects.toThrow(CacheUnavailableError);
    await expect(reader.delete('r-hit')).rejects.toThrow(/NOPERM/);
    await expect(reader.deleteByTag('t')).rejects.toThrow(/NOPERM/);
    expect(JSON.parse(String(await admin.get(valueKey('r-hit'))).replace(/^json:\d+:/, ''))).toEqual({
      name: 'cached',
    });
    expect(reader.metrics()).toMatchObject({ redisErrors: 0, breaker: 'closed', fills: 0 });
    // Every refusal was of a command a reader is not given: the lock's and the writes' scripts
    // (EVAL or EVALSHA, as ioredis chooses), and DEL.
    const refused = new Set((await refusals()).map((entry) => entry.split(' ')[1]));
    expect(refused.has('del')).toBe(true);
    for (const command of refused) expect(['eval', 'evalsha', 'del']).toContain(command);
  });
});

describe('write', () => {
  it('sets, deletes and deletes by tag, as the invalidation handler does, and reads nothing', async () => {
    const writer = containerAs(await userFor('write'));
    await writer.set('w-1', 'one', { tags: ['w-tag'] });
    await writer.set('w-2', 'two', { tags: ['w-tag'] });
    await writer.set('w-3', 'three');
    expect(await admin.exists(valueKey('w-1'), valueKey('w-2'), valueKey('w-3'))).toBe(3);
    await writer.delete('w-3');
    expect(await admin.exists(valueKey('w-3'))).toBe(0);
    await writer.deleteByTag('w-tag');
    expect(await admin.exists(valueKey('w-1'), valueKey('w-2'))).toBe(0);
    expect(await refusals()).toEqual([]);

    // Reading is refused: getOrLoad loads every time, from the loader.
    await filler.set('w-read', 'cached');
    const loader = counted('loaded');
    expect(await writer.getOrLoad('w-read', loader)).toBe('loaded');
    expect(loader.calls).toBe(1);
    expect(await refusals()).toEqual([`stateful-write-${id} get`]);
    const redis = await writer.connection();
    await expect(redis.get(valueKey('w-read'))).rejects.toThrow(/NOPERM/);
  });
});

describe('readwrite', () => {
  it('loads once and fills, refreshes under the lock, writes and invalidates, with nothing refused', async () => {
    const both = containerAs(await userFor('readwrite'));
    const loader = counted('loaded');
    expect(await both.getOrLoad('rw', loader, { tags: ['rw-tag'], ttl: 0.2, grace: 30 })).toBe('loaded');
    expect(await both.getOrLoad('rw', loader, { tags: ['rw-tag'], ttl: 0.2, grace: 30 })).toBe('loaded');
    expect(loader.calls).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await both.getOrLoad('rw', () => 'refreshed', { tags: ['rw-tag'], ttl: 0.2, grace: 30 })).toBe('refreshed');
    await both.set('rw-2', 'set', { tags: ['rw-tag'] });
    await both.delete('rw-2');
    await both.deleteByTag('rw-tag');
    expect(await admin.exists(valueKey('rw'))).toBe(0);
    expect(both.metrics()).toMatchObject({ fills: 2, redisErrors: 0 });
    expect(await refusals()).toEqual([]);
  });
});

it('refuses every level a key outside the namespace, and any command beyond its level', async () => {
  for (const level of ['read', 'write', 'readwrite'] as const) {
    const redis = await containerAs(await userFor(level)).connection();
    await expect(redis.get(`elsewhere-${id}:{k}`)).rejects.toThrow(/NOPERM/);
    await expect(redis.set(`elsewhere-${id}:{k}`, 'v')).rejects.toThrow(/NOPERM/);
    await expect(redis.call('KEYS', '*')).rejects.toThrow(/NOPERM/);
    await expect(redis.call('FLUSHALL')).rejects.toThrow(/NOPERM/);
  }
  expect(await admin.exists(`elsewhere-${id}:{k}`)).toBe(0);
});

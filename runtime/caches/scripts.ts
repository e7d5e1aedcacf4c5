// The Lua scripts of cache operations. Each touches only keys it is given, all in one hash slot
// (see key-layout.ts), as Redis Cluster and ElastiCache Serverless require. ioredis runs them with
// EVALSHA, and EVAL once when Redis does not know a script yet (after a restart, on a new node).
//
// Commands they run, which the function's Redis user must be allowed besides EVALSHA and EVAL
// (Redis checks a script's commands against the user's ACL): GET, SET, DEL, PTTL, TIME, ZADD,
// ZRANGE, ZREMRANGEBYSCORE, PEXPIREAT.
import type { Redis } from 'ioredis';

/** Redis's clock in milliseconds: every time a script compares is Redis's, never a container's. */
const redisNow = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

const scripts = {
  /**
   * KEYS value, lock; ARGV token, lock PX, refresh ('1': ignore the value, which is stale), the
   * header of entries the caller reads (`json:`). {1, value} when a value it reads is there (one
   * written by another codec counts as none); {2, now} when this caller now holds the lock (now in
   * Redis's ms); {0, pttl} when another holds it.
   */
  claim: {
    numberOfKeys: 2,
    lua: `if ARGV[3] ~= '1' then
  local value = redis.call('GET', KEYS[1])
  if value and (string.sub(value, 1, #ARGV[4]) == ARGV[4] or string.sub(value, 1, 2) == '~:') then
    return {1, value}
  end
end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then
  ${redisNow}
  return {2, now}
end
return {0, redis.call('PTTL', KEYS[2])}`,
  },
  /**
   * KEYS value, lock; ARGV token, entry, PX. Writes the entry only while the caller still holds
   * the lock, and releases it: a delete or set since the lock was taken (which drops the lock)
   * keeps a value loaded before it out of the cache. 1 written, 0 not.
   */
  fill: {
    numberOfKeys: 2,
    lua: `if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
redis.call('DEL', KEYS[2])
return 1`,
  },
  /** KEYS lock; ARGV token. Releases the lock if the caller still holds it. */
  release: {
    numberOfKeys: 1,
    lua: `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`,
  },
  /** KEYS value, lock; ARGV entry, PX. set(): the value, and no load in flight may overwrite it. */
  put: {
    numberOfKeys: 2,
    lua: `redis.call('DEL', KEYS[2])
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`,
  },
  /**
   * KEYS tag set, tag's invalidation time; ARGV key, its lifetime in ms, when its load took the
   * lock (Redis ms; -1 for set(), which takes none), margin in ms. Records the key under the tag,
   * unless the tag was invalidated after the load began (or within the margin before it, for
   * clocks that differ between shards): then 0, and the load must not be written.
   */
  tag: {
    numberOfKeys: 2,
    lua: `${redisNow}
local began = tonumber(ARGV[3])
if began >= 0 then
  local at = redis.call('GET', KEYS[2])
  if at and tonumber(at) + tonumber(ARGV[4]) >= began then return 0 end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZADD', KEYS[1], 'GT', now + tonumber(ARGV[2]), ARGV[1])
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
redis.call('PEXPIREAT', KEYS[1], last[2])
return 1`,
  },
  /**
   * KEYS tag set, tag's invalidation time; ARGV how long to remember the invalidation (ms).
   * Records that the tag was invalidated now, and returns the keys under it.
   */
  invalidateTag: {
    numberOfKeys: 2,
    lua: `${redisNow}
redis.call('SET', KEYS[2], string.format('%d', now), 'PX', ARGV[1])
return redis.call('ZRANGE', KEYS[1], 0, -1)`,
  },
} as const;

type Arg = string | number | Buffer;

/** A client with the scripts defined on it. */
export interface ScriptedRedis extends Redis {
  claim(
    value: string,
    lock: string,
    token: string,
    lockPx: number,
    refresh: '0' | '1',
    header: string,
  ): Promise<[number, string | number]>;
  claimBuffer(
    value: string,
    lock: string,
    token: string,
    lockPx: number,
    refresh: '0' | '1',
    header: string,
  ): Promise<[number, Buffer | number]>;
  fill(value: string, lock: string, token: string, entry: Arg, px: number): Promise<number>;
  release(lock: string, token: string): Promise<number>;
  put(value: string, lock: string, entry: Arg, px: number): Promise<number>;
  tag(set: string, at: string, key: string, lifetimeMs: number, began: number, marginMs: number): Promise<number>;
  invalidateTag(set: string, at: string, rememberMs: number): Promise<string[]>;
}

const scripted = new WeakSet<Redis>();

/** `redis`, with the scripts defined on it (once per client: a new connection gets them again). */
export function withScripts(redis: Redis): ScriptedRedis {
  if (!scripted.has(redis)) {
    for (const [name, definition] of Object.entries(scripts)) redis.defineCommand(name, definition);
    scripted.add(redis);
  }
  return redis as ScriptedRedis;
}

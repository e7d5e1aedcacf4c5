// The Redis commands each access level allows, as an ElastiCache access string. Derived from what
// the runtime sends for the operations a level is for (runtime/caches: cache-aside.ts, scripts.ts,
// connection.ts), and proved against a real Redis 7 with ACL users in
// test/integration/plugin-cache-access.test.ts. Keys are limited to the runtime's namespace,
// `<service>-<stage>:`, so a function reaches no key of another service or stage sharing the cache.
import type { AccessLevel } from '../kind';

/** Every connection: ioredis's ready check (INFO) and the idle probe (PING). AUTH needs no right. */
const connection = ['info', 'ping'] as const;

/**
 * getOrLoad's read: one GET of the value. The lock's scripts (claim, fill, release) are refused
 * to a reader (no EVAL/EVALSHA), so a miss loads without the lock and writes nothing.
 */
const read = ['get'] as const;

/**
 * set(), delete() and deleteByTag(): DEL; the `put`, `tag` and `invalidateTag` scripts (EVALSHA,
 * EVAL the first time), and what they run: SET, TIME, ZADD, ZRANGE, ZREMRANGEBYSCORE, PEXPIREAT.
 * None of them reads a value: `tag` reads the tag's invalidation time only for a load, which a
 * writer never runs.
 */
const write = ['set', 'del', 'eval', 'evalsha', 'time', 'zadd', 'zrange', 'zremrangebyscore', 'pexpireat'] as const;

/** getOrLoad's miss and refresh under the lock: the claim, fill and release scripts add PTTL and GET. */
const load = ['pttl'] as const;

const commandsOf: Record<CacheAccessLevel, readonly string[]> = {
  read: [...connection, ...read],
  write: [...connection, ...write],
  readwrite: [...connection, ...read, ...write, ...load],
};

export const cacheAccessLevels = ['read', 'write', 'readwrite'] as const satisfies readonly AccessLevel[];
export type CacheAccessLevel = (typeof cacheAccessLevels)[number];

/** The Redis commands a function with `level` may run. */
export function cacheCommands(level: CacheAccessLevel): readonly string[] {
  return commandsOf[level];
}

/** The key pattern of a namespace: every key the runtime writes is `<namespace>:…`. */
export const keyPattern = (namespace: string) => `~${namespace}:*`;

/**
 * The user's ElastiCache access string: on, the namespace's keys, nothing but the level's
 * commands (`-@all` first: a command is allowed only if named after it). No pub/sub command is
 * allowed, so channels need no rule (ElastiCache refuses `reset` in an access string).
 */
export function accessString(level: CacheAccessLevel, namespace: string): string {
  return ['on', keyPattern(namespace), '-@all', ...commandsOf[level].map((command) => `+${command}`)].join(' ');
}

/** The `default` user every user group must hold: disabled, allowed nothing. */
export const disabledAccessString = 'off -@all';

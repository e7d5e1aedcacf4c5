// The options of cache(name, options) and of each operation, their defaults, and their checks.
// Times a cache keeps values for (ttl, grace, negativeTtl) are in seconds, as Redis's EX and the
// design's examples have them; waits are in milliseconds and say so in their names.
import { CacheConfigError } from './cache-errors.js';
import { codecNamePattern, jsonCodec, type CacheCodec } from './codec.js';

export interface LocalTierSettings {
  /** Entries kept at most: 1000 by default. */
  readonly maxEntries?: number;
  /** Bytes of encoded values kept at most: 8 MiB by default. */
  readonly maxBytes?: number;
  /**
   * Seconds an entry is served from this container's memory without asking Redis: 5 by default.
   * Another container's write or invalidation cannot reach this memory, so this is how stale a
   * read may be after a change.
   */
  readonly ttl?: number;
}

export interface CacheOptions {
  /**
   * How long connection() may wait for a ready connection (TCP, TLS, AUTH, ready check) when there
   * is none, in milliseconds: 1000 by default. Never more than the invocation has left, when
   * connection() is given the Lambda context.
   */
  readonly connectTimeoutMs?: number;
  /**
   * How long a command may wait for its reply, in milliseconds: 500 by default (the hard timeout).
   * A connection that stays silent that long after a command is replaced.
   */
  readonly commandTimeoutMs?: number;
  /**
   * The soft timeout, in milliseconds: 100 by default. When this container still holds the entry
   * (past its local lifetime, within grace), getOrLoad() waits this long for Redis before serving
   * that entry instead. With nothing to serve, it waits up to commandTimeoutMs (the hard timeout),
   * then loads. The default of each call's `timeoutMs`.
   */
  readonly timeoutMs?: number;
  /** Seconds a value is fresh: 300 by default. The default of each call's `ttl`. */
  readonly ttl?: number;
  /** Seconds after `ttl` a stale value may still be served while one caller refreshes it: 0 by default. */
  readonly grace?: number;
  /** Seconds "not found" (a loader's `undefined`) is cached: `ttl` by default; 0 caches nothing. */
  readonly negativeTtl?: number;
  /** How values are encoded: JSON by default; msgpackCodec() from @serverless-stateful/runtime/msgpack. */
  readonly codec?: CacheCodec;
  /** The in-container tier's bounds, or false for none. */
  readonly local?: LocalTierSettings | false;
  /** Encoded values larger than this are not cached (with a warning): 1 MiB by default. */
  readonly maxValueBytes?: number;
  readonly lock?: {
    /**
     * How long a load's lock lasts, in milliseconds: 10000 by default. If the loading container
     * dies, the next caller loads after this. Keep it above the loader's longest run.
     */
    readonly ttlMs?: number;
    /**
     * How long a caller waits for another container's load before loading itself (without
     * writing the cache), in milliseconds: 3000 by default.
     */
    readonly waitMs?: number;
  };
  readonly breaker?: {
    /** Consecutive Redis failures that open the circuit breaker: 5 by default. */
    readonly failures?: number;
    /** Milliseconds the breaker stays open before one call probes Redis: 1000 by default. */
    readonly coolDownMs?: number;
  };
  /** Where warnings go (a value not cached, a function that may only read): console by default. */
  readonly logger?: { warn(message: string): void };
}

/** The options of one getOrLoad() call; each defaults to the cache's. */
export interface GetOrLoadOptions {
  /** Seconds the value is fresh. */
  readonly ttl?: number;
  /** Seconds after `ttl` the stale value may be served while one caller refreshes it. */
  readonly grace?: number;
  /** Seconds "not found" (the loader's `undefined`) is cached; 0 caches nothing. */
  readonly negativeTtl?: number;
  /** Milliseconds to wait for Redis before serving this container's entry instead, when it has one (the soft timeout). */
  readonly timeoutMs?: number;
  /** Tags of the value: deleteByTag() of any of them deletes it. */
  readonly tags?: readonly string[];
}

/** The options of one set() call; each defaults to the cache's. */
export type SetOptions = Pick<GetOrLoadOptions, 'ttl' | 'grace' | 'tags'>;

export interface ResolvedCacheOptions {
  readonly connectTimeoutMs: number;
  readonly commandTimeoutMs: number;
  readonly codec: CacheCodec;
  readonly local: Required<LocalTierSettings> | false;
  readonly maxValueBytes: number;
  readonly lock: { readonly ttlMs: number; readonly waitMs: number };
  readonly breaker: { readonly failures: number; readonly coolDownMs: number };
  readonly logger: { warn(message: string): void };
  /** The defaults of calls, in milliseconds. */
  readonly call: ResolvedCallOptions;
}

/** A call's options, in milliseconds. */
export interface ResolvedCallOptions {
  readonly ttlMs: number;
  readonly graceMs: number;
  readonly negativeTtlMs: number;
  readonly timeoutMs: number;
  readonly tags: readonly string[];
}

const defaults = {
  connectTimeoutMs: 1000,
  commandTimeoutMs: 500,
  timeoutMs: 100,
  ttl: 300,
  grace: 0,
  maxValueBytes: 1024 * 1024,
  local: { maxEntries: 1000, maxBytes: 8 * 1024 * 1024, ttl: 5 },
  lock: { ttlMs: 10_000, waitMs: 3000 },
  breaker: { failures: 5, coolDownMs: 1000 },
} as const;

type Check = 'positive whole' | 'positive' | 'not negative';

function checked(cache: string, where: string, name: string, value: unknown, check: Check): number {
  const valid =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (check === 'positive whole' ? Number.isInteger(value) && value > 0 : check === 'positive' ? value > 0 : value >= 0);
  if (!valid) {
    const unit = name.endsWith('Ms') ? ' of milliseconds' : check === 'positive whole' ? '' : ' of seconds';
    const expected =
      check === 'positive whole'
        ? `a whole number${unit} above 0`
        : check === 'positive'
          ? `a number${unit} above 0`
          : `a number${unit}, 0 or more`;
    const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
    throw new CacheConfigError(cache, `${where}: ${name} must be ${expected}, not ${shown}`);
  }
  return value;
}

const seconds = (value: number) => Math.round(value * 1000);

export function resolveCacheOptions(cache: string, options: CacheOptions = {}): ResolvedCacheOptions {
  const where = `cache(${JSON.stringify(cache)})`;
  const whole = (name: string, value: unknown, fallback: number) =>
    checked(cache, where, name, value ?? fallback, 'positive whole');
  const codec = options.codec ?? jsonCodec;
  if (!codecNamePattern.test(codec.name)) {
    throw new CacheConfigError(
      cache,
      `${where}: codec name ${JSON.stringify(codec.name)} must be lowercase letters, digits and hyphens, starting with a letter`,
    );
  }
  const local = options.local ?? {};
  const ttl = checked(cache, where, 'ttl', options.ttl ?? defaults.ttl, 'positive');
  return {
    connectTimeoutMs: whole('connectTimeoutMs', options.connectTimeoutMs, defaults.connectTimeoutMs),
    commandTimeoutMs: whole('commandTimeoutMs', options.commandTimeoutMs, defaults.commandTimeoutMs),
    codec,
    local:
      local === false
        ? false
        : {
            maxEntries: whole('local.maxEntries', local.maxEntries, defaults.local.maxEntries),
            maxBytes: whole('local.maxBytes', local.maxBytes, defaults.local.maxBytes),
            ttl: checked(cache, where, 'local.ttl', local.ttl ?? defaults.local.ttl, 'positive'),
          },
    maxValueBytes: whole('maxValueBytes', options.maxValueBytes, defaults.maxValueBytes),
    lock: {
      ttlMs: whole('lock.ttlMs', options.lock?.ttlMs, defaults.lock.ttlMs),
      waitMs: whole('lock.waitMs', options.lock?.waitMs, defaults.lock.waitMs),
    },
    breaker: {
      failures: whole('breaker.failures', options.breaker?.failures, defaults.breaker.failures),
      coolDownMs: whole('breaker.coolDownMs', options.breaker?.coolDownMs, defaults.breaker.coolDownMs),
    },
    logger: options.logger ?? console,
    call: {
      ttlMs: seconds(ttl),
      graceMs: seconds(checked(cache, where, 'grace', options.grace ?? defaults.grace, 'not negative')),
      negativeTtlMs: seconds(checked(cache, where, 'negativeTtl', options.negativeTtl ?? ttl, 'not negative')),
      timeoutMs: whole('timeoutMs', options.timeoutMs, defaults.timeoutMs),
      tags: [],
    },
  };
}

/** The options of one call, over the cache's defaults. */
export function resolveCallOptions(
  cache: string,
  operation: string,
  options: GetOrLoadOptions,
  defaultsOf: ResolvedCallOptions,
): ResolvedCallOptions {
  const where = `cache ${cache}: ${operation}()`;
  const ttlMs =
    options.ttl === undefined ? defaultsOf.ttlMs : seconds(checked(cache, where, 'ttl', options.ttl, 'positive'));
  return {
    ttlMs,
    graceMs:
      options.grace === undefined
        ? defaultsOf.graceMs
        : seconds(checked(cache, where, 'grace', options.grace, 'not negative')),
    negativeTtlMs:
      options.negativeTtl === undefined
        ? options.ttl === undefined
          ? defaultsOf.negativeTtlMs
          : ttlMs
        : seconds(checked(cache, where, 'negativeTtl', options.negativeTtl, 'not negative')),
    timeoutMs:
      options.timeoutMs === undefined
        ? defaultsOf.timeoutMs
        : checked(cache, where, 'timeoutMs', options.timeoutMs, 'positive whole'),
    tags: options.tags ?? defaultsOf.tags,
  };
}

/** The options in which `given` differs from `made`, as `name value` of the first cache() call. */
export function differingOptions(made: ResolvedCacheOptions, given: ResolvedCacheOptions): string[] {
  const shown = (options: ResolvedCacheOptions) => ({
    connectTimeoutMs: options.connectTimeoutMs,
    commandTimeoutMs: options.commandTimeoutMs,
    codec: options.codec.name,
    local: options.local === false ? 'false' : JSON.stringify(options.local),
    maxValueBytes: options.maxValueBytes,
    lock: JSON.stringify(options.lock),
    breaker: JSON.stringify(options.breaker),
    ttl: options.call.ttlMs / 1000,
    grace: options.call.graceMs / 1000,
    negativeTtl: options.call.negativeTtlMs / 1000,
    timeoutMs: options.call.timeoutMs,
  });
  const before = shown(made);
  const after = shown(given);
  const differing = (Object.keys(before) as (keyof typeof before)[])
    .filter((key) => before[key] !== after[key])
    .map((key) => `${key} ${before[key]}`);
  if (made.logger !== given.logger) differing.push('another logger');
  return differing;
}

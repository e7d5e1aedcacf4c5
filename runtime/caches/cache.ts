// cache(name): the cache the function declared as `name`, one object per cache per container: its
// connection, its operations (getOrLoad, set, delete, deleteByTag) and its metrics.
import type { Redis } from 'ioredis';
import { resolveResource } from '../discovery.js';
import { environmentVariableName } from '../environment.js';
import { CacheAside, type Loader } from './cache-aside.js';
import { parseCacheAddress, type CacheAddress } from './cache-address.js';
import { NoAuth, type CacheAuth } from './cache-auth.js';
import { CacheConfigError } from './cache-errors.js';
import {
  countersSince,
  emfLine,
  emptyCounters,
  type CacheCounters,
  type CacheMetrics,
  type EmfOptions,
} from './cache-metrics.js';
import {
  differingOptions,
  resolveCacheOptions,
  type CacheOptions,
  type GetOrLoadOptions,
  type ResolvedCacheOptions,
  type SetOptions,
} from './cache-options.js';
import { CacheConnection, type ConnectionTimeouts } from './connection.js';
import { KeyLayout } from './key-layout.js';

export type { CacheOptions, GetOrLoadOptions, SetOptions } from './cache-options.js';

/** What connection() needs of the Lambda context: how long the invocation has left. */
export interface RemainingTime {
  getRemainingTimeInMillis(): number;
}

/** Of the time an invocation has left, what connection() leaves to the handler to report a failure. */
const handlerReserveMs = 100;

async function authFor(address: CacheAddress): Promise<CacheAuth> {
  switch (address.auth.kind) {
    case 'none':
      return new NoAuth();
    case 'iam': {
      const { IamAuth } = await import('./iam-auth.js');
      return new IamAuth(address.auth);
    }
    case 'token': {
      const { SecretAuth } = await import('./secret-auth.js');
      return new SecretAuth(address.auth.secretArn);
    }
  }
}

export class Cache {
  readonly variable: string;
  readonly timeouts: ConnectionTimeouts;
  readonly options: ResolvedCacheOptions;
  private opened: Promise<CacheConnection> | undefined;
  private connected: CacheConnection | undefined;
  private address: CacheAddress | undefined;
  private aside: CacheAside | undefined;
  /** The counters as the last flushCacheMetrics() wrote them. */
  private flushed: CacheCounters = emptyCounters();

  constructor(
    readonly name: string,
    options: CacheOptions = {},
  ) {
    this.variable = environmentVariableName('cache', name);
    this.options = resolveCacheOptions(name, options);
    this.timeouts = {
      connectTimeoutMs: this.options.connectTimeoutMs,
      commandTimeoutMs: this.options.commandTimeoutMs,
    };
  }

  /**
   * The connected, authenticated ioredis client of this cache. Made on first use and kept for the
   * container's life: call connection() wherever a client is needed, it returns at once when the
   * connection is ready. Given the Lambda context, it never waits past the invocation's end.
   * Throws ResourceNotDeclaredError, CacheConfigError or CacheConnectionError.
   */
  async connection(context?: RemainingTime): Promise<Redis> {
    const connection = await (this.opened ??= this.open().catch((error: unknown) => {
      this.opened = undefined;
      throw error;
    }));
    const remaining = context ? context.getRemainingTimeInMillis() - handlerReserveMs : Infinity;
    return connection.get(Math.min(this.timeouts.connectTimeoutMs, remaining));
  }

  /**
   * The value of `key`: from this container's memory, else from Redis, else from `loader`, run once
   * across every container that misses at the same time, its value then written for the others.
   * `undefined` from the loader means "not found", cached for `negativeTtl`. Redis being slow, down
   * or refusing never fails the read: it is served without Redis. Throws what the loader throws,
   * and ResourceNotDeclaredError, CacheConfigError or CacheKeyError for the function's own mistakes.
   */
  getOrLoad<T>(key: string, loader: Loader<T>, options?: GetOrLoadOptions): Promise<T | undefined> {
    // Not async: the hot path pays for no promise of its own; a config error still rejects.
    let operations: CacheAside;
    try {
      operations = this.operations();
    } catch (error) {
      return Promise.reject(error as Error);
    }
    return operations.getOrLoad(key, loader, options);
  }

  /**
   * Writes `value` under `key`, replacing what is there, and drops any load in flight for it.
   * Throws CacheUnavailableError when Redis does not take it.
   */
  async set(key: string, value: unknown, options?: SetOptions): Promise<void> {
    return this.operations().set(key, value, options);
  }

  /** Deletes `keys` here and in Redis; throws CacheUnavailableError when Redis does not take it. */
  async delete(keys: string | readonly string[]): Promise<void> {
    return this.operations().delete(keys);
  }

  /** Deletes every key tagged with one of `tags`; throws CacheUnavailableError when Redis does not take it. */
  async deleteByTag(tags: string | readonly string[]): Promise<void> {
    return this.operations().deleteByTag(tags);
  }

  /** What this cache counted in this container, and its breaker's state. */
  metrics(): CacheMetrics {
    return this.aside?.metrics() ?? { ...emptyCounters(), breaker: 'closed', localEntries: 0, localBytes: 0 };
  }

  /** The EMF line of what changed since the last one, or undefined when nothing did. */
  metricsLine(options?: EmfOptions): string | undefined {
    const now = this.metrics();
    const delta = countersSince(now, this.flushed);
    if (!delta) return undefined;
    this.flushed = { ...now };
    return emfLine(this.name, delta, now.breaker, options);
  }

  /** Closes the connection (tests, scripts); a later connection() opens a new one. A handler never needs it. */
  disconnect(): void {
    void this.opened?.then(
      (connection) => {
        connection.disconnect();
      },
      () => undefined,
    );
  }

  private operations(): CacheAside {
    if (this.aside) return this.aside;
    const address = this.resolveAddress();
    this.aside = new CacheAside(
      this.name,
      this.options,
      new KeyLayout(this.name, address.namespace === undefined ? '' : `${address.namespace}:`),
      { ready: () => this.connected?.current(), connect: () => this.connection() },
    );
    return this.aside;
  }

  private resolveAddress(): CacheAddress {
    this.address ??= parseCacheAddress(this.name, this.variable, resolveResource('cache', this.name));
    return this.address;
  }

  private async open(): Promise<CacheConnection> {
    const address = this.resolveAddress();
    this.connected = new CacheConnection(this.name, address, this.timeouts, await authFor(address));
    return this.connected;
  }
}

const caches = new Map<string, Cache>();

/**
 * `cache('catalog')`: the cache the function declared as `catalog`, found through
 * STATEFUL_CACHE_CATALOG. The same object, and so the same connection, for every call with that
 * name in the container; its options are those of the first call, and a later call that gives
 * other options throws CacheConfigError.
 */
export function cache(name: string, options?: CacheOptions): Cache {
  const variable = environmentVariableName('cache', name);
  const existing = caches.get(variable);
  if (!existing) {
    const made = new Cache(name, options);
    caches.set(variable, made);
    return made;
  }
  if (options) {
    const differing = differingOptions(existing.options, resolveCacheOptions(name, options));
    if (differing.length > 0) {
      throw new CacheConfigError(
        name,
        `cache(${JSON.stringify(name)}) was already made with ${differing.join(', ')}; ` +
          `give its options once, with the first cache(${JSON.stringify(name)})`,
      );
    }
  }
  return existing;
}

export interface CacheMetricsOptions extends EmfOptions {
  /** Where the lines go: standard output by default, as CloudWatch Logs reads EMF from a Lambda's output. */
  readonly write?: (line: string) => void;
}

// Lambda's console.log prefixes each line (time, request id, level) or wraps it in JSON, and
// CloudWatch then no longer reads it as EMF: the lines go to standard output as they are.
const writeLine = (line: string) => {
  process.stdout.write(`${line}\n`);
};

/**
 * Writes one EMF line per cache with what it counted since the last flush (nothing for a cache
 * that counted nothing). Call it once per invocation, at its end, or wrap the handler in
 * withCacheMetrics().
 */
export function flushCacheMetrics(options: CacheMetricsOptions = {}): void {
  for (const made of caches.values()) {
    const line = made.metricsLine(options);
    if (line !== undefined) (options.write ?? writeLine)(line);
  }
}

/** `handler`, flushing the caches' metrics as EMF once at the end of every invocation. */
export function withCacheMetrics<E, C, R>(
  handler: (event: E, context: C) => Promise<R>,
  options?: CacheMetricsOptions,
): (event: E, context: C) => Promise<R> {
  return async (event, context) => {
    try {
      return await handler(event, context);
    } finally {
      flushCacheMetrics(options);
    }
  };
}

// cache(name): the cache the function declared as `name`, one object per cache per container.
// Today it gives the connection; reads, writes and cache-aside loading come on the same object.
import type { Redis } from 'ioredis';
import { resolveResource } from '../discovery.js';
import { environmentVariableName } from '../environment.js';
import { parseCacheAddress, type CacheAddress } from './cache-address.js';
import { NoAuth, type CacheAuth } from './cache-auth.js';
import { CacheConfigError } from './cache-errors.js';
import { CacheConnection, type ConnectionTimeouts } from './connection.js';

export interface CacheOptions {
  /**
   * How long connection() may wait for a ready connection (TCP, TLS, AUTH, ready check) when there
   * is none, in milliseconds: 1000 by default. Never more than the invocation has left, when
   * connection() is given the Lambda context.
   */
  readonly connectTimeoutMs?: number;
  /**
   * How long a command may wait for its reply, in milliseconds: 500 by default. A connection that
   * stays silent that long after a command is replaced.
   */
  readonly commandTimeoutMs?: number;
}

/** What connection() needs of the Lambda context: how long the invocation has left. */
export interface RemainingTime {
  getRemainingTimeInMillis(): number;
}

export const defaultCacheOptions: Required<CacheOptions> = { connectTimeoutMs: 1000, commandTimeoutMs: 500 };

/** Of the time an invocation has left, what connection() leaves to the handler to report a failure. */
const handlerReserveMs = 100;

function resolveOptions(name: string, options: CacheOptions): ConnectionTimeouts {
  const resolved = { ...defaultCacheOptions, ...options };
  for (const key of ['connectTimeoutMs', 'commandTimeoutMs'] as const) {
    const value = resolved[key];
    if (!Number.isInteger(value) || value <= 0) {
      throw new CacheConfigError(
        name,
        `cache(${JSON.stringify(name)}): ${key} must be a whole number of milliseconds above 0, not ${String(value)}`,
      );
    }
  }
  return resolved;
}

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
  private opened: Promise<CacheConnection> | undefined;

  constructor(
    readonly name: string,
    options: CacheOptions = {},
  ) {
    this.variable = environmentVariableName('cache', name);
    this.timeouts = resolveOptions(name, options);
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

  /** Closes the connection (tests, scripts); a later connection() opens a new one. A handler never needs it. */
  disconnect(): void {
    void this.opened?.then(
      (connection) => {
        connection.disconnect();
      },
      () => undefined,
    );
  }

  private async open(): Promise<CacheConnection> {
    const value = resolveResource('cache', this.name);
    const address = parseCacheAddress(this.name, this.variable, value);
    return new CacheConnection(this.name, address, this.timeouts, await authFor(address));
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
    const given = resolveOptions(name, options);
    const made = existing.timeouts;
    if (given.connectTimeoutMs !== made.connectTimeoutMs || given.commandTimeoutMs !== made.commandTimeoutMs) {
      throw new CacheConfigError(
        name,
        `cache(${JSON.stringify(name)}) was already made with connectTimeoutMs ${made.connectTimeoutMs} and ` +
          `commandTimeoutMs ${made.commandTimeoutMs}; give its options once, with the first cache(${JSON.stringify(name)})`,
      );
    }
  }
  return existing;
}

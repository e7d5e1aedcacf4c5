// One ioredis connection per cache per container, made on first use and kept across invocations.
// ioredis itself is loaded only then, so a handler that never uses a cache never loads it.
//
// What a Lambda needs from it, and the settings that give it:
// - bounded waits: connection() waits at most connectTimeoutMs for a ready connection (TCP, TLS,
//   AUTH and the ready check), then fails naming the cache, the endpoint and the last error;
//   a command waits at most commandTimeoutMs for its reply, also while it waits for a reconnect;
// - a dead connection noticed: a connection idle for a minute (a container frozen between
//   invocations, while the network forgot it without a word) is tried with a PING before
//   connection() hands it out, and replaced if the PING gets no answer; and whenever nothing comes
//   back for commandTimeoutMs after a command (socketTimeout), the socket is destroyed and a new
//   one made;
// - reconnecting on its own after a drop: quickly, then backing off, a few times; commands given
//   meanwhile wait (each within its timeout) and commands a drop cut off are sent again (at least
//   once); when reconnecting stops, queued commands fail and the next connection() starts again;
// - nothing kept alive: the socket is unref'd, so an idle connection never holds a process (a
//   script, or a callback-style handler waiting for an empty event loop); a pending command still
//   does, through its timeout timer. A handler never needs quit().
import type { Redis, RedisOptions } from 'ioredis';
import { endpointOf, type CacheAddress } from './cache-address.js';
import type { CacheAuth, RedisCredentials } from './cache-auth.js';
import { CacheConnectionError } from './cache-errors.js';

export interface ConnectionTimeouts {
  readonly connectTimeoutMs: number;
  readonly commandTimeoutMs: number;
}

const maxReconnectAttempts = 10;
/** Idle this long, a connection is tried with a PING before it is handed out. */
const defaultIdleProbeAfterMs = 60_000;

/** The wait before reconnect attempt `attempt` (from 1): 50 ms doubling to 1 s; none after the tenth. */
export function reconnectDelay(attempt: number): number | null {
  return attempt > maxReconnectAttempts ? null : Math.min(50 * 2 ** (attempt - 1), 1000);
}

/** ioredis's settings for a cache at `address`. */
export function redisOptions(
  address: CacheAddress,
  timeouts: ConnectionTimeouts,
  credentials: RedisCredentials,
): RedisOptions {
  return {
    host: address.host,
    port: address.port,
    // TLS with Node's trusted CAs, the certificate checked against the host.
    ...(address.tls ? { tls: {} } : {}),
    username: credentials.username,
    password: credentials.password,
    lazyConnect: true,
    connectTimeout: timeouts.connectTimeoutMs,
    commandTimeout: timeouts.commandTimeoutMs,
    socketTimeout: timeouts.commandTimeoutMs,
    // Commands given while reconnecting wait for the connection, each within commandTimeout, and are
    // failed at every second failed attempt (maxRetriesPerRequest: 1): a queue bounded in time.
    enableOfflineQueue: true,
    maxRetriesPerRequest: 1,
    retryStrategy: reconnectDelay,
    autoResendUnfulfilledCommands: true,
    // How long disconnect() lets a socket close before destroying it (ioredis: 2 s, on a ref'd
    // timer that outlives even a socket that is already gone).
    disconnectTimeout: 200,
  };
}

/** Redis's answers to credentials it does not accept. */
const authRefusal = /^(WRONGPASS|NOAUTH|NOPERM|ERR invalid password|ERR AUTH)/;

let ioredis: Promise<typeof import('ioredis')> | undefined;

export class CacheConnection {
  readonly endpoint: string;
  private readonly idleProbeAfterMs: number;
  private redis: Redis | undefined;
  private opening: Promise<Redis> | undefined;
  private lastError: Error | undefined;
  /** When the connection last heard from Redis. */
  private lastHeard = 0;

  constructor(
    readonly cache: string,
    readonly address: CacheAddress,
    readonly timeouts: ConnectionTimeouts,
    readonly auth: CacheAuth,
    settings: { readonly idleProbeAfterMs?: number } = {},
  ) {
    this.endpoint = endpointOf(address);
    this.idleProbeAfterMs = settings.idleProbeAfterMs ?? defaultIdleProbeAfterMs;
    auth.onRenewed((credentials) => {
      this.renewed(credentials);
    });
  }

  /** The connected, authenticated client; waits at most `budgetMs` for it when it is not ready. */
  get(budgetMs: number): Promise<Redis> {
    if (this.redis?.status === 'ready' && !this.idle()) return Promise.resolve(this.redis);
    this.opening ??= this.open(budgetMs).finally(() => {
      this.opening = undefined;
    });
    return this.opening;
  }

  /** The client when it is ready to use now, without waiting (the hot path of cache reads). */
  current(): Redis | undefined {
    return this.redis?.status === 'ready' && !this.idle() ? this.redis : undefined;
  }

  /** Closes the connection and stops renewing credentials; the next get() starts again. */
  disconnect(): void {
    this.auth.stop();
    if (this.redis) this.drop(this.redis);
  }

  private async open(budgetMs: number): Promise<Redis> {
    if (budgetMs <= 0) {
      throw new CacheConnectionError(this.cache, this.endpoint, 'not connected, and no time is left to connect');
    }
    const started = Date.now();
    this.startOver();
    let credentials: RedisCredentials;
    try {
      credentials = await within(this.auth.credentials(), budgetMs);
    } catch (error) {
      throw new CacheConnectionError(this.cache, this.endpoint, `could not ${this.auth.action}`, { cause: error });
    }
    // A client ioredis gave up on, or one dropped after a failed connection(), is replaced: ioredis
    // cannot be restarted while it waits to reconnect, and a new client starts its retries afresh.
    let redis = this.redis;
    if (!redis || redis.status === 'end') {
      redis = await this.create(credentials);
      this.redis = redis;
    }
    setCredentials(redis, credentials);
    if (redis.status === 'ready') {
      if (!this.idle()) return redis;
      try {
        await within(redis.ping(), Math.min(this.timeouts.commandTimeoutMs, budgetMs - (Date.now() - started)));
        return redis;
      } catch (error) {
        // Dead without a word: a new socket, and the wait below is for it.
        this.lastError = error instanceof Error ? error : new Error(String(error));
        redis.stream.destroy();
      }
    }
    if (redis.status === 'wait') {
      // Failures come as 'error' events, and as retries; waitReady() watches the outcome.
      redis.connect().catch(() => undefined);
    }
    try {
      await waitReady(redis, budgetMs - (Date.now() - started));
      return redis;
    } catch (error) {
      // Nothing goes on trying in the background: the next connection() starts again.
      this.drop(redis);
      const cause = this.lastError ?? error;
      throw new CacheConnectionError(this.cache, this.endpoint, `no ready connection within ${budgetMs} ms`, {
        cause,
        hint: this.hint(cause),
      });
    }
  }

  private idle(): boolean {
    return Date.now() - this.lastHeard >= this.idleProbeAfterMs;
  }

  private drop(redis: Redis): void {
    if (this.redis === redis) this.redis = undefined;
    redis.disconnect();
  }

  /** A new round of connecting: earlier errors are not its errors, and a refusal may refresh again. */
  private startOver(): void {
    this.lastError = undefined;
    this.auth.resetRefusals();
  }

  private hint(cause: unknown): string {
    if (cause instanceof Error && authRefusal.test(cause.message)) return this.auth.refusalHint;
    return (
      'Can the function reach it (in the same VPC, in a subnet routed to it, through a security group ' +
      `open on port ${this.address.port}), and does it speak ${this.address.tls ? 'TLS (rediss)' : 'plain TCP, no TLS (redis)'}?`
    );
  }

  private async create(credentials: RedisCredentials): Promise<Redis> {
    const { Redis } = await (ioredis ??= import('ioredis'));
    const redis = new Redis(redisOptions(this.address, this.timeouts, credentials));
    redis.on('error', (error: Error) => {
      this.failed(redis, error);
    });
    redis.on('connect', () => {
      redis.stream.unref();
      redis.stream.on('data', () => {
        this.lastHeard = Date.now();
      });
    });
    redis.on('ready', () => {
      this.lastHeard = Date.now();
      this.auth.resetRefusals();
    });
    return redis;
  }

  /** A connection error; a refusal of the credentials fetches or signs them again, once. */
  private failed(redis: Redis, error: Error): void {
    if (redis !== this.redis) return;
    this.lastError = error;
    if (!authRefusal.test(error.message)) return;
    this.auth.refused().then(
      (fresh) => {
        if (fresh && redis === this.redis) setCredentials(redis, fresh);
      },
      (refreshError: unknown) => {
        this.lastError = refreshError instanceof Error ? refreshError : new Error(String(refreshError));
      },
    );
  }

  /** Renewed credentials: the next reconnect uses them, and the open connection re-authenticates. */
  private renewed(credentials: RedisCredentials): void {
    const redis = this.redis;
    if (!redis) return;
    setCredentials(redis, credentials);
    const { username, password } = credentials;
    if (redis.status !== 'ready' || password === undefined) return;
    const auth = username === undefined ? redis.auth(password) : redis.auth(username, password);
    auth.catch((error: unknown) => {
      // The connection stays authenticated as it was; the next reconnect uses the new credentials.
      this.lastError = error instanceof Error ? error : new Error(String(error));
    });
  }
}

function setCredentials(redis: Redis, credentials: RedisCredentials): void {
  redis.options.username = credentials.username;
  redis.options.password = credentials.password;
}

/** Resolves when `redis` is ready; rejects when it gives up reconnecting or `ms` pass. */
function waitReady(redis: Redis, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const finish = (error?: Error) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      redis.off('end', onEnd);
      if (error) reject(error);
      else resolve();
    };
    const onReady = () => {
      finish();
    };
    const onEnd = () => {
      finish(new Error('the connection ended'));
    };
    const timer = setTimeout(
      () => {
        finish(new Error('no answer'));
      },
      Math.max(0, ms),
    );
    redis.on('ready', onReady);
    redis.on('end', onEnd);
  });
}

/** `promise`, or a rejection after `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no answer within ${ms} ms`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => {
    clearTimeout(timer);
  });
}

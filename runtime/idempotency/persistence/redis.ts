// Records in Redis: SET NX PX semantics in one Lua script, so taking the lock and reading the
// stored result on a duplicate is one atomic round trip.
import { Redis } from 'ioredis';
import { IdempotencyPersistenceError } from '../errors.js';
import type { IdempotencyRecord } from '../record.js';
import type { AcquireResult, PersistenceLayer } from './persistence.js';

export interface RedisPersistenceOptions {
  /** A client, or a URL (`redis://…`, `rediss://…` for TLS). */
  readonly client?: Redis;
  readonly url?: string;
  /** Prepended to every key; `idempotency:` by default. */
  readonly prefix?: string;
  /**
   * How long a connection or a command may take, in milliseconds (1000 by default), so a Redis
   * that hangs fails the invocation instead of holding it to the Lambda timeout. Ignored with `client`.
   */
  readonly timeoutMs?: number;
}

// KEYS[1] record; ARGV: record JSON, now (ms), expiry (ms from now).
// The stored record stands while it is COMPLETED or its in-progress time has not run out.
const acquireScript = `
local current = redis.call('GET', KEYS[1])
if current then
  local record = cjson.decode(current)
  local now = tonumber(ARGV[2])
  if record.status == 'COMPLETED' or (record.inProgressUntil and record.inProgressUntil > now) then
    return current
  end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
return false
`;

export class RedisPersistence implements PersistenceLayer {
  private redis: Redis | undefined;
  private readonly prefix: string;

  constructor(private readonly options: RedisPersistenceOptions = {}) {
    this.prefix = options.prefix ?? 'idempotency:';
  }

  private get url(): string {
    return this.options.url ?? process.env.STATEFUL_IDEMPOTENCY_REDIS_URL ?? 'redis://127.0.0.1:6379';
  }

  private client(): Redis {
    if (this.redis) return this.redis;
    if (this.options.client) return (this.redis = this.options.client);
    const timeout = this.options.timeoutMs ?? 1000;
    const redis = new Redis(this.url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
      connectTimeout: timeout,
      commandTimeout: timeout,
    });
    // A failure reaches the caller through the command it fails (an IdempotencyPersistenceError
    // naming Redis); without a listener, ioredis would also log every reconnect attempt as an
    // unhandled error event, filling the function's log while Redis is down.
    redis.on('error', () => undefined);
    return (this.redis = redis);
  }

  /** Runs one Redis call, naming Redis and where it is when the call fails. */
  private async call<T>(what: string, run: (redis: Redis) => Promise<T>): Promise<T> {
    try {
      return await run(this.client());
    } catch (error) {
      const where = this.options.client ? 'Redis' : `Redis at ${this.url}`;
      throw new IdempotencyPersistenceError(
        `${where} failed to ${what}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }

  async acquire(record: IdempotencyRecord, now: number): Promise<AcquireResult> {
    const ttlMs = Math.max(1, record.expiresAt * 1000 - now);
    const existing = (await this.call('take the idempotency key', (redis) =>
      redis.eval(acquireScript, 1, this.prefix + record.key, JSON.stringify(record), now, ttlMs),
    )) as string | null;
    return existing ? { acquired: false, existing: JSON.parse(existing) as IdempotencyRecord } : { acquired: true };
  }

  async complete(record: IdempotencyRecord): Promise<void> {
    const ttlMs = Math.max(1, record.expiresAt * 1000 - Date.now());
    await this.call('store the result', (redis) =>
      redis.set(this.prefix + record.key, JSON.stringify(record), 'PX', ttlMs),
    );
  }

  async release(key: string): Promise<void> {
    await this.call('release the idempotency key', (redis) => redis.del(this.prefix + key));
  }

  async get(key: string): Promise<IdempotencyRecord | undefined> {
    const value = await this.call('read the idempotency record', (redis) => redis.get(this.prefix + key));
    return value ? (JSON.parse(value) as IdempotencyRecord) : undefined;
  }

  /** Closes a connection this layer opened itself. */
  async close(): Promise<void> {
    const redis = this.redis;
    this.redis = undefined;
    if (!redis || this.options.client) return;
    // QUIT needs an answer in time; a client still connecting, or a Redis too slow to answer, is let go.
    if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
    else redis.disconnect();
  }
}

// The operations of one cache in one container: getOrLoad() with its two tiers, fleet-wide single
// flight, grace and negative caching; set(), delete() and deleteByTag(); the circuit breaker and
// the counters. Redis comes from the cache's one connection (connection.ts).
//
// How a read goes:
//   1. the in-container tier, if it holds the key and its short local lifetime has not passed;
//   2. else, unless the breaker is open, Redis (one GET, bounded by the command's own timeout); a
//      fresh entry is served and kept in the in-container tier. When the in-container tier still
//      has the entry (past its local lifetime, not past grace), Redis has only the soft timeout to
//      answer before that entry is served instead;
//   3. a stale entry (past ttl, within grace): this caller takes the lock and refreshes it, and
//      returns the new value; every other caller, in every container, is served the stale one
//      meanwhile. The refresh is awaited: nothing runs on after getOrLoad() returns;
//   4. a miss: in this container, callers of the same key share one flight; the flight takes the
//      key's lock (SET NX PX with a random token, in a script) and loads, or polls, with backoff,
//      until the holder's value appears, the lock frees (then it takes it) or its wait is over
//      (then it loads without writing). The holder writes its value only while it still holds the
//      lock (compare in a script), so a delete during the load keeps an older value out;
//   5. without Redis (breaker open, an error or a hard timeout): the in-container tier, even stale
//      within grace, else the loader, whose value is kept in the in-container tier only.
// The lock's commands (claim, poll, fill, release) have the hard timeout only: once Redis has
// answered the read, a hiccup must not turn one load into many.
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ResourceNotDeclaredError } from '../errors.js';
import { sleep } from '../backoff.js';
import { CacheConfigError, CacheConnectionError, CacheUnavailableError } from './cache-errors.js';
import { emptyCounters, type CacheCounters, type CacheMetrics } from './cache-metrics.js';
import {
  resolveCallOptions,
  type GetOrLoadOptions,
  type ResolvedCacheOptions,
  type ResolvedCallOptions,
  type SetOptions,
} from './cache-options.js';
import { CircuitBreaker } from './circuit-breaker.js';
import type { CacheCodec } from './codec.js';
import { payloadBytes, readEntry, writeEntry, type Entry } from './entry.js';
import type { KeyLayout } from './key-layout.js';
import { LocalTier, type LocalEntry } from './local-tier.js';
import { withScripts, type ScriptedRedis } from './scripts.js';

/** How operations reach Redis: the cache's one connection. */
export interface RedisAccess {
  /** The client when it is ready now. */
  ready(): Redis | undefined;
  /** The client, connecting first within connectTimeoutMs; throws CacheConnectionError. */
  connect(): Promise<Redis>;
}

/** Loads the value of a key on a miss; `undefined` means "not found". */
export type Loader<T> = () => Promise<T | undefined> | T | undefined;

/** What a load gives the callers that shared it: the entry each decodes, or a value that could not be encoded. */
type Outcome = { readonly entry: Entry } | { readonly value: unknown };

type Claim =
  | { readonly kind: 'value'; readonly data: string | Buffer }
  | { readonly kind: 'claimed'; readonly began: number }
  | { readonly kind: 'held' };

/** Redis did not answer within the soft timeout; the command itself goes on until its hard timeout. */
class SoftTimeoutError extends Error {
  override name = 'SoftTimeoutError';
}

/** A connection that was ready once is being made again, for longer than a command may wait. */
class ReconnectTimeoutError extends Error {
  override name = 'ReconnectTimeoutError';
}

/** Tag invalidations this close before a load's start still keep it out: clocks of shards may differ. */
const tagClockMarginMs = 100;
/** Keys a container warns about, at most, before it forgets which it warned about. */
const maxWarnedKeys = 1000;

const newToken = () => randomBytes(12).toString('base64url');
const isNoPermission = (error: unknown) => error instanceof Error && /NOPERM/.test(error.message);

/** Waits between polls for another container's load: 5–10 ms, doubling to 50–100 ms. */
export function pollDelay(attempt: number): number {
  const ceiling = Math.min(100, 5 * 2 ** attempt);
  return ceiling / 2 + (Math.random() * ceiling) / 2;
}

/** `pending`, or `timedOut()` after `ms`; `late` hears how `pending` settled after that. */
function within<T>(
  pending: Promise<T>,
  ms: number,
  timedOut: () => Error,
  late: (outcome: { value: T } | { error: unknown }) => void = () => undefined,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let over = false;
    const timer = setTimeout(() => {
      over = true;
      reject(timedOut());
    }, ms);
    pending.then(
      (value) => {
        clearTimeout(timer);
        if (over) late({ value });
        else resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        if (over) late({ error });
        else reject(error as Error);
      },
    );
  });
}

export class CacheAside {
  readonly breaker: CircuitBreaker;
  readonly local: LocalTier | undefined;
  private readonly counters: CacheCounters = emptyCounters();
  private readonly codec: CacheCodec;
  /** The header of entries this codec reads, for the claim script. */
  private readonly entryPrefix: string;
  private readonly flights = new Map<string, Promise<Outcome>>();
  private readonly refreshing = new Set<string>();
  private readonly warned = new Set<string>();
  private readOnly = false;
  private connectedOnce = false;

  constructor(
    readonly name: string,
    readonly options: ResolvedCacheOptions,
    readonly layout: KeyLayout,
    private readonly redis: RedisAccess,
  ) {
    this.breaker = new CircuitBreaker(options.breaker);
    this.local =
      options.local === false
        ? undefined
        : new LocalTier({
            maxEntries: options.local.maxEntries,
            maxBytes: options.local.maxBytes,
            ttlMs: Math.round(options.local.ttl * 1000),
          });
    this.codec = options.codec;
    this.entryPrefix = `${this.codec.name}:`;
  }

  async getOrLoad<T>(key: string, loader: Loader<T>, options?: GetOrLoadOptions): Promise<T | undefined> {
    this.layout.check(key);
    const call = this.callOptions('getOrLoad', options);
    const local = this.local?.get(key);
    const now = Date.now();
    if (local !== undefined && now < local.localUntil) {
      this.counters.hitsLocal++;
      return this.decode(local) as T | undefined;
    }
    // What this container could serve if Redis does not answer: fresh, or stale within grace.
    const servable = local !== undefined && now < local.staleUntil ? local : undefined;
    if (!this.breaker.admit()) {
      this.counters.breakerSkips++;
      return (await this.withoutRedis(key, loader, call, servable)) as T | undefined;
    }
    let data: string | Buffer | null;
    try {
      const pending = this.read(key);
      data = servable === undefined ? await pending : await this.withinSoftTimeout(pending, call.timeoutMs);
      this.breaker.success();
    } catch (error) {
      if (error instanceof SoftTimeoutError && servable !== undefined) {
        this.counters.softTimeouts++;
        return this.serveLocal(servable) as T | undefined;
      }
      this.failed(error);
      return (await this.withoutRedis(key, loader, call, servable)) as T | undefined;
    }
    const entry = data === null ? undefined : readEntry(this.codec, data);
    if (entry !== undefined) {
      const at = Date.now();
      if (at < entry.freshUntil) {
        this.counters.hitsRedis++;
        this.local?.set(key, entry, at, this.staleUntil(entry, call), call.tags);
        return this.decode(entry) as T | undefined;
      }
      return (await this.stale(key, loader, call, entry)) as T | undefined;
    }
    this.counters.misses++;
    const outcome = await this.flight(key, () => this.loadThroughLock(key, loader, call));
    return this.decodeOutcome(outcome) as T | undefined;
  }

  async set(key: string, value: unknown, options?: SetOptions): Promise<void> {
    this.layout.check(key);
    const call = this.callOptions('set', options);
    this.local?.delete(key);
    const entry = this.encode(key, value, call);
    const valueKey = this.layout.value(key);
    const lockKey = this.layout.lock(key);
    if (entry === undefined) {
      // Not cached: and no older value may be served in its place.
      await this.write('set', [key], (redis) => redis.del(valueKey, lockKey));
      return;
    }
    const px = this.lifetime(entry, call);
    await this.write('set', [key], async (redis) => {
      await Promise.all(
        call.tags.map((tag) => redis.tag(this.layout.tag(tag), this.layout.tagInvalidated(tag), key, px, -1, 0)),
      );
      await redis.put(valueKey, lockKey, writeEntry(this.codec, entry), px);
    });
    this.local?.set(key, entry, Date.now(), this.staleUntil(entry, call), call.tags);
  }

  async delete(keys: string | readonly string[]): Promise<void> {
    const list = (typeof keys === 'string' ? [keys] : [...keys]).map((key) => this.layout.check(key));
    for (const key of list) this.local?.delete(key);
    if (list.length === 0) return;
    // The lock goes too: a load in flight then cannot write a value read before this delete.
    await this.write('delete', list, (redis) =>
      Promise.all(list.map((key) => redis.del(this.layout.value(key), this.layout.lock(key)))),
    );
  }

  async deleteByTag(tags: string | readonly string[]): Promise<void> {
    const list = (typeof tags === 'string' ? [tags] : [...tags]).map((tag) => this.layout.check(tag, 'tag'));
    this.local?.deleteTagged(list);
    if (list.length === 0) return;
    const rememberMs = Math.max(60_000, 2 * this.options.lock.ttlMs);
    await this.write('deleteByTag', list, (redis) =>
      Promise.all(
        list.map(async (tag) => {
          // Recording the invalidation first keeps out loads that began before it and tag their key after.
          const keys = await redis.invalidateTag(this.layout.tag(tag), this.layout.tagInvalidated(tag), rememberMs);
          for (const key of keys) this.local?.delete(key);
          await Promise.all(keys.map((key) => redis.del(this.layout.value(key), this.layout.lock(key))));
        }),
      ),
    );
  }

  metrics(): CacheMetrics {
    const transitions = this.breaker.transitions;
    return {
      ...this.counters,
      breakerOpened: transitions.opened,
      breakerHalfOpened: transitions.halfOpened,
      breakerClosed: transitions.closed,
      breaker: this.breaker.state,
      localEntries: this.local?.size ?? 0,
      localBytes: this.local?.bytes ?? 0,
    };
  }

  private callOptions(operation: string, options: GetOrLoadOptions | undefined): ResolvedCallOptions {
    if (options === undefined) return this.options.call;
    const call = resolveCallOptions(this.name, operation, options, this.options.call);
    for (const tag of call.tags) this.layout.check(tag, 'tag');
    return call;
  }

  /** A stale entry: one caller refreshes it under the lock, the others are served it. */
  private async stale(key: string, loader: Loader<unknown>, call: ResolvedCallOptions, entry: Entry): Promise<unknown> {
    if (this.readOnly || this.refreshing.has(key) || this.flights.has(key)) {
      this.counters.hitsStale++;
      return this.decode(entry);
    }
    this.refreshing.add(key);
    try {
      if (!this.breaker.admit()) {
        this.counters.breakerSkips++;
        this.counters.hitsStale++;
        return this.decode(entry);
      }
      const token = newToken();
      let claim: Claim;
      try {
        claim = await this.claim(key, token, true);
        this.breaker.success();
      } catch (error) {
        this.failedClaim(error);
        this.counters.hitsStale++;
        return this.decode(entry);
      }
      if (claim.kind !== 'claimed') {
        this.counters.hitsStale++;
        return this.decode(entry);
      }
      this.counters.misses++;
      return this.decodeOutcome(await this.loadAndFill(key, token, claim.began, loader, call));
    } finally {
      this.refreshing.delete(key);
    }
  }

  /** Redis is not to be used for this read: the in-container tier, even stale within grace, or the loader. */
  private async withoutRedis(
    key: string,
    loader: Loader<unknown>,
    call: ResolvedCallOptions,
    servable: LocalEntry | undefined,
  ): Promise<unknown> {
    if (servable !== undefined) return this.serveLocal(servable);
    this.counters.misses++;
    return this.decodeOutcome(await this.flight(key, () => this.loadOnly(key, loader, call)));
  }

  /** An entry of the in-container tier, served without Redis: counted fresh or stale. */
  private serveLocal(entry: LocalEntry): unknown {
    if (Date.now() < entry.freshUntil) this.counters.hitsLocal++;
    else this.counters.hitsStale++;
    return this.decode(entry);
  }

  /** The flight of `key` in this container, joined if one is under way. */
  private flight(key: string, start: () => Promise<Outcome>): Promise<Outcome> {
    let flight = this.flights.get(key);
    if (flight === undefined) {
      flight = start().finally(() => {
        this.flights.delete(key);
      });
      this.flights.set(key, flight);
    }
    return flight;
  }

  /** A miss: take the key's lock and load, or wait for the holder's value within the bound. */
  private async loadThroughLock(key: string, loader: Loader<unknown>, call: ResolvedCallOptions): Promise<Outcome> {
    if (this.readOnly) return this.loadOnly(key, loader, call);
    const token = newToken();
    const deadline = Date.now() + this.options.lock.waitMs;
    let waited = false;
    for (let attempt = 1; ; attempt++) {
      if (!this.breaker.admit()) {
        this.counters.breakerSkips++;
        return this.loadOnly(key, loader, call);
      }
      let claim: Claim;
      try {
        claim = await this.claim(key, token, false);
        this.breaker.success();
      } catch (error) {
        this.failedClaim(error);
        return this.loadOnly(key, loader, call);
      }
      if (claim.kind === 'claimed') return this.loadAndFill(key, token, claim.began, loader, call);
      if (claim.kind === 'value') {
        const entry = readEntry(this.codec, claim.data);
        if (entry !== undefined) {
          const now = Date.now();
          if (now < entry.freshUntil) this.local?.set(key, entry, now, this.staleUntil(entry, call), call.tags);
          return { entry };
        }
      }
      if (!waited) {
        waited = true;
        this.counters.lockWaits++;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        // The holder is slow or gone: this caller loads, and leaves the cache to the lock's holder.
        this.counters.lockWaitTimeouts++;
        return this.loadOnly(key, loader, call);
      }
      await sleep(Math.min(pollDelay(attempt), left));
    }
  }

  /** This caller holds the lock: load, write the value if the lock is still ours, release it. */
  private async loadAndFill(
    key: string,
    token: string,
    began: number,
    loader: Loader<unknown>,
    call: ResolvedCallOptions,
  ): Promise<Outcome> {
    const valueKey = this.layout.value(key);
    const lockKey = this.layout.lock(key);
    let value: unknown;
    try {
      value = await this.load(loader);
    } catch (error) {
      await this.quietly((redis) => redis.release(lockKey, token));
      throw error;
    }
    const entry = this.encode(key, value, call);
    if (entry === undefined) {
      // Nothing to write. A value that cannot be cached also removes the stale one it replaces.
      await this.quietly((redis) =>
        value === undefined
          ? redis.release(lockKey, token)
          : Promise.all([redis.del(valueKey), redis.release(lockKey, token)]),
      );
      return { value };
    }
    const px = this.lifetime(entry, call);
    try {
      const tagged =
        call.tags.length === 0
          ? []
          : await this.command((redis) =>
              Promise.all(
                call.tags.map((tag) =>
                  redis.tag(this.layout.tag(tag), this.layout.tagInvalidated(tag), key, px, began, tagClockMarginMs),
                ),
              ),
            );
      if (tagged.includes(0)) {
        // A tag was invalidated while this loaded: the caller has the value, the cache does not.
        await this.command((redis) => redis.release(lockKey, token));
        this.breaker.success();
        return { entry };
      }
      const written = await this.command((redis) =>
        redis.fill(valueKey, lockKey, token, writeEntry(this.codec, entry), px),
      );
      this.breaker.success();
      if (written === 1) {
        this.counters.fills++;
        this.local?.set(key, entry, Date.now(), this.staleUntil(entry, call), call.tags);
      }
    } catch (error) {
      this.failed(error);
    }
    return { entry };
  }

  /** Loads without the lock and without writing Redis; the in-container tier keeps the value. */
  private async loadOnly(key: string, loader: Loader<unknown>, call: ResolvedCallOptions): Promise<Outcome> {
    const value = await this.load(loader);
    const entry = this.encode(key, value, call);
    if (entry === undefined) return { value };
    this.local?.set(key, entry, Date.now(), this.staleUntil(entry, call), call.tags);
    return { entry };
  }

  private async load(loader: Loader<unknown>): Promise<unknown> {
    this.counters.loads++;
    try {
      return await loader();
    } catch (error) {
      this.counters.loadErrors++;
      throw error;
    }
  }

  /** The GET of `key`, within the command's own (hard) timeout. */
  private read(key: string): Promise<string | Buffer | null> {
    const valueKey = this.layout.value(key);
    const redis = this.redis.ready();
    if (redis !== undefined) return this.codec.binary ? redis.getBuffer(valueKey) : redis.get(valueKey);
    return this.command(
      (connected): Promise<string | Buffer | null> =>
        this.codec.binary ? connected.getBuffer(valueKey) : connected.get(valueKey),
    );
  }

  /**
   * `pending`, or a SoftTimeoutError after `ms`. The command goes on to its own timeout, and how it
   * ends is told to the breaker then, as every command's end is.
   */
  private withinSoftTimeout<T>(pending: Promise<T>, ms: number): Promise<T> {
    return within(
      pending,
      ms,
      () => new SoftTimeoutError(`no answer within ${ms} ms`),
      (outcome) => {
        if ('value' in outcome) this.breaker.success();
        else this.failedQuietly(outcome.error);
      },
    );
  }

  private async claim(key: string, token: string, refresh: boolean): Promise<Claim> {
    const valueKey = this.layout.value(key);
    const lockKey = this.layout.lock(key);
    const px = this.options.lock.ttlMs;
    const flag = refresh ? '1' : '0';
    const [kind, detail] = await this.command(
      (redis): Promise<[number, string | Buffer | number]> =>
        this.codec.binary
          ? redis.claimBuffer(valueKey, lockKey, token, px, flag, this.entryPrefix)
          : redis.claim(valueKey, lockKey, token, px, flag, this.entryPrefix),
    );
    if (kind === 1 && typeof detail !== 'number') return { kind: 'value', data: detail };
    if (kind === 2) return { kind: 'claimed', began: Number(detail) };
    return { kind: 'held' };
  }

  /**
   * Runs `run` on the connection, within the command's own timeout. A container's first connection
   * may take connectTimeoutMs; once it has been ready, a command waits for a reconnect no longer
   * than it would wait for a reply (commandTimeoutMs), as ioredis's own queue would.
   */
  private async command<R>(run: (redis: ScriptedRedis) => Promise<R>): Promise<R> {
    const ready = this.redis.ready();
    if (ready !== undefined) return run(withScripts(ready));
    if (!this.connectedOnce) {
      const redis = await this.redis.connect();
      this.connectedOnce = true;
      return run(withScripts(redis));
    }
    const ms = this.options.commandTimeoutMs;
    return within(
      this.redis.connect().then((redis) => run(withScripts(redis))),
      ms,
      () => new ReconnectTimeoutError(`no connection within ${ms} ms`),
    );
  }

  /** A write: refused at once while the breaker is open; a failure is a CacheUnavailableError. */
  private async write<R>(
    operation: string,
    keys: readonly string[],
    run: (redis: ScriptedRedis) => Promise<R>,
  ): Promise<R> {
    if (!this.breaker.admit()) {
      this.counters.breakerSkips++;
      throw new CacheUnavailableError(
        this.name,
        operation,
        keys,
        'not tried: the circuit breaker is open after repeated Redis failures',
      );
    }
    try {
      const result = await this.command(run);
      this.breaker.success();
      return result;
    } catch (error) {
      this.failed(error);
      const failure = isNoPermission(error)
        ? 'Redis refused it: the function may only read this cache (give it readwrite)'
        : 'Redis did not do it';
      throw new CacheUnavailableError(this.name, operation, keys, failure, { cause: error });
    }
  }

  /** Best effort, within the command timeout: a failure is counted, never thrown. */
  private async quietly(run: (redis: ScriptedRedis) => Promise<unknown>): Promise<void> {
    try {
      await this.command(run);
    } catch (error) {
      this.failed(error);
    }
  }

  /** A Redis failure: counted, and told to the breaker. The function's own misconfiguration is thrown. */
  private failed(error: unknown): void {
    if (error instanceof ResourceNotDeclaredError || error instanceof CacheConfigError) throw error;
    if (isNoPermission(error)) {
      // Redis answered: it is up, and refused this user the command.
      this.breaker.success();
      return;
    }
    this.counters.redisErrors++;
    // A connection that could not be made within connectTimeoutMs opens the breaker at once.
    this.breaker.failure(error instanceof CacheConnectionError ? this.options.breaker.failures : 1);
  }

  /** failed(), for a command no caller waits for any more. */
  private failedQuietly(error: unknown): void {
    try {
      this.failed(error);
    } catch {
      // The function's own misconfiguration: the caller that started the command has been told.
    }
  }

  /** A failed claim; a function whose user may not write (NOPERM) reads only from then on. */
  private failedClaim(error: unknown): void {
    this.failed(error);
    if (!isNoPermission(error) || this.readOnly) return;
    this.readOnly = true;
    this.options.logger.warn(
      `cache ${this.name}: this function may only read the cache (Redis said: ${(error as Error).message}). ` +
        'A miss loads without the fleet-wide lock and the value is not written to Redis; ' +
        'give the function readwrite access to the cache to fill it.',
    );
  }

  private encode(key: string, value: unknown, call: ResolvedCallOptions): Entry | undefined {
    const now = Date.now();
    if (value === undefined) {
      return call.negativeTtlMs > 0 ? { found: false, payload: '', freshUntil: now + call.negativeTtlMs } : undefined;
    }
    let payload: string | Buffer;
    try {
      payload = this.codec.encode(value);
    } catch (error) {
      this.notCached(
        key,
        `cannot be encoded as ${this.codec.name} (${error instanceof Error ? error.message : String(error)})`,
      );
      return undefined;
    }
    const bytes = payloadBytes(payload);
    if (bytes > this.options.maxValueBytes) {
      this.notCached(
        key,
        `is ${bytes} bytes as ${this.codec.name}, over maxValueBytes (${this.options.maxValueBytes})`,
      );
      return undefined;
    }
    return { found: true, payload, freshUntil: now + call.ttlMs };
  }

  /** Counts a value that is not cached, and warns once per key per container. */
  private notCached(key: string, why: string): void {
    this.counters.notCached++;
    if (this.warned.has(key)) return;
    if (this.warned.size >= maxWarnedKeys) this.warned.clear();
    this.warned.add(key);
    this.options.logger.warn(
      `cache ${this.name}: the value of ${key} ${why}: it is not cached, and each read of it loads it again.`,
    );
  }

  /** How long Redis keeps an entry: its ttl and grace, or negativeTtl for "not found". */
  private lifetime(entry: Entry, call: ResolvedCallOptions): number {
    return entry.found ? call.ttlMs + call.graceMs : call.negativeTtlMs;
  }

  private staleUntil(entry: Entry, call: ResolvedCallOptions): number {
    return entry.found ? entry.freshUntil + call.graceMs : entry.freshUntil;
  }

  private decode(entry: Entry): unknown {
    return entry.found ? this.codec.decode(entry.payload) : undefined;
  }

  private decodeOutcome(outcome: Outcome): unknown {
    return 'entry' in outcome ? this.decode(outcome.entry) : outcome.value;
  }
}

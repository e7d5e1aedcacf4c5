// The one orchestrator behind idempotent() and the Middy middleware: begin (take the key, or
// find its result), then succeed (store the result) or fail (release the key).
import { backoffDelay, sleep } from '../backoff.js';
import { messageOf } from '../errors.js';
import { resolveOptions, type IdempotencyOptions, type ResolvedOptions } from './config.js';
import {
  IdempotencyInProgressError,
  IdempotencyPayloadMismatchError,
  IdempotencyPersistenceError,
  IdempotencyRecordTooLargeError,
  IdempotencyResultNotStoredError,
} from './errors.js';
import { keyHash, payloadHash as hashPayload } from './event-key.js';
import { LocalCache } from './local-cache.js';
import type { IdempotencyRecord } from './record.js';

/** The part of a Lambda context the orchestrator reads. */
export interface InvocationContext {
  getRemainingTimeInMillis?: () => number;
}

export type Begun<R> =
  | { readonly kind: 'run'; readonly record: IdempotencyRecord }
  | { readonly kind: 'done'; readonly result: R };

/** The COMPLETED record of the run `record` took the key for. */
function completedRecord(
  record: IdempotencyRecord,
  outcome: { result: string } | { resultNotStored: string } | Record<string, never>,
): IdempotencyRecord {
  return {
    key: record.key,
    status: 'COMPLETED',
    expiresAt: record.expiresAt,
    ...(record.payloadHash ? { payloadHash: record.payloadHash } : {}),
    ...outcome,
  };
}

/** Logs, as one JSON line, what went wrong with the store and what follows from it. */
function warn(message: string, key: string, error?: unknown, consequence?: string): void {
  console.warn(
    JSON.stringify({
      level: 'WARN',
      message: `idempotency: ${message}`,
      key,
      ...(error === undefined ? {} : { error: messageOf(error) }),
      ...(consequence === undefined ? {} : { consequence }),
    }),
  );
}

/** The stored result, parsed; its type is the handler's, which stored it. */
function resultOf(record: IdempotencyRecord): unknown {
  return record.result === undefined ? undefined : (JSON.parse(record.result) as unknown);
}

export class IdempotencyHandler<E, R> {
  private readonly options: ResolvedOptions<E>;
  private readonly cache: LocalCache;

  constructor(options: IdempotencyOptions<E>) {
    this.options = resolveOptions(options);
    this.cache = new LocalCache(this.options.cacheSize);
  }

  /** Takes the event's key, or returns the result stored under it. */
  async begin(event: E, context?: InvocationContext): Promise<Begun<R>> {
    const { keySource, payloadSource } = this.options;
    const { selectKey, selectPayload } = await this.options.selectors;
    const key = `${this.options.namespace}#${keyHash(selectKey(event), keySource)}`;
    const payloadHash = selectPayload ? hashPayload(selectPayload(event), payloadSource) : undefined;

    const cached = this.cache.get(key, Date.now());
    if (cached) return { kind: 'done', result: this.replay(cached, payloadHash) };

    const deadline = this.options.waitMs !== undefined ? Date.now() + this.options.waitMs : undefined;
    for (let attempt = 1; ; attempt++) {
      const now = Date.now();
      // A context that cannot say (a test's stand-in, a time already up) must not make the lock
      // expire at once: a concurrent duplicate would run too.
      const told = context?.getRemainingTimeInMillis?.();
      const remaining =
        typeof told === 'number' && Number.isFinite(told) && told > 0 ? told : this.options.inProgressTimeoutMs;
      const record: IdempotencyRecord = {
        key,
        status: 'INPROGRESS',
        expiresAt: Math.floor(now / 1000) + this.options.ttlSeconds,
        // The lock lasts as long as this invocation can: after that it cannot still be running.
        inProgressUntil: now + remaining,
        ...(payloadHash ? { payloadHash } : {}),
      };
      const acquired = await this.options.persistence.acquire(record, now);
      if (acquired.acquired) return { kind: 'run', record };
      const existing = acquired.existing;
      if (existing.status === 'COMPLETED') {
        const result = this.replay(existing, payloadHash);
        this.cache.set(existing);
        return { kind: 'done', result };
      }
      if (payloadHash && existing.payloadHash && existing.payloadHash !== payloadHash) {
        throw new IdempotencyPayloadMismatchError(key);
      }
      if (deadline === undefined || Date.now() >= deadline) {
        throw new IdempotencyInProgressError(key, existing.inProgressUntil ?? now);
      }
      // Wait for the first invocation: its result, or its release (then try to take the key).
      const completed = await this.waitFor(key, deadline, attempt);
      if (completed) {
        this.cache.set(completed);
        return { kind: 'done', result: this.replay(completed, payloadHash) };
      }
    }
  }

  /**
   * Stores the result, and returns it whatever happens: the work is done. A result that cannot be
   * stored (JSON cannot write it, or the store cannot hold it) still marks the key completed, so a
   * duplicate never runs the handler again unless `resultNotStored: 'rerun'` says so.
   */
  async succeed(record: IdempotencyRecord, result: R): Promise<R> {
    let json: string | undefined;
    try {
      // As Lambda itself writes a result: undefined (no result) stays undefined.
      json = JSON.stringify(result) as string | undefined;
    } catch (error) {
      await this.notStored(record, `JSON cannot write it (${messageOf(error).split('\n')[0] ?? ''})`);
      return result;
    }
    const completed = completedRecord(record, json === undefined ? {} : { result: json });
    try {
      await this.options.persistence.complete(completed);
      this.cache.set(completed);
    } catch (error) {
      if (error instanceof IdempotencyRecordTooLargeError) await this.notStored(record, error.message);
      else warn('the handler succeeded but its result could not be stored', record.key, error, this.downNote(record));
    }
    return result;
  }

  /** Records that the run completed without its result, or releases the key when asked to. */
  private async notStored(record: IdempotencyRecord, reason: string): Promise<void> {
    const { resultNotStored, persistence } = this.options;
    const duplicates =
      resultNotStored === 'rerun'
        ? 'a duplicate runs the handler again'
        : resultNotStored === 'nothing'
          ? 'a duplicate gets nothing'
          : 'a duplicate gets IdempotencyResultNotStoredError';
    try {
      if (resultNotStored === 'rerun') await persistence.release(record.key);
      else {
        const completed = completedRecord(record, { resultNotStored: reason });
        await persistence.complete(completed);
        this.cache.set(completed);
      }
    } catch (error) {
      warn(
        `the handler succeeded but its result could not be stored: ${reason}`,
        record.key,
        error,
        this.downNote(record),
      );
      return;
    }
    warn(`the handler succeeded but its result could not be stored: ${reason}; ${duplicates}`, record.key);
  }

  /** What happens to duplicates when the store could not be told the run completed. */
  private downNote(record: IdempotencyRecord): string {
    return `a duplicate is refused until ${new Date(record.inProgressUntil ?? 0).toISOString()}, then runs the handler again`;
  }

  /** Releases the key after the handler failed, so a retry runs the handler again. */
  async fail(record: IdempotencyRecord, handlerError: unknown): Promise<never> {
    try {
      await this.options.persistence.release(record.key);
    } catch (releaseError) {
      throw new IdempotencyPersistenceError(
        `the handler failed and idempotency key ${record.key} could not be released; retries are refused until ${new Date(record.inProgressUntil ?? 0).toISOString()}`,
        { cause: new AggregateError([handlerError, releaseError]) },
      );
    }
    throw handlerError;
  }

  private replay(record: IdempotencyRecord, payloadHash: string | undefined): R {
    if (payloadHash && record.payloadHash && record.payloadHash !== payloadHash) {
      throw new IdempotencyPayloadMismatchError(record.key);
    }
    // 'rerun' never writes such a record; one written before under another setting still stands.
    if (record.resultNotStored !== undefined && this.options.resultNotStored !== 'nothing') {
      throw new IdempotencyResultNotStoredError(record.key, record.resultNotStored, record.expiresAt * 1000);
    }
    return resultOf(record) as R;
  }

  /** Polls the record until it completes (returned) or goes away (undefined), until `deadline`. */
  private async waitFor(key: string, deadline: number, attempt: number): Promise<IdempotencyRecord | undefined> {
    for (let poll = attempt; Date.now() < deadline; poll++) {
      await sleep(
        Math.min(backoffDelay(poll, { baseDelayMs: 20, maxDelayMs: 500 }), Math.max(0, deadline - Date.now())),
      );
      const record = await this.options.persistence.get(key);
      if (!record || record.status !== 'INPROGRESS' || (record.inProgressUntil ?? 0) <= Date.now()) {
        return record?.status === 'COMPLETED' ? record : undefined;
      }
    }
    const record = await this.options.persistence.get(key);
    if (record?.status === 'COMPLETED') return record;
    throw new IdempotencyInProgressError(key, record?.inProgressUntil ?? Date.now());
  }
}

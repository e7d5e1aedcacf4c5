// Typed errors of idempotent(): each says which key, and keeps the cause.
import { StatefulRuntimeError } from '../errors.js';

/** Another invocation with the same key is running; retry later. */
export class IdempotencyInProgressError extends StatefulRuntimeError {
  override name = 'IdempotencyInProgressError';
  constructor(
    readonly key: string,
    readonly inProgressUntil: number,
  ) {
    super(`an invocation with idempotency key ${key} is in progress until ${new Date(inProgressUntil).toISOString()}`);
  }
}

/** The key was used before with a different payload. */
export class IdempotencyPayloadMismatchError extends StatefulRuntimeError {
  override name = 'IdempotencyPayloadMismatchError';
  constructor(readonly key: string) {
    super(`idempotency key ${key} was already used with a different payload`);
  }
}

/** An option of idempotent() is not usable; the message names the option and what is wrong. */
export class IdempotencyConfigError extends StatefulRuntimeError {
  override name = 'IdempotencyConfigError';
}

/** The event holds no idempotency key where the key expression looks. */
export class IdempotencyKeyError extends StatefulRuntimeError {
  override name = 'IdempotencyKeyError';
}

/** The store (DynamoDB, Redis) failed; whether the handler ran is in the message. */
export class IdempotencyPersistenceError extends StatefulRuntimeError {
  override name = 'IdempotencyPersistenceError';
}

/**
 * The invocation with this key ran, but its result could not be stored (JSON cannot write it, or it
 * is over the store's size limit); the key is recorded as completed, so the handler does not run
 * again. A duplicate gets this error until the record expires.
 */
export class IdempotencyResultNotStoredError extends StatefulRuntimeError {
  override name = 'IdempotencyResultNotStoredError';
  constructor(
    readonly key: string,
    /** Why the result was not stored. */
    readonly reason: string,
    /** When the record expires and the key is free again, in epoch milliseconds. */
    readonly expiresAt: number,
  ) {
    super(
      `the invocation with idempotency key ${key} ran, but its result could not be stored: ${reason}. ` +
        `The handler does not run again for this key until the record expires at ${new Date(expiresAt).toISOString()}.`,
    );
  }
}

/**
 * A store cannot hold a record this large. Persistence layers throw it from complete(), so the
 * run is recorded as completed without its result.
 */
export class IdempotencyRecordTooLargeError extends IdempotencyPersistenceError {
  override name = 'IdempotencyRecordTooLargeError';
  constructor(
    readonly key: string,
    readonly bytes: number,
    readonly limit: number,
    store: string,
    options?: { cause?: unknown },
  ) {
    super(`the record is ${bytes} bytes, over the ${limit} bytes ${store} stores in an item`, options);
  }
}

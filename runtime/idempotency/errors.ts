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

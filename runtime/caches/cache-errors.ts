// Typed errors of cache(): each names the cache, and where it was looked for or connected to.
// None ever carries a password or an IAM auth token.
import { StatefulRuntimeError } from '../errors.js';

/**
 * The cache's variable (or the options given to cache()) cannot be used; the message names the
 * variable or option and what is wrong with it.
 */
export class CacheConfigError extends StatefulRuntimeError {
  override name = 'CacheConfigError';
  constructor(
    readonly cache: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The connection to the cache could not be made or authenticated: `endpoint` is host:port,
 * `failure` says what did not happen, `cause` is the error that stopped it, and the message ends
 * with what to check.
 */
export class CacheConnectionError extends StatefulRuntimeError {
  override name = 'CacheConnectionError';
  constructor(
    readonly cache: string,
    readonly endpoint: string,
    readonly failure: string,
    options: { cause?: unknown; hint?: string } = {},
  ) {
    const cause = options.cause instanceof Error ? `: ${options.cause.message.replace(/\.$/, '')}` : '';
    super(`cache ${cache} at ${endpoint}: ${failure}${cause}${options.hint ? `. ${options.hint}` : ''}`, {
      cause: options.cause,
    });
  }
}

/** A key or tag the cache cannot store; the message says which and why. */
export class CacheKeyError extends StatefulRuntimeError {
  override name = 'CacheKeyError';
  constructor(
    readonly cache: string,
    readonly key: unknown,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A write to the cache (set, delete, deleteByTag) did not reach Redis: it failed, timed out, or
 * the circuit breaker is open after repeated failures. `keys` are the keys (or tags) it was for;
 * `cause` is Redis's error, absent when the breaker refused without trying.
 */
export class CacheUnavailableError extends StatefulRuntimeError {
  override name = 'CacheUnavailableError';
  constructor(
    readonly cache: string,
    readonly operation: string,
    readonly keys: readonly string[],
    failure: string,
    options: { cause?: unknown } = {},
  ) {
    const shown = keys.length > 3 ? `${keys.slice(0, 3).join(', ')} and ${keys.length - 3} more` : keys.join(', ');
    const cause = options.cause instanceof Error ? `: ${options.cause.message.replace(/\.$/, '')}` : '';
    super(`cache ${cache}: ${operation} of ${shown} failed, ${failure}${cause}`, { cause: options.cause });
  }
}

/** An invalidation rule that cannot be used: a key template that does not parse, a rule without a cache. */
export class InvalidationRuleError extends StatefulRuntimeError {
  override name = 'InvalidationRuleError';
}

/**
 * A stream record's item does not give what a key template needs: the attribute is missing from
 * an image of the item, or holds a type a key cannot be made of.
 */
/**
 * Records of a batch could not be invalidated, where Lambda does not take partial batch responses:
 * the batch fails whole, and is retried (deleting a key twice changes nothing).
 */
export class InvalidationBatchFailedError extends StatefulRuntimeError {
  override name = 'InvalidationBatchFailedError';
}

export class InvalidationKeyError extends StatefulRuntimeError {
  override name = 'InvalidationKeyError';
  constructor(
    readonly cache: string,
    readonly template: string,
    readonly attribute: string,
    message: string,
  ) {
    super(message);
  }
}

// Options of idempotent() and the middleware, resolved once per wrapped handler.
import { search } from '@aws-lambda-powertools/jmespath';
import { PowertoolsFunctions } from '@aws-lambda-powertools/jmespath/functions';
import { DynamoDBPersistence } from './persistence/dynamodb.js';
import type { PersistenceLayer } from './persistence/persistence.js';

export interface IdempotencyOptions<E> {
  /**
   * What makes two events the same: a JMESPath expression over the event (`orderId`,
   * `powertools_json(body).orderId`), or a function of it.
   */
  readonly key: string | ((event: E) => unknown);
  /**
   * The part of the event that must match when a key is reused: `true` for the whole event, a
   * JMESPath expression, or a function. A different payload under a used key is refused.
   */
  readonly payload?: true | string | ((event: E) => unknown);
  /** How long a completed result is kept and replayed, in seconds; 3600 by default. */
  readonly ttl?: number;
  /** Where records live: DynamoDB (the plugin's `idempotency` table) by default, or Redis. */
  readonly persistence?: PersistenceLayer;
  /**
   * What a concurrent duplicate gets: an IdempotencyInProgressError at once (default), or the
   * result once the first invocation completes, waiting at most `waitMs`.
   */
  readonly inProgress?: 'error' | { readonly waitMs: number };
  /** Keep completed results in the container: a warm duplicate costs no round trip. On by default. */
  readonly localCache?: boolean | { readonly maxItems: number };
  /** Separates keys of different handlers sharing a store; the function's name by default. */
  readonly namespace?: string;
  /** How long an INPROGRESS record holds without a Lambda context to tell; 60 s by default. */
  readonly inProgressTimeoutMs?: number;
}

export interface ResolvedOptions<E> {
  readonly selectKey: (event: E) => unknown;
  readonly selectPayload: ((event: E) => unknown) | undefined;
  readonly ttlSeconds: number;
  readonly persistence: PersistenceLayer;
  readonly waitMs: number | undefined;
  readonly cacheSize: number;
  readonly namespace: string;
  readonly inProgressTimeoutMs: number;
}

const functions = new PowertoolsFunctions();
const jmespath =
  (expression: string) =>
  (event: unknown): unknown =>
    search(expression, event as Parameters<typeof search>[1], { customFunctions: functions });

export function resolveOptions<E>(options: IdempotencyOptions<E>): ResolvedOptions<E> {
  const selector = (value: string | ((event: E) => unknown)) => (typeof value === 'string' ? jmespath(value) : value);
  return {
    selectKey: selector(options.key),
    selectPayload:
      options.payload === undefined
        ? undefined
        : options.payload === true
          ? (event: E) => event
          : selector(options.payload),
    ttlSeconds: options.ttl ?? 3600,
    persistence: options.persistence ?? new DynamoDBPersistence(),
    waitMs: typeof options.inProgress === 'object' ? options.inProgress.waitMs : undefined,
    cacheSize:
      options.localCache === false ? 0 : typeof options.localCache === 'object' ? options.localCache.maxItems : 256,
    namespace: options.namespace ?? process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'local',
    inProgressTimeoutMs: options.inProgressTimeoutMs ?? 60_000,
  };
}

// Options of idempotent() and the middleware, resolved once per wrapped handler.
import { lazyModule } from '../lazy-module.js';
import { IdempotencyConfigError, IdempotencyKeyError } from './errors.js';
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
  /**
   * What a duplicate gets when the first run's result could not be stored (JSON cannot write it, or
   * it is over the store's size limit): an IdempotencyResultNotStoredError (`'error'`, the
   * default), `'nothing'` (undefined), or `'rerun'`: the key is released and the handler runs again.
   */
  readonly resultNotStored?: 'error' | 'nothing' | 'rerun';
}

/** What reads the key and the payload from an event. */
export interface Selectors<E> {
  readonly selectKey: (event: E) => unknown;
  readonly selectPayload: ((event: E) => unknown) | undefined;
}

export interface ResolvedOptions<E> {
  /**
   * Ready at once for functions; a JMESPath expression is compiled once its module has loaded, and
   * one that can never work rejects (with IdempotencyConfigError) every invocation.
   */
  readonly selectors: Promise<Selectors<E>>;
  /** The key option as messages name it: `key "orderId"`, or `the key function`. */
  readonly keySource: string;
  readonly payloadSource: string;
  readonly ttlSeconds: number;
  readonly persistence: PersistenceLayer;
  readonly waitMs: number | undefined;
  readonly cacheSize: number;
  readonly namespace: string;
  readonly inProgressTimeoutMs: number;
  readonly resultNotStored: 'error' | 'nothing' | 'rerun';
}

// JMESPath loads when idempotent() is declared with an expression, not with the runtime: a handler
// that never wraps one never pays for it.
const jmespathModule = lazyModule('@aws-lambda-powertools/jmespath', async () => {
  const [jmespath, { PowertoolsFunctions }] = await Promise.all([
    import('@aws-lambda-powertools/jmespath'),
    import('@aws-lambda-powertools/jmespath/functions'),
  ]);
  return { ...jmespath, functions: new PowertoolsFunctions() };
});

/**
 * A JMESPath expression as a function of the event, refused if it can never work. An event it
 * cannot be evaluated on (`powertools_json(body)` without a body) has no key, or no payload (null).
 */
async function jmespath(option: 'key' | 'payload', expression: string): Promise<(event: unknown) => unknown> {
  const { search, functions, JMESPathError, ...errors } = await jmespathModule();
  // Errors that mean the expression itself is wrong, whatever the event.
  const expressionErrors = [
    errors.LexerError,
    errors.ParseError,
    errors.IncompleteExpressionError,
    errors.EmptyExpressionError,
    errors.UnknownFunctionError,
    errors.ArityError,
    errors.VariadicArityError,
  ];
  const select = (event: unknown) =>
    search(expression, event as Parameters<typeof search>[1], { customFunctions: functions });
  const evaluate = (event: unknown) => {
    try {
      return select(event);
    } catch (error) {
      if (!(error instanceof JMESPathError)) throw error;
      if (option === 'payload') return null;
      throw new IdempotencyKeyError(
        `the event has no idempotency key: key ${JSON.stringify(expression)} cannot be evaluated on it: ${error.message}`,
        { cause: error },
      );
    }
  };
  try {
    select({});
  } catch (error) {
    if (expressionErrors.some((type) => error instanceof type)) {
      throw new IdempotencyConfigError(
        `idempotent(): ${option} ${JSON.stringify(expression)} is not a JMESPath expression: ${(error as Error).message}`,
        { cause: error },
      );
    }
    // Anything else comes from evaluating against an empty event (powertools_json(body) of null…).
  }
  return evaluate;
}

/** A value as a message can show it, whatever it is. */
function shown(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object' && value !== null) return `an object (${value.constructor.name})`;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function refuse(option: string, value: unknown, expected: string): never {
  throw new IdempotencyConfigError(`idempotent(): ${option} must be ${expected}; got ${shown(value)}`);
}

function numberOption(
  option: string,
  value: unknown,
  fallback: number,
  { integer = false, zero = false }: { integer?: boolean; zero?: boolean } = {},
): number {
  if (value === undefined) return fallback;
  const fits =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (zero ? value >= 0 : value > 0) &&
    (!integer || Number.isInteger(value));
  if (!fits) refuse(option, value, `a ${zero ? 'non-negative' : 'positive'} ${integer ? 'whole number' : 'number'}`);
  return value;
}

// Plain JavaScript callers can pass anything: these look at the value as it is.
function waitOf(inProgress: unknown): number | undefined {
  if (inProgress === undefined || inProgress === 'error') return undefined;
  if (typeof inProgress === 'object' && inProgress !== null && 'waitMs' in inProgress) {
    return numberOption('inProgress.waitMs', inProgress.waitMs, 0, { zero: true });
  }
  return refuse('inProgress', inProgress, "'error' or { waitMs }");
}

function cacheSizeOf(localCache: unknown): number {
  if (localCache === undefined || localCache === true) return 256;
  if (localCache === false) return 0;
  if (typeof localCache === 'object' && localCache !== null && 'maxItems' in localCache) {
    return numberOption('localCache.maxItems', localCache.maxItems, 256, { integer: true, zero: true });
  }
  return refuse('localCache', localCache, 'true, false or { maxItems }');
}

const sourceOf = (option: string, value: unknown) =>
  typeof value === 'string'
    ? `${option} ${JSON.stringify(value)}`
    : value === true
      ? 'the whole event'
      : `the ${option} function`;

function resultNotStoredOf(value: unknown): 'error' | 'nothing' | 'rerun' {
  if (value === undefined) return 'error';
  if (value === 'error' || value === 'nothing' || value === 'rerun') return value;
  return refuse('resultNotStored', value, "'error', 'nothing' or 'rerun'");
}

type Selector<E> = string | ((event: E) => unknown);

/** A key or payload option as given: a function, or a JMESPath expression to compile. */
function checkSelector<E>(option: 'key' | 'payload', value: Selector<E>): Selector<E> {
  if (typeof value !== 'function' && (typeof value !== 'string' || value.trim() === '')) {
    refuse(option, value, 'a JMESPath expression or a function of the event');
  }
  return value;
}

async function compileSelector<E>(option: 'key' | 'payload', value: Selector<E>): Promise<(event: E) => unknown> {
  return typeof value === 'function' ? value : jmespath(option, value);
}

export function resolveOptions<E>(options: IdempotencyOptions<E>): ResolvedOptions<E> {
  const key = checkSelector('key', options.key);
  const payload =
    options.payload === undefined || options.payload === true
      ? options.payload
      : checkSelector('payload', options.payload);
  const { localCache, inProgress, persistence } = options;
  if (persistence !== undefined && typeof (persistence as Partial<PersistenceLayer>).acquire !== 'function') {
    refuse('persistence', persistence, 'a DynamoDBPersistence, a RedisPersistence or another PersistenceLayer');
  }
  const resolved = {
    keySource: sourceOf('key', options.key),
    payloadSource: sourceOf('payload', options.payload),
    ttlSeconds: numberOption('ttl', options.ttl, 3600, { integer: true }),
    persistence: persistence ?? new DynamoDBPersistence(),
    waitMs: waitOf(inProgress),
    cacheSize: cacheSizeOf(localCache),
    namespace: options.namespace ?? process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'local',
    inProgressTimeoutMs: numberOption('inProgressTimeoutMs', options.inProgressTimeoutMs, 60_000),
    resultNotStored: resultNotStoredOf(options.resultNotStored),
  };
  // Compiled only once every other option is known good, so that no compilation is left pending
  // behind a refusal; started now, so that JMESPath loads during init.
  if (typeof key === 'string' || typeof payload === 'string') jmespathModule.start();
  const selectors = Promise.all([
    compileSelector('key', key),
    payload === undefined ? undefined : payload === true ? (event: E) => event : compileSelector('payload', payload),
  ]).then(([selectKey, selectPayload]) => ({ selectKey, selectPayload }));
  // A refused expression surfaces where the selectors are awaited: at each invocation.
  selectors.catch(() => undefined);
  return { ...resolved, selectors };
}

// The errors the runtime raises. Each says what happened and to which resource or item; the
// cause is kept.

export class StatefulRuntimeError extends Error {
  override name = 'StatefulRuntimeError';
}

/** What an error says, whatever was thrown (an Error of another realm too: Jest's, a vm's). */
export function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** Where the function's AWS calls go: its region, and the endpoint when one is set (an emulator). */
export function awsWhere(service: string): string {
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? '(none set)';
  const endpoint = process.env[`AWS_ENDPOINT_URL_${service}`] ?? process.env.AWS_ENDPOINT_URL;
  return `in region ${region}${endpoint ? ` at ${endpoint}` : ''}`;
}

/** An access denial said in the terms of serverless.yml, then in AWS's own words. */
export function accessDeniedMessage(operation: string, subject: string, grant: string, cause: unknown): string {
  return (
    `${operation} on ${subject} was refused: the function may do only what its state: block grants, ` +
    `and ${operation} needs ${grant}. ${cause instanceof Error ? cause.message : String(cause)}`
  );
}

/** The function asked for a resource its `state:` block does not name. */
export class ResourceNotDeclaredError extends StatefulRuntimeError {
  override name = 'ResourceNotDeclaredError';
  constructor(
    readonly kind: string,
    readonly resource: string,
    readonly variable: string,
    readonly declared: readonly string[],
  ) {
    super(
      `${kind} ${resource} is not declared for this function: ${variable} is not set. ` +
        `Add "${resource}" to the function's state: block in serverless.yml. ` +
        `It declares: ${declared.length > 0 ? declared.join(', ') : 'nothing'}.`,
    );
  }
}

/** A write's condition (or `expectVersion`) did not hold; `current` is the item as it is. */
export class ConditionFailedError<T = Record<string, unknown>> extends StatefulRuntimeError {
  override name = 'ConditionFailedError';
  constructor(
    readonly table: string,
    readonly key: Record<string, unknown>,
    readonly current: T | undefined,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${detail} (table ${table}, key ${JSON.stringify(key)})`, options);
  }
}

/** A transaction was refused before anything was sent. */
export class TransactionTooLargeError extends StatefulRuntimeError {
  override name = 'TransactionTooLargeError';
}

export interface CancellationReason {
  /** The position of the operation in the transaction, from 0. */
  readonly index: number;
  /** The table's name in serverless.yml. */
  readonly table: string;
  readonly key: Record<string, unknown>;
  /** DynamoDB's code: ConditionalCheckFailed, TransactionConflict, ItemCollectionSizeLimitExceeded, … */
  readonly code: string;
  readonly message: string | undefined;
  /** The item as it was, when the transaction asked for it (`returnCurrent`). */
  readonly current?: Record<string, unknown>;
}

/** DynamoDB cancelled the transaction; `reasons` has one entry per operation that failed. */
export class TransactionCanceledError extends StatefulRuntimeError {
  override name = 'TransactionCanceledError';
  constructor(
    readonly reasons: readonly CancellationReason[],
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    const lines = reasons.map(
      (reason) =>
        `#${reason.index} ${reason.table} ${JSON.stringify(reason.key)}: ${reason.code}${reason.message ? ` (${reason.message})` : ''}`,
    );
    super(`Transaction cancelled after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${lines.join('; ')}`, options);
  }
}

/** Items DynamoDB left unprocessed in a batch after every retry. */
export class BatchIncompleteError extends StatefulRuntimeError {
  override name = 'BatchIncompleteError';
  constructor(
    readonly table: string,
    readonly unprocessed: readonly Record<string, unknown>[],
    attempts: number,
  ) {
    super(`${unprocessed.length} item(s) of table ${table} still unprocessed after ${attempts} attempts`);
  }
}

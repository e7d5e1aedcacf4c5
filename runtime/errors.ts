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

/**
 * A package the runtime loads on first use cannot be found where the function runs. It surfaces
 * when a helper first needs it (declared or called), not when the runtime is imported.
 */
export class MissingModuleError extends StatefulRuntimeError {
  override name = 'MissingModuleError';
  constructor(
    readonly packageName: string,
    options: { cause?: unknown } = {},
  ) {
    const remedy = packageName.startsWith('@aws-sdk/')
      ? `Lambda's Node.js runtimes include AWS SDK v3; elsewhere, install it (npm install ${packageName}), or bundle it rather than marking it external.`
      : `It is a dependency of @serverless-stateful/runtime: reinstall, or bundle it rather than marking it external.`;
    super(
      `@serverless-stateful/runtime needs ${packageName}, which cannot be loaded (${messageOf(options.cause).split('\n')[0]}). ${remedy}`,
      options,
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

/** Items DynamoDB left unprocessed in a batch after every retry (and those never sent after them). */
export class BatchIncompleteError extends StatefulRuntimeError {
  override name = 'BatchIncompleteError';
  constructor(
    readonly table: string,
    readonly unprocessed: readonly Record<string, unknown>[],
    attempts: number,
    options?: { cause?: unknown },
  ) {
    super(`${unprocessed.length} item(s) of table ${table} still unprocessed after ${attempts} attempts`, options);
  }
}

/** The puts and deletes of a batch write, as `batchWrite()` takes them. */
export interface BatchWrites {
  readonly put: readonly Record<string, unknown>[];
  readonly delete: readonly Record<string, unknown>[];
}

const countOf = (writes: BatchWrites) => writes.put.length + writes.delete.length;

/**
 * A batch write that stopped part-way, after some of its requests had landed: exactly which
 * writes were made (`written`), which were not (`unwritten`), and which were sent without an
 * answer (`uncertain`: a timeout or a dropped connection, so they may have landed). Puts and
 * deletes can be repeated safely: `batchWrite()` of `unwritten` and `uncertain` finishes the job.
 * `unprocessed` lists the items and keys of both.
 */
export class BatchWriteIncompleteError extends BatchIncompleteError {
  override name = 'BatchWriteIncompleteError';
  constructor(
    table: string,
    readonly written: BatchWrites,
    readonly unwritten: BatchWrites,
    readonly uncertain: BatchWrites,
    attempts: number,
    options: { cause?: unknown } = {},
  ) {
    super(table, [...unwritten.put, ...unwritten.delete, ...uncertain.put, ...uncertain.delete], attempts, options);
    const total = countOf(written) + countOf(unwritten) + countOf(uncertain);
    const why =
      options.cause === undefined
        ? `DynamoDB left writes unprocessed after ${attempts} attempts`
        : messageOf(options.cause);
    this.message =
      `batchWrite on table ${table} stopped part-way: ${countOf(written)} of ${total} writes were made (error.written), ` +
      `${countOf(unwritten)} were not (error.unwritten), and ${countOf(uncertain)} were sent without an answer and may have been (error.uncertain). ${why}`;
  }
}

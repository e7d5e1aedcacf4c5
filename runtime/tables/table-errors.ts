// DynamoDB's two least helpful answers, made to say which table: "Requested resource not found"
// names none, and AccessDeniedException speaks in ARNs and IAM actions. Everything else passes
// through untouched, so callers keep catching the SDK's own errors.
import { accessDeniedMessage, awsWhere, messageOf, StatefulRuntimeError } from '../errors.js';

/** What a failed call was about: the table's name in serverless.yml and the one on AWS. */
export interface TableRef {
  readonly name: string;
  readonly tableName: string;
}

const reads = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);

const named = (tables: readonly TableRef[]) => tables.map((table) => `${table.name} (${table.tableName})`).join(', ');

/** DynamoDB has no table of that name where the function looks. */
export class TableNotFoundError extends StatefulRuntimeError {
  override name = 'TableNotFoundError';
  constructor(
    readonly tables: readonly TableRef[],
    readonly operation: string,
    options: { cause: unknown },
  ) {
    super(
      `${operation}: ${tables.length === 1 ? 'table' : 'one of the tables'} ${named(tables)} does not exist ${awsWhere('DYNAMODB')}. ` +
        'Is the stack deployed to this stage and region?',
      options,
    );
  }
}

/** The function's role does not allow this call on the table. */
export class TableAccessDeniedError extends StatefulRuntimeError {
  override name = 'TableAccessDeniedError';
  constructor(
    readonly tables: readonly TableRef[],
    readonly operation: string,
    options: { cause: unknown },
  ) {
    const grant = reads.has(operation) ? 'read (or readwrite)' : 'write (or readwrite)';
    super(accessDeniedMessage(operation, `table ${named(tables)}`, grant, options.cause), options);
  }
}

/**
 * The error to throw for `error`, raised by `operation` on `tables`. When AWS names the table's ARN
 * (access denied does), only that table is named.
 */
export function tableFailure(error: unknown, tables: readonly TableRef[], operation: string): unknown {
  if (!(error instanceof Error)) return error;
  const notFound = error.name === 'ResourceNotFoundException';
  if (!notFound && error.name !== 'AccessDeniedException') return error;
  const concerned = tables.filter((table) => error.message.includes(`:table/${table.tableName}`));
  const subjects =
    concerned.length > 0 ? concerned : [...new Map(tables.map((table) => [table.tableName, table])).values()];
  return notFound
    ? new TableNotFoundError(subjects, operation, { cause: error })
    : new TableAccessDeniedError(subjects, operation, { cause: error });
}

/** Where a refused request was going: the call, the table, and for a transaction the operation. */
export interface RequestPlace {
  readonly table: TableRef;
  /** GetItem, PutItem, TransactWriteItems, … */
  readonly operation: string;
  /** The position of the operation in a transaction, or of the write or key in a batch, from 0. */
  readonly index?: number;
}

/** `PutItem on table carts (shop-dev-carts)`, `TransactWriteItems operation #1 on table carts (…)`. */
function placeOf({ table, operation, index }: RequestPlace): string {
  const position = index === undefined ? '' : ` ${operation.startsWith('Transact') ? 'operation' : 'entry'} #${index}`;
  return `${operation}${position} on table ${named([table])}`;
}

const nothingDone = (place: RequestPlace) =>
  reads.has(place.operation) ? 'Nothing was read.' : 'Nothing was written.';

/** A value as a message shows it: short, and never throwing (a BigInt, a cycle). */
export function shownValue(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value, (_name, inner: unknown) =>
      typeof inner === 'bigint'
        ? `${inner}n`
        : typeof inner === 'number' && !Number.isFinite(inner)
          ? String(inner)
          : inner instanceof Set
            ? [...(inner as Set<unknown>)]
            : inner,
    ) as string | undefined;
  } catch {
    text = undefined;
  }
  text ??= String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * The key does not fit the table's: an attribute is missing, of another type, empty, or not part of
 * the key, or the key is not an object at all. `keySchema` is the table's key as DynamoDB
 * describes it, when it could be read.
 */
export class InvalidKeyError extends StatefulRuntimeError {
  override name = 'InvalidKeyError';
  readonly table: TableRef;
  readonly operation: string;
  constructor(
    place: RequestPlace,
    readonly key: unknown,
    readonly problems: readonly string[],
    readonly keySchema: string | undefined,
    options: { cause?: unknown; schemaUnread?: unknown } = {},
  ) {
    const expected = keySchema ? `the table's key, ${keySchema}` : "the table's key";
    const what =
      problems.length > 0
        ? `: ${problems.join('; ')}`
        : options.cause
          ? ` (DynamoDB: ${messageOf(options.cause)})`
          : '';
    const unread =
      options.schemaUnread === undefined
        ? ''
        : ` The table's key could not be read to say more: ${messageOf(options.schemaUnread)}`;
    super(
      `${placeOf(place)}: key ${shownValue(key)} does not match ${expected}${what}. ${nothingDone(place)}${unread}`,
      {
        cause: options.cause,
      },
    );
    this.table = place.table;
    this.operation = place.operation;
  }
}

/** The item is over DynamoDB's 400 KB, or would be after the update. Nothing was written. */
export class ItemTooLargeError extends StatefulRuntimeError {
  override name = 'ItemTooLargeError';
  readonly table: TableRef;
  readonly operation: string;
  constructor(
    place: RequestPlace,
    readonly key: unknown,
    /** The item's size as counted before sending; undefined when only DynamoDB could tell (an update). */
    readonly bytes: number | undefined,
    options: { cause?: unknown } = {},
  ) {
    const size =
      bytes === undefined
        ? 'would be larger than DynamoDB stores after this update'
        : `is ${bytes} bytes, more than DynamoDB stores`;
    super(
      `${placeOf(place)}: the item with key ${shownValue(key)} ${size}: 409600 bytes (400 KB) an item, names and values counted. Nothing was written.`,
      options,
    );
    this.table = place.table;
    this.operation = place.operation;
  }
}

/** A value DynamoDB cannot store as given (NaN, a Date, an empty Set, …); `path` says where. */
export class UnstorableValueError extends StatefulRuntimeError {
  override name = 'UnstorableValueError';
  readonly table: TableRef;
  readonly operation: string;
  constructor(
    place: RequestPlace,
    /** The key of the item, when it is known. */
    readonly key: unknown,
    readonly path: string,
    readonly reason: string,
    options: { cause?: unknown } = {},
  ) {
    const item = key === undefined ? '' : ` (key ${shownValue(key)})`;
    super(`${placeOf(place)}${item}: ${path} is ${reason}. ${nothingDone(place)}`, options);
    this.table = place.table;
    this.operation = place.operation;
  }
}

/** Two operations of one transaction, or two writes or keys of one batch, are on the same item. */
export class DuplicateItemError extends StatefulRuntimeError {
  override name = 'DuplicateItemError';
  readonly table: TableRef;
  readonly operation: string;
  constructor(
    place: RequestPlace,
    readonly key: unknown,
    /** The positions of the two, from 0. */
    readonly positions: readonly [number, number],
    options: { cause?: unknown } = {},
  ) {
    const transaction = place.operation.startsWith('Transact');
    const [first, second] = positions;
    super(
      `${place.operation} on table ${named([place.table])}: ${transaction ? 'operations' : 'entries'} #${first} and #${second} are on the same item, key ${shownValue(key)}; ` +
        `DynamoDB takes one ${transaction ? 'operation per item in a transaction' : 'request per item in a batch'}. ${nothingDone(place)}`,
      options,
    );
    this.table = place.table;
    this.operation = place.operation;
  }
}

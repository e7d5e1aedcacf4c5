// A refused request, said in the table's terms. DynamoDB's ValidationException names no table and
// often no attribute ("The provided key element does not match the schema", "Item size has
// exceeded the maximum allowed size"), and the document client refuses some values with an error
// that names nothing at all ("Special numeric value NaN is not allowed"). Each becomes a typed
// error naming the table, the key and what is wrong. The table's key schema is read (DescribeTable,
// once per container) only after DynamoDB itself has answered, or to name the key of an item
// refused for its size: never on a request's way, and never when DynamoDB could not be reached.
import { itemSize, isItemSizeError, maxItemBytes } from './item-size.js';
import { keyOfItem, keyProblems, keySchemaOf, showKey, type KeyAttribute } from './key-schema.js';
import { findUnstorable } from './storable.js';
import {
  DuplicateItemError,
  InvalidKeyError,
  ItemTooLargeError,
  tableFailure,
  UnstorableValueError,
  type RequestPlace,
} from './table-errors.js';

type Attributes = Readonly<Record<string, unknown>>;

/** One request to one table (or one operation or entry of a transaction or batch). */
export interface TableRequest {
  readonly place: RequestPlace;
  /** The key it names, or the key of its item when known without asking DynamoDB. */
  readonly key?: unknown;
  /** The item it writes: present (even if undefined) exactly when it is a put. */
  readonly item?: unknown;
  /** The values of its expressions, where one DynamoDB cannot store may be. */
  readonly values?: unknown;
  /** For a query: the index it reads (undefined for the table), whose key it names. */
  readonly query?: { readonly index: string | undefined };
}

const isObject = (value: unknown): value is Attributes => typeof value === 'object' && value !== null;

/** Whether `value` can be a key or an item: an object of attributes (a list cannot). */
export const isAttributes = (value: unknown): value is Attributes => isObject(value) && !Array.isArray(value);

/** An answer from DynamoDB, as opposed to an error raised before the request left or on the way. */
const isServiceError = (error: unknown) => isObject(error) && '$fault' in error && isObject(error.$metadata);

const isValidation = (error: unknown) => error instanceof Error && error.name === 'ValidationException';

/** The key attributes of the request's table (or index), or why they could not be read. */
async function schemaOf(request: TableRequest): Promise<{ key?: readonly KeyAttribute[]; unread?: unknown }> {
  try {
    const schema = await keySchemaOf(request.place.table.tableName);
    const index = request.query?.index;
    return { key: index === undefined ? schema.key : schema.indexes[index] };
  } catch (error) {
    return { unread: error };
  }
}

/** The key of the item the request is about; for a put, read from its item by the table's key. */
async function keyOfRequest(request: TableRequest): Promise<unknown> {
  if (request.key !== undefined || !isAttributes(request.item)) return request.key;
  const { key } = await schemaOf(request);
  return key ? keyOfItem(request.item, key) : undefined;
}

/** A key that is not an object at all: refused before sending. */
export function notAKey(request: TableRequest): InvalidKeyError {
  const { key } = request;
  return new InvalidKeyError(
    request.place,
    key,
    [
      `a key is an object of the key attributes, not ${key === null ? 'null' : Array.isArray(key) ? 'a list' : typeof key}`,
    ],
    undefined,
  );
}

/** What is wrong with the request's key, by the table's key schema; undefined if nothing is. */
async function keyFailure(request: TableRequest, cause: unknown): Promise<InvalidKeyError | undefined> {
  const schema = await schemaOf(request);
  const key =
    request.key !== undefined
      ? request.key
      : schema.key && isAttributes(request.item)
        ? keyOfItem(request.item, schema.key)
        : undefined;
  if (key === undefined) return undefined;
  if (!isAttributes(key)) return notAKey(request);
  if (!schema.key) {
    // Without the schema, DynamoDB's own words are all there is: pass them on if they are about the key.
    const aboutKey = cause instanceof Error && /\bkeys?\b/i.test(cause.message);
    return aboutKey
      ? new InvalidKeyError(request.place, key, [], undefined, { cause, schemaUnread: schema.unread })
      : undefined;
  }
  const problems = keyProblems(key, schema.key, request.query !== undefined);
  return problems.length > 0
    ? new InvalidKeyError(request.place, key, problems, showKey(schema.key), { cause })
    : undefined;
}

/** A value in the request that DynamoDB cannot store. Reads nothing from DynamoDB. */
function valueFailure(request: TableRequest, cause: unknown): UnstorableValueError | undefined {
  const found =
    (request.item !== undefined ? findUnstorable(request.item) : undefined) ??
    (request.key !== undefined && request.item === undefined ? findUnstorable(request.key, 'key') : undefined) ??
    (request.values !== undefined ? findUnstorable(request.values) : undefined);
  return found && new UnstorableValueError(request.place, request.key, found.path, found.reason, { cause });
}

/**
 * A write refused before sending: its item is not an object, holds something DynamoDB cannot
 * store, or is over 400 KB (`bytes`, the size counted: NaN when it holds a Date or an undefined in
 * a list).
 */
export async function refusedItem(request: TableRequest, bytes: number): Promise<Error> {
  if ('item' in request && !isAttributes(request.item)) {
    const got = request.item === null ? 'null' : Array.isArray(request.item) ? 'a list' : typeof request.item;
    return new UnstorableValueError(
      request.place,
      undefined,
      '(the item)',
      `${got}; an item is an object of attributes`,
    );
  }
  return (
    valueFailure(request, undefined) ??
    new ItemTooLargeError(request.place, await keyOfRequest(request), Number.isNaN(bytes) ? undefined : bytes)
  );
}

/** The error to throw for `error`, raised by `request`: a typed one when the runtime can say more. */
export async function explainRefusal(error: unknown, request: TableRequest): Promise<unknown> {
  const named = tableFailure(error, [request.place.table], request.place.operation);
  if (named !== error) return named;
  if (isItemSizeError(error)) {
    const bytes = isAttributes(request.item) ? itemSize(request.item) : undefined;
    return new ItemTooLargeError(request.place, await keyOfRequest(request), bytes, { cause: error });
  }
  if (!isServiceError(error)) return valueFailure(request, error) ?? error;
  if (!isValidation(error)) return error;
  return (await keyFailure(request, error)) ?? valueFailure(request, error) ?? error;
}

/** DynamoDB's words for two operations, or two requests of a batch, on one item. */
const isDuplicateItemError = (error: unknown) =>
  isValidation(error) &&
  /multiple operations on one item|list of item keys contains duplicates/i.test((error as Error).message);

/** The identity of an item: its table and its key attributes. */
const identityOf = (tableName: string, key: Attributes, schema: readonly KeyAttribute[] | undefined) =>
  `${tableName}\u0000${JSON.stringify(
    schema ? schema.map((attribute) => key[attribute.name]) : key,
    (_, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value),
  )}`;

/** The first two of `requests` on the same item; reads each table's key schema. */
export async function findDuplicate(
  requests: readonly TableRequest[],
  cause?: unknown,
): Promise<DuplicateItemError | undefined> {
  const seen = new Map<string, number>();
  for (const [position, request] of requests.entries()) {
    const key = await keyOfRequest(request);
    if (!isAttributes(key)) continue;
    const identity = identityOf(request.place.table.tableName, key, (await schemaOf(request)).key);
    const earlier = seen.get(identity);
    if (earlier !== undefined) {
      const place = { table: request.place.table, operation: request.place.operation };
      return new DuplicateItemError(place, key, [earlier, position], { cause });
    }
    seen.set(identity, position);
  }
  return undefined;
}

/**
 * The error to throw for `error`, raised by one call carrying several requests (a transaction's
 * operations, a batch's entries): the first of them the runtime finds wrong, or `error` itself.
 */
export async function explainRequests(error: unknown, requests: readonly TableRequest[]): Promise<unknown> {
  if (isDuplicateItemError(error)) {
    return (await findDuplicate(requests, error)) ?? error;
  }
  if (isItemSizeError(error)) {
    const large = requests.find((request) => isAttributes(request.item) && !(itemSize(request.item) <= maxItemBytes));
    return large ? explainRefusal(error, large) : error;
  }
  if (isServiceError(error) && !isValidation(error)) return error;
  for (const request of requests) {
    const explained = await explainRefusal(error, request);
    if (explained !== error) return explained;
  }
  return error;
}

// table<T>(name): typed access to a table the function declared, found through the variable the
// plugin injected. Reads, writes with conditions and optimistic locking, paginated queries and
// scans, and batches that retry what DynamoDB left unprocessed.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
  type QueryCommandInput,
  type ScanCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { backoffDelay, defaultBackoff, sleep, type BackoffOptions } from '../backoff.js';
import { dynamodb } from '../clients.js';
import { resolveResource } from '../discovery.js';
import { BatchIncompleteError, ConditionFailedError } from '../errors.js';
import {
  conditionOf,
  Placeholders,
  updateExpression,
  type ConditionOptions,
  type Expression,
  type UpdateSpec,
} from './expressions.js';
import { tableFailure } from './table-errors.js';

export type Item = Record<string, unknown>;
export type Key = Record<string, unknown>;

export interface TableOptions {
  /** The key attributes, for `ifNotExists` and error messages; not needed otherwise. */
  readonly key?: readonly string[];
  /** The attribute `expectVersion` checks and increments; `version` by default. */
  readonly versionAttribute?: string;
}

export interface PutOptions extends ConditionOptions {
  /** Only if no item has this key yet. */
  readonly ifNotExists?: boolean;
}

export type SortKeyCondition =
  | { readonly '=': unknown }
  | { readonly '<': unknown }
  | { readonly '<=': unknown }
  | { readonly '>': unknown }
  | { readonly '>=': unknown }
  | { readonly between: readonly [unknown, unknown] }
  | { readonly beginsWith: string };

export interface ReadOptions {
  readonly consistent?: boolean;
}

export interface QueryOptions extends ReadOptions {
  readonly index?: string;
  /** A condition on the sort key: `{ createdAt: { '>': since } }`. */
  readonly sortKey?: Readonly<Record<string, SortKeyCondition>>;
  /** A filter applied after the key condition (it does not reduce the capacity read). */
  readonly filter?: ConditionOptions;
  /** Newest first, for a sort key that orders by time. */
  readonly reverse?: boolean;
  /** Stop after this many items in all. */
  readonly limit?: number;
  /** Items per request to DynamoDB. */
  readonly pageSize?: number;
}

export interface ScanOptions extends ReadOptions {
  readonly index?: string;
  readonly filter?: ConditionOptions;
  readonly limit?: number;
  readonly pageSize?: number;
}

export interface BatchWrite<T> {
  readonly put?: readonly T[];
  readonly delete?: readonly Key[];
}

const batchGetSize = 100;
const batchWriteSize = 25;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}

function sortKeyClause(placeholders: Placeholders, attribute: string, condition: SortKeyCondition): string {
  const name = placeholders.name(attribute);
  if ('between' in condition) {
    return `${name} BETWEEN ${placeholders.value(condition.between[0])} AND ${placeholders.value(condition.between[1])}`;
  }
  if ('beginsWith' in condition) return `begins_with(${name}, ${placeholders.value(condition.beginsWith)})`;
  const [operator, value] = Object.entries(condition)[0] as [string, unknown];
  return `${name} ${operator} ${placeholders.value(value)}`;
}

export class Table<T extends Item = Item> {
  /** The name the table has in serverless.yml. */
  readonly name: string;
  private readonly options: TableOptions;
  private physicalName: string | undefined;

  constructor(name: string, options: TableOptions = {}) {
    this.name = name;
    this.options = options;
  }

  /** The table's DynamoDB name, from STATEFUL_TABLE_<NAME>; read when first needed. */
  get tableName(): string {
    this.physicalName ??= resolveResource('table', this.name);
    return this.physicalName;
  }

  get versionAttribute(): string {
    return this.options.versionAttribute ?? 'version';
  }

  /** The key attributes of `item`, when the table was told its key; else the item itself. */
  keyOf(item: Item): Key {
    if (!this.options.key) return item;
    const key: Key = {};
    for (const attribute of this.options.key) key[attribute] = item[attribute];
    return key;
  }

  async get(key: Key, options: ReadOptions = {}): Promise<T | undefined> {
    const { Item } = await this.call('GetItem', () =>
      dynamodb().send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: options.consistent })),
    );
    return Item as T | undefined;
  }

  /** Writes `item`; with `expectVersion`, checks the stored version and stores the next one. */
  async put(item: T, options: PutOptions = {}): Promise<T> {
    const request = this.putRequest(item, options);
    const condition = request.expression.ConditionExpression;
    await this.guard('PutItem', this.keyOf(item), condition, () =>
      dynamodb().send(
        new PutCommand({
          TableName: this.tableName,
          Item: request.item,
          ...request.expression,
          ReturnValuesOnConditionCheckFailure: condition ? 'ALL_OLD' : undefined,
        }),
      ),
    );
    return request.item as T;
  }

  /** The item as a put writes it (with its next version) and the put's condition. */
  putRequest(item: T, options: PutOptions): { item: Item; expression: Expression } {
    const written: Item =
      options.expectVersion !== undefined ? { ...item, [this.versionAttribute]: options.expectVersion + 1 } : item;
    const placeholders = new Placeholders();
    const condition = conditionOf(
      placeholders,
      options,
      this.versionAttribute,
      this.notExistsClauses(placeholders, item, options),
    );
    return { item: written, expression: placeholders.toExpression(condition ? { condition } : {}) };
  }

  /** Applies `spec` and returns the item as it is after the update. */
  async update(key: Key, spec: UpdateSpec): Promise<T> {
    const expression = updateExpression(spec, this.versionAttribute);
    const result = await this.guard('UpdateItem', key, expression.ConditionExpression, () =>
      dynamodb().send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          ...expression,
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: expression.ConditionExpression ? 'ALL_OLD' : undefined,
        }),
      ),
    );
    return result.Attributes as T;
  }

  /** Deletes the item and returns it as it was, if there was one. */
  async delete(key: Key, options: ConditionOptions = {}): Promise<T | undefined> {
    const placeholders = new Placeholders();
    const condition = conditionOf(placeholders, options, this.versionAttribute);
    const result = await this.guard('DeleteItem', key, condition, () =>
      dynamodb().send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: key,
          ...placeholders.toExpression(condition ? { condition } : {}),
          ReturnValues: 'ALL_OLD',
          ReturnValuesOnConditionCheckFailure: condition ? 'ALL_OLD' : undefined,
        }),
      ),
    );
    return result.Attributes as T | undefined;
  }

  /** Every item with partition key (and optional sort key condition), page by page as needed. */
  async *query(key: Key, options: QueryOptions = {}): AsyncGenerator<T, void, undefined> {
    const placeholders = new Placeholders();
    const clauses = Object.entries(key).map(
      ([attribute, value]) => `${placeholders.name(attribute)} = ${placeholders.value(value)}`,
    );
    for (const [attribute, condition] of Object.entries(options.sortKey ?? {})) {
      clauses.push(sortKeyClause(placeholders, attribute, condition));
    }
    const filter = options.filter ? conditionOf(placeholders, options.filter, this.versionAttribute) : undefined;
    const expression = placeholders.toExpression({});
    const input: QueryCommandInput = {
      TableName: this.tableName,
      IndexName: options.index,
      KeyConditionExpression: clauses.join(' AND '),
      FilterExpression: filter,
      ExpressionAttributeNames: expression.ExpressionAttributeNames,
      ExpressionAttributeValues: expression.ExpressionAttributeValues,
      ConsistentRead: options.consistent,
      ScanIndexForward: options.reverse ? false : undefined,
      Limit: options.pageSize,
    };
    yield* this.paginate(options.limit, async (ExclusiveStartKey) => {
      const page = await this.call('Query', () => dynamodb().send(new QueryCommand({ ...input, ExclusiveStartKey })));
      return { items: page.Items ?? [], next: page.LastEvaluatedKey };
    });
  }

  /** Every item of the table (or index), page by page as needed. */
  async *scan(options: ScanOptions = {}): AsyncGenerator<T, void, undefined> {
    const placeholders = new Placeholders();
    const filter = options.filter ? conditionOf(placeholders, options.filter, this.versionAttribute) : undefined;
    const expression = placeholders.toExpression({});
    const input: ScanCommandInput = {
      TableName: this.tableName,
      IndexName: options.index,
      FilterExpression: filter,
      ExpressionAttributeNames: expression.ExpressionAttributeNames,
      ExpressionAttributeValues: expression.ExpressionAttributeValues,
      ConsistentRead: options.consistent,
      Limit: options.pageSize,
    };
    yield* this.paginate(options.limit, async (ExclusiveStartKey) => {
      const page = await this.call('Scan', () => dynamodb().send(new ScanCommand({ ...input, ExclusiveStartKey })));
      return { items: page.Items ?? [], next: page.LastEvaluatedKey };
    });
  }

  /** The items with these keys that exist, in no particular order; retries what DynamoDB defers. */
  async batchGet(keys: readonly Key[], options: ReadOptions & BackoffOptions = {}): Promise<T[]> {
    const found: T[] = [];
    for (const chunk of chunks(keys, batchGetSize)) {
      let pending: Key[] = chunk;
      for (let attempt = 1; pending.length > 0; attempt++) {
        if (attempt > (options.maxAttempts ?? defaultBackoff.maxAttempts)) {
          throw new BatchIncompleteError(this.name, pending, attempt - 1);
        }
        if (attempt > 1) await sleep(backoffDelay(attempt - 1, options));
        const result = await this.call('BatchGetItem', () =>
          dynamodb().send(
            new BatchGetCommand({
              RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: options.consistent } },
            }),
          ),
        );
        found.push(...((result.Responses?.[this.tableName] ?? []) as T[]));
        pending = (result.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Key[];
      }
    }
    return found;
  }

  /** Puts and deletes in batches of 25; retries what DynamoDB leaves unprocessed. */
  async batchWrite(writes: BatchWrite<T>, options: BackoffOptions = {}): Promise<void> {
    const requests = [
      ...(writes.put ?? []).map((item) => ({ PutRequest: { Item: item as Item } })),
      ...(writes.delete ?? []).map((key) => ({ DeleteRequest: { Key: key } })),
    ];
    for (const chunk of chunks(requests, batchWriteSize)) {
      let pending: typeof chunk = chunk;
      for (let attempt = 1; pending.length > 0; attempt++) {
        if (attempt > (options.maxAttempts ?? defaultBackoff.maxAttempts)) {
          throw new BatchIncompleteError(
            this.name,
            pending.map((request) => ('PutRequest' in request ? request.PutRequest.Item : request.DeleteRequest.Key)),
            attempt - 1,
          );
        }
        if (attempt > 1) await sleep(backoffDelay(attempt - 1, options));
        const result = await this.call('BatchWriteItem', () =>
          dynamodb().send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } })),
        );
        pending = (result.UnprocessedItems?.[this.tableName] ?? []) as typeof chunk;
      }
    }
  }

  /** `attribute_not_exists` over the key (or, with no key known, over every attribute of `item`). */
  notExistsClauses(placeholders: Placeholders, item: Item, options: PutOptions): string[] {
    if (!options.ifNotExists) return [];
    const attributes = this.options.key ?? Object.keys(item);
    // An existing item with this key has every key attribute, so one of these is false for it.
    return [attributes.map((attribute) => `attribute_not_exists(${placeholders.name(attribute)})`).join(' AND ')];
  }

  private async *paginate(
    limit: number | undefined,
    fetchPage: (start: Key | undefined) => Promise<{ items: Item[]; next: Key | undefined }>,
  ): AsyncGenerator<T, void, undefined> {
    let start: Key | undefined;
    let yielded = 0;
    do {
      const page = await fetchPage(start);
      for (const item of page.items) {
        if (limit !== undefined && yielded >= limit) return;
        yielded++;
        yield item as T;
      }
      start = page.next;
    } while (start && (limit === undefined || yielded < limit));
  }

  /** Runs one DynamoDB call; a missing table or a refused permission is said in this table's terms. */
  private async call<R>(operation: string, run: () => Promise<R>): Promise<R> {
    try {
      return await run();
    } catch (error) {
      throw tableFailure(error, [this], operation);
    }
  }

  /** Runs a conditional write, turning a failed condition into ConditionFailedError. */
  private async guard<R>(
    operation: string,
    key: Key,
    condition: string | undefined,
    write: () => Promise<R>,
  ): Promise<R> {
    try {
      return await this.call(operation, write);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        throw new ConditionFailedError<T>(
          this.name,
          key,
          error.Item ? (unmarshall(error.Item) as T) : undefined,
          `the condition ${condition ?? ''} did not hold`,
          { cause: error },
        );
      }
      throw error;
    }
  }
}

/** `table<Cart>('carts')`: the table the function declared as `carts`. */
export function table<T extends Item = Item>(name: string, options?: TableOptions): Table<T> {
  return new Table<T>(name, options);
}

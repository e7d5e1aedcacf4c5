// table<T>(name): typed access to a table the function declared, found through the variable the
// plugin injected. Reads, writes with conditions and optimistic locking, paginated queries and
// scans, and batches that retry what DynamoDB left unprocessed.
import type { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type {
  BatchGetCommandOutput,
  BatchWriteCommandOutput,
  QueryCommandInput,
  ScanCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { backoffDelay, defaultBackoff, sleep, type BackoffOptions } from '../backoff.js';
import { documents, isAwsError, preloadDynamoDB } from '../clients.js';
import { resolveResource } from '../discovery.js';
import {
  BatchIncompleteError,
  BatchWriteIncompleteError,
  ConditionFailedError,
  StatefulRuntimeError,
  TransactionCanceledError,
  type BatchWrites,
} from '../errors.js';
import {
  explainRefusal,
  explainRequests,
  findDuplicate,
  isAttributes,
  notAKey,
  refusedItem,
  type TableRequest,
} from './explain.js';
import {
  conditionOf,
  Placeholders,
  updateExpression,
  type ConditionOptions,
  type Expression,
  type UpdateSpec,
} from './expressions.js';
import { itemSize, maxItemBytes } from './item-size.js';
import { keyOfItem, keyProblems, keySchemaOf, showKey } from './key-schema.js';
import { InvalidKeyError, tableFailure, type RequestPlace } from './table-errors.js';
import type { OutboxEvent } from '../outbox/outbox-item.js';
import type { TransactionBuilder } from '../transactions/transact.js';

export type Item = Record<string, unknown>;
export type Key = Record<string, unknown>;

export interface TableOptions {
  /** The key attributes, for `ifNotExists` and error messages; not needed otherwise. */
  readonly key?: readonly string[];
  /** The attribute `expectVersion` checks and increments; `version` by default. */
  readonly versionAttribute?: string;
}

/** An event a single write publishes through its bus's outbox (docs/outbox.md). */
export interface WriteEvent extends OutboxEvent {
  /** The bus, as the function's state: block names it; declared with `outbox: true`. */
  readonly bus: string;
  /** What the event is about; `<table>#<key as JSON>` of the write by default. */
  readonly aggregate?: string;
}

/**
 * `publish`: the write becomes a transaction with an outbox item per event, so the events are
 * published if, and only if, the write is made.
 */
export interface Publishing {
  readonly publish: WriteEvent | readonly WriteEvent[];
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
    preloadDynamoDB();
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
    const request = this.keyed('GetItem', key);
    const { Item } = await this.call(request, () =>
      documents(({ client, commands }) =>
        client.send(
          new commands.GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: options.consistent }),
        ),
      ),
    );
    return Item as T | undefined;
  }

  /**
   * Writes `item`; with `expectVersion`, checks the stored version and stores the next one. With
   * `publish`, the put and its events commit together, in one transaction.
   */
  async put(item: T, options: PutOptions & Partial<Publishing> = {}): Promise<T> {
    if (options.publish !== undefined) {
      const { expression } = this.putRequest(item, options);
      await this.publishing(this.keyOf(item), options.publish, expression.ConditionExpression, (tx) =>
        tx.put(this, item, options),
      );
      return this.putRequest(item, options).item as T;
    }
    const place = this.place('PutItem');
    if (!isAttributes(item)) throw await refusedItem({ place, item }, NaN);
    const request = this.putRequest(item, options);
    const described = { place, item: request.item, key: this.knownKey(item), values: { values: options.values } };
    // Counted here, so an item over 400 KB, or one the client would store changed, is never sent.
    const bytes = itemSize(request.item);
    if (!(bytes <= maxItemBytes)) throw await refusedItem(described, bytes);
    const condition = request.expression.ConditionExpression;
    await this.guard(described, this.keyOf(item), condition, () =>
      documents(({ client, commands }) =>
        client.send(
          new commands.PutCommand({
            TableName: this.tableName,
            Item: request.item,
            ...request.expression,
            ReturnValuesOnConditionCheckFailure: condition ? 'ALL_OLD' : undefined,
          }),
        ),
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

  /**
   * Applies `spec` and returns the item as it is after the update. With `publish`, the update and
   * its events commit together, in one transaction, which returns no item: it resolves to undefined.
   */
  update(key: Key, spec: UpdateSpec & Publishing): Promise<undefined>;
  update(key: Key, spec: UpdateSpec): Promise<T>;
  async update(key: Key, spec: UpdateSpec & Partial<Publishing>): Promise<T | undefined> {
    if (spec.publish !== undefined) {
      const condition = updateExpression(spec, this.versionAttribute).ConditionExpression;
      await this.publishing(key, spec.publish, condition, (tx) => tx.update(this, key, spec));
      return undefined;
    }
    const request = this.keyed('UpdateItem', key, {
      set: spec.set,
      add: spec.add,
      append: spec.append,
      values: spec.values,
    });
    const expression = updateExpression(spec, this.versionAttribute);
    // The values alone: what the item grows to, only DynamoDB knows.
    if (!(itemSize(expression.ExpressionAttributeValues ?? {}) <= maxItemBytes)) throw await refusedItem(request, NaN);
    const result = await this.guard(request, key, expression.ConditionExpression, () =>
      documents(({ client, commands }) =>
        client.send(
          new commands.UpdateCommand({
            TableName: this.tableName,
            Key: key,
            ...expression,
            ReturnValues: 'ALL_NEW',
            ReturnValuesOnConditionCheckFailure: expression.ConditionExpression ? 'ALL_OLD' : undefined,
          }),
        ),
      ),
    );
    return result.Attributes as T;
  }

  /**
   * Deletes the item and returns it as it was, if there was one. With `publish`, the delete and its
   * events commit together, in one transaction, which returns no item: it resolves to undefined.
   */
  delete(key: Key, options: ConditionOptions & Publishing): Promise<undefined>;
  delete(key: Key, options?: ConditionOptions): Promise<T | undefined>;
  async delete(key: Key, options: ConditionOptions & Partial<Publishing> = {}): Promise<T | undefined> {
    if (options.publish !== undefined) {
      const condition = conditionOf(new Placeholders(), options, this.versionAttribute);
      await this.publishing(key, options.publish, condition, (tx) => tx.delete(this, key, options));
      return undefined;
    }
    const request = this.keyed('DeleteItem', key, { values: options.values });
    const placeholders = new Placeholders();
    const condition = conditionOf(placeholders, options, this.versionAttribute);
    const result = await this.guard(request, key, condition, () =>
      documents(({ client, commands }) =>
        client.send(
          new commands.DeleteCommand({
            TableName: this.tableName,
            Key: key,
            ...placeholders.toExpression(condition ? { condition } : {}),
            ReturnValues: 'ALL_OLD',
            ReturnValuesOnConditionCheckFailure: condition ? 'ALL_OLD' : undefined,
          }),
        ),
      ),
    );
    return result.Attributes as T | undefined;
  }

  /**
   * One write and its events, as one transaction; a failed condition of the write throws
   * ConditionFailedError with the current item, as the write alone does.
   */
  private async publishing(
    key: Key,
    publish: WriteEvent | readonly WriteEvent[],
    condition: string | undefined,
    write: (tx: TransactionBuilder) => unknown,
  ): Promise<void> {
    // Loaded with the first write that publishes, not with every table.
    const { transact } = await import('../transactions/transact.js');
    const events: readonly WriteEvent[] = Array.isArray(publish) ? publish : [publish as WriteEvent];
    try {
      await transact(
        (tx) => {
          write(tx);
          for (const { bus, detailType, detail, aggregate, source, resources } of events) {
            tx.publish(bus, detailType, detail, { aggregate, source, resources });
          }
        },
        { returnCurrent: true },
      );
    } catch (error) {
      const failed =
        error instanceof TransactionCanceledError
          ? error.reasons.find((reason) => reason.index === 0 && reason.code === 'ConditionalCheckFailed')
          : undefined;
      if (!failed) throw error;
      throw new ConditionFailedError<T>(
        this.name,
        key,
        failed.current as T | undefined,
        `the condition ${condition ?? ''} did not hold`,
        { cause: error },
      );
    }
  }

  /** Every item with partition key (and optional sort key condition), page by page as needed. */
  async *query(key: Key, options: QueryOptions = {}): AsyncGenerator<T, void, undefined> {
    const request: TableRequest = { ...this.keyed('Query', key), query: { index: options.index } };
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
      const page = await this.call(request, () =>
        documents(({ client, commands }) => client.send(new commands.QueryCommand({ ...input, ExclusiveStartKey }))),
      );
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
      const page = await this.call({ place: this.place('Scan') }, () =>
        documents(({ client, commands }) => client.send(new commands.ScanCommand({ ...input, ExclusiveStartKey }))),
      );
      return { items: page.Items ?? [], next: page.LastEvaluatedKey };
    });
  }

  /** The items with these keys that exist, in no particular order; retries what DynamoDB defers. */
  async batchGet(keys: readonly Key[], options: ReadOptions & BackoffOptions = {}): Promise<T[]> {
    this.checkList('batchGet', 'keys', keys);
    const requests = keys.map((key, index) => ({ place: this.place('BatchGetItem', index), key }));
    const notObject = requests.find((request) => !isAttributes(request.key));
    if (notObject) throw notAKey(notObject);
    const found: T[] = [];
    for (const [position, chunk] of chunks(requests, batchGetSize).entries()) {
      let pending: Key[] = chunk.map((request) => request.key);
      for (let attempt = 1; pending.length > 0; attempt++) {
        if (attempt > (options.maxAttempts ?? defaultBackoff.maxAttempts)) {
          const later = keys.slice((position + 1) * batchGetSize);
          throw new BatchIncompleteError(this.name, [...pending, ...later], attempt - 1);
        }
        if (attempt > 1) await sleep(backoffDelay(attempt - 1, options));
        let result: BatchGetCommandOutput;
        try {
          result = await documents(({ client, commands }) =>
            client.send(
              new commands.BatchGetCommand({
                RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: options.consistent } },
              }),
            ),
          );
        } catch (error) {
          throw await this.explainBatch(error, chunk);
        }
        found.push(...((result.Responses?.[this.tableName] ?? []) as T[]));
        pending = (result.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Key[];
      }
    }
    return found;
  }

  /**
   * Puts and deletes in requests of 25; retries what DynamoDB leaves unprocessed. What can be known
   * before the first write is checked before it: every item is an object DynamoDB can store, within
   * 400 KB, and every key an object; and when the batch takes more than one request (so one could
   * land before another is refused), every key against the table's key schema, and that no two
   * writes are on the same item. A batch that stops part-way throws BatchWriteIncompleteError,
   * saying exactly which writes were made, which were not, and which may have been.
   */
  async batchWrite(writes: BatchWrite<T>, options: BackoffOptions = {}): Promise<void> {
    this.checkList('batchWrite', 'put', writes.put ?? []);
    this.checkList('batchWrite', 'delete', writes.delete ?? []);
    const entries: BatchEntry[] = [
      ...(writes.put ?? []).map((item, index) => ({
        request: { place: this.place('BatchWriteItem', index), item, key: this.knownKey(item) },
        write: { PutRequest: { Item: item as Item } },
      })),
      ...(writes.delete ?? []).map((key, index) => ({
        request: { place: this.place('BatchWriteItem', (writes.put?.length ?? 0) + index), key },
        write: { DeleteRequest: { Key: key } },
      })),
    ];
    await this.checkBatch(entries);
    const written: BatchEntry[] = [];
    const batches = chunks(entries, batchWriteSize);
    for (const [position, chunk] of batches.entries()) {
      let pending = chunk;
      const stop = (cause: unknown, attempts: number, uncertain: readonly BatchEntry[] = []) => {
        const later = batches.slice(position + 1).flat();
        const unwritten = [...pending.filter((entry) => !uncertain.includes(entry)), ...later];
        const [made, notMade, maybe] = [written, unwritten, uncertain].map(writesOf) as [
          BatchWrites,
          BatchWrites,
          BatchWrites,
        ];
        return new BatchWriteIncompleteError(this.name, made, notMade, maybe, attempts, { cause });
      };
      for (let attempt = 1; pending.length > 0; attempt++) {
        if (attempt > (options.maxAttempts ?? defaultBackoff.maxAttempts)) throw stop(undefined, attempt - 1);
        if (attempt > 1) await sleep(backoffDelay(attempt - 1, options));
        let result: BatchWriteCommandOutput;
        try {
          result = await documents(({ client, commands }) =>
            client.send(
              new commands.BatchWriteCommand({
                RequestItems: { [this.tableName]: pending.map((entry) => entry.write) },
              }),
            ),
          );
        } catch (error) {
          // Refused by DynamoDB (a 4xx): none of this request was written. Anything else (a
          // timeout, a dropped connection, a 5xx after the SDK's retries) may have been.
          const refused = isRefusal(error);
          const explained = await this.explainBatch(error, pending);
          if (written.length === 0 && (refused || batches.length === 1)) throw explained;
          throw stop(explained, attempt, refused ? [] : pending);
        }
        const unprocessed = (result.UnprocessedItems?.[this.tableName] ?? []) as BatchEntry['write'][];
        const left = unprocessed.length === 0 ? [] : await this.entriesOf(pending, unprocessed);
        written.push(...pending.filter((entry) => !left.includes(entry)));
        pending = left;
      }
    }
  }

  /** The entries of `sent` that DynamoDB returned unprocessed, matched by the table's key. */
  private async entriesOf(
    sent: readonly BatchEntry[],
    unprocessed: readonly BatchEntry['write'][],
  ): Promise<BatchEntry[]> {
    const schema = (await keySchemaOf(this.tableName).catch(() => undefined))?.key;
    const identity = (write: BatchEntry['write']) => {
      const attributes = 'PutRequest' in write ? write.PutRequest.Item : write.DeleteRequest.Key;
      return `${'PutRequest' in write ? 'put' : 'delete'}:${shownIdentity(schema ? keyOfItem(attributes, schema) : attributes)}`;
    };
    const left = new Set(unprocessed.map(identity));
    return sent.filter((entry) => left.has(identity(entry.write)));
  }

  /** Refuses, before any write, what would make the batch fail part-way. */
  private async checkBatch(entries: readonly BatchEntry[]): Promise<void> {
    for (const { request, write } of entries) {
      if ('DeleteRequest' in write) {
        if (!isAttributes(request.key)) throw notAKey(request);
        continue;
      }
      const bytes = isAttributes(request.item) ? itemSize(request.item) : NaN;
      if (!(bytes <= maxItemBytes)) throw await refusedItem(request, bytes);
    }
    if (entries.length <= batchWriteSize) return; // one request: DynamoDB refuses it whole, and says why
    let schema;
    try {
      schema = (await keySchemaOf(this.tableName)).key;
    } catch {
      return; // unreadable (no DescribeTable grant?): what DynamoDB refuses mid-way is reported exactly
    }
    for (const { request, write } of entries) {
      const key = 'DeleteRequest' in write ? write.DeleteRequest.Key : keyOfItem(write.PutRequest.Item, schema);
      const problems = keyProblems(key, schema);
      if (problems.length > 0) throw new InvalidKeyError(request.place, key, problems, showKey(schema));
    }
    const duplicate = await findDuplicate(entries.map((entry) => entry.request));
    if (duplicate) throw duplicate;
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

  /** Plain JavaScript callers can pass anything: a batch's lists must be lists. */
  private checkList(call: string, what: string, list: unknown): void {
    if (!Array.isArray(list)) {
      const got = list === null ? 'null' : typeof list === 'object' ? 'an object' : `a ${typeof list}`;
      throw new StatefulRuntimeError(`${call} on table ${this.name}: ${what} must be a list; got ${got}`);
    }
  }

  private place(operation: string, index?: number): RequestPlace {
    return { table: this, operation, ...(index === undefined ? {} : { index }) };
  }

  /** The key of `item`, when the table was told its key attributes (no round trip to learn them). */
  knownKey(item: unknown): Key | undefined {
    return this.options.key && isAttributes(item) ? this.keyOf(item) : undefined;
  }

  /** A request naming `key`, refused at once when the key is not an object. */
  private keyed(operation: string, key: unknown, values?: unknown): TableRequest {
    const request = { place: this.place(operation), key, ...(values === undefined ? {} : { values }) };
    if (!isAttributes(key)) throw notAKey(request);
    return request;
  }

  /** Runs one DynamoDB call; what DynamoDB refuses is said in this table's terms (explain.ts). */
  private async call<R>(request: TableRequest, run: () => Promise<R>): Promise<R> {
    try {
      return await run();
    } catch (error) {
      throw await explainRefusal(error, request);
    }
  }

  /** What DynamoDB refused of a batch request carrying `entries`, in this table's terms. */
  private async explainBatch(error: unknown, entries: readonly (BatchEntry | TableRequest)[]): Promise<unknown> {
    const requests = entries.map((entry) => ('request' in entry ? entry.request : entry));
    const named = tableFailure(error, [this], requests[0]?.place.operation ?? '');
    return named !== error ? named : await explainRequests(error, requests);
  }

  /** Runs a conditional write, turning a failed condition into ConditionFailedError. */
  private async guard<R>(
    request: TableRequest,
    key: Key,
    condition: string | undefined,
    write: () => Promise<R>,
  ): Promise<R> {
    try {
      return await this.call(request, write);
    } catch (error) {
      if (isAwsError<ConditionalCheckFailedException>(error, 'ConditionalCheckFailedException')) {
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

/** One write of a batch: what the caller asked for, and the request DynamoDB gets. */
interface BatchEntry {
  readonly request: TableRequest;
  readonly write: { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Key } };
}

function writesOf(entries: readonly BatchEntry[]): BatchWrites {
  const put: Item[] = [];
  const remove: Key[] = [];
  for (const { write } of entries) {
    if ('PutRequest' in write) put.push(write.PutRequest.Item);
    else remove.push(write.DeleteRequest.Key);
  }
  return { put, delete: remove };
}

/** Text that is the same for equal keys (and items, when the key is unknown). */
function shownIdentity(attributes: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(
    Object.keys(attributes)
      .filter((name) => attributes[name] !== undefined)
      .sort()
      .map((name) => [name, attributes[name]]),
    (_, value: unknown) =>
      typeof value === 'bigint' ? `${value}n` : value instanceof Set ? [...(value as Set<unknown>)].sort() : value,
  );
}

/** Whether DynamoDB answered that it refused the request (a 4xx), so nothing of it was done. */
function isRefusal(error: unknown): boolean {
  return typeof error === 'object' && error !== null && '$fault' in error && error.$fault === 'client';
}

/** `table<Cart>('carts')`: the table the function declared as `carts`. */
export function table<T extends Item = Item>(name: string, options?: TableOptions): Table<T> {
  return new Table<T>(name, options);
}

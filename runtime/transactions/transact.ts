// transact(): one TransactWriteItems across tables. Refuses what DynamoDB would refuse before
// sending anything, retries conflicts with jittered backoff, makes a retry with the same token a
// no-op, and turns a cancellation into one reason per failed operation. tx.publish() adds an event
// as an outbox item to the same transaction (docs/outbox.md): the state and the event commit together.
import { createHash } from 'node:crypto';
import type {
  CancellationReason as DynamoReason,
  TransactionCanceledException,
  TransactionInProgressException,
  TransactWriteItemsCommand,
  TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { backoffDelay, sleep, type BackoffOptions } from '../backoff.js';
import { dynamodb, dynamodbClient, isAwsError } from '../clients.js';
import {
  StatefulRuntimeError,
  TransactionCanceledError,
  TransactionTooLargeError,
  type CancellationReason,
} from '../errors.js';
import {
  conditionOf,
  Placeholders,
  updateExpression,
  type ConditionOptions,
  type UpdateSpec,
} from '../tables/expressions.js';
import { explainRequests, isAttributes, notAKey, refusedItem, type TableRequest } from '../tables/explain.js';
import { itemSize, maxItemBytes } from '../tables/item-size.js';
import { keyOfItem, keySchemaOf } from '../tables/key-schema.js';
import { toAttributeMap } from '../tables/marshal.js';
import { jsonData } from '../json-data.js';
import { PublishReplayError } from '../outbox/outbox-errors.js';
import { buildOutboxItem, type OutboxEvent } from '../outbox/outbox-item.js';
import { outboxTable } from '../outbox/outbox-table.js';
import { tableFailure, UnstorableValueError } from '../tables/table-errors.js';
import type { Item, Key, PutOptions, Table } from '../tables/table.js';

/** DynamoDB's limits on one transaction. */
export const transactionLimits = { operations: 100, bytes: 4 * 1024 * 1024 } as const;

/** One operation as the builder collects it, in plain values; marshalled once, when sent. */
interface WriteRequest {
  TableName: string;
  Item?: Item;
  Key?: Key;
  UpdateExpression?: string;
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
  ReturnValuesOnConditionCheckFailure?: 'ALL_OLD';
}

type WriteKind = 'Put' | 'Update' | 'Delete' | 'ConditionCheck';

interface Operation {
  readonly table: Table;
  readonly key: Key;
  readonly kind: WriteKind;
  readonly request: WriteRequest;
  readonly bytes: number;
  /** What the caller passed (an update's spec, a condition's options), to explain a refusal. */
  readonly given: ConditionOptions | undefined;
}

/** Operation `index` as explain.ts sees it; made only when something needs explaining. */
function describedOperation({ table, kind, key, request, given }: Operation, index: number): TableRequest {
  const spec = given as UpdateSpec | undefined;
  const values = { set: spec?.set, add: spec?.add, append: spec?.append, values: spec?.values };
  const place = { table, operation: 'TransactWriteItems', index };
  return kind === 'Put'
    ? { place, key: table.knownKey(request.Item), item: request.Item, values }
    : { place, key, values };
}

/** The low-level form of one operation: the document client's marshalling, done once, directly. */
function marshalled({ kind, request }: Operation): TransactWriteItem {
  const { Item, Key, ExpressionAttributeValues, ...text } = request;
  const converted: Record<string, unknown> = text;
  if (Item) converted.Item = toAttributeMap(Item);
  if (Key) converted.Key = toAttributeMap(Key);
  if (ExpressionAttributeValues) converted.ExpressionAttributeValues = toAttributeMap(ExpressionAttributeValues);
  return { [kind]: converted } as TransactWriteItem;
}

export interface TransactOptions extends BackoffOptions {
  /**
   * Becomes the ClientRequestToken: the same token within AWS's 10-minute window makes a retry a
   * no-op. Longer than 36 characters, it is hashed to fit.
   */
  readonly token?: string;
  /** Ask DynamoDB for the current item of each operation whose condition fails. */
  readonly returnCurrent?: boolean;
}

export interface TransactPublishOptions {
  /**
   * What the event is about; one aggregate's events are put on the bus in commit order. By default
   * `<table>#<key as JSON>` of the transaction's first write.
   */
  readonly aggregate?: string;
  /** The event's source; the function's name by default. */
  readonly source?: string;
  /** ARNs the event concerns. */
  readonly resources?: readonly string[];
}

/** What a transaction did beyond its writes. */
export interface TransactResult {
  /** The ids of the events it published (`detail.stateful.eventId`), in the order of tx.publish(). */
  readonly eventIds: readonly string[];
}

/** An event given to tx.publish(), held in its operation's place until the transaction is sent. */
interface PendingEvent {
  readonly index: number;
  readonly bus: string;
  readonly event: OutboxEvent;
  readonly aggregate: string | undefined;
}

/** Collects the operations of one transaction. */
export class TransactionBuilder {
  readonly operations: Operation[] = [];
  private readonly events: PendingEvent[] = [];

  constructor(private readonly returnCurrent: boolean) {}

  /**
   * Publishes an event to bus `bus` if, and only if, the transaction commits: it is written as an
   * item of the bus's outbox (declared `state.buses.<bus>.outbox: true`), which the relay puts on
   * the bus. It counts as one operation of the 100 and its item toward the 4 MB; an event
   * EventBridge would refuse (over 256 KB, a detail that is not a JSON object) is refused here.
   */
  publish(bus: string, detailType: string, detail: unknown, options: TransactPublishOptions = {}): this {
    const table = outboxTable(bus);
    // Resolved now, so that an undeclared outbox is said at the call that needs it.
    const TableName = table.tableName;
    const { aggregate, source, resources } = options;
    if (aggregate !== undefined && (typeof aggregate !== 'string' || aggregate === '')) {
      throw new StatefulRuntimeError(`tx.publish to bus ${bus}: aggregate must be a non-empty string`);
    }
    const event: OutboxEvent = { detailType, detail, source, resources };
    this.events.push({ index: this.operations.length, bus, event, aggregate });
    // The item is made once the transaction is built, when its first write (the default aggregate) is known.
    return this.add(table, {}, 0, 'Put', {}, { TableName });
  }

  /** Whether tx.publish() was called. */
  get publishes(): boolean {
    return this.events.length > 0;
  }

  /**
   * Makes the outbox items of the events published, in the order published (so their ids are in
   * that order), and returns their ids.
   */
  async outboxItems(): Promise<string[]> {
    let fallback: Promise<string> | undefined;
    const ids: string[] = [];
    for (const { index, bus, event, aggregate } of this.events) {
      const item = buildOutboxItem(bus, event, aggregate ?? (await (fallback ??= this.defaultAggregate(bus))));
      const operation = this.operations[index] as Operation;
      ids.push(item.sk);
      const condition = 'attribute_not_exists(#sk)';
      this.operations[index] = {
        ...operation,
        key: { pk: item.pk, sk: item.sk },
        bytes: itemSize(item as unknown as Item),
        request: {
          ...operation.request,
          Item: item as unknown as Item,
          // A new id is new: the condition keeps a collision from overwriting another event.
          ConditionExpression: condition,
          ExpressionAttributeNames: { '#sk': 'sk' },
          ...this.onFailure(condition),
        },
      };
    }
    return ids;
  }

  /** `<table>#<key as JSON, keys sorted>` of the first write that is not an event. */
  private async defaultAggregate(bus: string): Promise<string> {
    const events = new Set(this.events.map((event) => event.index));
    const first = this.operations.find((operation, index) => !events.has(index) && operation.kind !== 'ConditionCheck');
    if (!first) {
      throw new StatefulRuntimeError(
        `tx.publish to bus ${bus}: the transaction writes nothing to take a default aggregate from; pass { aggregate }`,
      );
    }
    let key = first.key;
    if (first.kind === 'Put' && !first.table.knownKey(first.request.Item)) {
      // The table was not told its key: DynamoDB's description says it, once per container.
      key = keyOfItem(first.request.Item ?? {}, (await keySchemaOf(first.table.tableName)).key);
    }
    const json = jsonData(key, true);
    if ('problem' in json) {
      throw new StatefulRuntimeError(
        `tx.publish to bus ${bus}: the key of the first write cannot be an aggregate (${json.problem.path} is ${json.problem.reason}); pass { aggregate }`,
      );
    }
    return `${first.table.name}#${json.text}`;
  }

  put<T extends Item>(table: Table<T>, item: T, options: PutOptions = {}): this {
    if (!isAttributes(item)) throw this.notAnItem(table as unknown as Table, item);
    const request = table.putRequest(item, options);
    return this.add(table as unknown as Table, table.keyOf(item), itemSize(request.item), 'Put', options, {
      TableName: table.tableName,
      Item: request.item,
      ...request.expression,
      ...this.onFailure(request.expression.ConditionExpression),
    });
  }

  update<T extends Item>(table: Table<T>, key: Key, spec: UpdateSpec): this {
    this.checkKey(table as unknown as Table, key);
    const expression = updateExpression(spec, table.versionAttribute);
    return this.add(
      table as unknown as Table,
      key,
      itemSize(key) + itemSize(expression.ExpressionAttributeValues ?? {}),
      'Update',
      spec,
      { TableName: table.tableName, Key: key, ...expression, ...this.onFailure(expression.ConditionExpression) },
    );
  }

  delete<T extends Item>(table: Table<T>, key: Key, options: ConditionOptions = {}): this {
    this.checkKey(table as unknown as Table, key);
    const placeholders = new Placeholders();
    const condition = conditionOf(placeholders, options, table.versionAttribute);
    return this.add(table as unknown as Table, key, itemSize(key), 'Delete', options, {
      TableName: table.tableName,
      Key: key,
      ...placeholders.toExpression(condition ? { condition } : {}),
      ...this.onFailure(condition),
    });
  }

  /** A condition on an item the transaction does not write. */
  check<T extends Item>(table: Table<T>, key: Key, condition: ConditionOptions): this {
    this.checkKey(table as unknown as Table, key);
    const placeholders = new Placeholders();
    const expression = conditionOf(placeholders, condition, table.versionAttribute);
    if (!expression) throw new StatefulRuntimeError('check() needs a condition: pass when or expectVersion');
    return this.add(table as unknown as Table, key, itemSize(key), 'ConditionCheck', condition, {
      TableName: table.tableName,
      Key: key,
      ...placeholders.toExpression({ condition: expression }),
      ...this.onFailure(expression),
    });
  }

  private place(table: Table) {
    return { table, operation: 'TransactWriteItems', index: this.operations.length };
  }

  private checkKey(table: Table, key: unknown): void {
    if (!isAttributes(key)) throw notAKey({ place: this.place(table), key });
  }

  private notAnItem(table: Table, item: unknown): UnstorableValueError {
    const got = item === null ? 'null' : Array.isArray(item) ? 'a list' : typeof item;
    return new UnstorableValueError(
      this.place(table),
      undefined,
      '(the item)',
      `${got}; an item is an object of attributes`,
    );
  }

  private onFailure(condition: string | undefined) {
    return condition && this.returnCurrent ? { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {};
  }

  private add(
    table: Table,
    key: Key,
    bytes: number,
    kind: WriteKind,
    given: ConditionOptions,
    request: WriteRequest,
  ): this {
    this.operations.push({ table, key, kind, request, bytes, given });
    return this;
  }
}

/** A token DynamoDB accepts (1–36 characters), stable for the same input. */
export function clientRequestToken(token: string): string {
  if (token.length > 0 && token.length <= 36) return token;
  return createHash('sha256').update(token).digest('base64url').slice(0, 36);
}

/**
 * Refuses what DynamoDB would refuse of the transaction as a whole; returns the position of an
 * operation whose item DynamoDB cannot take (over 400 KB, or NaN: a Date, an undefined in a list),
 * or -1. Synchronous: a transaction that is fine pays no turn of the event loop for it.
 */
function checkLimits(operations: readonly Operation[]): number {
  if (operations.length === 0) throw new TransactionTooLargeError('a transaction needs at least one operation');
  if (operations.length > transactionLimits.operations) {
    throw new TransactionTooLargeError(
      `a transaction takes at most ${transactionLimits.operations} operations; this one has ${operations.length}. Nothing was sent.`,
    );
  }
  let bytes = 0;
  for (let index = 0; index < operations.length; index++) {
    const operation = operations[index] as Operation;
    if (!(operation.bytes <= maxItemBytes)) return index;
    bytes += operation.bytes;
  }
  if (bytes > transactionLimits.bytes) {
    throw new TransactionTooLargeError(
      `a transaction carries at most 4 MB of items; this one carries ${(bytes / 1024 / 1024).toFixed(2)} MB. Nothing was sent.`,
    );
  }
  return -1;
}

function reasonsOf(operations: readonly Operation[], reasons: readonly DynamoReason[]): CancellationReason[] {
  return reasons.flatMap((reason, index) => {
    if (!reason.Code || reason.Code === 'None') return [];
    const operation = operations[index];
    return [
      {
        index,
        table: operation?.table.name ?? '?',
        key: operation?.key ?? {},
        code: reason.Code,
        message: reason.Message,
        ...(reason.Item ? { current: unmarshall(reason.Item) } : {}),
      },
    ];
  });
}

const isConflictOnly = (reasons: readonly CancellationReason[]) =>
  reasons.length > 0 && reasons.every((reason) => reason.code === 'TransactionConflict');

/**
 * Runs `build` to collect operations, then writes them all or none. A conflict with another
 * transaction is retried (8 attempts in all by default); any other cancellation throws
 * TransactionCanceledError naming each failed operation.
 */
export async function transact(
  build: (tx: TransactionBuilder) => unknown,
  options: TransactOptions = {},
): Promise<TransactResult> {
  const builder = new TransactionBuilder(options.returnCurrent ?? false);
  const built = build(builder);
  // Most builders are synchronous; awaiting only a promise spares them a turn of the event loop.
  if (typeof (built as PromiseLike<unknown> | undefined)?.then === 'function') await built;
  // Only a transaction that publishes pays the await.
  const eventIds = builder.publishes ? await builder.outboxItems() : [];
  const { operations } = builder;
  const refused = checkLimits(operations);
  if (refused >= 0) {
    const operation = operations[refused] as Operation;
    // explain.ts says what: the size counted for a put; for an update, what the values hold.
    throw await refusedItem(describedOperation(operation, refused), operation.kind === 'Put' ? operation.bytes : NaN);
  }
  const { client, commands } = await dynamodbClient();
  let command: TransactWriteItemsCommand;
  try {
    command = new commands.TransactWriteItemsCommand({
      TransactItems: operations.map(marshalled),
      ClientRequestToken: options.token !== undefined ? clientRequestToken(options.token) : undefined,
    });
  } catch (error) {
    // A value the marshaller refuses (NaN, an empty Set…): its error names nothing.
    throw await explainRequests(error, operations.map(describedOperation));
  }
  const maxAttempts = options.maxAttempts ?? 8;
  for (let attempt = 1; ; attempt++) {
    try {
      await client.send(command);
      return { eventIds };
    } catch (error) {
      const retryable = isAwsError<TransactionInProgressException>(error, 'TransactionInProgressException');
      if (isAwsError<TransactionCanceledException>(error, 'TransactionCanceledException') || retryable) {
        const reasons = retryable ? [] : reasonsOf(operations, error.CancellationReasons ?? []);
        if ((retryable || isConflictOnly(reasons)) && attempt < maxAttempts) {
          await sleep(backoffDelay(attempt, options));
          continue;
        }
        throw new TransactionCanceledError(reasons, attempt, { cause: error });
      }
      if (
        eventIds.length > 0 &&
        options.token !== undefined &&
        isAwsError(error, 'IdempotentParameterMismatchException')
      ) {
        throw new PublishReplayError(options.token, { cause: error });
      }
      const named = tableFailure(
        error,
        operations.map((operation) => operation.table),
        'TransactWriteItems',
      );
      throw named !== error ? named : await explainRequests(error, operations.map(describedOperation));
    }
  }
}

/** Reads items from any tables as one consistent snapshot (TransactGetItems). */
export async function transactGet(reads: readonly (readonly [Table, Key])[]): Promise<(Item | undefined)[]> {
  if (reads.length > transactionLimits.operations) {
    throw new TransactionTooLargeError(
      `transactGet takes at most ${transactionLimits.operations} reads; got ${reads.length}`,
    );
  }
  const requests: TableRequest[] = reads.map(([table, key], index) => ({
    place: { table, operation: 'TransactGetItems', index },
    key,
  }));
  const notObject = requests.find((request) => !isAttributes(request.key));
  if (notObject) throw notAKey(notObject);
  const { client, commands } = await dynamodb();
  const command = new commands.TransactGetCommand({
    TransactItems: reads.map(([table, key]) => ({ Get: { TableName: table.tableName, Key: key } })),
  });
  try {
    const result = await client.send(command);
    return (result.Responses ?? []).map((response) => response.Item);
  } catch (error) {
    const named = tableFailure(
      error,
      reads.map(([table]) => table),
      'TransactGetItems',
    );
    throw named !== error ? named : await explainRequests(error, requests);
  }
}

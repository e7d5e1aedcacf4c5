// transact(): one TransactWriteItems across tables. Refuses what DynamoDB would refuse before
// sending anything, retries conflicts with jittered backoff, makes a retry with the same token a
// no-op, and turns a cancellation into one reason per failed operation.
import { createHash } from 'node:crypto';
import {
  TransactionCanceledException,
  TransactionInProgressException,
  type CancellationReason as DynamoReason,
} from '@aws-sdk/client-dynamodb';
import { TransactWriteItemsCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { TransactGetCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { backoffDelay, sleep, type BackoffOptions } from '../backoff.js';
import { dynamodb, dynamodbClient } from '../clients.js';
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
import { itemSize } from '../tables/item-size.js';
import { toAttributeMap } from '../tables/marshal.js';
import { tableFailure } from '../tables/table-errors.js';
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

/** Collects the operations of one transaction. */
export class TransactionBuilder {
  readonly operations: Operation[] = [];

  constructor(private readonly returnCurrent: boolean) {}

  put<T extends Item>(table: Table<T>, item: T, options: PutOptions = {}): this {
    const request = table.putRequest(item, options);
    return this.add(table as unknown as Table, table.keyOf(item), itemSize(request.item), 'Put', {
      TableName: table.tableName,
      Item: request.item,
      ...request.expression,
      ...this.onFailure(request.expression.ConditionExpression),
    });
  }

  update<T extends Item>(table: Table<T>, key: Key, spec: UpdateSpec): this {
    const expression = updateExpression(spec, table.versionAttribute);
    return this.add(
      table as unknown as Table,
      key,
      itemSize(key) + itemSize(expression.ExpressionAttributeValues ?? {}),
      'Update',
      { TableName: table.tableName, Key: key, ...expression, ...this.onFailure(expression.ConditionExpression) },
    );
  }

  delete<T extends Item>(table: Table<T>, key: Key, options: ConditionOptions = {}): this {
    const placeholders = new Placeholders();
    const condition = conditionOf(placeholders, options, table.versionAttribute);
    return this.add(table as unknown as Table, key, itemSize(key), 'Delete', {
      TableName: table.tableName,
      Key: key,
      ...placeholders.toExpression(condition ? { condition } : {}),
      ...this.onFailure(condition),
    });
  }

  /** A condition on an item the transaction does not write. */
  check<T extends Item>(table: Table<T>, key: Key, condition: ConditionOptions): this {
    const placeholders = new Placeholders();
    const expression = conditionOf(placeholders, condition, table.versionAttribute);
    if (!expression) throw new StatefulRuntimeError('check() needs a condition: pass when or expectVersion');
    return this.add(table as unknown as Table, key, itemSize(key), 'ConditionCheck', {
      TableName: table.tableName,
      Key: key,
      ...placeholders.toExpression({ condition: expression }),
      ...this.onFailure(expression),
    });
  }

  private onFailure(condition: string | undefined) {
    return condition && this.returnCurrent ? { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {};
  }

  private add(table: Table, key: Key, bytes: number, kind: WriteKind, request: WriteRequest): this {
    this.operations.push({ table, key, kind, request, bytes });
    return this;
  }
}

/** A token DynamoDB accepts (1–36 characters), stable for the same input. */
export function clientRequestToken(token: string): string {
  if (token.length > 0 && token.length <= 36) return token;
  return createHash('sha256').update(token).digest('base64url').slice(0, 36);
}

function checkLimits(operations: readonly Operation[]): void {
  if (operations.length === 0) throw new TransactionTooLargeError('a transaction needs at least one operation');
  if (operations.length > transactionLimits.operations) {
    throw new TransactionTooLargeError(
      `a transaction takes at most ${transactionLimits.operations} operations; this one has ${operations.length}. Nothing was sent.`,
    );
  }
  const bytes = operations.reduce((sum, operation) => sum + operation.bytes, 0);
  if (bytes > transactionLimits.bytes) {
    throw new TransactionTooLargeError(
      `a transaction carries at most 4 MB of items; this one carries ${(bytes / 1024 / 1024).toFixed(2)} MB. Nothing was sent.`,
    );
  }
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
): Promise<void> {
  const builder = new TransactionBuilder(options.returnCurrent ?? false);
  const built = build(builder);
  // Most builders are synchronous; awaiting only a promise spares them a turn of the event loop.
  if (typeof (built as PromiseLike<unknown> | undefined)?.then === 'function') await built;
  const { operations } = builder;
  checkLimits(operations);
  const command = new TransactWriteItemsCommand({
    TransactItems: operations.map(marshalled),
    ClientRequestToken: options.token !== undefined ? clientRequestToken(options.token) : undefined,
  });
  const maxAttempts = options.maxAttempts ?? 8;
  for (let attempt = 1; ; attempt++) {
    try {
      await dynamodbClient().send(command);
      return;
    } catch (error) {
      const retryable = error instanceof TransactionInProgressException;
      if (error instanceof TransactionCanceledException || retryable) {
        const reasons = retryable ? [] : reasonsOf(operations, error.CancellationReasons ?? []);
        if ((retryable || isConflictOnly(reasons)) && attempt < maxAttempts) {
          await sleep(backoffDelay(attempt, options));
          continue;
        }
        throw new TransactionCanceledError(reasons, attempt, { cause: error });
      }
      throw tableFailure(
        error,
        operations.map((operation) => operation.table),
        'TransactWriteItems',
      );
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
  const command = new TransactGetCommand({
    TransactItems: reads.map(([table, key]) => ({ Get: { TableName: table.tableName, Key: key } })),
  });
  const result = await dynamodb()
    .send(command)
    .catch((error: unknown) => {
      throw tableFailure(
        error,
        reads.map(([table]) => table),
        'TransactGetItems',
      );
    });
  return (result.Responses ?? []).map((response) => response.Item);
}

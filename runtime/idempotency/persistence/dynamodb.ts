// Records in the DynamoDB table the plugin creates for `state.idempotency` (TTL on expiresAt).
import type { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { documents, isAwsError, preloadDynamoDB } from '../../clients.js';
import { resolveResource } from '../../discovery.js';
import { MissingModuleError } from '../../errors.js';
import { isItemSizeError, itemSize, maxItemBytes } from '../../tables/item-size.js';
import { IdempotencyPersistenceError, IdempotencyRecordTooLargeError } from '../errors.js';
import type { IdempotencyRecord } from '../record.js';
import type { AcquireResult, PersistenceLayer } from './persistence.js';

export interface DynamoDBPersistenceOptions {
  /** The table's name in serverless.yml; `idempotency` (the plugin's table) by default. */
  readonly table?: string;
}

export class DynamoDBPersistence implements PersistenceLayer {
  private tableName: string | undefined;

  constructor(private readonly options: DynamoDBPersistenceOptions = {}) {
    preloadDynamoDB();
  }

  private get table(): string {
    this.tableName ??= resolveResource('table', this.options.table ?? 'idempotency');
    return this.tableName;
  }

  /** Runs one DynamoDB call, naming the table when it fails. */
  private async call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (isConditionFailed(error) || error instanceof MissingModuleError) throw error;
      throw new IdempotencyPersistenceError(
        `DynamoDB table ${this.options.table ?? 'idempotency'} failed to ${what}: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }

  private tooLarge(record: IdempotencyRecord, bytes: number, cause?: unknown): IdempotencyRecordTooLargeError {
    return new IdempotencyRecordTooLargeError(record.key, bytes, maxItemBytes, 'DynamoDB', { cause });
  }

  async acquire(record: IdempotencyRecord, now: number): Promise<AcquireResult> {
    try {
      await this.call('take the idempotency key', () =>
        documents(({ client, commands }) =>
          client.send(
            new commands.PutCommand({
              TableName: this.table,
              Item: record,
              // Free, expired, or held by an invocation whose time ran out.
              ConditionExpression:
                'attribute_not_exists(#key) OR #expiresAt <= :nowSeconds OR (#status = :inProgress AND #inProgressUntil <= :now)',
              ExpressionAttributeNames: {
                '#key': 'key',
                '#expiresAt': 'expiresAt',
                '#status': 'status',
                '#inProgressUntil': 'inProgressUntil',
              },
              ExpressionAttributeValues: {
                ':nowSeconds': Math.floor(now / 1000),
                ':now': now,
                ':inProgress': 'INPROGRESS',
              },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            }),
          ),
        ),
      );
      return { acquired: true };
    } catch (error) {
      if (isConditionFailed(error) && error.Item) {
        return { acquired: false, existing: unmarshall(error.Item) as IdempotencyRecord };
      }
      throw error;
    }
  }

  /** Refuses a record over DynamoDB's item size before sending it, and after, if DynamoDB counts more. */
  async complete(record: IdempotencyRecord): Promise<void> {
    const bytes = itemSize(record as unknown as Record<string, unknown>);
    if (bytes > maxItemBytes) throw this.tooLarge(record, bytes);
    try {
      await this.call('store the result', () =>
        documents(({ client, commands }) =>
          client.send(new commands.PutCommand({ TableName: this.table, Item: record })),
        ),
      );
    } catch (error) {
      if (error instanceof IdempotencyPersistenceError && isItemSizeError(error.cause)) {
        throw this.tooLarge(record, bytes, error.cause);
      }
      throw error;
    }
  }

  async release(key: string): Promise<void> {
    await this.call('release the idempotency key', () =>
      documents(({ client, commands }) =>
        client.send(new commands.DeleteCommand({ TableName: this.table, Key: { key } })),
      ),
    );
  }

  async get(key: string): Promise<IdempotencyRecord | undefined> {
    const { Item } = await documents(({ client, commands }) =>
      client.send(new commands.GetCommand({ TableName: this.table, Key: { key }, ConsistentRead: true })),
    );
    return Item as IdempotencyRecord | undefined;
  }
}

function isConditionFailed(error: unknown): error is ConditionalCheckFailedException {
  return isAwsError<ConditionalCheckFailedException>(error, 'ConditionalCheckFailedException');
}

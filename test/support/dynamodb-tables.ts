// Tables in DynamoDB Local for runtime tests, declared to the runtime as the plugin would: an
// STATEFUL_TABLE_<NAME> variable, and the SDK pointed at DynamoDB Local.
import {
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBClient,
  type AttributeDefinition,
  type GlobalSecondaryIndex,
  type KeySchemaElement,
} from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { outboxKey } from '../../plugin/kinds/buses/outbox';
import { environmentVariableName } from '../../runtime/environment';
import { endpointOf } from './endpoints';

/** Points the runtime's AWS SDK clients for DynamoDB at DynamoDB Local. */
export function useDynamoDBLocal(): DynamoDBClient {
  process.env.AWS_ENDPOINT_URL_DYNAMODB = endpointOf('dynamodb');
  process.env.AWS_REGION = 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID = 'test';
  process.env.AWS_SECRET_ACCESS_KEY = 'test';
  return new DynamoDBClient({ endpoint: endpointOf('dynamodb') });
}

export interface TableSpec {
  readonly partitionKey: string;
  readonly sortKey?: string;
  readonly numericSortKey?: boolean;
  readonly indexes?: Record<string, { partitionKey: string; sortKey?: string }>;
}

/** Creates a table with a unique name and declares it as `name`; returns a function that drops it. */
export async function createDeclaredTable(
  client: DynamoDBClient,
  name: string,
  spec: TableSpec,
): Promise<() => Promise<void>> {
  const TableName = `${name}-${randomUUID()}`;
  const attributes = new Map<string, 'S' | 'N'>([[spec.partitionKey, 'S']]);
  if (spec.sortKey) attributes.set(spec.sortKey, spec.numericSortKey ? 'N' : 'S');
  const keySchema = (partition: string, sort?: string): KeySchemaElement[] => [
    { AttributeName: partition, KeyType: 'HASH' },
    ...(sort ? [{ AttributeName: sort, KeyType: 'RANGE' as const }] : []),
  ];
  const indexes: GlobalSecondaryIndex[] = Object.entries(spec.indexes ?? {}).map(([IndexName, index]) => {
    attributes.set(index.partitionKey, attributes.get(index.partitionKey) ?? 'S');
    if (index.sortKey) attributes.set(index.sortKey, attributes.get(index.sortKey) ?? 'S');
    return {
      IndexName,
      KeySchema: keySchema(index.partitionKey, index.sortKey),
      Projection: { ProjectionType: 'ALL' },
    };
  });
  const definitions: AttributeDefinition[] = [...attributes].map(([AttributeName, AttributeType]) => ({
    AttributeName,
    AttributeType,
  }));
  await client.send(
    new CreateTableCommand({
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: definitions,
      KeySchema: keySchema(spec.partitionKey, spec.sortKey),
      ...(indexes.length > 0 ? { GlobalSecondaryIndexes: indexes } : {}),
    }),
  );
  process.env[environmentVariableName('table', name)] = TableName;
  return async () => {
    Reflect.deleteProperty(process.env, environmentVariableName('table', name));
    await client.send(new DeleteTableCommand({ TableName }));
  };
}

/**
 * A bus's outbox table as the plugin compiles it (plugin/kinds/buses/outbox.ts): its key, and a
 * stream of new images for the relay. Returns the stream's ARN.
 */
export async function createOutboxTable(client: DynamoDBClient, TableName: string): Promise<string> {
  const { TableDescription } = await client.send(
    new CreateTableCommand({
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: outboxKey.partition, AttributeType: 'S' },
        { AttributeName: outboxKey.sort, AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: outboxKey.partition, KeyType: 'HASH' },
        { AttributeName: outboxKey.sort, KeyType: 'RANGE' },
      ],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
    }),
  );
  return TableDescription?.LatestStreamArn ?? '';
}

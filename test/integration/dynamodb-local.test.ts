/**
 * @services dynamodb
 */
// DynamoDB Local behaves as DynamoDB does where the runtime depends on it: a cancelled
// transaction reports one reason per item, in the order the items were sent.
import {
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  TransactWriteItemsCommand,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { awsClientConfig } from '../support/endpoints';

describe('DynamoDB Local', () => {
  const client = new DynamoDBClient(awsClientConfig('dynamodb'));
  const TableName = `smoke-${randomUUID()}`;

  beforeAll(async () => {
    await client.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'sku', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'sku', KeyType: 'HASH' }],
      }),
    );
    await client.send(new PutItemCommand({ TableName, Item: { sku: { S: 'scarce' }, stock: { N: '1' } } }));
  });

  afterAll(async () => {
    await client.send(new DeleteTableCommand({ TableName }));
    client.destroy();
  });

  it('cancels a TransactWriteItems whose ConditionCheck fails, naming that item and returning it', async () => {
    const attempt = client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName, Item: { sku: { S: 'order-line' }, qty: { N: '5' } } } },
          {
            ConditionCheck: {
              TableName,
              Key: { sku: { S: 'scarce' } },
              ConditionExpression: 'stock >= :qty',
              ExpressionAttributeValues: { ':qty': { N: '5' } },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          {
            Update: {
              TableName,
              Key: { sku: { S: 'counter' } },
              UpdateExpression: 'ADD hits :one',
              ExpressionAttributeValues: { ':one': { N: '1' } },
            },
          },
        ],
      }),
    );

    const error: unknown = await attempt.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransactionCanceledException);
    const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
    expect(reasons.map((reason) => reason.Code)).toEqual(['None', 'ConditionalCheckFailed', 'None']);
    expect(reasons[1]?.Item).toEqual({ sku: { S: 'scarce' }, stock: { N: '1' } });
    // All or nothing: the Put that came before the failed check was not applied.
    const { Item } = await client.send(new GetItemCommand({ TableName, Key: { sku: { S: 'order-line' } } }));
    expect(Item).toBeUndefined();
  });
});

/**
 * @services redis, dynamodb
 */
// The invalidation handler against real Redis, fed the records DynamoDB Local's own stream gave
// for writes made with the plain AWS SDK (not through this library): the keys and tags of every
// changed item go, from its old image and its new one; a record whose keys cannot be made, or that
// Redis does not take, is reported in batchItemFailures by its sequence number, and the others are
// still done.
import {
  CreateTableCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import {
  cache,
  invalidationHandler,
  InvalidationBatchFailedError,
  type Cache,
  type DynamoDBStreamEvent,
  type InvalidationRule,
} from '../../runtime/index';
import { environmentVariableName } from '../../runtime/environment';
import { handler as configuredHandler } from '../../runtime/invalidation';
import { streamRecords } from '../support/dynamodb-streams';
import { awsClientConfig, endpointOf } from '../support/endpoints';
import { refusingEndpoint } from '../support/wire';

const id = randomUUID().slice(0, 8);
const namespace = `cache-invalidation-${id}`;
const redisUrl = endpointOf('redis');
const admin = new Redis(redisUrl);
const dynamodb = new DynamoDBClient(awsClientConfig('dynamodb'));
const TableName = `invalidation-${id}`;
let streamArn = '';
/** The last stream record the tests have handled. */
let handledUpTo: string | undefined;
const catalogName = `catalog${id.replace(/-/g, '')}`;
process.env[environmentVariableName('cache', catalogName)] = `${redisUrl}?namespace=${namespace}`;
const catalog: Cache = cache(catalogName);
const rules: InvalidationRule[] = [
  {
    cache: catalogName,
    keys: ['product:${productId}', 'sku:${sku?}', 'products:all'],
    tags: ['category:${categoryId}'],
  },
];

const valueKey = (key: string) => `${namespace}:{${key}}`;
const cached = (...keys: string[]) => Promise.all(keys.map(async (key) => (await admin.exists(valueKey(key))) === 1));

/** The event Lambda would give the function for the stream records written since the last one. */
async function nextEvent(): Promise<DynamoDBStreamEvent> {
  const Records = await streamRecords(streamArn, handledUpTo);
  handledUpTo = Records.at(-1)?.dynamodb.SequenceNumber ?? handledUpTo;
  return { Records } as DynamoDBStreamEvent;
}

/** A logger that keeps the errors. */
function errors() {
  const lines: string[] = [];
  return { lines, logger: { error: (line: string) => lines.push(line) } };
}

const put = (item: Record<string, string>) =>
  dynamodb.send(
    new PutItemCommand({ TableName, Item: Object.fromEntries(Object.entries(item).map(([name, S]) => [name, { S }])) }),
  );

beforeAll(async () => {
  await dynamodb.send(
    new CreateTableCommand({
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName }));
  streamArn = Table?.LatestStreamArn ?? '';
});

afterAll(async () => {
  await dynamodb.send(new DeleteTableCommand({ TableName }));
  catalog.disconnect();
  const keys = await admin.keys(`${namespace}:*`);
  if (keys.length > 0) await admin.del(...keys);
  admin.disconnect();
});

beforeEach(async () => {
  // Whatever the previous test wrote is behind us.
  await nextEvent();
});

describe('invalidation from a DynamoDB stream', () => {
  it('deletes the keys and tags of every changed item, from its old image and its new one', async () => {
    const handle = invalidationHandler(rules);
    await put({ pk: 'item-1', productId: 'p1', categoryId: 'c1' });
    for (const key of ['product:p1', 'product:p2', 'product:p3', 'products:all', 'product:other']) {
      await catalog.getOrLoad(key, () => ({ key }));
    }
    await catalog.getOrLoad('in-category', () => 'tagged', { tags: ['category:c1'] });
    await nextEvent();

    // An update that moves the item to another product: both keys go.
    await dynamodb.send(
      new UpdateItemCommand({
        TableName,
        Key: { pk: { S: 'item-1' } },
        UpdateExpression: 'SET productId = :p',
        ExpressionAttributeValues: { ':p': { S: 'p2' } },
      }),
    );
    const modify = await nextEvent();
    expect(modify.Records.map((record) => record.eventName)).toEqual(['MODIFY']);
    expect(await handle(modify)).toEqual({ batchItemFailures: [] });
    expect(
      await cached('product:p1', 'product:p2', 'products:all', 'in-category', 'product:p3', 'product:other'),
    ).toEqual([false, false, false, false, true, true]);

    // A delete: the old image's key goes.
    await catalog.getOrLoad('product:p2', () => 'again');
    await dynamodb.send(new DeleteItemCommand({ TableName, Key: { pk: { S: 'item-1' } } }));
    const remove = await nextEvent();
    expect(remove.Records.map((record) => record.eventName)).toEqual(['REMOVE']);
    expect(await handle(remove)).toEqual({ batchItemFailures: [] });
    expect(await cached('product:p2', 'product:p3')).toEqual([false, true]);
  });

  it('deletes "not found" cached before an insert, and the optional key when the item has it', async () => {
    const handle = invalidationHandler(rules);
    await catalog.getOrLoad('product:p9', () => undefined);
    await catalog.getOrLoad('sku:S-9', () => undefined);
    await put({ pk: 'item-9', productId: 'p9', categoryId: 'c9', sku: 'S-9' });
    expect(await handle(await nextEvent())).toEqual({ batchItemFailures: [] });
    expect(await cached('product:p9', 'sku:S-9')).toEqual([false, false]);
  });

  it('reports the record whose item lacks an attribute, names it, and still does the others', async () => {
    const { lines, logger } = errors();
    const handle = invalidationHandler(rules, { logger });
    for (const key of ['product:p4', 'product:p6']) await catalog.getOrLoad(key, () => key);
    await put({ pk: 'item-4', productId: 'p4', categoryId: 'c4' });
    await put({ pk: 'item-5', categoryId: 'c5' }); // no productId
    await put({ pk: 'item-6', productId: 'p6', categoryId: 'c6' });
    const event = await nextEvent();
    expect(event.Records).toHaveLength(3);
    const lacking = event.Records[1]?.dynamodb?.SequenceNumber;
    expect(await handle(event)).toEqual({ batchItemFailures: [{ itemIdentifier: lacking }] });
    expect(await cached('product:p4', 'product:p6')).toEqual([false, false]);
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^invalidation of stream record \\S+ \\(INSERT of \\{pk: "item-5"\\}, sequence ${lacking}\\) failed: ` +
            `cache ${catalogName}: the template "product:\\$\\{productId\\}" needs the attribute productId, which the new ` +
            'image of item \\{pk: "item-5"\\} does not have\\. If items may lack it, write \\$\\{productId\\?\\}',
        ),
      ),
    ]);
  });

  it('without partial batch responses (an emulator that ignores them), fails the batch whole, having done the others', async () => {
    const { lines, logger } = errors();
    const handle = invalidationHandler(rules, { logger, partialBatchResponses: false });
    await catalog.getOrLoad('product:p11', () => 'cached');
    await put({ pk: 'item-11', productId: 'p11', categoryId: 'c11' });
    await put({ pk: 'item-12', categoryId: 'c12' }); // no productId
    const event = await nextEvent();
    await expect(handle(event)).rejects.toThrow(
      new InvalidationBatchFailedError(
        '1 of 2 stream records could not be invalidated (logged above): the batch fails, to be retried whole',
      ),
    );
    expect(await cached('product:p11')).toEqual([false]);
    expect(lines).toHaveLength(1);
  });

  it('reports every record when Redis does not take the deletes, so Lambda retries them', async () => {
    const downName = `down${id.replace(/-/g, '')}`;
    process.env[environmentVariableName('cache', downName)] =
      `${(await refusingEndpoint()).replace('http:', 'redis:')}?namespace=${namespace}`;
    cache(downName, { connectTimeoutMs: 200 });
    const { lines, logger } = errors();
    const handle = invalidationHandler([{ cache: downName, keys: ['product:${productId}'] }], { logger });
    await put({ pk: 'item-7', productId: 'p7' });
    await put({ pk: 'item-8', productId: 'p8' });
    const event = await nextEvent();
    const result = await handle(event);
    expect(result.batchItemFailures.map((failure) => failure.itemIdentifier).sort()).toEqual(
      event.Records.map((record) => record.dynamodb?.SequenceNumber).sort(),
    );
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/failed: cache down\w+: delete of product:p\d failed, /);
  });

  it('runs as the packaged handler with its rules in STATEFUL_INVALIDATION_RULES', async () => {
    process.env.STATEFUL_INVALIDATION_RULES = JSON.stringify(rules);
    try {
      await catalog.getOrLoad('product:p10', () => 'cached');
      await put({ pk: 'item-10', productId: 'p10', categoryId: 'c10' });
      expect(await configuredHandler(await nextEvent())).toEqual({ batchItemFailures: [] });
      expect(await cached('product:p10')).toEqual([false]);
    } finally {
      delete process.env.STATEFUL_INVALIDATION_RULES;
    }
  });
});

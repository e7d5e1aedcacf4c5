/**
 * @services emulator, redis
 */
// Invalidation on the emulator: `serverless deploy --stage local` of a service whose products table
// invalidates the catalog cache (the generated function is the service's only one). Items written
// with the plain AWS SDK, not through this library, reach the function through the table's stream,
// and the cached keys are gone within the stream's delivery time: under the old image and the new.
import { DescribeTableCommand, PutItemCommand, UpdateItemCommand, DeleteItemCommand } from '@aws-sdk/client-dynamodb';
import { GetFunctionConfigurationCommand, ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import Redis from 'ioredis';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cache, type Cache } from '../../runtime/index';
import { environmentVariableName } from '../../runtime/environment';
import { serverless } from '../../testing/local-aws/serverless-cli';
import { awsClients, eventually } from '../../testing';
import type { Template } from '../support/package-service';

const cwd = join(__dirname, '..', 'fixtures', 'invalidation-service');
const TableName = 'stateful-invalidation-local-products';
const functionName = 'stateful-invalidation-local-statefulInvalidateProducts';
const cacheVariable = environmentVariableName('cache', 'catalog');

describe('invalidates deployed with serverless deploy --stage local', () => {
  let catalog: Cache;
  let admin: Redis;
  /** Whether Redis holds `key`'s value, as the runtime lays keys out. */
  let cached: (key: string) => Promise<boolean>;
  /** Milliseconds from each write's acknowledgement to its key being gone. */
  const delivery: number[] = [];

  beforeAll(async () => {
    await serverless(['deploy', '--stage', 'local'], { cwd });
    const template = JSON.parse(
      readFileSync(join(cwd, '.serverless', 'cloudformation-template-update-stack.json'), 'utf8'),
    ) as Template;
    const variables = (
      template.Resources.StatefulInvalidateProductsLambdaFunction?.Properties.Environment as {
        Variables: Record<string, string>;
      }
    ).Variables;
    // The test caches through the address the function was given: the same Redis, the same namespace.
    const address = new URL(variables[cacheVariable] ?? '');
    process.env[cacheVariable] = address.href;
    catalog = cache('catalog');
    admin = new Redis(`redis://${address.host}`);
    const namespace = address.searchParams.get('namespace') ?? '';
    expect(namespace).toBe('stateful-invalidation-local-catalog');
    cached = async (key) => (await admin.exists(`${namespace}:{${key}}`)) === 1;
  });

  afterAll(async () => {
    catalog.disconnect();
    admin.disconnect();
    await serverless(['remove', '--stage', 'local'], { cwd });
  });

  /** Writes with `write`, then waits for every one of `keys` to leave the cache. */
  async function gone(keys: string[], write: () => Promise<unknown>): Promise<void> {
    expect(await Promise.all(keys.map(cached))).toEqual(keys.map(() => true));
    await write();
    const acknowledged = Date.now();
    await eventually(
      `${keys.join(', ')} to leave the cache`,
      async () => {
        const present = await Promise.all(keys.map(cached));
        return present.some(Boolean) ? undefined : true;
      },
      { timeoutMs: 30_000 },
    );
    delivery.push(Date.now() - acknowledged);
  }

  it('deploys the generated function with its rules and a stream with both images', async () => {
    const { Table } = await awsClients().dynamodb.send(new DescribeTableCommand({ TableName }));
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    const configuration = await awsClients().lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: functionName }),
    );
    expect(configuration.Handler).toBe('index.handler');
    expect(configuration.Environment?.Variables?.STATEFUL_INVALIDATION_RULES).toBe(
      JSON.stringify([{ cache: 'catalog', keys: ['product:${productId}'], tags: ['category:${categoryId}'] }]),
    );
    const { EventSourceMappings } = await awsClients().lambda.send(
      new ListEventSourceMappingsCommand({ FunctionName: functionName }),
    );
    expect(EventSourceMappings).toEqual([
      expect.objectContaining({
        EventSourceArn: Table?.LatestStreamArn,
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 10,
        DestinationConfig: {
          OnFailure: {
            Destination: expect.stringMatching(/:stateful-invalidation-local-products-invalidation-failures$/),
          },
        },
      }),
    ]);
    // MiniStack ignores partial batch responses: on this local stage the function fails a batch whole.
    expect(EventSourceMappings?.[0]?.FunctionResponseTypes ?? []).toEqual([]);
    expect(configuration.Environment?.Variables?.STATEFUL_INVALIDATION_PARTIAL_BATCH_RESPONSES).toBe('false');
  });

  it('deletes the key of an item put with the plain AWS SDK', async () => {
    await catalog.set('product:p1', { name: 'stale' }, { ttl: 300 });
    expect(await cached('product:p1')).toBe(true);
    await gone(['product:p1'], () =>
      awsClients().dynamodb.send(
        new PutItemCommand({ TableName, Item: { productId: { S: 'p1' }, categoryId: { S: 'c1' } } }),
      ),
    );
  });

  it("deletes the keys tagged with an item's category before an update and after it", async () => {
    await catalog.set('listing:c1', ['p1'], { ttl: 300, tags: ['category:c1'] });
    await catalog.set('listing:c2', [], { ttl: 300, tags: ['category:c2'] });
    await catalog.set('product:p1', { categoryId: 'c1' }, { ttl: 300 });
    await gone(['listing:c1', 'listing:c2', 'product:p1'], () =>
      awsClients().dynamodb.send(
        new UpdateItemCommand({
          TableName,
          Key: { productId: { S: 'p1' } },
          UpdateExpression: 'SET categoryId = :c',
          ExpressionAttributeValues: { ':c': { S: 'c2' } },
        }),
      ),
    );
  });

  it('deletes the key of a deleted item, from its old image', async () => {
    // A fresh item, its insert seen through first: no earlier record of it is left to be delivered.
    await catalog.set('product:p3', { name: 'absent' }, { ttl: 300 });
    await gone(['product:p3'], () =>
      awsClients().dynamodb.send(new PutItemCommand({ TableName, Item: { productId: { S: 'p3' } } })),
    );
    await catalog.set('product:p3', { name: 'three' }, { ttl: 300 });
    await gone(['product:p3'], () =>
      awsClients().dynamodb.send(new DeleteItemCommand({ TableName, Key: { productId: { S: 'p3' } } })),
    );
    process.stdout.write(`invalidation delivery after the write, ms: ${delivery.join(', ')}\n`);
  });
});

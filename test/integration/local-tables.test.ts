/**
 * @services dynamodb
 */
// The fast path: localTables makes, in DynamoDB Local and without a deploy, the tables a
// service's serverless.yml declares, as `serverless package` compiles them (keys, indexes,
// stream, TTL), seeds them, and points the runtime at them; a handler then runs against them.
import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
  ScanCommand,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { join, resolve } from 'node:path';
import { StatefulConfigError } from '../../plugin/errors';
import { table } from '../../runtime/index';
import { localTables, type LocalTables } from '../../testing/local-tables';
import { LocalTablesError } from '../../testing/local-tables-error';
import { awsClientConfig } from '../support/endpoints';
import { packageFixture, type Template } from '../support/package-service';
import { makeServiceDir } from '../support/service-dir';

const fixtureDir = join(__dirname, '..', 'fixtures', 'local-tables-service');
const shopDir = resolve(__dirname, '..', '..');

type Order = { orderId: string; customerId: string; placedAt: number; amount: number };

const client = new DynamoDBClient(awsClientConfig('dynamodb'));
const describe_ = async (TableName: string) =>
  (await client.send(new DescribeTableCommand({ TableName }))).Table as TableDescription;
const scan = async (TableName: string) =>
  (await client.send(new ScanCommand({ TableName, ConsistentRead: true }))).Items ?? [];
/** Every table in DynamoDB Local, which other test files share: ListTables answers 100 at a time. */
async function allTables(): Promise<string[]> {
  const names: string[] = [];
  let start: string | undefined;
  do {
    const page = await client.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
    names.push(...(page.TableNames ?? []));
    start = page.LastEvaluatedTableName;
  } while (start);
  return names;
}
const sorted = <T>(items: readonly T[] | undefined) =>
  [...(items ?? [])].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** What a table is, as DescribeTable or a template's AWS::DynamoDB::Table property says it. */
function shape(table: {
  AttributeDefinitions?: unknown[];
  KeySchema?: unknown;
  GlobalSecondaryIndexes?: { IndexName?: string; KeySchema?: unknown; Projection?: unknown }[];
  LocalSecondaryIndexes?: { IndexName?: string; KeySchema?: unknown; Projection?: unknown }[];
  StreamSpecification?: { StreamViewType?: string };
}) {
  const indexes = (list: typeof table.GlobalSecondaryIndexes) =>
    sorted((list ?? []).map(({ IndexName, KeySchema, Projection }) => ({ IndexName, KeySchema, Projection })));
  return {
    attributes: sorted(table.AttributeDefinitions),
    key: table.KeySchema,
    globalIndexes: indexes(table.GlobalSecondaryIndexes),
    localIndexes: indexes(table.LocalSecondaryIndexes),
    stream: table.StreamSpecification?.StreamViewType,
  };
}

describe('localTables on a service with two tables and the idempotency table', () => {
  let local: LocalTables;
  let template: Template;

  beforeAll(async () => {
    // What a deploy of stage test would make, to compare with.
    template = await packageFixture('local-tables-service', 'test');
    local = await localTables(fixtureDir, { seed: 'seed.yml' });
  });
  afterAll(() => local.drop());

  it('names each table as a deploy would, with a suffix of its own', () => {
    expect(Object.keys(local.tableNames).sort()).toEqual(['entries', 'idempotency', 'orders']);
    // service: ${self:custom.prefix}-ledger, prefix from ${file(./custom.yml)}, stage test.
    expect(local.tableNames.orders).toMatch(/^acme-ledger-test-orders-[0-9a-f]{6}$/);
  });

  it('creates the tables with the keys, indexes and stream of the compiled template', async () => {
    const compiled = Object.values(template.Resources).filter((resource) => resource.Type === 'AWS::DynamoDB::Table');
    expect(compiled).toHaveLength(3);
    for (const [name, created] of Object.entries(local.tableNames)) {
      const deployed = compiled.find(
        (resource) => created === `${String(resource.Properties.TableName)}-${created.slice(-6)}`,
      );
      expect([name, deployed?.Properties.TableName]).toEqual([name, `acme-ledger-test-${name}`]);
      expect(shape(await describe_(created))).toEqual(shape(deployed?.Properties as Parameters<typeof shape>[0]));
    }
    // The stream view comes from a variable with a fallback; the index types from the config.
    expect(shape(await describe_(local.tableNames.orders as string)).stream).toBe('NEW_AND_OLD_IMAGES');
  });

  it('turns TTL on where the table declares it', async () => {
    const ttl = async (name: string) =>
      (await client.send(new DescribeTimeToLiveCommand({ TableName: local.tableNames[name] }))).TimeToLiveDescription;
    await expect(ttl('orders')).resolves.toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
    await expect(ttl('idempotency')).resolves.toMatchObject({ AttributeName: 'expiresAt' });
    await expect(ttl('entries')).resolves.toMatchObject({ TimeToLiveStatus: 'DISABLED' });
  });

  it('sets every variable the deployed function gets, and the SDK endpoint', () => {
    const placeOrder = Object.values(template.Resources).find((resource) => resource.Type === 'AWS::Lambda::Function');
    const variables = (placeOrder?.Properties as { Environment: { Variables: Record<string, string> } }).Environment
      .Variables;
    const tableVariables = Object.keys(variables).filter((name) => name.startsWith('STATEFUL_TABLE_'));
    expect(tableVariables.sort()).toEqual([
      'STATEFUL_TABLE_ENTRIES',
      'STATEFUL_TABLE_IDEMPOTENCY',
      'STATEFUL_TABLE_ORDERS',
    ]);
    for (const name of tableVariables) {
      expect(process.env[name]).toBe(local.environment[name]);
      expect(process.env[name]).toMatch(new RegExp(`^${variables[name] ?? ''}-[0-9a-f]{6}$`));
    }
    expect(process.env.AWS_ENDPOINT_URL_DYNAMODB).toBe(local.endpoint);
  });

  it("lets the runtime's table() read the seed, query an index and write", async () => {
    const orders = table<Order>('orders');
    await expect(orders.get({ orderId: 'o-1' })).resolves.toMatchObject({ customerId: 'c-1', amount: 30 });
    const byCustomer: Order[] = [];
    for await (const order of orders.query({ customerId: 'c-1' }, { index: 'byCustomer', reverse: true })) {
      byCustomer.push(order);
    }
    expect(byCustomer.map((order) => order.orderId)).toEqual(['o-2', 'o-1']);
    await orders.put({ orderId: 'o-9', customerId: 'c-9', placedAt: 1, amount: 1 });
    await expect(orders.get({ orderId: 'o-9' }, { consistent: true })).resolves.toMatchObject({ customerId: 'c-9' });
  });

  it("runs the service's handler, invoked directly, against the tables, once per request", async () => {
    // The handler imports @serverless-stateful/runtime, as a user's does.
    const { placeOrder } = jest.requireActual<{
      placeOrder: (event: object, context: object) => Promise<{ orderId: string; placedAt: number }>;
    }>(join(fixtureDir, 'handler.js'));
    const event = { requestId: 'r-1', orderId: 'o-3', customerId: 'c-2', amount: 5 };
    const context = { getRemainingTimeInMillis: () => 10_000 };
    const first = await placeOrder(event, context);
    const again = await placeOrder(event, context);
    expect(again).toEqual(first);
    expect(await scan(local.tableNames.idempotency as string)).toHaveLength(1);
    const entries = await scan(local.tableNames.entries as string);
    expect(entries.filter((entry) => entry.entryId?.S === 'order#o-3')).toHaveLength(1);
  });

  it('empties every table and puts the seed again on reset()', async () => {
    await table<Order>('orders').put({ orderId: 'o-extra', customerId: 'c-1', placedAt: 5, amount: 5 });
    await local.reset();
    const orderIds = (await scan(local.tableNames.orders as string)).map((item) => item.orderId?.S).sort();
    expect(orderIds).toEqual(['o-1', 'o-2']);
    expect(await scan(local.tableNames.idempotency as string)).toEqual([]);
    expect(await scan(local.tableNames.entries as string)).toHaveLength(1);
  });
});

describe('localTables, each call', () => {
  it('makes tables of its own, resolves the stage and environment, and drop() deletes them and restores the variables', async () => {
    const before = { orders: process.env.STATEFUL_TABLE_ORDERS, endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB };
    process.env.STATEFUL_TABLE_ORDERS = 'set-by-the-test';
    process.env.LEDGER_PREFIX = 'zeta';
    try {
      // One after the other: each remembers the variables as it found them, so they are dropped
      // in the reverse order (made at once, which set its variables first would be a race).
      const one = await localTables(fixtureDir, { stage: 'prod' });
      const two = await localTables(fixtureDir, { stage: 'prod' });
      expect(one.tableNames.orders).not.toBe(two.tableNames.orders);
      expect(one.tableNames.orders).toMatch(/^zeta-ledger-prod-orders-[0-9a-f]{6}$/);
      // custom.streams.prod is keys-only: the variable's own value, not its fallback.
      expect((await describe_(one.tableNames.orders as string)).StreamSpecification?.StreamViewType).toBe('KEYS_ONLY');
      await two.drop();
      await one.drop();
      expect(process.env.STATEFUL_TABLE_ORDERS).toBe('set-by-the-test');
      expect(process.env.AWS_ENDPOINT_URL_DYNAMODB).toBe(before.endpoint);
      const TableNames = await allTables();
      expect(TableNames).not.toEqual(expect.arrayContaining([one.tableNames.orders]));
      expect(TableNames.filter((name) => Object.values(two.tableNames).includes(name))).toEqual([]);
    } finally {
      delete process.env.LEDGER_PREFIX;
      if (before.orders === undefined) delete process.env.STATEFUL_TABLE_ORDERS;
      else process.env.STATEFUL_TABLE_ORDERS = before.orders;
    }
  });
});

describe("localTables with resolver: 'framework'", () => {
  it('reads the same tables through `serverless print` as it reads itself', async () => {
    const [own, printed] = await Promise.all([
      localTables(fixtureDir, { stage: 'printed' }),
      localTables(fixtureDir, { stage: 'printed', resolver: 'framework' }),
    ]);
    try {
      const withoutSuffix = (names: Readonly<Record<string, string>>) =>
        Object.fromEntries(Object.entries(names).map(([name, physical]) => [name, physical.slice(0, -7)]));
      expect(withoutSuffix(printed.tableNames)).toEqual(withoutSuffix(own.tableNames));
      for (const name of Object.keys(own.tableNames)) {
        expect(shape(await describe_(printed.tableNames[name] as string))).toEqual(
          shape(await describe_(own.tableNames[name] as string)),
        );
      }
    } finally {
      await printed.drop();
      await own.drop();
    }
  });

  it('reads a service configured in serverless.js, which it refuses to read itself', async () => {
    const dir = makeServiceDir({
      'serverless.js': `module.exports = {
        service: 'scripted',
        provider: { name: 'aws', runtime: 'nodejs22.x' },
        plugins: ['serverless-stateful'],
        state: { tables: { events: { partitionKey: 'streamId', sortKey: { name: 'version', type: 'N' } } } },
      };`,
    });
    try {
      await expect(localTables(dir.path)).rejects.toThrow(
        /serverless\.js.*resolver: 'framework'.*SERVICE_FILE_NOT_FOUND/s,
      );
      const scripted = await localTables(dir.path, { resolver: 'framework' });
      try {
        expect(scripted.tableNames.events).toMatch(/^scripted-test-events-[0-9a-f]{6}$/);
        expect((await describe_(scripted.tableNames.events as string)).KeySchema).toEqual([
          { AttributeName: 'streamId', KeyType: 'HASH' },
          { AttributeName: 'version', KeyType: 'RANGE' },
        ]);
      } finally {
        await scripted.drop();
      }
    } finally {
      dir.remove();
    }
  });
});

describe('localTables refuses, saying what to do', () => {
  const service = (state: string) =>
    makeServiceDir({
      'serverless.yml': `service: refusals\nprovider: { name: aws }\n${state}\n`,
    });

  const refusal = async (dir: string, options: Parameters<typeof localTables>[1] = {}) => {
    try {
      await localTables(dir, options);
    } catch (error) {
      return error as Error & { code?: string };
    }
    throw new Error('localTables did not refuse');
  };

  it('a directory without serverless.yml', async () => {
    const empty = makeServiceDir({});
    try {
      const error = await refusal(empty.path);
      expect(error).toBeInstanceOf(LocalTablesError);
      expect(error.code).toBe('SERVICE_FILE_NOT_FOUND');
      expect(error.message).toContain('serverless.yml');
    } finally {
      empty.remove();
    }
  });

  it('a service that declares no table', async () => {
    const dir = service('state:\n  buses: { shop: {} }');
    try {
      const error = await refusal(dir.path);
      expect(error.code).toBe('NO_TABLES_DECLARED');
      expect(error.message).toContain('state.tables');
    } finally {
      dir.remove();
    }
  });

  it("a table's declaration the plugin refuses, with the plugin's code", async () => {
    const dir = service('state:\n  tables:\n    orders: { partitionKey: orderId, sortKey: orderId }');
    try {
      const error = await refusal(dir.path);
      expect(error).toBeInstanceOf(StatefulConfigError);
      expect(error.code).toBe('STATE_SORT_KEY_IS_PARTITION_KEY');
    } finally {
      dir.remove();
    }
  });

  it('a variable only the framework can resolve, in what the tables need', async () => {
    const dir = service('state:\n  tables:\n    orders: { partitionKey: "${ssm:/orders/key}" }');
    try {
      const error = await refusal(dir.path);
      expect(error.code).toBe('VARIABLE_NOT_SUPPORTED');
      expect(error.message).toContain('state.tables.orders.partitionKey');
      expect(error.message).toContain('${ssm:/orders/key}');
    } finally {
      dir.remove();
    }
  });

  it('a variable with no value and no fallback', async () => {
    const dir = service('state:\n  tables:\n    orders: { partitionKey: "${env:LOCAL_TABLES_UNSET_VARIABLE}" }');
    try {
      const error = await refusal(dir.path);
      expect(error.code).toBe('VARIABLE_NOT_RESOLVED');
      expect(error.message).toContain('${env:LOCAL_TABLES_UNSET_VARIABLE}');
    } finally {
      dir.remove();
    }
  });

  it('a seed naming a table the service does not declare, before creating any', async () => {
    const error = await refusal(fixtureDir, { seed: { order: [{ orderId: 'o-1' }] }, stage: 'unknown-seed' });
    expect(error.code).toBe('SEED_UNKNOWN_TABLE');
    expect(error.message).toMatch(/did you mean "?orders"?/i);
    expect(error.message).toContain('orders, entries and idempotency');
    const TableNames = await allTables();
    expect(TableNames.filter((name) => name.startsWith('acme-ledger-unknown-seed-'))).toEqual([]);
  });

  it('a seed item without its key, or with a key of the wrong type', async () => {
    const missing = await refusal(fixtureDir, { seed: { entries: [{ accountId: 'a-1' }] } });
    expect(missing.code).toBe('SEED_INVALID');
    expect(missing.message).toContain('entries[0]');
    expect(missing.message).toContain('"entryId" is missing');
    const wrongType = await refusal(fixtureDir, { seed: { orders: [{ orderId: 7 }] } });
    expect(wrongType.message).toContain('needs a string');
  });

  it('a seed DynamoDB refuses, deleting the tables it had made', async () => {
    // Over DynamoDB's 400 KB item limit: refused only once the tables exist.
    const seed = { orders: [{ orderId: 'o-big', customerId: 'c-1', notes: 'x'.repeat(410_000) }] };
    await expect(localTables(fixtureDir, { seed, stage: 'oversized' })).rejects.toThrow(/size/i);
    const TableNames = await allTables();
    expect(TableNames.filter((name) => name.startsWith('acme-ledger-oversized-'))).toEqual([]);
  });

  it('DynamoDB Local not answering, naming it and how to start it', async () => {
    const error = await refusal(fixtureDir, { endpoint: 'http://127.0.0.1:9' });
    expect(error.message).toContain('DynamoDB Local at http://127.0.0.1:9');
    expect(error.message).toContain('npx stateful-local up');
  });
});

describe('localTables on the shop', () => {
  it('creates its seven tables, and its getOrder handler answers from the seed', async () => {
    const order = { orderId: 'c-1-v1', cartId: 'c-1', lines: [], total: 0, status: 'COMPLETED', createdAt: 'now' };
    const shop = await localTables(shopDir, { seed: { orders: [order] } });
    try {
      expect(Object.keys(shop.tableNames).sort()).toEqual([
        'carts',
        'idempotency',
        'inventory',
        'notifications',
        'orders',
        'payments',
        'products',
      ]);
      for (const name of Object.values(shop.tableNames)) {
        expect((await describe_(name)).TableStatus).toBe('ACTIVE');
      }
      // products.invalidates needs its stream: the table has it, as deployed.
      expect((await describe_(shop.tableNames.products as string)).StreamSpecification?.StreamViewType).toBe(
        'NEW_AND_OLD_IMAGES',
      );
      // The shop's handler as written, importing @serverless-stateful/runtime.
      const { handler } = jest.requireActual<{
        handler: (event: APIGatewayProxyEventV2, context: object) => Promise<{ statusCode: number; body?: string }>;
      }>(join(shopDir, 'functions', 'orders', 'get-order'));
      const request = (id: string) => ({ pathParameters: { id } }) as unknown as APIGatewayProxyEventV2;
      const context = { getRemainingTimeInMillis: () => 10_000 };
      const found = await handler(request('c-1-v1'), context);
      expect([found.statusCode, JSON.parse(found.body ?? '')]).toEqual([200, order]);
      await expect(handler(request('c-2-v1'), context)).resolves.toMatchObject({ statusCode: 404 });
    } finally {
      await shop.drop();
    }
  });
});

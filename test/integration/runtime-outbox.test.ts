/**
 * @services dynamodb
 */
// The outbox's writer against DynamoDB Local: tx.publish() and a write's publish commit the event
// with the state or not at all, count toward the transaction's limits, and refuse before sending
// what EventBridge could never take; an outbox not declared is said in serverless.yml's terms.
import { randomUUID } from 'node:crypto';
import { ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  ConditionFailedError,
  EventRefusedError,
  eventIdTime,
  OutboxNotDeclaredError,
  PublishReplayError,
  table,
  transact,
  TransactionCanceledError,
  TransactionTooLargeError,
} from '../../runtime/index';
import { environmentVariableName, outboxVariableName } from '../../runtime/environment';
import { createDeclaredTable, useDynamoDBLocal } from '../support/dynamodb-tables';

const client: DynamoDBClient = useDynamoDBLocal();
const drops: (() => Promise<void>)[] = [];
const carts = table<{ cartId: string; total: number; version?: number; note?: string }>('carts', { key: ['cartId'] });
// Told no key: the default aggregate comes from DynamoDB's description of the table.
const orders = table('orders');
let outboxName = '';

/** Every item of the outbox table, oldest event first. */
async function outbox(): Promise<Record<string, unknown>[]> {
  const { Items = [] } = await client.send(new ScanCommand({ TableName: outboxName, ConsistentRead: true }));
  return Items.map((item) => unmarshall(item)).sort((a, b) => String(a.sk).localeCompare(String(b.sk)));
}

beforeAll(async () => {
  drops.push(await createDeclaredTable(client, 'carts', { partitionKey: 'cartId' }));
  drops.push(await createDeclaredTable(client, 'orders', { partitionKey: 'orderId' }));
  // The outbox is made as the plugin makes it: key pk and sk, named in STATEFUL_OUTBOX_SHOP.
  drops.push(await createDeclaredTable(client, 'shopoutbox', { partitionKey: 'pk', sortKey: 'sk' }));
  outboxName = process.env[environmentVariableName('table', 'shopoutbox')] ?? '';
  process.env[outboxVariableName('shop')] = outboxName;
  process.env[environmentVariableName('bus', 'shop')] = 'shop-bus';
});
afterAll(async () => {
  Reflect.deleteProperty(process.env, outboxVariableName('shop'));
  Reflect.deleteProperty(process.env, environmentVariableName('bus', 'shop'));
  await Promise.all(drops.map((drop) => drop()));
  client.destroy();
});

describe('tx.publish()', () => {
  it('commits the event with the state, as an outbox item keyed by aggregate and event id', async () => {
    const before = Date.now();
    const { eventIds } = await transact((tx) => {
      tx.put(carts, { cartId: 'c1', total: 3 });
      tx.publish('shop', 'CartUpdated', { cartId: 'c1', total: 3 }, { source: 'shop.cart' });
      tx.publish('shop', 'CartPriced', { cartId: 'c1' }, { aggregate: 'pricing', resources: ['arn:aws:x'] });
    });
    expect(eventIds).toHaveLength(2);
    // Ids in the order published, each carrying when it was made.
    expect([...eventIds].sort()).toEqual(eventIds);
    expect(eventIdTime(eventIds[0] as string)).toBeGreaterThanOrEqual(before);
    await expect(carts.get({ cartId: 'c1' })).resolves.toEqual({ cartId: 'c1', total: 3 });
    expect(await outbox()).toEqual([
      {
        pk: 'carts#{"cartId":"c1"}',
        sk: eventIds[0],
        detailType: 'CartUpdated',
        source: 'shop.cart',
        detail: '{"cartId":"c1","total":3}',
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
      {
        pk: 'pricing',
        sk: eventIds[1],
        detailType: 'CartPriced',
        source: 'serverless-stateful',
        detail: '{"cartId":"c1"}',
        resources: ['arn:aws:x'],
        createdAt: expect.any(String),
      },
    ]);
  });

  it('writes no outbox item when a condition of the transaction fails', async () => {
    const before = (await outbox()).length;
    const failed = transact((tx) => {
      tx.publish('shop', 'CartUpdated', { cartId: 'c1' });
      tx.put(carts, { cartId: 'c1', total: 4 }, { ifNotExists: true });
    });
    await expect(failed).rejects.toBeInstanceOf(TransactionCanceledError);
    await expect(failed).rejects.toThrow(/#1 carts \{"cartId":"c1"\}: ConditionalCheckFailed/);
    expect(await outbox()).toHaveLength(before);
    await expect(carts.get({ cartId: 'c1' })).resolves.toEqual({ cartId: 'c1', total: 3 });
  });

  it('takes the default aggregate from the key DynamoDB describes when the table was told none', async () => {
    const { eventIds } = await transact((tx) => {
      tx.put(orders, { orderId: 'o1', sku: 'apple', qty: 2 });
      tx.publish('shop', 'OrderPlaced', { orderId: 'o1' });
    });
    const item = (await outbox()).find((candidate) => candidate.sk === eventIds[0]);
    expect(item?.pk).toBe('orders#{"orderId":"o1"}');
  });

  it('asks for an aggregate when the transaction writes nothing to take one from', async () => {
    await expect(transact((tx) => tx.publish('shop', 'Pinged', {}))).rejects.toThrow(
      'tx.publish to bus shop: the transaction writes nothing to take a default aggregate from; pass { aggregate }',
    );
    await expect(transact((tx) => tx.publish('shop', 'Pinged', {}, { aggregate: 'pings' }))).resolves.toEqual({
      eventIds: [expect.any(String)],
    });
  });

  it('refuses to replay by token a transaction that publishes, writing nothing the second time', async () => {
    const token = `publish-${randomUUID()}`;
    const cartId = `t-${randomUUID()}`;
    const run = () =>
      transact(
        (tx) => {
          tx.update(carts, { cartId }, { add: { total: 1 } });
          tx.publish('shop', 'CartUpdated', { cartId });
        },
        { token },
      );
    await run();
    const again = await run().catch((error: unknown) => error);
    expect(again).toBeInstanceOf(PublishReplayError);
    expect((again as Error).message).toMatch(/already applied a transaction with this token .* nothing was written/);
    await expect(carts.get({ cartId })).resolves.toEqual({ cartId, total: 1 });
    expect((await outbox()).filter((item) => item.pk === `carts#{"cartId":"${cartId}"}`)).toHaveLength(1);
  });
});

describe('the limits, checked before sending', () => {
  it('counts each event as one of the 100 operations', async () => {
    const before = (await outbox()).length;
    const tooMany = transact((tx) => {
      for (let index = 0; index < 99; index++) tx.put(carts, { cartId: `many-${index}`, total: 0 });
      tx.publish('shop', 'CartsCreated', { count: 99 });
      tx.publish('shop', 'CartsCounted', { count: 99 });
    });
    await expect(tooMany).rejects.toBeInstanceOf(TransactionTooLargeError);
    await expect(tooMany).rejects.toThrow('a transaction takes at most 100 operations; this one has 101');
    await expect(carts.get({ cartId: 'many-0' })).resolves.toBeUndefined();
    expect(await outbox()).toHaveLength(before);
  });

  it("counts the events' items toward the 4 MB", async () => {
    const big = 'x'.repeat(240 * 1024);
    const tooBig = transact((tx) => {
      for (let index = 0; index < 10; index++) tx.put(carts, { cartId: `big-${index}`, total: 0, note: big });
      // 10 items of 240 KB and 8 events of 240 KB: each fits, all of them do not.
      for (let index = 0; index < 8; index++) tx.publish('shop', 'Noted', { note: big }, { aggregate: 'notes' });
    });
    await expect(tooBig).rejects.toBeInstanceOf(TransactionTooLargeError);
    await expect(tooBig).rejects.toThrow(/carries at most 4 MB of items; this one carries 4\.\d\d MB/);
    await expect(carts.get({ cartId: 'big-0' })).resolves.toBeUndefined();
  });

  it('refuses an event EventBridge would refuse, with a typed error, and writes nothing', async () => {
    const before = (await outbox()).length;
    const cases: [unknown, string, RegExp][] = [
      [{ blob: 'x'.repeat(256 * 1024) }, 'EntryTooLarge', /it is \d+ bytes with its stateful metadata/],
      [['a list'], 'MalformedDetail', /EventBridge takes a JSON object as an event's detail; got a list/],
      [{ at: new Set([1]) }, 'MalformedDetail', /at is a Set, which JSON writes as \{\}/],
      [{ stateful: true }, 'MalformedDetail', /the outbox reserves/],
    ];
    for (const [detail, code, message] of cases) {
      const refused = await transact((tx) => {
        tx.put(carts, { cartId: 'refused', total: 1 });
        tx.publish('shop', 'CartUpdated', detail);
      }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(EventRefusedError);
      expect(refused).toMatchObject({ bus: 'shop', code, message: expect.stringMatching(message) });
      expect((refused as Error).message).toMatch(/Nothing was written\.$/);
    }
    await expect(carts.get({ cartId: 'refused' })).resolves.toBeUndefined();
    expect(await outbox()).toHaveLength(before);
  });
});

describe('an outbox not declared', () => {
  it('says to declare outbox: true, and publish when the function may not publish to the bus', async () => {
    const refused = await transact((tx) => tx.publish('audit', 'Seen', {})).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OutboxNotDeclaredError);
    expect((refused as Error).message).toBe(
      'bus audit has no outbox for this function: STATEFUL_OUTBOX_AUDIT is not set. Declare state.buses.audit.outbox: true in serverless.yml and give the function "audit: publish" in its state: block.',
    );
    process.env[environmentVariableName('bus', 'audit')] = 'audit-bus';
    try {
      await expect(transact((tx) => tx.publish('audit', 'Seen', {}))).rejects.toThrow(
        'The function publishes to bus audit, but the bus has no outbox: declare state.buses.audit.outbox: true in serverless.yml.',
      );
    } finally {
      Reflect.deleteProperty(process.env, environmentVariableName('bus', 'audit'));
    }
  });
});

describe("a write's publish", () => {
  it('put: commits the item and its event together, and returns the item written', async () => {
    const cartId = `p-${randomUUID()}`;
    const written = await carts.put(
      { cartId, total: 5 },
      { expectVersion: 0, publish: { bus: 'shop', detailType: 'CartUpdated', detail: { cartId, total: 5 } } },
    );
    expect(written).toEqual({ cartId, total: 5, version: 1 });
    const events = (await outbox()).filter((item) => item.pk === `carts#{"cartId":"${cartId}"}`);
    expect(events.map((item) => item.detail)).toEqual([JSON.stringify({ cartId, total: 5 })]);
  });

  it('put: a failed condition throws ConditionFailedError with the current item, as without publish, and publishes nothing', async () => {
    const cartId = `p-${randomUUID()}`;
    await carts.put({ cartId, total: 1 }, { expectVersion: 0 });
    const before = (await outbox()).length;
    const stale = await carts
      .put(
        { cartId, total: 2 },
        { expectVersion: 0, publish: { bus: 'shop', detailType: 'CartUpdated', detail: { cartId } } },
      )
      .catch((error: unknown) => error);
    expect(stale).toBeInstanceOf(ConditionFailedError);
    expect(stale).toMatchObject({ table: 'carts', key: { cartId }, current: { cartId, total: 1, version: 1 } });
    expect(await outbox()).toHaveLength(before);
  });

  it('update and delete: commit with their events (several, in order) and resolve to undefined', async () => {
    const cartId = `u-${randomUUID()}`;
    const aggregate = `carts#{"cartId":"${cartId}"}`;
    await carts.put({ cartId, total: 1 });
    const events = [
      { bus: 'shop', detailType: 'CartUpdated', detail: { step: 1 } },
      { bus: 'shop', detailType: 'CartUpdated', detail: { step: 2 } },
    ];
    await expect(carts.update({ cartId }, { add: { total: 1 }, publish: events })).resolves.toBeUndefined();
    await expect(carts.get({ cartId })).resolves.toEqual({ cartId, total: 2 });
    await expect(
      carts.delete({ cartId }, { publish: { bus: 'shop', detailType: 'CartDeleted', detail: { cartId } } }),
    ).resolves.toBeUndefined();
    await expect(carts.get({ cartId })).resolves.toBeUndefined();
    const written = (await outbox()).filter((item) => item.pk === aggregate);
    expect(written.map((item) => [item.detailType, item.detail])).toEqual([
      ['CartUpdated', '{"step":1}'],
      ['CartUpdated', '{"step":2}'],
      ['CartDeleted', JSON.stringify({ cartId })],
    ]);
  });

  it('update: a failed condition throws ConditionFailedError and publishes nothing', async () => {
    const cartId = `u-${randomUUID()}`;
    await carts.put({ cartId, total: 1 });
    const before = (await outbox()).length;
    await expect(
      carts.update(
        { cartId },
        {
          set: { total: 9 },
          when: '#total > :min',
          names: { '#total': 'total' },
          values: { ':min': 5 },
          publish: { bus: 'shop', detailType: 'CartUpdated', detail: {} },
        },
      ),
    ).rejects.toThrow(ConditionFailedError);
    expect(await outbox()).toHaveLength(before);
  });
});

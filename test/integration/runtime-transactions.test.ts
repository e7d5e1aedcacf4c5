/**
 * @services dynamodb
 */
// transact() and transactGet() against DynamoDB Local: limits refused before sending,
// cancellation reasons mapped to the right operations, token replay, conflicts retried.
import { table, transact, transactGet, TransactionCanceledError, TransactionTooLargeError } from '../../runtime';
import { createDeclaredTable, useDynamoDBLocal } from '../support/dynamodb-tables';

describe('transact()', () => {
  const client = useDynamoDBLocal();
  const drops: (() => Promise<void>)[] = [];
  const orders = table('orders', { key: ['orderId'] });
  const inventory = table('inventory', { key: ['sku'] });

  beforeAll(async () => {
    drops.push(await createDeclaredTable(client, 'orders', { partitionKey: 'orderId' }));
    drops.push(await createDeclaredTable(client, 'inventory', { partitionKey: 'sku' }));
    await inventory.put({ sku: 'apple', stock: 5 });
    await inventory.put({ sku: 'pear', stock: 1 });
  });
  afterAll(async () => {
    await Promise.all(drops.map((drop) => drop()));
    client.destroy();
  });

  const reserve = (orderId: string, sku: string, qty: number) =>
    transact(
      (tx) => {
        tx.put(orders, { orderId, sku, qty }, { ifNotExists: true });
        tx.update(inventory, { sku }, { add: { stock: -qty }, when: 'stock >= :qty', values: { ':qty': qty } });
      },
      { returnCurrent: true },
    );

  it('writes across tables all at once', async () => {
    await reserve('o1', 'apple', 2);
    await expect(orders.get({ orderId: 'o1' })).resolves.toEqual({ orderId: 'o1', sku: 'apple', qty: 2 });
    await expect(inventory.get({ sku: 'apple' })).resolves.toEqual({ sku: 'apple', stock: 3 });
  });

  it('maps a cancellation to the operation that failed: index, table, key, code and current item', async () => {
    const error: unknown = await reserve('o2', 'pear', 3).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransactionCanceledError);
    expect((error as TransactionCanceledError).reasons).toEqual([
      {
        index: 1,
        table: 'inventory',
        key: { sku: 'pear' },
        code: 'ConditionalCheckFailed',
        message: expect.any(String),
        current: { sku: 'pear', stock: 1 },
      },
    ]);
    expect((error as Error).message).toMatch(/#1 inventory \{"sku":"pear"\}: ConditionalCheckFailed/);
    // Nothing was written: the put of o2 went with the failed update.
    await expect(orders.get({ orderId: 'o2' })).resolves.toBeUndefined();
  });

  it('refuses more than 100 operations, or more than 4 MB, before sending anything', async () => {
    const tooMany = transact((tx) => {
      for (let index = 0; index < 101; index++) tx.put(orders, { orderId: `many-${index}` });
    });
    await expect(tooMany).rejects.toBeInstanceOf(TransactionTooLargeError);
    await expect(tooMany).rejects.toThrow('at most 100 operations; this one has 101. Nothing was sent.');
    await expect(orders.get({ orderId: 'many-0' })).resolves.toBeUndefined();

    const big = 'x'.repeat(390 * 1024);
    const tooBig = transact((tx) => {
      for (let index = 0; index < 11; index++) tx.put(orders, { orderId: `big-${index}`, big });
    });
    await expect(tooBig).rejects.toThrow(
      /carries at most 4 MB of items; this one carries 4\.\d+ MB\. Nothing was sent\./,
    );
  });

  it('makes a retry with the same token a no-op', async () => {
    await inventory.put({ sku: 'plum', stock: 10 });
    const take = () =>
      transact((tx) => tx.update(inventory, { sku: 'plum' }, { add: { stock: -1 } }), { token: 'order-o3-take-plum' });
    await take();
    await take();
    await expect(inventory.get({ sku: 'plum' })).resolves.toEqual({ sku: 'plum', stock: 9 });
  });

  it('retries conflicts between concurrent transactions until each lands', async () => {
    await inventory.put({ sku: 'fig', stock: 0 });
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        transact(
          (tx) => {
            tx.update(inventory, { sku: 'fig' }, { add: { stock: 1 } });
            tx.put(orders, { orderId: `fig-${index}` });
          },
          { maxAttempts: 20 },
        ),
      ),
    );
    await expect(inventory.get({ sku: 'fig' }, { consistent: true })).resolves.toEqual({ sku: 'fig', stock: 20 });
  });

  it('reads a consistent snapshot across tables with transactGet', async () => {
    await expect(
      transactGet([
        [orders, { orderId: 'o1' }],
        [inventory, { sku: 'apple' }],
        [orders, { orderId: 'none' }],
      ]),
    ).resolves.toEqual([{ orderId: 'o1', sku: 'apple', qty: 2 }, { sku: 'apple', stock: 3 }, undefined]);
  });
});

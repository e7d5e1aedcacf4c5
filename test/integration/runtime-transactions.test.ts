/**
 * @services dynamodb
 */
// transact() and transactGet() against DynamoDB Local: limits refused before sending,
// cancellation reasons mapped to the right operations, token replay, conflicts retried within
// their bound.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import {
  setDynamoDBClient,
  table,
  transact,
  transactGet,
  TransactionCanceledError,
  TransactionTooLargeError,
} from '../../runtime/index';
import { createDeclaredTable, useDynamoDBLocal } from '../support/dynamodb-tables';
import { endpointOf } from '../support/endpoints';
import { answeringHandler, jsonBodyOf, operationOf } from '../support/wire';

/**
 * A client of DynamoDB Local whose first `conflicts` TransactWriteItems are answered as DynamoDB
 * answers when another transaction holds the first item; every other request reaches DynamoDB
 * Local. (DynamoDB Local runs transactions one at a time and never reports a conflict.)
 */
function clientWithConflicts(conflicts: number) {
  const attempts: number[] = [];
  const { requestHandler } = answeringHandler((request) => {
    if (operationOf(request) !== 'TransactWriteItems') return undefined;
    attempts.push(Date.now());
    if (attempts.length > conflicts) return undefined;
    const operations = (jsonBodyOf(request) as { TransactItems: unknown[] }).TransactItems;
    const reasons = operations.map((_, index) =>
      index === 0 ? { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' } : { Code: 'None' },
    );
    return {
      status: 400,
      body: {
        __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
        Message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((reason) => reason.Code).join(', ')}]`,
        CancellationReasons: reasons,
      },
    };
  });
  return { client: new DynamoDBClient({ endpoint: endpointOf('dynamodb'), requestHandler }), attempts };
}

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
    // DynamoDB Local is shared by every run on the machine and remembers a token for 10 minutes.
    const token = `take-plum-${randomUUID()}`;
    const take = () => transact((tx) => tx.update(inventory, { sku: 'plum' }, { add: { stock: -1 } }), { token });
    await take();
    await take();
    await expect(inventory.get({ sku: 'plum' })).resolves.toEqual({ sku: 'plum', stock: 9 });
  });

  it('lands every one of 20 concurrent transactions on the same item', async () => {
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

  describe('when another transaction holds an item', () => {
    afterEach(() => {
      setDynamoDBClient(undefined);
      jest.restoreAllMocks();
    });

    const take = (orderId: string, options: { maxAttempts?: number; baseDelayMs?: number }) =>
      transact((tx) => {
        tx.update(inventory, { sku: 'kiwi' }, { add: { stock: -1 }, when: 'stock >= :one', values: { ':one': 1 } });
        tx.put(orders, { orderId, sku: 'kiwi', qty: 1 });
      }, options);

    it("retries the TransactionConflict with growing delays from the caller's base, and the transaction lands once", async () => {
      await inventory.put({ sku: 'kiwi', stock: 10 });
      const { client, attempts } = clientWithConflicts(3);
      setDynamoDBClient(client);
      // The jitter drawn at the top of its range, so each delay is its ceiling: 40, 80, 160 ms.
      // (test/unit/runtime-backoff.test.ts checks the draw.) A busy machine can only make a wait
      // longer, so the waits are bounded from below (less 2 ms of timer and clock rounding).
      jest.spyOn(Math, 'random').mockReturnValue(0.999);
      await take('kiwi-1', { baseDelayMs: 40 });
      expect(attempts).toHaveLength(4);
      const waits = attempts.slice(1).map((at, index) => at - (attempts[index] ?? at));
      waits.forEach((wait, index) => expect(wait).toBeGreaterThanOrEqual(40 * 2 ** index - 2));
      await expect(inventory.get({ sku: 'kiwi' }, { consistent: true })).resolves.toEqual({ sku: 'kiwi', stock: 9 });
      await expect(orders.get({ orderId: 'kiwi-1' })).resolves.toEqual({ orderId: 'kiwi-1', sku: 'kiwi', qty: 1 });
    });

    it('stops at the bound the caller set, names the conflicting item, and writes nothing', async () => {
      await inventory.put({ sku: 'kiwi', stock: 10 });
      const { client, attempts } = clientWithConflicts(5);
      setDynamoDBClient(client);
      const error: unknown = await take('kiwi-2', { maxAttempts: 3, baseDelayMs: 5 }).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(TransactionCanceledError);
      expect(error).toMatchObject({
        attempts: 3,
        reasons: [{ index: 0, table: 'inventory', key: { sku: 'kiwi' }, code: 'TransactionConflict' }],
        message: expect.stringMatching(
          /^Transaction cancelled after 3 attempts: #0 inventory \{"sku":"kiwi"\}: TransactionConflict/,
        ),
      });
      expect(attempts).toHaveLength(3);
      setDynamoDBClient(undefined);
      await expect(inventory.get({ sku: 'kiwi' }, { consistent: true })).resolves.toEqual({ sku: 'kiwi', stock: 10 });
      await expect(orders.get({ orderId: 'kiwi-2' })).resolves.toBeUndefined();
    });
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

/**
 * @services dynamodb
 */
// table<T>() against DynamoDB Local: reads and writes found through the injected variable, the
// update builder, conditions, optimistic locking under contention, pagination and batches.
import { ResourceNotDeclaredError, ConditionFailedError, table } from '../../runtime/index';
import { createDeclaredTable, useDynamoDBLocal } from '../support/dynamodb-tables';

interface Cart extends Record<string, unknown> {
  cartId: string;
  items?: string[];
  total?: number;
  status?: string;
  version?: number;
}
interface Order extends Record<string, unknown> {
  customerId: string;
  createdAt: number;
  status: string;
}

describe('table()', () => {
  const client = useDynamoDBLocal();
  const drops: (() => Promise<void>)[] = [];
  const carts = table<Cart>('carts', { key: ['cartId'] });
  const orders = table<Order>('orders');

  beforeAll(async () => {
    drops.push(await createDeclaredTable(client, 'carts', { partitionKey: 'cartId' }));
    drops.push(
      await createDeclaredTable(client, 'orders', {
        partitionKey: 'customerId',
        sortKey: 'createdAt',
        numericSortKey: true,
        indexes: { byStatus: { partitionKey: 'status' } },
      }),
    );
  });
  afterAll(async () => {
    await Promise.all(drops.map((drop) => drop()));
    client.destroy();
  });

  it('names what the function declares when it asks for a table it did not', async () => {
    const attempt = table('wishlists').get({ id: 'x' });
    await expect(attempt).rejects.toBeInstanceOf(ResourceNotDeclaredError);
    await expect(attempt).rejects.toThrow(
      /table wishlists is not declared for this function: STATEFUL_TABLE_WISHLISTS is not set\. .*It declares: table carts, table orders\./,
    );
  });

  it('puts, gets, updates and deletes, with reserved words as attribute names', async () => {
    await carts.put({ cartId: 'c1', items: ['apple'], total: 3, status: 'open' });
    await expect(carts.get({ cartId: 'c1' }, { consistent: true })).resolves.toEqual({
      cartId: 'c1',
      items: ['apple'],
      total: 3,
      status: 'open',
    });
    const updated = await carts.update(
      { cartId: 'c1' },
      {
        set: { status: 'paid' },
        add: { total: 4 },
        append: { items: ['pear'] },
        when: '#s = :open',
        names: { '#s': 'status' },
        values: { ':open': 'open' },
      },
    );
    expect(updated).toEqual({ cartId: 'c1', items: ['apple', 'pear'], total: 7, status: 'paid' });
    await expect(carts.update({ cartId: 'c1' }, { remove: ['items'] })).resolves.not.toHaveProperty('items');
    await expect(carts.delete({ cartId: 'c1' })).resolves.toMatchObject({ cartId: 'c1', status: 'paid' });
    await expect(carts.get({ cartId: 'c1' })).resolves.toBeUndefined();
  });

  it('refuses a put over an existing item with ifNotExists, returning the current item', async () => {
    await carts.put({ cartId: 'c2', total: 1 }, { ifNotExists: true });
    const error: unknown = await carts
      .put({ cartId: 'c2', total: 99 }, { ifNotExists: true })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConditionFailedError);
    expect(error).toMatchObject({ table: 'carts', key: { cartId: 'c2' }, current: { cartId: 'c2', total: 1 } });
  });

  it('checks and increments the version with expectVersion, and reports a stale one with the current item', async () => {
    await expect(carts.put({ cartId: 'c3', total: 0 }, { expectVersion: 0 })).resolves.toMatchObject({ version: 1 });
    await expect(carts.update({ cartId: 'c3' }, { set: { total: 5 }, expectVersion: 1 })).resolves.toMatchObject({
      total: 5,
      version: 2,
    });
    const stale: unknown = await carts
      .update({ cartId: 'c3' }, { set: { total: 6 }, expectVersion: 1 })
      .catch((caught: unknown) => caught);
    expect(stale).toBeInstanceOf(ConditionFailedError);
    expect((stale as ConditionFailedError<Cart>).current).toMatchObject({ total: 5, version: 2 });
  });

  it('loses no update when 20 writers increment one counter at once, each within a bounded number of tries', async () => {
    // Every writer reads version 1 before any of them writes, so 19 of the first 20 updates are
    // refused; each refused writer retries from the item its error carries. A writer is refused
    // only when another one's update landed in between, so none needs more than 20 tries, and the
    // whole run sends at most 20 + 19 + … + 1 = 210 updates, however busy the machine is.
    const writers = 20;
    await carts.put({ cartId: 'counter', total: 0 }, { expectVersion: 0 });
    let readsLeft = writers;
    let allRead: () => void = () => undefined;
    const everyoneHasRead = new Promise<void>((resolve) => (allRead = resolve));
    let conflicts = 0;
    const increment = async () => {
      let current = await carts.get({ cartId: 'counter' }, { consistent: true });
      if (--readsLeft === 0) allRead();
      await everyoneHasRead;
      for (let attempt = 1; attempt <= writers; attempt++) {
        try {
          await carts.update(
            { cartId: 'counter' },
            { set: { total: (current?.total ?? 0) + 1 }, expectVersion: current?.version ?? 0 },
          );
          return;
        } catch (error) {
          if (!(error instanceof ConditionFailedError)) throw error;
          conflicts++;
          current = (error as ConditionFailedError<Cart>).current; // no extra read: the error carries it
        }
      }
      throw new Error(`a writer was refused ${writers} times, with only ${writers - 1} others to make way for`);
    };
    await Promise.all(Array.from({ length: writers }, increment));
    await expect(carts.get({ cartId: 'counter' }, { consistent: true })).resolves.toMatchObject({
      total: writers,
      version: writers + 1,
    });
    expect(conflicts).toBeGreaterThanOrEqual(writers - 1);
  });

  it('pages through a query as an async iterator, with sort key conditions, order, limit and an index', async () => {
    await orders.batchWrite({
      put: Array.from({ length: 7 }, (_, index) => ({
        customerId: 'u1',
        createdAt: index,
        status: index % 2 === 0 ? 'open' : 'shipped',
      })),
    });
    const all: number[] = [];
    for await (const order of orders.query({ customerId: 'u1' }, { pageSize: 2 })) all.push(order.createdAt);
    expect(all).toEqual([0, 1, 2, 3, 4, 5, 6]);

    const collect = async (iterator: AsyncIterable<Order>) => {
      const found: number[] = [];
      for await (const order of iterator) found.push(order.createdAt);
      return found;
    };
    await expect(
      collect(orders.query({ customerId: 'u1' }, { sortKey: { createdAt: { between: [2, 4] } } })),
    ).resolves.toEqual([2, 3, 4]);
    await expect(
      collect(orders.query({ customerId: 'u1' }, { reverse: true, limit: 3, pageSize: 2 })),
    ).resolves.toEqual([6, 5, 4]);
    await expect(
      collect(
        orders.query(
          { customerId: 'u1' },
          { filter: { when: '#st = :s', names: { '#st': 'status' }, values: { ':s': 'shipped' } } },
        ),
      ),
    ).resolves.toEqual([1, 3, 5]);
    await expect(collect(orders.query({ status: 'open' }, { index: 'byStatus' }))).resolves.toHaveLength(4);
    await expect(collect(orders.scan({ pageSize: 3 }))).resolves.toHaveLength(7);
  });

  it('batch-writes and batch-gets more items than one request holds', async () => {
    const many = Array.from({ length: 130 }, (_, index) => ({ cartId: `batch-${index}`, total: index }));
    await carts.batchWrite({ put: many });
    const found = await carts.batchGet(many.map(({ cartId }) => ({ cartId })));
    expect(found).toHaveLength(130);
    expect(new Set(found.map((cart) => cart.cartId)).size).toBe(130);
    await carts.batchWrite({ delete: many.slice(0, 100).map(({ cartId }) => ({ cartId })) });
    await expect(carts.batchGet(many.map(({ cartId }) => ({ cartId })))).resolves.toHaveLength(30);
  });
});

/**
 * @services dynamodb
 */
// What DynamoDB refuses, said in the table's terms, against DynamoDB Local: keys that do not fit
// the table, items over 400 KB, two operations on one item, values the document client would
// refuse or store changed, and batches that would stop part-way, refused before their first write
// or reported exactly when only DynamoDB could tell.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchIncompleteError,
  BatchWriteIncompleteError,
  DuplicateItemError,
  InvalidKeyError,
  ItemTooLargeError,
  setDynamoDBClient,
  table,
  transact,
  transactGet,
  UnstorableValueError,
} from '../../runtime/index';
import { environmentVariableName } from '../../runtime/environment';
import { createDeclaredTable, useDynamoDBLocal } from '../support/dynamodb-tables';
import { endpointOf } from '../support/endpoints';
import { answeringHandler, jsonBodyOf, operationOf } from '../support/wire';

const client = useDynamoDBLocal();
const drops: (() => Promise<void>)[] = [];
const physical = (name: string) => process.env[environmentVariableName('table', name)] ?? '';
const big = 'x'.repeat(420 * 1024);

/** What a call threw (it must throw). */
async function failure(attempt: Promise<unknown>): Promise<Error> {
  const error = await attempt.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof Error)) throw new Error(`expected the call to throw; it gave ${String(error)}`);
  return error;
}

/** A client of DynamoDB Local that counts the commands it sends, by name. */
function countingClient(requestHandler?: ReturnType<typeof answeringHandler>['requestHandler']) {
  const sent: string[] = [];
  const counted = new DynamoDBClient({
    endpoint: endpointOf('dynamodb'),
    ...(requestHandler ? { requestHandler } : {}),
  });
  counted.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(context.commandName ?? '');
      return next(args);
    },
    { step: 'initialize' },
  );
  return { client: counted, sent };
}

beforeAll(async () => {
  drops.push(await createDeclaredTable(client, 'carts', { partitionKey: 'cartId' }));
  drops.push(
    await createDeclaredTable(client, 'orders', {
      partitionKey: 'customerId',
      sortKey: 'createdAt',
      numericSortKey: true,
    }),
  );
});
afterAll(async () => {
  setDynamoDBClient(undefined);
  await Promise.all(drops.map((drop) => drop()));
  client.destroy();
});
afterEach(() => setDynamoDBClient(undefined));

describe('a key that does not fit the table', () => {
  const carts = table('carts');
  const orders = table('orders');

  it.each<[string, () => Promise<unknown>, RegExp]>([
    [
      'get({})',
      () => carts.get({}),
      /^GetItem on table carts \(carts-[\w-]+\): key \{\} does not match the table's key, cartId \(S\): cartId is missing\. Nothing was read\.$/,
    ],
    [
      'a number for a string',
      () => carts.get({ cartId: 5 }),
      /key \{"cartId":5\} does not match the table's key, cartId \(S\): cartId is of type N, not S\./,
    ],
    [
      'an empty string',
      () => carts.delete({ cartId: '' }),
      /^DeleteItem on table carts .*: cartId is empty, which DynamoDB refuses in a key\. Nothing was written\.$/,
    ],
    [
      'an attribute that is not part of it',
      () => carts.update({ cartId: 'c1', owner: 'u1' }, { set: { n: 1 } }),
      /^UpdateItem on table carts .*: owner is not part of the key\./,
    ],
    ['a misspelt name', () => carts.get({ cartid: 'c1' }), /cartId is missing; cartid is not part of the key\./],
    [
      'no sort key',
      () => orders.get({ customerId: 'u1' }),
      /^GetItem on table orders .*the table's key, customerId \(S\) and createdAt \(N\): createdAt is missing\./,
    ],
    [
      'a put without it',
      () => carts.put({ total: 3 }),
      /^PutItem on table carts .*: key \{\} does not match the table's key, cartId \(S\): cartId is missing\. Nothing was written\.$/,
    ],
    [
      'a query without it',
      async () => {
        for await (const order of orders.query({ status: 'open' })) void order;
      },
      /^Query on table orders .*: customerId is missing; status is not part of the key\./,
    ],
    [
      'a transaction operation',
      () => transact((tx) => tx.delete(carts, {})),
      /^TransactWriteItems operation #0 on table carts .*: cartId is missing\./,
    ],
    [
      'a batch read',
      () => carts.batchGet([{ cartId: 'c1' }, { id: 'c2' }]),
      /^BatchGetItem entry #1 on table carts .*: key \{"id":"c2"\} .*cartId is missing; id is not part of the key\./,
    ],
  ])(
    '%s: InvalidKeyError naming the table as serverless.yml and AWS know it, and the key',
    async (_, call, message) => {
      const error = await failure(call());
      expect(error).toBeInstanceOf(InvalidKeyError);
      expect(error.message).toMatch(message);
      expect(error.message).toContain(physical((error as InvalidKeyError).table.name));
    },
  );

  it.each<[string, () => Promise<unknown>, string]>([
    ['get(null)', () => carts.get(null as never), 'GetItem on table carts'],
    ['delete(undefined)', () => carts.delete(undefined as never), 'DeleteItem on table carts'],
    ['update("c1")', () => carts.update('c1' as never, { set: { n: 1 } }), 'UpdateItem on table carts'],
    ['batchGet([null])', () => carts.batchGet([null as never]), 'BatchGetItem entry #0 on table carts'],
    [
      'transactGet with a list',
      () => transactGet([[carts, ['c1'] as never]]),
      'TransactGetItems operation #0 on table carts',
    ],
  ])('%s: InvalidKeyError, not a TypeError', async (_, call, place) => {
    const error = await failure(call());
    expect(error).toBeInstanceOf(InvalidKeyError);
    expect(error.message).toMatch(
      new RegExp(
        `^${place} \\(carts-[\\w-]+\\): key .* does not match the table's key: a key is an object of the key attributes, not `,
      ),
    );
  });

  it("reads the table's key schema only to explain a refusal, once per container", async () => {
    drops.push(await createDeclaredTable(client, 'wishlists', { partitionKey: 'listId' }));
    const { client: counted, sent } = countingClient();
    setDynamoDBClient(counted);
    const wishlists = table('wishlists');
    await wishlists.put({ listId: 'w1', items: [] });
    await wishlists.get({ listId: 'w1' });
    await transact((tx) => tx.update(wishlists, { listId: 'w1' }, { set: { items: ['a'] } }));
    expect(sent).not.toContain('DescribeTableCommand');
    await expect(wishlists.get({ id: 'w1' })).rejects.toThrow(/listId is missing/);
    await expect(wishlists.delete({ listId: 1 })).rejects.toThrow(/listId is of type N, not S/);
    expect(sent.filter((command) => command === 'DescribeTableCommand')).toHaveLength(1);
  });
});

describe('an item over 400 KB', () => {
  const carts = table('carts');

  it('is refused before a put sends it, naming the table, the key and its size', async () => {
    const error = await failure(carts.put({ cartId: 'big-put', html: big }));
    expect(error).toBeInstanceOf(ItemTooLargeError);
    expect(error.message).toMatch(
      /^PutItem on table carts \(carts-[\w-]+\): the item with key \{"cartId":"big-put"\} is 430\d{3} bytes, more than DynamoDB stores: 409600 bytes \(400 KB\) an item, names and values counted\. Nothing was written\.$/,
    );
    expect((error as ItemTooLargeError).bytes).toBeGreaterThan(420 * 1024);
    await expect(carts.get({ cartId: 'big-put' })).resolves.toBeUndefined();
  });

  it('is refused by DynamoDB when an update would grow it past the limit, and said so', async () => {
    await carts.put({ cartId: 'big-update', a: 'x'.repeat(300 * 1024) });
    const error = await failure(carts.update({ cartId: 'big-update' }, { set: { b: 'y'.repeat(200 * 1024) } }));
    expect(error).toBeInstanceOf(ItemTooLargeError);
    expect(error.message).toMatch(
      /^UpdateItem on table carts .*: the item with key \{"cartId":"big-update"\} would be larger than DynamoDB stores after this update/,
    );
    expect((error.cause as Error).name).toBe('ValidationException');
  });

  it('is refused before a transaction is sent, naming the operation', async () => {
    const error = await failure(
      transact((tx) => {
        tx.put(carts, { cartId: 'tx-small' });
        tx.put(carts, { cartId: 'tx-big', html: big });
      }),
    );
    expect(error).toBeInstanceOf(ItemTooLargeError);
    expect(error.message).toMatch(
      /^TransactWriteItems operation #1 on table carts .*: the item with key \{"cartId":"tx-big"\} is \d+ bytes/,
    );
    await expect(carts.get({ cartId: 'tx-small' })).resolves.toBeUndefined();
  });
});

describe('two operations on one item of a transaction', () => {
  it('DuplicateItemError names both operations, the table and the key', async () => {
    const carts = table('carts');
    const error = await failure(
      transact((tx) => {
        tx.put(carts, { cartId: 'dup', total: 1 });
        tx.check(table('orders'), { customerId: 'dup', createdAt: 1 }, { when: 'attribute_not_exists(customerId)' });
        tx.update(carts, { cartId: 'dup' }, { add: { total: 1 } });
      }),
    );
    expect(error).toBeInstanceOf(DuplicateItemError);
    expect(error.message).toMatch(
      /^TransactWriteItems on table carts \(carts-[\w-]+\): operations #0 and #2 are on the same item, key \{"cartId":"dup"\}; DynamoDB takes one operation per item in a transaction\. Nothing was written\.$/,
    );
    expect((error as DuplicateItemError).positions).toEqual([0, 2]);
    expect((error.cause as Error).message).toMatch(/multiple operations on one item/);
  });
});

describe('a value DynamoDB cannot store as given', () => {
  const carts = table('carts', { key: ['cartId'] });

  it.each<[string, () => Promise<unknown>, RegExp]>([
    [
      'a Date (the client would store an empty map)',
      () => carts.put({ cartId: 'v1', paidAt: new Date() }),
      /^PutItem on table carts .*\(key \{"cartId":"v1"\}\): paidAt is a Date, which DynamoDB has no type for \(it would be stored as an empty map\): store date\.toISOString\(\) or date\.getTime\(\)\. Nothing was written\.$/,
    ],
    [
      'undefined in a list (dropped, moving the rest)',
      () => carts.put({ cartId: 'v2', lines: ['a', undefined, 'c'] }),
      /lines\[1\] is undefined in a list, which would be dropped and move the elements after it: use null\./,
    ],
    [
      'NaN',
      () => carts.put({ cartId: 'v3', total: NaN }),
      /\(key \{"cartId":"v3"\}\): total is NaN, which DynamoDB cannot store\./,
    ],
    [
      'Infinity in an update',
      () => carts.update({ cartId: 'v4' }, { set: { 'totals.eur': Infinity } }),
      /^UpdateItem on table carts .*\(key \{"cartId":"v4"\}\): set\.totals\.eur is Infinity, which DynamoDB cannot store\./,
    ],
    [
      'an empty Set',
      () => carts.put({ cartId: 'v5', tags: new Set() }),
      /tags is an empty Set, which DynamoDB cannot store/,
    ],
    [
      'a Set of strings and numbers',
      () => carts.put({ cartId: 'v6', tags: new Set(['a', 1]) }),
      /tags is a Set of string and number members; DynamoDB stores sets of strings, of numbers or of binaries/,
    ],
    [
      'a number past MAX_SAFE_INTEGER',
      () => carts.put({ cartId: 'v7', total: 2 ** 60 }),
      /total is 1152921504606847000, beyond Number\.MAX_SAFE_INTEGER, which would lose digits: pass a BigInt or a NumberValue/,
    ],
    [
      'a Date in a transaction',
      () => transact((tx) => tx.put(carts, { cartId: 'v8', at: { paid: new Date() } })),
      /^TransactWriteItems operation #0 on table carts .*: at\.paid is a Date/,
    ],
    [
      'NaN in a transaction',
      () => transact((tx) => tx.update(carts, { cartId: 'v9' }, { add: { total: NaN } })),
      /^TransactWriteItems operation #0 on table carts .*: add\.total is NaN/,
    ],
    [
      'null for an item',
      () => carts.put(null as never),
      /^PutItem on table carts .*: \(the item\) is null; an item is an object of attributes\./,
    ],
  ])('%s: UnstorableValueError naming the table, the key and where', async (_, call, message) => {
    const error = await failure(call());
    expect(error).toBeInstanceOf(UnstorableValueError);
    expect(error.message).toMatch(message);
  });

  it('stores nothing of a refused item', async () => {
    await expect(carts.put({ cartId: 'v1', paidAt: new Date() })).rejects.toBeInstanceOf(UnstorableValueError);
    await expect(carts.get({ cartId: 'v1' })).resolves.toBeUndefined();
  });
});

describe('batchWrite', () => {
  const carts = table('carts');
  let run = 0;
  let prefix = '';
  beforeEach(() => {
    prefix = `batch-${++run}-`;
  });
  const items = (count: number) => Array.from({ length: count }, (_, n) => ({ cartId: `${prefix}${n}`, n }));
  const stored = async () => {
    const found: string[] = [];
    for await (const cart of carts.scan({ consistent: true })) {
      const id = String(cart.cartId);
      if (id.startsWith(prefix)) found.push(id.slice(prefix.length));
    }
    return found.map(Number).sort((a, b) => a - b);
  };

  it('refuses an item over 400 KB in the middle before writing anything', async () => {
    const puts = items(40);
    puts[30] = { ...puts[30], html: big } as (typeof puts)[number];
    const error = await failure(carts.batchWrite({ put: puts }));
    expect(error).toBeInstanceOf(ItemTooLargeError);
    expect(error.message).toMatch(
      new RegExp(
        `^BatchWriteItem entry #30 on table carts .*: the item with key \\{"cartId":"${prefix}30"\\} is \\d+ bytes`,
      ),
    );
    expect(await stored()).toEqual([]);
  });

  it.each<
    [
      string,
      (puts: Record<string, unknown>[]) => Parameters<ReturnType<typeof table>['batchWrite']>[0],
      new (...args: never[]) => Error,
      RegExp,
    ]
  >([
    [
      'a key missing in the second request',
      (puts) => ({ put: puts.map((item, n) => (n === 30 ? { n } : item)) }),
      InvalidKeyError,
      /^BatchWriteItem entry #30 on table carts .*cartId is missing/,
    ],
    [
      'a key of the wrong type',
      (puts) => ({ put: puts, delete: [{ cartId: 7 }] }),
      InvalidKeyError,
      /^BatchWriteItem entry #40 on table carts .*cartId is of type N, not S/,
    ],
    [
      'two writes on one item, a request apart',
      (puts) => ({ put: puts, delete: [{ cartId: puts[3]?.cartId }] }),
      DuplicateItemError,
      /^BatchWriteItem on table carts .*: entries #3 and #40 are on the same item/,
    ],
    [
      'a Date',
      (puts) => ({ put: puts.map((item, n) => (n === 35 ? { ...item, at: new Date() } : item)) }),
      UnstorableValueError,
      /^BatchWriteItem entry #35 on table carts .*: at is a Date/,
    ],
  ])('refuses %s before writing anything', async (_, writes, type, message) => {
    const error = await failure(carts.batchWrite(writes(items(40))));
    expect(error).toBeInstanceOf(type);
    expect(error.message).toMatch(message);
    expect(await stored()).toEqual([]);
  });

  it('says exactly what was written when DynamoDB fails the second request', async () => {
    let batchCalls = 0;
    const { requestHandler } = answeringHandler((request) => {
      if (operationOf(request) !== 'BatchWriteItem' || ++batchCalls === 1) return undefined;
      return {
        status: 500,
        body: { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'injected' },
      };
    });
    setDynamoDBClient(new DynamoDBClient({ endpoint: endpointOf('dynamodb'), requestHandler }));
    const puts = items(60);
    const error = await failure(carts.batchWrite({ put: puts }));
    expect(error).toBeInstanceOf(BatchWriteIncompleteError);
    expect(error).toBeInstanceOf(BatchIncompleteError);
    const incomplete = error as BatchWriteIncompleteError;
    expect(incomplete.written).toEqual({ put: puts.slice(0, 25), delete: [] });
    // A 5xx after the SDK's retries: the second request may or may not have landed.
    expect(incomplete.uncertain).toEqual({ put: puts.slice(25, 50), delete: [] });
    expect(incomplete.unwritten).toEqual({ put: puts.slice(50), delete: [] });
    expect(error.message).toMatch(
      /^batchWrite on table carts stopped part-way: 25 of 60 writes were made \(error\.written\), 10 were not \(error\.unwritten\), and 25 were sent without an answer and may have been \(error\.uncertain\)\. injected$/,
    );
    expect(await stored()).toEqual(Array.from({ length: 25 }, (_, n) => n));

    // Puts repeat safely: writing what was not, and what may have been, finishes the job.
    setDynamoDBClient(undefined);
    await carts.batchWrite({ put: [...incomplete.uncertain.put, ...incomplete.unwritten.put] });
    expect(await stored()).toEqual(Array.from({ length: 60 }, (_, n) => n));
  });

  it('says exactly what was written when DynamoDB leaves a request unprocessed past the retries', async () => {
    let batchCalls = 0;
    const { requestHandler } = answeringHandler((request) => {
      if (operationOf(request) !== 'BatchWriteItem' || ++batchCalls === 1) return undefined;
      const { RequestItems } = jsonBodyOf(request) as { RequestItems: Record<string, unknown[]> };
      return { status: 200, body: { UnprocessedItems: RequestItems } };
    });
    setDynamoDBClient(new DynamoDBClient({ endpoint: endpointOf('dynamodb'), requestHandler }));
    const puts = items(30);
    const deletes = [{ cartId: `${prefix}gone` }];
    const error = await failure(carts.batchWrite({ put: puts, delete: deletes }, { maxAttempts: 2, baseDelayMs: 1 }));
    expect(error).toBeInstanceOf(BatchWriteIncompleteError);
    const incomplete = error as BatchWriteIncompleteError;
    expect(incomplete.written).toEqual({ put: puts.slice(0, 25), delete: [] });
    expect(incomplete.unwritten).toEqual({ put: puts.slice(25), delete: deletes });
    expect(incomplete.uncertain).toEqual({ put: [], delete: [] });
    expect(incomplete.unprocessed).toEqual([...puts.slice(25), ...deletes]);
    expect(error.message).toMatch(
      /6 were not \(error\.unwritten\).*DynamoDB left writes unprocessed after 2 attempts$/,
    );
    expect(await stored()).toEqual(Array.from({ length: 25 }, (_, n) => n));
  });
});

// transact() beside a raw TransactWriteItemsCommand doing the same work (a conditional put and a
// guarded decrement, across two tables), on the same DynamoDB Local, interleaved call by call.
//
//   npm run bench:transact             (CALLS=300 by default)
import {
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBClient,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setDynamoDBClient, table, transact } from '../runtime';
import { startLocalAws } from '../tools/local-aws';
import { percentile } from './stats';

const calls = Number(process.env.CALLS ?? 300);

async function main(): Promise<void> {
  const localAws = await startLocalAws({ services: ['dynamodb'], log: () => undefined });
  const endpoint = localAws.endpoints.dynamodb ?? '';
  process.env.AWS_REGION = 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'test';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'test';
  const client = new DynamoDBClient({ endpoint });
  setDynamoDBClient(client);
  const names = { orders: `bench-orders-${randomUUID()}`, inventory: `bench-inventory-${randomUUID()}` };
  for (const [TableName, key] of [
    [names.orders, 'orderId'],
    [names.inventory, 'sku'],
  ] as const) {
    await client.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: key, AttributeType: 'S' }],
        KeySchema: [{ AttributeName: key, KeyType: 'HASH' }],
      }),
    );
  }
  process.env.STATEFUL_TABLE_ORDERS = names.orders;
  process.env.STATEFUL_TABLE_INVENTORY = names.inventory;
  const orders = table('orders', { key: ['orderId'] });
  const inventory = table('inventory', { key: ['sku'] });
  await inventory.put({ sku: 'ours', stock: 1_000_000 });
  await inventory.put({ sku: 'raw', stock: 1_000_000 });

  const ours = (index: number) =>
    transact((tx) => {
      tx.put(orders, { orderId: `ours-${index}`, sku: 'ours', qty: 1 }, { ifNotExists: true });
      tx.update(inventory, { sku: 'ours' }, { add: { stock: -1 }, when: 'stock >= :qty', values: { ':qty': 1 } });
    });
  const raw = (index: number) =>
    client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          {
            Put: {
              TableName: names.orders,
              Item: { orderId: { S: `raw-${index}` }, sku: { S: 'raw' }, qty: { N: '1' } },
              ConditionExpression: 'attribute_not_exists(orderId)',
            },
          },
          {
            Update: {
              TableName: names.inventory,
              Key: { sku: { S: 'raw' } },
              UpdateExpression: 'ADD stock :minus',
              ConditionExpression: 'stock >= :qty',
              ExpressionAttributeValues: { ':minus': { N: '-1' }, ':qty': { N: '1' } },
            },
          },
        ],
      }),
    );

  for (let warm = 0; warm < 20; warm++) {
    await ours(-warm - 1);
    await raw(-warm - 1);
  }
  const samples = { ours: [] as number[], raw: [] as number[] };
  for (let index = 0; index < calls; index++) {
    // Alternate which goes first, so neither always follows the other.
    const pair = [
      ['ours', ours],
      ['raw', raw],
    ] as const;
    for (const [label, run] of index % 2 === 0 ? pair : [...pair].reverse()) {
      const started = performance.now();
      await run(index);
      samples[label].push(performance.now() - started);
    }
  }
  for (const TableName of Object.values(names)) await client.send(new DeleteTableCommand({ TableName }));
  await localAws.stop();

  const summary = (values: number[]) => ({
    p50: percentile(values, 50),
    p99: percentile(values, 99),
    perSecond: (values.length / values.reduce((sum, value) => sum + value, 0)) * 1000,
  });
  const result = { ours: summary(samples.ours), raw: summary(samples.raw) };
  const ratio = result.ours.perSecond / result.raw.perSecond;
  console.log(
    `transactions: ${calls} each, interleaved in alternating order; a conditional put and a guarded decrement across two tables`,
  );
  for (const [label, value] of Object.entries(result)) {
    console.log(
      `  ${label.padEnd(5)} p50 ${value.p50.toFixed(2)} ms  p99 ${value.p99.toFixed(2)} ms  ${value.perSecond.toFixed(0)} per second`,
    );
  }
  console.log(`  throughput ours/raw = ×${ratio.toFixed(3)} (target ≥ 0.95)`);
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(
    join(__dirname, 'results', 'transact.json'),
    JSON.stringify({ date: new Date().toISOString(), node: process.version, calls, result, ratio }, null, 2) + '\n',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

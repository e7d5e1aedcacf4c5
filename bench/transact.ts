// transact() beside a raw TransactWriteItemsCommand doing the same work (a conditional put and a
// guarded decrement, across two tables), on the same DynamoDB Local, interleaved call by call.
//
// Two phases. Cold: the first calls of a fresh process, while V8 still interprets transact()'s
// builder (what a new Lambda container sees). Warm: after a warm-up long enough for V8 to optimize
// both paths and for DynamoDB Local's own JIT to settle, several rounds; the throughput ratio is
// taken per round and its median reported, because one GC pause in either process moves a single
// round's mean by several percent.
//
//   npm run bench:transact             (COLD=200 WARM=1500 ROUNDS=9 CALLS=400 by default)
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
import { setDynamoDBClient, table, transact } from '../runtime/index';
import { startLocalAws } from '../testing/local-aws';
import { percentile } from './stats';

const cold = Number(process.env.COLD ?? 200);
const rounds = Number(process.env.ROUNDS ?? 9);
const calls = Number(process.env.CALLS ?? 400);
const warm = Number(process.env.WARM ?? 1500);

type Samples = Record<'ours' | 'raw', number[]>;

interface Summary {
  p50: number;
  p99: number;
  perSecond: number;
}

const summary = (values: number[]): Summary => ({
  p50: percentile(values, 50),
  p99: percentile(values, 99),
  perSecond: (values.length / values.reduce((sum, value) => sum + value, 0)) * 1000,
});

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

  let next = 0;
  /** `pairs` calls of each, alternating which goes first so neither always follows the other. */
  const measure = async (pairs: number): Promise<Samples> => {
    const samples: Samples = { ours: [], raw: [] };
    for (let index = 0; index < pairs; index++, next++) {
      const pair = [
        ['ours', ours],
        ['raw', raw],
      ] as const;
      for (const [label, run] of index % 2 === 0 ? pair : [...pair].reverse()) {
        const started = performance.now();
        await run(next);
        samples[label].push(performance.now() - started);
      }
    }
    return samples;
  };

  // One raw call first, so the SDK's own first-command set-up is not charged to whichever goes first.
  await raw(-1);
  const coldSamples = await measure(cold);
  await measure(warm);
  const warmRounds: Samples[] = [];
  for (let round = 0; round < rounds; round++) warmRounds.push(await measure(calls));
  for (const TableName of Object.values(names)) await client.send(new DeleteTableCommand({ TableName }));
  await localAws.stop();

  const compare = (samples: Samples) => {
    const result = { ours: summary(samples.ours), raw: summary(samples.raw) };
    return { ...result, throughputRatio: result.ours.perSecond / result.raw.perSecond };
  };
  const coldResult = compare(coldSamples);
  const roundResults = warmRounds.map(compare);
  const ratios = roundResults.map((round) => round.throughputRatio).sort((a, b) => a - b);
  const warmResult = compare({
    ours: warmRounds.flatMap((round) => round.ours),
    raw: warmRounds.flatMap((round) => round.raw),
  });
  const medianRatio = percentile(ratios, 50);

  const line = (label: string, value: Summary) =>
    `    ${label.padEnd(5)} p50 ${value.p50.toFixed(2)} ms  p99 ${value.p99.toFixed(2)} ms  ${value.perSecond.toFixed(0)} per second`;
  console.log('transactions: a conditional put and a guarded decrement across two tables, ours and raw interleaved');
  console.log(`  cold: the first ${cold} calls of each in a fresh process`);
  console.log(line('ours', coldResult.ours));
  console.log(line('raw', coldResult.raw));
  console.log(`    throughput ours/raw ×${coldResult.throughputRatio.toFixed(3)}`);
  console.log(`  warm: after ${warm} calls of each, ${rounds} rounds of ${calls}`);
  console.log(line('ours', warmResult.ours));
  console.log(line('raw', warmResult.raw));
  console.log(
    `    throughput ours/raw per round ${ratios.map((ratio) => ratio.toFixed(3)).join(' ')}; median ×${medianRatio.toFixed(3)} (target ≥ 0.95)`,
  );
  console.log(`    p50 ours/raw ×${(warmResult.raw.p50 / warmResult.ours.p50).toFixed(3)}`);
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(
    join(__dirname, 'results', 'transact.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        cold: { calls: cold, ...coldResult },
        warm: { warmUp: warm, rounds, callsPerRound: calls, ...warmResult, roundRatios: ratios, medianRatio },
      },
      null,
      2,
    ) + '\n',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

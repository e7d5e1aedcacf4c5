// The write cost of the outbox: a transaction that saves a cart and publishes CartUpdated through
// the outbox, beside the plain transaction saving the same cart, on the same DynamoDB Local,
// interleaved call by call (house style of bench/transact.ts: a cold phase, then warm rounds whose
// median ratio is reported). Also the write units each costs on AWS, by DynamoDB's published rule
// (a transactional write costs 2 WCU per KB of each item, rounded up), from the items' sizes.
// A third path writes the same two items with two plain tx.put(), so that what DynamoDB spends on
// the second item and what tx.publish() spends making it can be told apart.
//
//   npm run bench:outbox               (COLD=100 WARM=500 ROUNDS=7 CALLS=300 by default)
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setDynamoDBClient, table, transact } from '../runtime/index';
import { outboxVariableName } from '../runtime/environment';
import { buildOutboxItem } from '../runtime/outbox/outbox-item';
import { itemSize } from '../runtime/tables/item-size';
import { startLocalAws } from '../testing/local-aws';
import { createOutboxTable } from '../test/support/dynamodb-tables';
import { percentile } from './stats';

const cold = Number(process.env.COLD ?? 100);
const rounds = Number(process.env.ROUNDS ?? 7);
const calls = Number(process.env.CALLS ?? 300);
const warm = Number(process.env.WARM ?? 500);

type Samples = Record<'outbox' | 'plain' | 'twoPuts', number[]>;

interface Summary {
  p50: number;
  p90: number;
  p99: number;
  perSecond: number;
}

const summary = (values: number[]): Summary => ({
  p50: percentile(values, 50),
  p90: percentile(values, 90),
  p99: percentile(values, 99),
  perSecond: (values.length / values.reduce((sum, value) => sum + value, 0)) * 1000,
});

/** A transactional write's units for an item of `bytes`: 2 per KB, rounded up. */
const writeUnits = (bytes: number) => 2 * Math.ceil(bytes / 1024);

async function main(): Promise<void> {
  const localAws = await startLocalAws({ services: ['dynamodb'], log: () => undefined });
  const endpoint = localAws.endpoints.dynamodb ?? '';
  process.env.AWS_REGION = 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'test';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'test';
  const client = new DynamoDBClient({ endpoint });
  setDynamoDBClient(client);
  const names = { carts: `bench-carts-${randomUUID()}`, outbox: `bench-outbox-${randomUUID()}` };
  await client.send(
    new CreateTableCommand({
      TableName: names.carts,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'cartId', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'cartId', KeyType: 'HASH' }],
    }),
  );
  // The outbox table as the plugin makes it: pk and sk, a stream of new images.
  await createOutboxTable(client, names.outbox);
  process.env.STATEFUL_TABLE_CARTS = names.carts;
  process.env[outboxVariableName('shop')] = names.outbox;
  process.env.STATEFUL_TABLE_OUTBOXASTABLE = names.outbox;
  const carts = table('carts', { key: ['cartId'] });
  const outboxAsTable = table('outboxastable', { key: ['pk', 'sk'] });

  const cart = (cartId: string, index: number) => ({
    cartId,
    lines: [{ lineId: `l${index}`, sku: 'apple', qty: 2, unitPrice: 150 }],
    total: 300,
    updatedAt: new Date().toISOString(),
  });
  const detail = (cartId: string) => ({ cartId, version: 1, total: 300, itemCount: 2 });
  const plain = (index: number) => transact((tx) => tx.put(carts, cart(`plain-${index}`, index)));
  const outbox = (index: number) =>
    transact((tx) => {
      const cartId = `outbox-${index}`;
      tx.put(carts, cart(cartId, index));
      tx.publish('shop', 'CartUpdated', detail(cartId), { source: 'shop.cart' });
    });

  const template = buildOutboxItem(
    'shop',
    { detailType: 'CartUpdated', detail: detail('two-0'), source: 'shop.cart' },
    'carts#{"cartId":"two-0"}',
  );
  const twoPuts = (index: number) =>
    transact((tx) => {
      const cartId = `two-${index}`;
      tx.put(carts, cart(cartId, index));
      tx.put(outboxAsTable, { ...template, pk: `carts#{"cartId":"${cartId}"}`, sk: `${template.sk}${index}` });
    });

  let next = 0;
  /** `pairs` calls of each, rotating which goes first so none always follows another. */
  const measure = async (pairs: number): Promise<Samples> => {
    const samples: Samples = { outbox: [], plain: [], twoPuts: [] };
    for (let index = 0; index < pairs; index++, next++) {
      const order = [
        ['outbox', outbox],
        ['plain', plain],
        ['twoPuts', twoPuts],
      ] as const;
      // Each goes first, second and third in turn.
      const shift = index % 3;
      for (const [label, run] of [...order.slice(shift), ...order.slice(0, shift)]) {
        const started = performance.now();
        await run(next);
        samples[label].push(performance.now() - started);
      }
    }
    return samples;
  };

  await plain(-1);
  const coldSamples = await measure(cold);
  await measure(warm);
  const warmRounds: Samples[] = [];
  for (let round = 0; round < rounds; round++) warmRounds.push(await measure(calls));
  for (const TableName of Object.values(names)) await client.send(new DeleteTableCommand({ TableName }));
  await localAws.stop();

  const compare = (samples: Samples) => {
    const result = {
      outbox: summary(samples.outbox),
      plain: summary(samples.plain),
      twoPuts: summary(samples.twoPuts),
    };
    return {
      ...result,
      /** What tx.publish() costs beyond DynamoDB writing a second item. */
      p50OutboxOverTwoPuts: result.outbox.p50 / result.twoPuts.p50,
      /** How much longer a write with its event takes, at the median and at p99. */
      p50Ratio: result.outbox.p50 / result.plain.p50,
      p99Ratio: result.outbox.p99 / result.plain.p99,
      throughputRatio: result.outbox.perSecond / result.plain.perSecond,
    };
  };
  const coldResult = compare(coldSamples);
  const roundResults = warmRounds.map(compare);
  const ratios = roundResults.map((round) => round.p50Ratio).sort((a, b) => a - b);
  const warmResult = compare({
    outbox: warmRounds.flatMap((round) => round.outbox),
    plain: warmRounds.flatMap((round) => round.plain),
    twoPuts: warmRounds.flatMap((round) => round.twoPuts),
  });
  const medianP50Ratio = percentile(ratios, 50);
  const cartBytes = itemSize(cart('outbox-100000', 100000));
  const outboxBytes = itemSize(
    buildOutboxItem(
      'shop',
      { detailType: 'CartUpdated', detail: detail('outbox-100000'), source: 'shop.cart' },
      'carts#{"cartId":"outbox-100000"}',
    ) as unknown as Record<string, unknown>,
  );
  const units = { plain: writeUnits(cartBytes), outbox: writeUnits(cartBytes) + writeUnits(outboxBytes) };

  const line = (label: string, value: Summary) =>
    `    ${label.padEnd(6)} p50 ${value.p50.toFixed(2)} ms  p90 ${value.p90.toFixed(2)} ms  p99 ${value.p99.toFixed(2)} ms  ${value.perSecond.toFixed(0)} per second`;
  console.log('the outbox: a cart saved with CartUpdated through the outbox, beside the same cart saved alone');
  console.log(`  cold: the first ${cold} calls of each in a fresh process`);
  console.log(line('outbox', coldResult.outbox));
  console.log(line('plain', coldResult.plain));
  console.log(line('2 puts', coldResult.twoPuts));
  console.log(`    p50 outbox/plain ×${coldResult.p50Ratio.toFixed(3)}`);
  console.log(`  warm: after ${warm} calls of each, ${rounds} rounds of ${calls}`);
  console.log(line('outbox', warmResult.outbox));
  console.log(line('plain', warmResult.plain));
  console.log(line('2 puts', warmResult.twoPuts));
  console.log(
    `    p50 outbox/plain per round ${ratios.map((ratio) => ratio.toFixed(3)).join(' ')}; median ×${medianP50Ratio.toFixed(3)}`,
  );
  console.log(
    `    p99 outbox/plain ×${warmResult.p99Ratio.toFixed(3)}; throughput outbox/plain ×${warmResult.throughputRatio.toFixed(3)}`,
  );
  console.log(
    `    p50 outbox/2 puts ×${warmResult.p50OutboxOverTwoPuts.toFixed(3)} (tx.publish() beyond the second item)`,
  );
  console.log(
    `  write units on AWS (2 per KB per item in a transaction): plain ${units.plain}, outbox ${units.outbox} ` +
      `(cart ${cartBytes} B, outbox item ${outboxBytes} B)`,
  );
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(
    join(__dirname, 'results', 'outbox.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        cold: { calls: cold, ...coldResult },
        warm: { warmUp: warm, rounds, callsPerRound: calls, ...warmResult, roundP50Ratios: ratios, medianP50Ratio },
        itemBytes: { cart: cartBytes, outboxItem: outboxBytes },
        writeUnits: units,
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

// The outbox on the emulator, commit to delivery: the fixture service test/fixtures/outbox-service
// deployed with `serverless deploy --stage bench` onto MiniStack; this process commits a cart update
// and its CartUpdated in one transaction (as updateCart does, through the runtime), one at a time,
// and times each event from the commit's acknowledgement to
//   - on the bus: the relay's `deliveredAt` on the outbox item, written once PutEvents succeeded;
//   - at a subscriber: the event read from a queue a rule on the bus feeds (the testing kit's
//     captureEvents, polled every 5 ms), which is what a consumer sees.
// In the same run, interleaved call by call, the write cost: the same state change as a plain
// transaction and as one that also publishes (so also writes the outbox item).
//
//   npm run bench:outbox-latency      (WARM=20 SAMPLES=200 by default)
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setDynamoDBClient, table, transact } from '../runtime/index';
import { environmentVariableName, outboxVariableName } from '../runtime/environment';
import { itemSize } from '../runtime/tables/item-size';
import { awsClients, captureEvents, deploy, eventually } from '../testing';
import { startLocalAws } from '../testing/local-aws';
import { endpointVariables } from '../testing/local-aws/services';
import { bundleHandler } from '../test/support/bundle-handler';
import { addToCart, cartSource, type Cart } from '../test/fixtures/outbox-service/handler';
import { percentile } from './stats';

const warm = Number(process.env.WARM ?? 20);
const samples = Number(process.env.SAMPLES ?? 200);
const serviceDir = join(__dirname, '..', 'test', 'fixtures', 'outbox-service');

interface Summary {
  p50: number;
  p99: number;
  max: number;
}

const summary = (values: readonly number[]): Summary => ({
  p50: percentile(values, 50),
  p99: percentile(values, 99),
  max: Math.max(...values),
});

const line = (label: string, value: Summary) =>
  `  ${label.padEnd(34)} p50 ${value.p50.toFixed(0)} ms  p99 ${value.p99.toFixed(0)} ms  max ${value.max.toFixed(0)} ms`;

async function main(): Promise<void> {
  const localAws = await startLocalAws({ services: ['emulator'], log: () => undefined });
  process.env[endpointVariables.emulator] = localAws.endpoints.emulator ?? '';
  await bundleHandler(serviceDir);
  const service = await deploy(serviceDir, { stage: 'bench' });
  try {
    const outboxTable = service.outputs.StatefulBusShopOutboxName ?? '';
    process.env[environmentVariableName('table', 'carts')] = service.tables.carts;
    process.env[outboxVariableName('shop')] = outboxTable;
    setDynamoDBClient(awsClients().dynamodb);
    const capture = await captureEvents(service.buses.shop ?? '', { pattern: { source: [cartSource] } });
    const run = randomUUID().slice(0, 8);
    const seen = (eventId: string) =>
      capture.waitFor((event) => (event.detail as { stateful?: { eventId?: string } }).stateful?.eventId === eventId, {
        intervalMs: 5,
        timeoutMs: 60_000,
      });

    // Cold starts of the relay (and the first PutEvents) are not what this measures.
    for (let index = 0; index < warm; index++) await seen(await addToCart({ cartId: `warm-${run}`, added: 1 }));

    const lastEvent = { cartId: '', key: { pk: '', sk: '' } };
    const toBus: number[] = [];
    const toSubscriber: number[] = [];
    for (let index = 0; index < samples; index++) {
      const cartId = `cart-${run}-${index % 10}`;
      const eventId = await addToCart({ cartId, added: 1 });
      const committed = Date.now();
      const event = await seen(eventId);
      toSubscriber.push(Date.now() - committed);
      const aggregate = (event.detail as { stateful: { aggregate: string } }).stateful.aggregate;
      const delivered = await eventually(
        `deliveredAt of ${eventId}`,
        async () => {
          const { Item } = await awsClients().documents.send(
            new GetCommand({ TableName: outboxTable, Key: { pk: aggregate, sk: eventId }, ConsistentRead: true }),
          );
          return typeof Item?.deliveredAt === 'string' ? Date.parse(Item.deliveredAt) : undefined;
        },
        { intervalMs: 5 },
      );
      toBus.push(delivered - committed);
      Object.assign(lastEvent, { cartId, key: { pk: aggregate, sk: eventId } });
    }
    await capture.close();

    // The write cost: the same update, without and with its event, alternating which goes first.
    const carts = table<Cart>('carts');
    const plain: number[] = [];
    const publishing: number[] = [];
    for (let index = 0; index < samples; index++) {
      const cartId = `cost-${run}-${index % 10}`;
      const runs: [number[], () => Promise<unknown>][] = [
        [plain, () => transact((tx) => tx.update(carts, { cartId }, { add: { items: 1 } }))],
        [publishing, () => addToCart({ cartId, added: 1 })],
      ];
      for (const [into, write] of index % 2 === 0 ? runs : runs.reverse()) {
        const started = performance.now();
        await write();
        into.push(performance.now() - started);
      }
    }
    // What DynamoDB bills a transactional write: 2 WCU per KB (rounded up) of each item written.
    const units = (bytes: number) => 2 * Math.ceil(bytes / 1024);
    const cart = await carts.get({ cartId: lastEvent.cartId }, { consistent: true });
    const { Item: outboxItem } = await awsClients().documents.send(
      new GetCommand({ TableName: outboxTable, Key: lastEvent.key, ConsistentRead: true }),
    );
    const cartBytes = itemSize((cart ?? {}) as Record<string, unknown>);
    // As it was written: the relay's marks come after.
    const { deliveredAt: _delivered, expiresAt: _expires, ...written } = outboxItem ?? {};
    const outboxBytes = itemSize(written);

    const result = {
      date: new Date().toISOString(),
      node: process.version,
      loadAverage: loadavg()[0],
      emulator: 'MiniStack 1.5.33',
      warm,
      samples,
      latency: { toBus: summary(toBus), toSubscriber: summary(toSubscriber) },
      writeCost: {
        plain: summary(plain),
        publishing: summary(publishing),
        bytes: { cart: cartBytes, outboxItem: outboxBytes },
        transactionalWcu: { plain: units(cartBytes), publishing: units(cartBytes) + units(outboxBytes) },
      },
    };
    console.log(`outbox on ${result.emulator}: ${samples} events, one at a time, after ${warm} to warm up`);
    console.log(line('commit → on the bus (deliveredAt)', result.latency.toBus));
    console.log(line('commit → at a queue subscriber', result.latency.toSubscriber));
    console.log('write cost, interleaved:');
    console.log(line('transaction, state only', result.writeCost.plain));
    console.log(line('transaction, state + its event', result.writeCost.publishing));
    console.log(
      `  item sizes: cart ${cartBytes} B, outbox item ${outboxBytes} B → ${result.writeCost.transactionalWcu.plain} WCU without, ${result.writeCost.transactionalWcu.publishing} WCU with the event`,
    );
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    writeFileSync(join(__dirname, 'results', 'outbox-latency.json'), JSON.stringify(result, null, 2) + '\n');
  } finally {
    await service.remove();
    await localAws.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

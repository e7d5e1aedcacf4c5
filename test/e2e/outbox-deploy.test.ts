/**
 * @services emulator
 */
// The outbox on the emulator: `serverless deploy --stage local` of a service whose shop bus has an
// outbox. A transaction that changes a cart and publishes CartUpdated commits both or neither; the
// relay the plugin adds puts each committed event on the bus; a consumer built with onEvent()
// applies each once to a view of the cart. 1,000 updates from 20 concurrent writers end as 1,000
// events delivered and applied, and the view the consumer built equals the carts.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ListEventSourceMappingsCommand } from '@aws-sdk/client-lambda';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { setDynamoDBClient, TransactionCanceledError } from '../../runtime/index';
import { outboxVariableName, environmentVariableName } from '../../runtime/environment';
import {
  awsClients,
  captureEvents,
  deploy,
  eventually,
  waitForItem,
  type DeployedService,
  type EventCapture,
} from '../../testing';
import { bundleHandler } from '../support/bundle-handler';
import { invoke } from '../support/invoke';
import { addToCart, cartSource, type CartUpdated, type CartView } from '../fixtures/outbox-service/handler';

const cwd = join(__dirname, '..', 'fixtures', 'outbox-service');
// Ids unique to this run: the emulator's tables may outlive a run that failed before removing them.
const run = randomUUID().slice(0, 8);

let service: DeployedService;
let events: EventCapture;
let outboxTable: string;

/** Every item of `TableName`, read page by page. */
async function scanAll<T>(TableName: string): Promise<T[]> {
  const items: T[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await awsClients().documents.send(new ScanCommand({ TableName, ExclusiveStartKey }));
    items.push(...((page.Items ?? []) as T[]));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** The events of the capture about carts whose id starts with `prefix`. */
const deliveredFor = (prefix: string) =>
  events
    .received()
    .filter((event) => (event.detail as unknown as CartUpdated).cartId.startsWith(prefix))
    .map((event) => event.detail as unknown as CartUpdated & { stateful: { eventId: string; aggregate: string } });

beforeAll(async () => {
  await bundleHandler(cwd);
  service = await deploy(cwd, { stage: 'local' });
  outboxTable = service.outputs.StatefulBusShopOutboxName ?? '';
  // The test writes as updateCart does: through the runtime, with the names the plugin gave it.
  process.env[environmentVariableName('table', 'carts')] = service.tables.carts;
  process.env[outboxVariableName('shop')] = outboxTable;
  setDynamoDBClient(awsClients().dynamodb);
  events = await captureEvents(service.buses.shop ?? '', { pattern: { source: [cartSource] } });
});

afterAll(async () => {
  await events.close();
  await service.remove();
});

it('subscribes the relay to the outbox stream with the filter, bisect and retries; without partial batch responses, which MiniStack ignores', async () => {
  expect(outboxTable).toBe('stateful-outbox-local-shop-outbox');
  const { EventSourceMappings } = await awsClients().lambda.send(
    new ListEventSourceMappingsCommand({ FunctionName: service.functions.statefulOutboxRelayShop }),
  );
  expect(EventSourceMappings).toEqual([
    expect.objectContaining({
      EventSourceArn: expect.stringContaining(`:table/${outboxTable}/stream/`),
      StartingPosition: 'TRIM_HORIZON',
      ParallelizationFactor: 1,
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'] }) }] },
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      DestinationConfig: {
        OnFailure: { Destination: expect.stringMatching(/:stateful-outbox-local-shop-outbox-failures$/) },
      },
    }),
  ]);
  expect(EventSourceMappings?.[0]?.FunctionResponseTypes ?? []).toEqual([]);
});

it('delivers the event a function committed with its state, and the consumer applies it', async () => {
  const cartId = `one-${run}`;
  const { eventId } = await invoke<{ eventId: string }>(service.functions.updateCart ?? '', { cartId, added: 2 });
  const view = await waitForItem<CartView>(service.tables.cartViews ?? '', { cartId }, { timeoutMs: 60_000 });
  expect(view).toEqual({ cartId, items: 2, applied: 1 });
  expect(deliveredFor(cartId)).toEqual([
    { cartId, added: 2, stateful: { eventId, aggregate: expect.any(String), committedAt: expect.any(String) } },
  ]);
});

it('publishes nothing for a transaction whose condition fails', async () => {
  const cartId = `refused-${run}`;
  await expect(addToCart({ cartId, added: 5, expectVersion: 41 })).rejects.toThrow(TransactionCanceledError);
  // The emulator's stream is one sequence per table: once a later event is delivered, an earlier
  // one would have been too.
  const marker = await addToCart({ cartId, added: 1 });
  await events.waitFor((event) => (event.detail as { stateful?: { eventId?: string } }).stateful?.eventId === marker, {
    timeoutMs: 60_000,
  });
  expect(deliveredFor(cartId).map((detail) => detail.added)).toEqual([1]);
  const outbox = await scanAll<{ pk: string; detail: string }>(outboxTable);
  expect(outbox.filter((item) => item.detail.includes(cartId))).toHaveLength(1);
});

it('delivers and applies exactly 1,000 updates from 20 concurrent writers, and the view equals the carts', async () => {
  const prefix = `many-${run}-`;
  const writers = 20;
  const perWriter = 50;
  const carts = 10;
  const started = Date.now();
  // Bounded: 20 writers, each writing its 50 updates one after another, over 10 shared carts.
  const eventIds = (
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        const ids: string[] = [];
        for (let index = 0; index < perWriter; index++) {
          ids.push(await addToCart({ cartId: `${prefix}${(writer + index) % carts}`, added: 1 + (index % 3) }));
        }
        return ids;
      }),
    )
  ).flat();
  const written = Date.now();
  expect(new Set(eventIds).size).toBe(writers * perWriter);

  const views = await eventually(
    `the views of ${carts} carts to have applied ${writers * perWriter} events`,
    async () => {
      const all = (await scanAll<CartView>(service.tables.cartViews ?? '')).filter((view) =>
        view.cartId.startsWith(prefix),
      );
      const applied = all.reduce((sum, view) => sum + view.applied, 0);
      return applied >= writers * perWriter ? all : undefined;
    },
    { timeoutMs: 240_000, intervalMs: 1_000 },
  );
  const applied = Date.now();
  expect(views.reduce((sum, view) => sum + view.applied, 0)).toBe(writers * perWriter);

  // What the bus delivered: each event once, none missing.
  const delivered = await eventually(
    'the capture to hold every event',
    async () => {
      const ids = deliveredFor(prefix).map((detail) => detail.stateful.eventId);
      return new Set(ids).size >= eventIds.length ? ids : undefined;
    },
    { timeoutMs: 60_000 },
  );
  expect(new Set(delivered)).toEqual(new Set(eventIds));

  // The consumer's view, built from the events alone, equals the state the writers committed.
  const state = (await scanAll<{ cartId: string; items: number }>(service.tables.carts ?? '')).filter((cart) =>
    cart.cartId.startsWith(prefix),
  );
  const byId = (list: readonly { cartId: string; items: number }[]) =>
    Object.fromEntries(list.map(({ cartId, items }) => [cartId, items]));
  expect(byId(views)).toEqual(byId(state));
  process.stdout.write(
    `outbox e2e: ${eventIds.length} updates written in ${written - started} ms by ${writers} writers; all applied ${applied - written} ms after the last write; ${delivered.length} deliveries captured\n`,
  );
});

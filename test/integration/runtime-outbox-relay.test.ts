/**
 * @services dynamodb, emulator
 */
// The outbox relay on real records of a DynamoDB Local stream, putting events on a bus of the
// emulator: every committed event delivered with its stable id and marked for expiry; a relay
// killed in the middle of a batch and run again loses nothing (duplicates come, the consumer
// applies each event once); EventBridge refusing for a while (a proxy answering throttles and
// 5xx) holds the events back until it recovers, and they are then put in order per aggregate.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteTableCommand, DescribeTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import {
  CreateEventBusCommand,
  DeleteEventBusCommand,
  EventBridgeClient,
  type PutEventsCommandInput,
  type PutEventsCommandOutput,
} from '@aws-sdk/client-eventbridge';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  ConditionFailedError,
  DynamoDBPersistence,
  onEvent,
  outboxRelay,
  setDynamoDBClient,
  setEventBridgeClient,
  table,
  transact,
  type DynamoDBStreamEvent,
  type OutboxEventDetail,
} from '../../runtime/index';
import { outboxVariableName } from '../../runtime/environment';
import { handler as configuredRelay } from '../../runtime/outbox-relay';
import { awsClients, captureEvents, eventually, type BusEvent, type EventCapture } from '../../testing';
import { createDeclaredTable, createOutboxTable, useDynamoDBLocal } from '../support/dynamodb-tables';
import { streamRecords } from '../support/dynamodb-streams';
import { awsClientConfig, endpointOf } from '../support/endpoints';
import { refusingProxy } from '../support/refusing-proxy';
import { answeringHandler, jsonBodyOf, operationOf } from '../support/wire';

const id = randomUUID().slice(0, 8);
const dynamodb: DynamoDBClient = useDynamoDBLocal();
const emulator = awsClientConfig('emulator');
const busName = `outbox-${id}`;
const outboxName = `outbox-${id}`;
const retentionSeconds = 3600;
const drops: (() => Promise<void>)[] = [];
const carts = table<{ cartId: string; n: number }>('carts', { key: ['cartId'] });
const applied = table<{ aggregate: string; seen: number[] }>('applied', { key: ['aggregate'] });
let streamArn = '';
let handledUpTo: string | undefined;
let capture: EventCapture;
const logged: string[] = [];
const logger = { error: (line: string) => logged.push(line) };

type Detail = OutboxEventDetail<{ cartId: string; n: number }>;

/** The stream records written since the last call, as Lambda would hand them to the relay. */
async function nextRecords(): Promise<DynamoDBStreamEvent['Records']> {
  const records = await streamRecords(streamArn, handledUpTo);
  handledUpTo = records.at(-1)?.dynamodb.SequenceNumber ?? handledUpTo;
  return records as DynamoDBStreamEvent['Records'];
}

/** `count` cart updates, each with its CartUpdated, spread over `carts` aggregates; their ids in commit order. */
async function commit(count: number, cartCount: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    const cartId = `${tag}-${n % cartCount}`;
    const { eventIds } = await transact((tx) => {
      tx.put(carts, { cartId, n });
      tx.publish('shop', 'CartUpdated', { cartId, n }, { source: 'shop.cart' });
    });
    ids.push(...eventIds);
  }
  return ids;
}

/** The events on the bus whose cart starts with `tag`, once there are `count` of them. */
async function delivered(tag: string, count: number): Promise<BusEvent<Detail>[]> {
  const mine = () =>
    (capture.received() as BusEvent<Detail>[]).filter((event) => event.detail.cartId.startsWith(`${tag}-`));
  return eventually(`${count} events of ${tag} on bus ${busName}`, async () =>
    mine().length >= count ? mine() : undefined,
  );
}

async function outboxItems(): Promise<Record<string, unknown>[]> {
  const { Items = [] } = await dynamodb.send(new ScanCommand({ TableName: outboxName, ConsistentRead: true }));
  return Items.map((item) => unmarshall(item));
}

const relayTo = (
  client: EventBridgeClient,
  options: { maxAttempts?: number; baseDelayMs?: number; partialBatchResponses?: boolean } = {},
) => {
  setEventBridgeClient(client);
  return outboxRelay({ bus: busName, table: outboxName, retentionSeconds, logger, ...options });
};

beforeAll(async () => {
  drops.push(await createDeclaredTable(dynamodb, 'carts', { partitionKey: 'cartId' }));
  drops.push(await createDeclaredTable(dynamodb, 'applied', { partitionKey: 'aggregate' }));
  drops.push(await createDeclaredTable(dynamodb, 'idempotency', { partitionKey: 'key' }));
  // The outbox table as the plugin makes it: pk and sk, a stream of new images.
  await createOutboxTable(dynamodb, outboxName);
  const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: outboxName }));
  streamArn = Table?.LatestStreamArn ?? '';
  process.env[outboxVariableName('shop')] = outboxName;
  await awsClients().eventBridge.send(new CreateEventBusCommand({ Name: busName }));
  capture = await captureEvents(busName, { pattern: { 'detail-type': ['CartUpdated'] } });
});

afterAll(async () => {
  await capture.close();
  await awsClients().eventBridge.send(new DeleteEventBusCommand({ Name: busName }));
  await dynamodb.send(new DeleteTableCommand({ TableName: outboxName }));
  await Promise.all(drops.map((drop) => drop()));
  Reflect.deleteProperty(process.env, outboxVariableName('shop'));
  setEventBridgeClient(undefined);
});

beforeEach(async () => {
  await nextRecords();
  logged.length = 0;
});

describe('the outbox relay', () => {
  it('puts every committed event on the bus with its id, aggregate and commit time, and marks it for expiry', async () => {
    const ids = await commit(12, 3, 'plain');
    const calls: number[] = [];
    const client = new EventBridgeClient(emulator);
    client.middlewareStack.add(
      (next) => async (args) => {
        calls.push((args.input as PutEventsCommandInput).Entries?.length ?? 0);
        return next(args);
      },
      { step: 'initialize' },
    );
    const relay = relayTo(client);
    const records = await nextRecords();
    expect(records).toHaveLength(12);
    const started = Math.floor(Date.now() / 1000);
    expect(await relay({ Records: records })).toEqual({ batchItemFailures: [] });
    // At most one event per aggregate in a call: 3 carts, so calls of 3.
    expect(calls).toEqual([3, 3, 3, 3]);

    const events = await delivered('plain', 12);
    expect(events.map((event) => event.detail.stateful.eventId).sort()).toEqual([...ids].sort());
    const first = events.find((event) => event.detail.stateful.eventId === ids[0]);
    expect(first).toMatchObject({
      source: 'shop.cart',
      'detail-type': 'CartUpdated',
      detail: {
        cartId: 'plain-0',
        n: 0,
        stateful: { eventId: ids[0], aggregate: 'carts#{"cartId":"plain-0"}', committedAt: expect.any(String) },
      },
    });
    const items = (await outboxItems()).filter((item) => ids.includes(item.sk as string));
    expect(items).toHaveLength(12);
    for (const item of items) {
      expect(item.deliveredAt).toEqual(expect.any(String));
      expect(item.expiresAt).toBeGreaterThanOrEqual(started + retentionSeconds);
    }

    // Its own marks come back on the stream as MODIFY records: not events, nothing is put.
    const marks = await nextRecords();
    expect(new Set(marks.map((record) => record.eventName))).toEqual(new Set(['MODIFY']));
    calls.length = 0;
    expect(await relay({ Records: marks })).toEqual({ batchItemFailures: [] });
    expect(calls).toEqual([]);
  });

  it('as the Lambda entry point, reads its settings from STATEFUL_OUTBOX_RELAY', async () => {
    const [eventId] = await commit(1, 1, 'entry');
    process.env.STATEFUL_OUTBOX_RELAY = JSON.stringify({ bus: busName, table: outboxName, retentionSeconds });
    setEventBridgeClient(new EventBridgeClient(emulator));
    try {
      expect(await configuredRelay({ Records: await nextRecords() })).toEqual({ batchItemFailures: [] });
    } finally {
      Reflect.deleteProperty(process.env, 'STATEFUL_OUTBOX_RELAY');
    }
    const [event] = await delivered('entry', 1);
    expect(event?.detail.stateful.eventId).toBe(eventId);
  });

  it('killed in the middle of a batch, then run again: every event delivered, the consumer applies each once', async () => {
    const ids = await commit(25, 5, 'killed');
    const records = await nextRecords();
    const dir = mkdtempSync(join(tmpdir(), 'outbox-relay-'));
    const recordsFile = join(dir, 'records.json');
    writeFileSync(recordsFile, JSON.stringify(records));
    const worker = join(__dirname, '..', 'fixtures', 'outbox', 'relay-worker.cjs');
    const child = spawn(process.execPath, [worker], {
      env: {
        ...process.env,
        RECORDS_FILE: recordsFile,
        BUS: busName,
        TABLE: outboxName,
        EVENTS_ENDPOINT: emulator.endpoint,
      },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // Bounded: the worker exits after its first call; should it hang, it is killed.
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(guard);
    rmSync(dir, { recursive: true, force: true });
    expect({ code, output }).toEqual({ code: 7, output: 'put 5\n' });
    // The first chunk is on the bus but was never marked; nothing after it was sent.
    await delivered('killed', 5);
    expect((await outboxItems()).filter((item) => ids.includes(item.sk as string) && item.deliveredAt)).toEqual([]);

    // Lambda hands the same records to the next invocation.
    expect(await relayTo(new EventBridgeClient(emulator))({ Records: records })).toEqual({ batchItemFailures: [] });
    const events = await delivered('killed', 30);
    expect(new Set(events.map((event) => event.detail.stateful.eventId))).toEqual(new Set(ids));
    expect(events).toHaveLength(30);

    // The consumer, given every delivery (the duplicates too), applies each event once.
    let runs = 0;
    const consume = onEvent(
      async (event: BusEvent<Detail>) => {
        runs++;
        await applied.update({ aggregate: event.detail.stateful.aggregate }, { append: { seen: [event.detail.n] } });
        return event.detail.n;
      },
      { persistence: new DynamoDBPersistence(), namespace: `consumer-${id}`, localCache: false },
    );
    for (const event of events) await consume(event, {});
    expect(runs).toBe(25);
    for (let cart = 0; cart < 5; cart++) {
      const item = await applied.get({ aggregate: `carts#{"cartId":"killed-${cart}"}` });
      // Each applied once; the bus does not promise the order of deliveries.
      expect([...(item?.seen ?? [])].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4].map((step) => step * 5 + cart));
    }
  });

  it('holds the events back while EventBridge refuses, and puts them in order per aggregate once it recovers', async () => {
    const ids = await commit(12, 2, 'refused');
    const records = await nextRecords();
    const throttled = {
      status: 400,
      body: { __type: 'ThrottlingException', message: 'Rate exceeded' },
    };
    const down = { status: 503, body: { __type: 'ServiceUnavailableException', message: 'Service is unavailable' } };
    const proxy = await refusingProxy(emulator.endpoint, [throttled, down, throttled, down, throttled]);
    try {
      // One try per call from the SDK, so that each refusal is one of the relay's attempts.
      const relay = relayTo(new EventBridgeClient({ ...emulator, endpoint: proxy.endpoint, maxAttempts: 1 }), {
        maxAttempts: 3,
        baseDelayMs: 10,
      });
      const first = await relay({ Records: records });
      // Three refusals: the batch stops at its first record, which Lambda retries with all after it.
      expect(first).toEqual({ batchItemFailures: [{ itemIdentifier: records[0]?.dynamodb?.SequenceNumber }] });
      expect(proxy.forwarded).toEqual([]);
      expect(logged).toEqual([
        expect.stringMatching(
          /was not delivered: EventBridge answered ThrottlingException.*\. It is retried with every record after it\.$/,
        ),
      ]);
      // The next invocation starts from that record: two more refusals, then EventBridge is back.
      expect(await relay({ Records: records })).toEqual({ batchItemFailures: [] });
      expect(proxy.refused()).toBe(5);
    } finally {
      await proxy.close();
    }
    // EventBridge received each aggregate's events in commit order.
    const received = proxy.forwarded.flatMap((body) =>
      (body as { Entries: { Detail: string }[] }).Entries.map((entry) => JSON.parse(entry.Detail) as Detail),
    );
    for (const cart of ['refused-0', 'refused-1']) {
      const mine = received.filter((detail) => detail.cartId === cart).map((detail) => detail.stateful.eventId);
      expect(mine).toEqual(ids.filter((_, n) => `refused-${n % 2}` === cart));
    }
    const events = await delivered('refused', 12);
    expect(new Set(events.map((event) => event.detail.stateful.eventId))).toEqual(new Set(ids));
  });

  it('without partial batch responses (an emulator that ignores them), fails the batch while EventBridge refuses, and the retry of the whole batch puts every event in order', async () => {
    const ids = await commit(6, 2, 'whole');
    const records = await nextRecords();
    const down = { status: 503, body: { __type: 'ServiceUnavailableException', message: 'Service is unavailable' } };
    const proxy = await refusingProxy(emulator.endpoint, [down, down]);
    try {
      const relay = relayTo(new EventBridgeClient({ ...emulator, endpoint: proxy.endpoint, maxAttempts: 1 }), {
        maxAttempts: 2,
        baseDelayMs: 10,
        partialBatchResponses: false,
      });
      // Nothing is reported as handled: the whole batch is Lambda's to retry.
      await expect(relay({ Records: records })).rejects.toThrow(
        /^outbox relay to bus .+: stream record .+ was not delivered: EventBridge answered ServiceUnavailableException.*\. The batch fails, to be retried from its first record\.$/,
      );
      await expect(relay({ Records: records })).resolves.toEqual({ batchItemFailures: [] });
      expect(proxy.refused()).toBe(2);
    } finally {
      await proxy.close();
    }
    const received = proxy.forwarded.flatMap((body) =>
      (body as { Entries: { Detail: string }[] }).Entries.map((entry) => JSON.parse(entry.Detail) as Detail),
    );
    for (const cart of ['whole-0', 'whole-1']) {
      const mine = received.filter((detail) => detail.cartId === cart).map((detail) => detail.stateful.eventId);
      expect(mine).toEqual(ids.filter((_, n) => `whole-${n % 2}` === cart));
    }
    const events = await delivered('whole', 6);
    expect(new Set(events.map((event) => event.detail.stateful.eventId))).toEqual(new Set(ids));
  });

  it('retries only the entries EventBridge refused, before any later event of their aggregate is put', async () => {
    const ids = await commit(6, 3, 'partial');
    const calls: string[][] = [];
    const client = new EventBridgeClient(emulator);
    // Fault injection at the client: on the first call, entry 1 comes back throttled without
    // reaching EventBridge; every later call goes through untouched.
    client.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as PutEventsCommandInput;
        const entries = input.Entries ?? [];
        calls.push(entries.map((entry) => (JSON.parse(entry.Detail ?? '{}') as Detail).cartId));
        if (calls.length > 1) return next(args);
        const sent = await next({ ...args, input: { ...input, Entries: entries.filter((_, index) => index !== 1) } });
        const output = sent.output as PutEventsCommandOutput;
        const outcomes = [...(output.Entries ?? [])];
        outcomes.splice(1, 0, { ErrorCode: 'ThrottlingException', ErrorMessage: 'injected' });
        return { ...sent, output: { ...output, FailedEntryCount: 1, Entries: outcomes } };
      },
      { step: 'initialize' },
    );
    const relay = relayTo(client, { baseDelayMs: 5 });
    expect(await relay({ Records: await nextRecords() })).toEqual({ batchItemFailures: [] });
    // partial-1's first event is put again alone, before the chunk holding its second.
    expect(calls).toEqual([
      ['partial-0', 'partial-1', 'partial-2'],
      ['partial-1'],
      ['partial-0', 'partial-1', 'partial-2'],
    ]);
    const events = await delivered('partial', 6);
    expect(new Set(events.map((event) => event.detail.stateful.eventId))).toEqual(new Set(ids));
  });

  // 18 s on a quiet machine: most of it the writers' conflicts and the capture's queue.
  it('1,000 cart updates from 20 concurrent writers: exactly 1,000 events delivered and applied, in order per cart', async () => {
    const writers = 20;
    const perWriter = 50;
    const cartCount = 10;
    const versioned = table<{ cartId: string; version: number; n: number }>('carts', { key: ['cartId'] });
    // As the shop's updateCart: read, save under optimistic locking with its event, and on a
    // conflict start again from the cart the other writer saved.
    const update = async (writer: number, step: number) => {
      const cartId = `storm-${(writer * perWriter + step) % cartCount}`;
      let current = await versioned.get({ cartId }, { consistent: true });
      for (let attempt = 1; ; attempt++) {
        const version = current?.version ?? 0;
        try {
          await versioned.put(
            { cartId, version, n: writer * perWriter + step },
            {
              expectVersion: version,
              publish: { bus: 'shop', detailType: 'CartUpdated', detail: { cartId, n: version + 1 } },
            },
          );
          return;
        } catch (error) {
          if (!(error instanceof ConditionFailedError) || attempt >= 500) throw error;
          current = error.current as typeof current;
        }
      }
    };
    await Promise.all(
      Array.from({ length: writers }, async (_, writer) => {
        for (let step = 0; step < perWriter; step++) await update(writer, step);
      }),
    );
    const records = await nextRecords();
    expect(records).toHaveLength(writers * perWriter);

    const putOrder = new Map<string, number[]>();
    const client = new EventBridgeClient(emulator);
    client.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        for (const entry of (args.input as PutEventsCommandInput).Entries ?? []) {
          const detail = JSON.parse(entry.Detail ?? '{}') as Detail;
          putOrder.set(detail.cartId, [...(putOrder.get(detail.cartId) ?? []), detail.n]);
        }
        return result;
      },
      { step: 'initialize' },
    );
    const relay = relayTo(client);
    // Lambda's batches of 100, one after the other, as on one shard.
    for (let start = 0; start < records.length; start += 100) {
      expect(await relay({ Records: records.slice(start, start + 100) })).toEqual({ batchItemFailures: [] });
    }
    // Each cart's versions were put in commit order: 1, 2, 3, …
    for (const [cartId, versions] of putOrder) {
      const saved = await versioned.get({ cartId }, { consistent: true });
      expect(versions).toEqual(Array.from({ length: saved?.version ?? 0 }, (_, index) => index + 1));
    }

    const events = await eventually(
      `1,000 events of the storm on bus ${busName}`,
      async () => {
        const mine = (capture.received() as BusEvent<Detail>[]).filter((event) =>
          event.detail.cartId.startsWith('storm-'),
        );
        return mine.length >= writers * perWriter ? mine : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    expect(new Set(events.map((event) => event.detail.stateful.eventId)).size).toBe(writers * perWriter);
    // Every event handed to the consumer twice, as a redelivery would: each is applied once.
    let runs = 0;
    const consume = onEvent(
      async (event: BusEvent<Detail>) => {
        runs++;
        await applied.update({ aggregate: event.detail.stateful.aggregate }, { append: { seen: [event.detail.n] } });
      },
      { persistence: new DynamoDBPersistence(), namespace: `storm-${id}`, localCache: false },
    );
    for (const event of [...events, ...events]) await consume(event, {});
    expect(runs).toBe(writers * perWriter);
    let total = 0;
    for (let cart = 0; cart < cartCount; cart++) {
      const seen = (await applied.get({ aggregate: `carts#{"cartId":"storm-${cart}"}` }))?.seen ?? [];
      total += seen.length;
      expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: seen.length }, (_, index) => index + 1));
    }
    expect(total).toBe(writers * perWriter);
  }, 180_000);

  it('reports an event it delivered but could not mark, so the retry puts it again and marks it', async () => {
    const ids = await commit(3, 3, 'unmarked');
    const records = await nextRecords();
    // DynamoDB refuses the second event's first mark (one try: the SDK does not retry it here).
    let refused = 0;
    const { requestHandler } = answeringHandler((request) => {
      if (operationOf(request) !== 'UpdateItem' || refused > 0) return undefined;
      const { Key } = jsonBodyOf(request) as { Key: { sk: { S: string } } };
      if (Key.sk.S !== ids[1]) return undefined;
      refused++;
      return {
        status: 500,
        body: { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'Internal server error' },
      };
    });
    setDynamoDBClient(new DynamoDBClient({ endpoint: endpointOf('dynamodb'), requestHandler, maxAttempts: 1 }));
    try {
      const relay = relayTo(new EventBridgeClient(emulator));
      const first = await relay({ Records: records });
      expect(first).toEqual({ batchItemFailures: [{ itemIdentifier: records[1]?.dynamodb?.SequenceNumber }] });
      expect(logged).toEqual([expect.stringContaining('it was put on the bus, but marking it delivered failed')]);
      expect(await relay({ Records: records.slice(1) })).toEqual({ batchItemFailures: [] });
    } finally {
      setDynamoDBClient(undefined);
    }
    const events = await delivered('unmarked', 5);
    expect(events.map((event) => event.detail.stateful.eventId).sort()).toEqual(
      [ids[0], ids[1], ids[1], ids[2], ids[2]].sort(),
    );
    const marked = (await outboxItems()).filter((item) => ids.includes(item.sk as string) && item.expiresAt);
    expect(marked).toHaveLength(3);
  });

  it('reports an item it cannot read as the first failure, after delivering those before it', async () => {
    const ids = await commit(2, 2, 'poison');
    const records = await nextRecords();
    const broken = { ...records[1], dynamodb: { ...records[1]?.dynamodb, NewImage: { pk: { S: 'x' } } } };
    const relay = relayTo(new EventBridgeClient(emulator));
    const answer = await relay({ Records: [records[0], broken] as DynamoDBStreamEvent['Records'] });
    expect(answer).toEqual({ batchItemFailures: [{ itemIdentifier: records[1]?.dynamodb?.SequenceNumber }] });
    expect(logged).toEqual([expect.stringContaining('outbox item {"pk":"x"} has no sk (a non-empty string)')]);
    const [event] = await delivered('poison', 1);
    expect(event?.detail.stateful.eventId).toBe(ids[0]);
  });
});

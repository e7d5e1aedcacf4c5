/**
 * @services emulator
 */
// bus().publish() and workflow().start() against the emulator: batches that all land, refused
// entries retried (a fault injected at the client, the emulator delivering the rest), and starts
// that are safe to retry.
import {
  EventBridgeClient,
  type PutEventsCommandInput,
  type PutEventsCommandOutput,
} from '@aws-sdk/client-eventbridge';
import { CreateStateMachineCommand, DeleteStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { randomUUID } from 'node:crypto';
import {
  bus,
  ExecutionInputMismatchError,
  PublishError,
  setEventBridgeClient,
  setStepFunctionsClient,
  workflow,
  WorkflowInputError,
} from '../../runtime/index';
import { environmentVariableName } from '../../runtime/environment';
import { createBusWithQueue, type BusWithQueue } from '../support/bus-queue';
import { awsClientConfig } from '../support/endpoints';

const config = awsClientConfig('emulator');
const sfn = new SFNClient(config);
const id = randomUUID().slice(0, 8);
let queue: BusWithQueue;

beforeAll(async () => {
  process.env.AWS_ENDPOINT_URL = config.endpoint;
  const busName = `runtime-${id}`;
  queue = await createBusWithQueue(busName, { 'detail-type': ['Counted'] });
  process.env[environmentVariableName('bus', 'shop')] = busName;
  process.env.AWS_REGION = config.region;
  // The runtime makes its own Step Functions client, from AWS_ENDPOINT_URL.
  setStepFunctionsClient(undefined);
});

afterAll(async () => {
  await queue.remove();
  setEventBridgeClient(undefined);
  setStepFunctionsClient(undefined);
});

describe('bus().publish()', () => {
  it('publishes 25 events in three batches, and all 25 are delivered', async () => {
    const calls: number[] = [];
    const client = new EventBridgeClient(config);
    client.middlewareStack.add(
      (next) => async (args) => {
        calls.push((args.input as PutEventsCommandInput).Entries?.length ?? 0);
        return next(args);
      },
      { step: 'initialize' },
    );
    setEventBridgeClient(client);
    const result = await bus('shop').publish(
      'Counted',
      Array.from({ length: 25 }, (_, n) => ({ n })),
    );
    expect(result).toEqual({ published: 25, failed: [] });
    expect(calls).toEqual([10, 10, 5]);
    await expect(queue.delivered(25)).resolves.toEqual(Array.from({ length: 25 }, (_, n) => n));
  });

  it('retries the entries EventBridge refused, and the emulator delivers them', async () => {
    // Fault injection at the client: on the first call, entries 1 and 4 come back throttled
    // without reaching EventBridge; every later call goes through untouched.
    const calls: number[] = [];
    const client = new EventBridgeClient(config);
    client.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as PutEventsCommandInput;
        const entries = input.Entries ?? [];
        calls.push(entries.length);
        if (calls.length > 1) return next(args);
        const refused = new Set([1, 4]);
        const sent = await next({
          ...args,
          input: { ...input, Entries: entries.filter((_, index) => !refused.has(index)) },
        });
        const output = sent.output as PutEventsCommandOutput;
        const outcomes = [...(output.Entries ?? [])];
        for (const index of [...refused].sort())
          outcomes.splice(index, 0, { ErrorCode: 'ThrottlingException', ErrorMessage: 'injected' });
        return { ...sent, output: { ...output, FailedEntryCount: refused.size, Entries: outcomes } };
      },
      { step: 'initialize' },
    );
    setEventBridgeClient(client);
    const result = await bus('shop').publish(
      'Counted',
      Array.from({ length: 6 }, (_, n) => ({ n: 100 + n })),
      { baseDelayMs: 5 },
    );
    expect(result).toEqual({ published: 6, failed: [] });
    expect(calls).toEqual([6, 2]);
    await expect(queue.delivered(6)).resolves.toEqual([100, 101, 102, 103, 104, 105]);
  });

  it('hands back what is still refused after its retries, never dropping it', async () => {
    setEventBridgeClient(new EventBridgeClient(config));
    const tooBig = { n: 200, blob: 'x'.repeat(300 * 1024) };
    const result = await bus('shop').publish('Counted', [{ n: 201 }, tooBig]);
    expect(result.published).toBe(1);
    expect(result.failed).toEqual([
      {
        index: 1,
        detail: tooBig,
        errorCode: 'EntryTooLarge',
        errorMessage: expect.stringMatching(/bytes; EventBridge takes at most 262144/),
      },
    ]);
  });
});

describe('bus().publish() given what EventBridge cannot take', () => {
  it('hands back each detail that is not a JSON object, or that JSON would change, and publishes the rest', async () => {
    setEventBridgeClient(new EventBridgeClient(config));
    const details = [
      { n: 300 },
      'hello',
      { n: 301, total: 10n },
      { n: 302, tags: new Set(['a']) },
      null,
      { n: 303, at: new Date(0) },
    ];
    const result = await bus('shop').publish('Counted', details);
    expect(result.published).toBe(2);
    expect(result.failed).toEqual([
      {
        index: 1,
        detail: 'hello',
        errorCode: 'MalformedDetail',
        errorMessage: "EventBridge takes a JSON object as an event's detail; got a string",
      },
      {
        index: 2,
        detail: details[2],
        errorCode: 'MalformedDetail',
        errorMessage: 'total is a BigInt, which JSON cannot write: pass it as a string or a number',
      },
      {
        index: 3,
        detail: details[3],
        errorCode: 'MalformedDetail',
        errorMessage: 'tags is a Set, which JSON writes as {}: pass [...set]',
      },
      {
        index: 4,
        detail: null,
        errorCode: 'MalformedDetail',
        errorMessage: "EventBridge takes a JSON object as an event's detail; got null",
      },
    ]);
    // An event of an earlier test may still be queued: only this test's count.
    const delivered = await queue.delivered(3, 5000);
    expect(delivered.filter((n) => n >= 300)).toEqual([300, 303]);
  });

  it('refuses a publish without a detail type or a source outright, sending nothing', async () => {
    setEventBridgeClient(new EventBridgeClient(config));
    for (const [detailType, options] of [
      ['', {}],
      ['Counted', { source: '' }],
    ] as const) {
      const attempt = bus('shop').publish(detailType, [{ n: 310 }, { n: 311 }], options);
      await expect(attempt).rejects.toBeInstanceOf(PublishError);
      await expect(attempt).rejects.toThrow(
        /^publishing to bus shop was refused before sending, as EventBridge would refuse it: an event needs a (detail type|source), a non-empty string; got ""\. 0 event\(s\) were published; the 2 others are in error\.failed\.$/,
      );
    }
    await expect(queue.delivered(0, 2000)).resolves.toEqual([]);
  });
});

describe('workflow().start()', () => {
  const machines: string[] = [];
  const create = async (type: 'STANDARD' | 'EXPRESS', label = type.toLowerCase()) => {
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({
        name: `runtime-${label}-${id}`,
        type,
        roleArn: 'arn:aws:iam::000000000000:role/runtime-test',
        definition: JSON.stringify({
          StartAt: 'Echo',
          States: { Echo: { Type: 'Pass', Result: { ok: true }, ResultPath: '$.echo', End: true } },
        }),
      }),
    );
    machines.push(stateMachineArn ?? '');
    return stateMachineArn ?? '';
  };
  afterAll(async () => {
    for (const stateMachineArn of machines) await sfn.send(new DeleteStateMachineCommand({ stateMachineArn }));
  });

  it('returns the same run for a repeated start with the same name and input', async () => {
    process.env[environmentVariableName('workflow', 'orders')] = await create('STANDARD');
    const first = await workflow('orders').start({ orderId: 'o1', lines: 2 }, { name: 'order-o1' });
    expect(first.alreadyStarted).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const again = await workflow('orders').start({ lines: 2, orderId: 'o1' }, { name: 'order-o1' });
    expect(again.executionArn).toBe(first.executionArn);
    await expect(workflow('orders').start({ orderId: 'o1', lines: 3 }, { name: 'order-o1' })).rejects.toBeInstanceOf(
      ExecutionInputMismatchError,
    );
  });

  it('refuses an input JSON would change or Step Functions would refuse, before starting anything', async () => {
    process.env[environmentVariableName('workflow', 'checks')] = await create('STANDARD', 'checks');
    const name = `order-${randomUUID().slice(0, 8)}`;
    const cases: [unknown, RegExp][] = [
      [
        { orderId: 'o1', total: 10n },
        /^workflow checks: its input cannot be sent: total is a BigInt, which JSON cannot write/,
      ],
      [
        { orderId: 'o1', skus: new Set(['a']) },
        /^workflow checks: its input cannot be sent: skus is a Set, which JSON writes as \{\}/,
      ],
      [
        { orderId: 'o1', lines: [{ qty: NaN }] },
        /^workflow checks: its input cannot be sent: lines\[0\]\.qty is NaN, which JSON writes as null/,
      ],
      [
        { orderId: 'o1', blob: 'x'.repeat(300 * 1024) },
        /^workflow checks: its input is 307\d{3} bytes; Step Functions takes at most 262144/,
      ],
    ];
    for (const [input, message] of cases) {
      const attempt = workflow('checks').start(input, { name });
      await expect(attempt).rejects.toBeInstanceOf(WorkflowInputError);
      await expect(attempt).rejects.toThrow(message);
    }
    await expect(workflow('checks').startSync({ n: 1n })).rejects.toBeInstanceOf(WorkflowInputError);
    // Nothing started under that name: a fine input starts it now.
    await expect(workflow('checks').start({ orderId: 'o1' }, { name })).resolves.toMatchObject({
      alreadyStarted: false,
    });
  });

  it('runs an express workflow to its end with startSync', async () => {
    process.env[environmentVariableName('workflow', 'quote')] = await create('EXPRESS');
    await expect(workflow('quote').startSync({ sku: 'apple' })).resolves.toMatchObject({
      status: 'SUCCEEDED',
      output: { sku: 'apple', echo: { ok: true } },
    });
  });
});

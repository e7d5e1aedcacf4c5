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
  setEventBridgeClient,
  setStepFunctionsClient,
  workflow,
} from '../../runtime';
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

describe('workflow().start()', () => {
  const machines: string[] = [];
  const create = async (type: 'STANDARD' | 'EXPRESS') => {
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({
        name: `runtime-${type.toLowerCase()}-${id}`,
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

  it('runs an express workflow to its end with startSync', async () => {
    process.env[environmentVariableName('workflow', 'quote')] = await create('EXPRESS');
    await expect(workflow('quote').startSync({ sku: 'apple' })).resolves.toMatchObject({
      status: 'SUCCEEDED',
      output: { sku: 'apple', echo: { ok: true } },
    });
  });
});

/**
 * @services emulator
 */
// bus().publish() and workflow().start() against the emulator: batches that all land, refused
// entries retried (a fault injected at the client, the emulator delivering the rest), and starts
// that are safe to retry.
import {
  CreateEventBusCommand,
  DeleteEventBusCommand,
  EventBridgeClient,
  PutRuleCommand,
  PutTargetsCommand,
  RemoveTargetsCommand,
  DeleteRuleCommand,
  type PutEventsCommandInput,
  type PutEventsCommandOutput,
} from '@aws-sdk/client-eventbridge';
import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
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
import { awsClientConfig } from '../support/endpoints';

const config = awsClientConfig('emulator');
const events = new EventBridgeClient(config);
const sqs = new SQSClient(config);
const sfn = new SFNClient(config);
const id = randomUUID().slice(0, 8);
const busName = `runtime-${id}`;
let queueUrl = '';

/** Every message the rule delivered to the queue, by detail id. */
async function delivered(expected: number, timeoutMs = 20_000): Promise<Set<number>> {
  const seen = new Set<number>();
  const deadline = Date.now() + timeoutMs;
  while (seen.size < expected && Date.now() < deadline) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    for (const message of Messages) seen.add((JSON.parse(message.Body ?? '{}') as { detail: { n: number } }).detail.n);
  }
  return seen;
}

beforeAll(async () => {
  process.env.AWS_ENDPOINT_URL = config.endpoint;
  await events.send(new CreateEventBusCommand({ Name: busName }));
  queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: `runtime-${id}` }))).QueueUrl ?? '';
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  await events.send(
    new PutRuleCommand({
      Name: 'all',
      EventBusName: busName,
      EventPattern: JSON.stringify({ 'detail-type': ['Counted'] }),
    }),
  );
  await events.send(
    new PutTargetsCommand({
      Rule: 'all',
      EventBusName: busName,
      Targets: [{ Id: 'queue', Arn: Attributes?.QueueArn }],
    }),
  );
  process.env[environmentVariableName('bus', 'shop')] = busName;
  process.env.AWS_REGION = config.region;
  // The runtime makes its own Step Functions client, from AWS_ENDPOINT_URL.
  setStepFunctionsClient(undefined);
});

afterAll(async () => {
  await events.send(new RemoveTargetsCommand({ Rule: 'all', EventBusName: busName, Ids: ['queue'] }));
  await events.send(new DeleteRuleCommand({ Name: 'all', EventBusName: busName }));
  await events.send(new DeleteEventBusCommand({ Name: busName }));
  await sqs.send(new DeleteQueueCommand({ QueueUrl: queueUrl }));
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
    expect((await delivered(25)).size).toBe(25);
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
    expect([...(await delivered(6))].sort((a, b) => a - b)).toEqual([100, 101, 102, 103, 104, 105]);
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

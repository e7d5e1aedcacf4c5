/**
 * @services emulator
 */
// A durable function deployed with serverless deploy --stage local, run by MiniStack's durable
// execution emulation: the real handler, wrapped by the real SDK, in its own Node.js process,
// checkpointing through the Lambda API. One execution waits, retries a failing step, crashes its
// process mid-way, waits for a callback, and finishes; the runs table counts each step's bodies,
// so a step replayed from its checkpoint (not run again) is told from one that ran.
import { GetDurableExecutionCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { awsClients, deploy, eventually, remove, type DeployedService } from '../../testing';
import { bundleHandler } from '../support/bundle-handler';
import { makeDurableOnMiniStack } from '../support/ministack-durable';

const cwd = join(__dirname, '..', 'fixtures', 'durable-service');
const reminder = 'stateful-durable-local-reminder';

async function invoke(functionName: string, payload: unknown): Promise<unknown> {
  const response = await awsClients().lambda.send(
    new InvokeCommand({ FunctionName: functionName, Payload: Buffer.from(JSON.stringify(payload)) }),
  );
  const body = JSON.parse(Buffer.from(response.Payload ?? []).toString('utf8') || 'null') as unknown;
  if (response.FunctionError) throw new Error(`${functionName} failed: ${JSON.stringify(body)}`);
  return body;
}

describe('a durable function deployed with serverless deploy --stage local', () => {
  let service: DeployedService;
  beforeAll(async () => {
    await bundleHandler(cwd);
    service = await deploy(cwd, { stage: 'local' });
    await makeDurableOnMiniStack(reminder, { ExecutionTimeout: 300, RetentionPeriodInDays: 1 });
  });
  afterAll(async () => {
    await remove(cwd, { stage: 'local' });
  });

  const item = async (id: string) => {
    const { Item } = await awsClients().documents.send(
      new GetCommand({ TableName: service.tables.runs, Key: { id }, ConsistentRead: true }),
    );
    return Item;
  };
  /** How many times step `step` of cart `cartId`'s execution ran its body. */
  const count = async (cartId: string, step: string): Promise<number> =>
    Number((await item(`${cartId}#${step}`))?.count ?? 0);

  it('is started by the function that declares start, through its alias, named by the key', async () => {
    const cartId = randomUUID();
    await expect(invoke('stateful-durable-local-checkout', { cartId })).resolves.toEqual({
      executionName: `cart-${cartId}`,
    });
    // The asynchronous start ran the handler durably: its first step's body ran.
    await eventually('the started execution to run its first step', async () =>
      (await count(cartId, 'load')) === 1 ? true : undefined,
    );
  });

  it('waits, retries a failing step, survives a crash without repeating its steps, and resumes on a callback', async () => {
    const cartId = randomUUID();
    // Started synchronously: MiniStack 1.5.33 resumes an execution after a wait only when it was
    // invoked RequestResponse (docs/local-aws.md). The call returns at the first suspension.
    const started = await awsClients().lambda.send(
      new InvokeCommand({
        FunctionName: `${reminder}:durable`,
        Payload: Buffer.from(JSON.stringify({ cartId })),
        DurableExecutionName: `cart-${cartId}`,
      }),
    );
    const executionArn = started.DurableExecutionArn;
    expect(executionArn).toMatch(new RegExp(`^arn:aws:lambda:us-east-1:000000000000:function:${reminder}:1/`));

    // The process dies in the crash step, after the callback was handed out: here nothing resumes
    // the execution until the callback arrives (AWS re-invokes a crashed invocation by itself).
    await eventually('the crash step to run once', async () =>
      (await count(cartId, 'crash')) === 1 ? true : undefined,
    );
    expect(await count(cartId, 'check')).toBe(2); // failed once, retried once

    await invoke('stateful-durable-local-approve', { cartId, approved: true });

    const stored = await eventually('the notify step to store the answer', () => item(`${cartId}#result`));
    expect(stored).toMatchObject({ result: { approved: true } });
    // Each invocation after the first replayed load, check and announce from their checkpoints.
    expect(await count(cartId, 'load')).toBe(1);
    expect(await count(cartId, 'check')).toBe(2);
    expect(await count(cartId, 'announce')).toBe(1);
    expect(await count(cartId, 'crash')).toBe(2); // the step that died ran again: at least once
    expect(await count(cartId, 'notify')).toBe(1);

    const execution = await eventually('the execution to end', async () => {
      const described = await awsClients().lambda.send(
        new GetDurableExecutionCommand({ DurableExecutionArn: executionArn }),
      );
      return described.Status === 'RUNNING' ? undefined : described;
    });
    expect(execution.Status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.Result ?? 'null')).toEqual({ cartId, answer: { approved: true } });

    // A second answer finds the callback closed; the runtime says so (DurableCallbackClosedError).
    await expect(invoke('stateful-durable-local-approve', { cartId, approved: false })).rejects.toThrow(
      /callback .* is closed \(completed already, or timed out\); nothing was sent/,
    );
  });
});

// The shop's abandoned-cart reminder (functions/cart/cart-reminder.ts, a durable function) on the
// local emulator, for the demo and the e2e test. MiniStack 1.5.33 differs from AWS in two ways that
// matter here (docs/local-aws.md): its CloudFormation drops DurableConfig, so the function is made
// durable after the deploy; and an asynchronous start, which is how updateCart starts it, is never
// resumed after its first wait, so the reminder is run to its end by a synchronous invoke of its
// alias, whose first invocation returns at the wait and which the emulator's scheduler resumes.
import {
  GetAliasCommand,
  GetDurableExecutionCommand,
  GetDurableExecutionHistoryCommand,
  InvokeCommand,
  ListDurableExecutionsByFunctionCommand,
  type Event as DurableEvent,
  type GetDurableExecutionCommandOutput,
} from '@aws-sdk/client-lambda';
import { awsClients, eventually, type DeployedService } from '../../testing';
import { makeDurableOnMiniStack } from '../../test/support/ministack-durable';

/** The reminder's deployed name; its `durable` alias is what starters invoke. */
export function reminderFunction(shop: DeployedService): string {
  const name = shop.functions.cartReminder;
  if (!name) throw new Error(`stack ${shop.stackName} has no cartReminder function`);
  return name;
}

/** Sets the reminder's DurableConfig as serverless.yml declares it, which the emulator's CloudFormation drops. */
export async function makeReminderDurable(shop: DeployedService): Promise<void> {
  await makeDurableOnMiniStack(reminderFunction(shop), { ExecutionTimeout: 2_592_000, RetentionPeriodInDays: 7 });
}

/** Runs the reminder of cart `cartId` through to its end (see above); resolves with its execution's ARN. */
export async function runReminder(shop: DeployedService, cartId: string): Promise<string> {
  const started = await awsClients().lambda.send(
    new InvokeCommand({
      FunctionName: `${reminderFunction(shop)}:durable`,
      Payload: Buffer.from(JSON.stringify({ cartId })),
      DurableExecutionName: `cart-${cartId}`,
    }),
  );
  if (started.FunctionError || !started.DurableExecutionArn) {
    const payload = Buffer.from(started.Payload ?? []).toString('utf8');
    throw new Error(`the reminder of ${cartId} did not start durably: ${payload}`);
  }
  return started.DurableExecutionArn;
}

export interface EndedReminder extends GetDurableExecutionCommandOutput {
  /** What the handler returned. */
  readonly result: unknown;
  /** The execution's history: its invocations, waits and steps. */
  readonly events: DurableEvent[];
}

/** The execution once it ended, with its result and its history. */
export async function reminderEnd(executionArn: string, timeoutMs = 60_000): Promise<EndedReminder> {
  const { lambda } = awsClients();
  const execution = await eventually(
    `durable execution ${executionArn} to end`,
    async () => {
      const described = await lambda.send(new GetDurableExecutionCommand({ DurableExecutionArn: executionArn }));
      return described.Status === 'RUNNING' ? undefined : described;
    },
    { timeoutMs },
  );
  const history = await lambda.send(
    new GetDurableExecutionHistoryCommand({ DurableExecutionArn: executionArn, MaxItems: 1000 }),
  );
  return { ...execution, result: JSON.parse(execution.Result ?? 'null') as unknown, events: history.Events ?? [] };
}

/** The reminder executions started for cart `cartId` (by their input: the emulator ignores names). */
export async function remindersOf(shop: DeployedService, cartId: string): Promise<GetDurableExecutionCommandOutput[]> {
  const { lambda } = awsClients();
  // Executions are listed by the version they run: the one the alias points at.
  const { FunctionVersion } = await lambda.send(
    new GetAliasCommand({ FunctionName: reminderFunction(shop), Name: 'durable' }),
  );
  const { DurableExecutions = [] } = await lambda.send(
    new ListDurableExecutionsByFunctionCommand({ FunctionName: reminderFunction(shop), Qualifier: FunctionVersion }),
  );
  const found: GetDurableExecutionCommandOutput[] = [];
  for (const { DurableExecutionArn } of DurableExecutions) {
    const execution = await lambda.send(new GetDurableExecutionCommand({ DurableExecutionArn }));
    if ((JSON.parse(execution.InputPayload ?? '{}') as { cartId?: string }).cartId === cartId) found.push(execution);
  }
  return found;
}

/** How many `type` events (`StepSucceeded`, `WaitSucceeded`, …) `events` holds, by operation name. */
export function countEvents(events: readonly DurableEvent[], type: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { EventType, Name = '' } of events) if (EventType === type) counts[Name] = (counts[Name] ?? 0) + 1;
  return counts;
}

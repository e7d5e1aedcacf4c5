/**
 * @services emulator
 */
// Buses and workflows on the emulator: an event reaches a function that writes a table; an event
// starts a workflow whose Lambda task fails once and is retried, which writes with a
// dynamodb:putItem task, routes with a Choice, and compensates a failure through a Catch.
// Both paths are read back from the execution history.
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { awsClients, deploy, eventually, remove } from '../../testing';
import { invoke } from '../support/invoke';

const cwd = join(__dirname, '..', 'fixtures', 'events-workflows');
const prefix = 'stateful-flows-local';
const stateMachineArn = `arn:aws:states:us-east-1:000000000000:stateMachine:${prefix}-orderFlow`;

async function item(table: string, key: Record<string, string>) {
  const { Item } = await awsClients().dynamodb.send(
    new GetItemCommand({
      TableName: `${prefix}-${table}`,
      Key: Object.fromEntries(Object.entries(key).map(([name, value]) => [name, { S: value }])),
      ConsistentRead: true,
    }),
  );
  return Item;
}

/** The finished execution whose input carries `orderId`. */
async function finishedExecution(orderId: string) {
  const { stepFunctions } = awsClients();
  return eventually(`the execution of order ${orderId} to finish`, async () => {
    const { executions = [] } = await stepFunctions.send(new ListExecutionsCommand({ stateMachineArn }));
    for (const { executionArn } of executions) {
      const execution = await stepFunctions.send(new DescribeExecutionCommand({ executionArn }));
      const input = JSON.parse(execution.input ?? '{}') as { orderId?: string };
      if (execution.status !== 'RUNNING' && input.orderId === orderId) {
        const { events = [] } = await stepFunctions.send(new GetExecutionHistoryCommand({ executionArn }));
        return { execution, events };
      }
    }
    return undefined;
  });
}

const enteredStates = (events: HistoryEvent[]) =>
  events.flatMap((event) => (event.stateEnteredEventDetails?.name ? [event.stateEnteredEventDetails.name] : []));
const count = (events: HistoryEvent[], type: string) => events.filter((event) => event.type === type).length;

describe('buses and workflows deployed with serverless deploy --stage local', () => {
  beforeAll(async () => {
    await deploy(cwd, { stage: 'local' });
  });
  afterAll(async () => {
    await remove(cwd, { stage: 'local' });
  });

  it('delivers an event on the bus to a function, which writes its table', async () => {
    const itemId = `item-${randomUUID()}`;
    const { FailedEntryCount } = await awsClients().eventBridge.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: `${prefix}-shop`,
            Source: 'shop.cart',
            DetailType: 'ItemAddedToCart',
            Detail: JSON.stringify({ itemId, cartId: 'cart-1' }),
          },
        ],
      }),
    );
    expect(FailedEntryCount).toBe(0);
    const written = await eventually('the item to be written', () => item('items', { itemId }));
    expect(written).toEqual({ itemId: { S: itemId }, cartId: { S: 'cart-1' } });
  });

  it('starts the workflow from an event: retried once, recorded, routed, and SUCCEEDED', async () => {
    const orderId = `ok-${randomUUID()}`;
    // The publisher finds the bus and the workflow through its injected variables.
    const published = await invoke<{ failed: number; workflow: string }>(`${prefix}-checkout`, {
      orderId,
      amount: 10,
      express: true,
    });
    expect(published).toEqual({ failed: 0, workflow: stateMachineArn });

    const { execution, events } = await finishedExecution(orderId);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '{}')).toMatchObject({
      orderId,
      reservation: { attempt: 2 },
      shipping: 'express',
    });
    expect(enteredStates(events)).toEqual(['Reserve', 'Record', 'Route', 'ShipExpress']);
    // The first attempt failed on purpose and Retry ran it again.
    expect(count(events, 'TaskFailed')).toBe(1);
    await expect(item('orders', { orderId })).resolves.toEqual({ orderId: { S: orderId }, status: { S: 'RESERVED' } });
  });

  it('routes a failure through Catch to the compensation state, and the execution FAILS', async () => {
    const orderId = `fail-${randomUUID()}`;
    await invoke(`${prefix}-checkout`, { orderId, amount: 5000 });

    const { execution, events } = await finishedExecution(orderId);
    expect(execution).toMatchObject({ status: 'FAILED', error: 'OrderFailed' });
    expect(enteredStates(events)).toEqual(['Reserve', 'Compensate', 'OrderFailed']);
    // One attempt and two retries, all failed, before the Catch.
    expect(count(events, 'TaskFailed')).toBe(3);
    await expect(item('orders', { orderId })).resolves.toEqual({
      orderId: { S: orderId },
      status: { S: 'COMPENSATED' },
    });
  });
});

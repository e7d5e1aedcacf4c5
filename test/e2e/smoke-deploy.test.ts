/**
 * @services emulator
 */
// The whole local deploy path: `serverless deploy --stage local` (osls) of the smoke fixture onto
// the emulator, both flows driven through the deployed resources, then `serverless remove`.
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import {
  deploySmoke,
  publishSmokeEvent,
  removeSmoke,
  runSmokeWorkflow,
  smokeClients,
  stackExists,
  waitForItem,
  type SmokeStack,
} from '../fixtures/smoke/smoke-service';

describe('serverless deploy --stage local of the smoke fixture', () => {
  let stack: SmokeStack;

  beforeAll(async () => {
    stack = await deploySmoke();
  });

  it('runs the function on an EventBridge event, which writes its item', async () => {
    const id = `event-${randomUUID()}`;
    await publishSmokeEvent(stack, id);
    await expect(waitForItem(stack, id)).resolves.toEqual({ id, source: 'event' });
  });

  it('runs the state machine to SUCCEEDED through a Lambda task and a dynamodb:putItem task', async () => {
    const id = randomUUID();
    const execution = await runSmokeWorkflow(stack, id);
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '{}')).toMatchObject({ id, recorded: { id, source: 'task' } });
    await expect(waitForItem(stack, id, 0)).resolves.toEqual({ id, source: 'task' });
    await expect(waitForItem(stack, `audit-${id}`, 0)).resolves.toEqual({ id: `audit-${id}`, source: 'workflow' });
  });

  it('is cleaned up by serverless remove', async () => {
    await removeSmoke();
    await expect(stackExists()).resolves.toBe(false);
    const { TableNames } = await smokeClients().dynamodb.send(new ListTablesCommand({}));
    expect(TableNames).not.toContain(stack.tableName);
  });
});

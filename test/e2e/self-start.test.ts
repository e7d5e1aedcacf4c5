/**
 * @services emulator
 */
// A workflow whose Lambda task starts the same workflow. The function's variable and grant are
// the state machine's ARN built from its known name (no reference, so no dependency cycle); this
// shows that ARN deploys and starts the workflow on the emulator.
import { DescribeExecutionCommand, ListExecutionsCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { awsClients, deploy, eventually, remove } from '../../testing';

const cwd = join(__dirname, '..', 'fixtures', 'self-start');
const stateMachineArn = 'arn:aws:states:us-east-1:000000000000:stateMachine:stateful-self-start-local-countdown';

/** The succeeded execution of `run` whose input has `left`. */
async function succeeded(run: string, left: number) {
  const { stepFunctions } = awsClients();
  return eventually(`the run ${run} with ${left} left to succeed`, async () => {
    const { executions = [] } = await stepFunctions.send(new ListExecutionsCommand({ stateMachineArn }));
    for (const { executionArn } of executions) {
      const execution = await stepFunctions.send(new DescribeExecutionCommand({ executionArn }));
      const input = JSON.parse(execution.input ?? '{}') as { run?: string; left?: number };
      if (execution.status === 'SUCCEEDED' && input.run === run && input.left === left) return execution;
    }
    return undefined;
  });
}

describe('a workflow whose task starts it, deployed with serverless deploy --stage local', () => {
  beforeAll(async () => {
    await deploy(cwd, { stage: 'local' });
  });
  afterAll(async () => {
    await remove(cwd, { stage: 'local' });
  });

  it('starts itself through the ARN its task holds', async () => {
    const run = randomUUID();
    await awsClients().stepFunctions.send(
      new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ run, left: 1 }) }),
    );
    const first = await succeeded(run, 1);
    expect(JSON.parse(first.output ?? '{}')).toMatchObject({ stateMachineArn, left: 1 });
    await succeeded(run, 0);
  });
});

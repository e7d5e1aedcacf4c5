/**
 * @services emulator
 */
// A workflow with the options a service moving over from serverless-step-functions needs,
// deployed with serverless deploy --stage local: its schedule starts it, its distributed Map
// reads a CSV from S3, and the function it invokes with a task token hands the token back.
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DescribeExecutionCommand, ListExecutionsCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { join } from 'node:path';
import { serverless } from '../../testing/local-aws/serverless-cli';
import { awsClientConfig } from '../support/endpoints';
import { emulatorClients, eventually } from '../support/emulator-clients';

const cwd = join(__dirname, '..', 'fixtures', 'workflow-adoption');
// The name option, as written: no service-stage prefix.
const stateMachineArn = 'arn:aws:states:us-east-1:000000000000:stateMachine:StatefulAdoptionImport-local';

describe('a named, scheduled workflow with a distributed Map and a callback, on the emulator', () => {
  beforeAll(async () => {
    await serverless(['deploy', '--stage', 'local'], { cwd });
  });
  afterAll(async () => {
    await serverless(['remove', '--stage', 'local'], { cwd });
  });

  it('reads the CSV in a distributed Map and waits for the approver to hand the token back', async () => {
    const s3 = new S3Client({ ...awsClientConfig('emulator'), forcePathStyle: true });
    await s3.send(
      new PutObjectCommand({
        Bucket: 'stateful-adoption-imports',
        Key: 'orders.csv',
        Body: 'orderId,total\no-1,10\no-2,25\n',
      }),
    );
    const { stepFunctions } = emulatorClients();
    const { executionArn } = await stepFunctions.send(
      new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ source: 'manual' }) }),
    );
    const done = await eventually(
      'the manual run to finish',
      async () => {
        const execution = await stepFunctions.send(new DescribeExecutionCommand({ executionArn }));
        return execution.status === 'RUNNING' ? undefined : execution;
      },
      60_000,
    );
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output ?? '{}')).toEqual({ approved: ['o-1', 'o-2'] });
  });

  it('is started by its schedule, with the schedule input', async () => {
    const { stepFunctions } = emulatorClients();
    const scheduled = await eventually(
      'a run started by the schedule',
      async () => {
        const { executions = [] } = await stepFunctions.send(new ListExecutionsCommand({ stateMachineArn }));
        for (const { executionArn } of executions) {
          const execution = await stepFunctions.send(new DescribeExecutionCommand({ executionArn }));
          const input = JSON.parse(execution.input ?? '{}') as { source?: string };
          if (input.source === 'schedule') return execution;
        }
        return undefined;
      },
      150_000,
    );
    expect(scheduled.status).not.toBe('FAILED');
  });
});

/**
 * @services emulator
 */
// Lambda makes a function durable only when it creates it. A deploy that adds durable: to a
// function already deployed is stopped before the stack update, with STATE_DURABLE_CHANGED, and
// the function is left as it was. Run on a stage that is not local: on local stages the check is
// skipped, as MiniStack 1.5.33 drops DurableConfig from templates (docs/local-aws.md).
import { GetFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { awsClients, deploy, remove } from '../../testing';
import { handlerFile, serviceYaml } from '../support/package-service';
import { makeServiceDir, type ServiceDir } from '../support/service-dir';

const functions = (durable: string) => `
functions:
  reminder:
    handler: handler.main
${durable}`;

describe('adding durable: to a deployed function', () => {
  let service: ServiceDir;
  beforeAll(async () => {
    service = makeServiceDir({
      'serverless.yml': serviceYaml(functions(''), { service: 'stateful-durable-added' }),
      'handler.js': handlerFile,
    });
    await deploy(service.path, { stage: 'check' });
  });
  afterAll(async () => {
    await remove(service.path, { stage: 'check' });
    service.remove();
  });

  it('is refused before the stack is updated, naming the function and what to do', async () => {
    writeFileSync(
      join(service.path, 'serverless.yml'),
      serviceYaml(functions('    durable: { timeout: 600 }'), { service: 'stateful-durable-added' }),
    );
    const error = await deploy(service.path, { stage: 'check' }).catch((caught: unknown) => caught);
    expect(String(error)).toContain('STATE_DURABLE_CHANGED');
    expect(String(error)).toContain(
      'stateful-durable-added-check-reminder (functions.reminder.durable) is deployed as a plain function',
    );
    const configuration = await awsClients().lambda.send(
      new GetFunctionConfigurationCommand({ FunctionName: 'stateful-durable-added-check-reminder' }),
    );
    expect(configuration.DurableConfig).toBeUndefined();
  });
});

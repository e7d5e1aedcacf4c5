/**
 * @services
 */
// Durable functions compiled by the real framework (osls package): DurableConfig on the function
// osls creates, the checkpoint permissions on the durable function's own role, the invoke and
// callback permissions of exactly the functions that declare them, the variable starters find the
// function by, and the refusals with their codes.
import { cfnLintErrors } from '../support/cfn-lint';
import { packageService, roleStatements, runOnService, serviceYaml, type Template } from '../support/package-service';

const kmsKey = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const executions = {
  'Fn::Sub':
    'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:shop-dev-reminder:*/durable-execution/*/*',
};
const checkpoint = {
  Effect: 'Allow',
  Action: ['lambda:CheckpointDurableExecution', 'lambda:GetDurableExecutionState'],
  Resource: [executions],
};

const body = (reminder: string) => `
state:
  local: { stages: [local] }
  tables:
    carts: { partitionKey: cartId }
functions:
  reminder:
    handler: handler.main
${reminder}
  checkout:
    handler: handler.main
    state: { reminder: start }
  payments:
    handler: handler.main
    state: { reminder: callback, carts: read }
  plain:
    handler: handler.main
`;
const withState = `    durable: { timeout: 90000, retention: 7, kmsKey: '${kmsKey}' }
    state: { carts: read }`;

/** The statements of role `logicalId` that name Lambda actions. */
const lambdaStatements = (template: Template, logicalId: string) =>
  roleStatements(template, logicalId).filter((statement) =>
    statement.Action.some((action) => action.startsWith('lambda:')),
  );

describe('a durable function', () => {
  let template: Template;
  beforeAll(async () => {
    ({ template } = await packageService(serviceYaml(body(withState))));
  });

  it('gets DurableConfig with its timeout, retention and key, and the durable alias osls publishes', () => {
    const fn = template.Resources.ReminderLambdaFunction;
    expect(fn?.Properties.DurableConfig).toEqual({
      ExecutionTimeout: 90000,
      RetentionPeriodInDays: 7,
      KMSKeyArn: kmsKey,
    });
    expect(template.Resources.ReminderDurableLambdaAlias?.Properties.Name).toBe('durable');
    expect(template.Resources.CheckoutLambdaFunction?.Properties.DurableConfig).toBeUndefined();
  });

  it('packages to a template cfn-lint passes', async () => {
    await expect(cfnLintErrors(template)).resolves.toEqual([]);
  });

  it('checkpoints through its own role, on its own executions only; the shared role gets nothing', () => {
    expect(lambdaStatements(template, 'StatefulRoleReminder')).toEqual([checkpoint]);
    expect(JSON.stringify(template.Resources.IamRoleLambdaExecution)).not.toContain('Durable');
  });

  it('is started by exactly the function that declares start, through its alias', () => {
    expect(lambdaStatements(template, 'StatefulRoleCheckout')).toEqual([
      {
        Effect: 'Allow',
        Action: ['lambda:InvokeFunction'],
        Resource: [
          {
            'Fn::Sub':
              'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:shop-dev-reminder:durable',
          },
        ],
      },
    ]);
    expect(template.Resources.CheckoutLambdaFunction?.Properties.Environment).toEqual({
      Variables: { STATEFUL_DURABLE_REMINDER: 'shop-dev-reminder:durable' },
    });
  });

  it('takes callbacks from exactly the function that declares callback, and from no one else', () => {
    expect(lambdaStatements(template, 'StatefulRolePayments')).toEqual([
      {
        Effect: 'Allow',
        Action: [
          'lambda:SendDurableExecutionCallbackSuccess',
          'lambda:SendDurableExecutionCallbackFailure',
          'lambda:SendDurableExecutionCallbackHeartbeat',
        ],
        Resource: [executions],
      },
    ]);
    expect(template.Resources.PlainLambdaFunction?.Properties.Environment).toBeUndefined();
    const shared = JSON.stringify(template.Resources.IamRoleLambdaExecution);
    expect(shared).not.toContain('lambda:');
  });
});

describe('a durable function without a state: block', () => {
  it("keeps the shared role, where osls grants the checkpoint permissions, and runs on osls's durableConfig too", async () => {
    const { template } = await packageService(serviceYaml(body('    durable: { timeout: 600 }')));
    expect(template.Resources.ReminderLambdaFunction?.Properties.DurableConfig).toEqual({ ExecutionTimeout: 600 });
    expect(template.Resources.StatefulRoleReminder).toBeUndefined();
    expect(JSON.stringify(template.Resources.IamRoleLambdaExecution)).toContain('lambda:CheckpointDurableExecution');

    const native = await packageService(
      serviceYaml(body('    durableConfig: { executionTimeout: 120 }\n    state: { carts: read }')),
    );
    expect(lambdaStatements(native.template, 'StatefulRoleReminder')).toEqual([checkpoint]);
    expect(lambdaStatements(native.template, 'StatefulRoleCheckout')[0]?.Action).toEqual(['lambda:InvokeFunction']);
  });
});

describe('a durable function a workflow or a rule runs', () => {
  it('is run through its durable alias (Lambda refuses an unqualified one), and granted on it', async () => {
    const { template } = await packageService(
      serviceYaml(`
state:
  workflows:
    flow:
      definition: { StartAt: Run, States: { Run: { Type: Task, Resource: 'function:reminder', End: true } } }
  buses:
    shop:
      rules:
        added:
          pattern: { detail-type: [Added] }
          targets: [{ function: reminder }]
functions:
  reminder:
    handler: handler.main
    durable: { timeout: 600 }
  plain:
    handler: handler.main
`),
    );
    const alias = { Ref: 'ReminderDurableLambdaAlias' };
    const machine = template.Resources.StatefulWorkflowFlow?.Properties.DefinitionString as { 'Fn::Sub': unknown[] };
    expect(machine['Fn::Sub'][1]).toEqual({ Ref0: alias });
    expect(lambdaStatements(template, 'StatefulWorkflowFlowRole')).toEqual([
      { Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: [alias] },
    ]);
    const rule = template.Resources.StatefulBusShopRuleAdded?.Properties.Targets as { Arn: unknown }[];
    expect(rule[0]?.Arn).toEqual(alias);
    expect(template.Resources.StatefulBusShopRuleAddedPermissionReminder?.Properties.FunctionName).toEqual(alias);
  });
});

describe('on a local stage', () => {
  it('gets the DurableConfig it gets on AWS: nothing an emulator would need instead', async () => {
    const { template } = await packageService(serviceYaml(body(withState)), { args: ['--stage', 'local'] });
    expect(template.Resources.ReminderLambdaFunction?.Properties.DurableConfig).toEqual({
      ExecutionTimeout: 90000,
      RetentionPeriodInDays: 7,
      KMSKeyArn: kmsKey,
    });
  });
});

describe('refusals', () => {
  it.each([
    ['    durable: { timeout: 0 }', 'STATE_DURABLE_OUT_OF_RANGE', 'functions.reminder.durable.timeout: 0 is outside'],
    [
      '    runtime: nodejs20.x\n    durable: { timeout: 60 }',
      'STATE_DURABLE_RUNTIME',
      'runtime nodejs20.x cannot run durable functions',
    ],
    [
      '    durable: { timeout: 60 }\n    durableConfig: { executionTimeout: 60 }',
      'STATE_DURABLE_CONFLICT',
      'both durable: and',
    ],
  ])('fails the package with the code and the reason: %s', async (reminder, code, reason) => {
    const run = await runOnService(serviceYaml(body(reminder)));
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(code);
    expect(run.output).toContain(reason);
  });
});

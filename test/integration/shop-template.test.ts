/**
 * @services
 */
// The reference shop's template, as `serverless package` compiles it for AWS (stage dev: the
// local stages' template is the same less the resources MiniStack lacks, and test/e2e/shop.test.ts
// deploys it): cfn-lint finds no error in it, and every IAM role and statement in it is the
// plugin's, derived from the functions' state: blocks and the workflow's tasks; none is written
// by hand in serverless.yml or resources/.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runServerless } from '../../testing/local-aws/serverless-cli';
import { shopDir } from '../../tools/shop/data';
import { cfnLintErrors } from '../support/cfn-lint';
import { roleStatements, type Template } from '../support/package-service';

// Packaging bundles 14 functions and compiles the service: slow on a busy 2-core machine.
jest.setTimeout(240_000);

async function packageShop(stage: string): Promise<Template> {
  const out = mkdtempSync(join(tmpdir(), `shop-${stage}-`));
  try {
    const run = await runServerless(['package', '--stage', stage, '--package', out], { cwd: shopDir });
    if (run.code !== 0) throw new Error(`serverless package of the shop failed:\n${run.output}`);
    return JSON.parse(readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8')) as Template;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The roles the plugin writes: one per function, the workflow's, and the bus's target role. */
const pluginRole = /^Stateful(Role[A-Z]\w*|Workflow[A-Z]\w*Role|Bus[A-Z]\w*TargetRole)$/;
/** Actions AWS accepts only on `*` (logs delivery, X-Ray), which the plugin grants so. */
const starOnly =
  /^(logs:(CreateLogDelivery|GetLogDelivery|UpdateLogDelivery|DeleteLogDelivery|ListLogDeliveries|PutResourcePolicy|DescribeResourcePolicies|DescribeLogGroups)|xray:\w+)$/;

describe('the shop packaged for stage dev', () => {
  let template: Template;
  beforeAll(async () => {
    template = await packageShop('dev');
  });

  it('passes cfn-lint', async () => {
    await expect(cfnLintErrors(template)).resolves.toEqual([]);
  });

  it('has only the IAM roles the plugin derives, with no wildcard resource for a data action', () => {
    const iam = Object.entries(template.Resources).filter(([, resource]) => resource.Type.startsWith('AWS::IAM::'));
    expect(iam.length).toBeGreaterThan(0);
    for (const [logicalId, resource] of iam) {
      expect([logicalId, resource.Type]).toEqual([expect.stringMatching(pluginRole), 'AWS::IAM::Role']);
      for (const statement of roleStatements(template, logicalId)) {
        if (statement.Resource.includes('*'))
          expect(statement.Action.filter((action) => !starOnly.test(action))).toEqual([]);
      }
    }
    // Each function runs under its own role, from its state: block.
    const functions = Object.values(template.Resources).filter(({ Type }) => Type === 'AWS::Lambda::Function');
    // 14 of its own, statefulInvalidateProducts, which products.invalidates brings, and
    // statefulOutboxRelayShop, which the shop bus's outbox brings.
    expect(functions).toHaveLength(16);
    for (const { Properties } of functions) {
      expect(Properties.Role).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^StatefulRole/), 'Arn'] });
    }
  });

  it('makes cartReminder durable behind its alias, on a role of its own that checkpoints its executions and reads the cart, and lets updateCart alone start it, on exactly that alias', () => {
    const reminder = template.Resources.CartReminderLambdaFunction?.Properties ?? {};
    expect(reminder.DurableConfig).toEqual({ ExecutionTimeout: 2592000, RetentionPeriodInDays: 7 });
    expect(reminder.Role).toEqual({ 'Fn::GetAtt': ['StatefulRoleCartReminder', 'Arn'] });
    expect((reminder.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({
      CART_REMINDER_DELAY_SECONDS: '86400', // a day on AWS; serverless.yml's params shorten it locally
      STATEFUL_TABLE_CARTS: 'shop-dev-carts',
      STATEFUL_TABLE_ORDERS: 'shop-dev-orders',
    });
    const alias = Object.values(template.Resources).filter(
      ({ Type, Properties }) =>
        Type === 'AWS::Lambda::Alias' &&
        JSON.stringify(Properties.FunctionName) === JSON.stringify({ Ref: 'CartReminderLambdaFunction' }),
    );
    expect(alias.map(({ Properties }) => Properties.Name)).toEqual(['durable']);

    const executions = {
      'Fn::Sub':
        'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:shop-dev-cartReminder:*/durable-execution/*/*',
    };
    const read = [
      'dynamodb:GetItem',
      'dynamodb:BatchGetItem',
      'dynamodb:Query',
      'dynamodb:Scan',
      'dynamodb:ConditionCheckItem',
      'dynamodb:DescribeTable',
    ];
    const own = roleStatements(template, 'StatefulRoleCartReminder').filter(
      (statement) => !statement.Action.some((action) => action.startsWith('logs:')),
    );
    expect(own).toEqual([
      {
        Effect: 'Allow',
        Action: ['lambda:CheckpointDurableExecution', 'lambda:GetDurableExecutionState'],
        Resource: [executions],
      },
      { Effect: 'Allow', Action: read, Resource: [{ 'Fn::GetAtt': ['StatefulTableCarts', 'Arn'] }] },
      { Effect: 'Allow', Action: read, Resource: [{ 'Fn::GetAtt': ['StatefulTableOrders', 'Arn'] }] },
      {
        Effect: 'Allow',
        Action: [
          'dynamodb:PutItem',
          'dynamodb:UpdateItem',
          'dynamodb:DeleteItem',
          'dynamodb:BatchWriteItem',
          'dynamodb:ConditionCheckItem',
          'dynamodb:DescribeTable',
        ],
        Resource: [{ 'Fn::GetAtt': ['StatefulTableNotifications', 'Arn'] }],
      },
    ]);

    // The starter: lambda:InvokeFunction on the alias only (not the function, not a version),
    // and the variable durable('cartReminder') finds it by.
    const alone = {
      'Fn::Sub': 'arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:shop-dev-cartReminder:durable',
    };
    expect(
      roleStatements(template, 'StatefulRoleUpdateCart').filter((statement) =>
        statement.Action.some((action) => action.startsWith('lambda:')),
      ),
    ).toEqual([{ Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: [alone] }]);
    expect(
      (template.Resources.UpdateCartLambdaFunction?.Properties.Environment as { Variables: Record<string, unknown> })
        .Variables.STATEFUL_DURABLE_CARTREMINDER,
    ).toBe('shop-dev-cartReminder:durable');
    // No other role may invoke it, checkpoint it or complete its callbacks.
    for (const [logicalId, resource] of Object.entries(template.Resources)) {
      if (
        resource.Type !== 'AWS::IAM::Role' ||
        ['StatefulRoleUpdateCart', 'StatefulRoleCartReminder'].includes(logicalId)
      )
        continue;
      expect([logicalId, JSON.stringify(resource).includes('cartReminder')]).toEqual([logicalId, false]);
    }
  });

  it('gives the shop bus an outbox: updateCart may put into its table, the relay holds that stream, table, bus and queue, and the alarm notifies ShopAlarms', () => {
    const outbox = { 'Fn::GetAtt': ['StatefulBusShopOutbox', 'Arn'] };
    const queue = { 'Fn::GetAtt': ['StatefulBusShopOutboxFailures', 'Arn'] };
    const bus = { 'Fn::GetAtt': ['StatefulBusShop', 'Arn'] };
    expect(roleStatements(template, 'StatefulRoleUpdateCart')).toContainEqual({
      Effect: 'Allow',
      Action: ['dynamodb:PutItem'],
      Resource: [outbox],
    });
    const variables = (
      template.Resources.UpdateCartLambdaFunction?.Properties.Environment as { Variables: Record<string, unknown> }
    ).Variables;
    expect(variables.STATEFUL_OUTBOX_SHOP).toBe('shop-dev-shop-outbox');
    const relay = roleStatements(template, 'StatefulRoleStatefulOutboxRelayShop').filter(
      (statement) => !statement.Action.some((action) => action.startsWith('logs:')),
    );
    expect(relay).toEqual([
      {
        Effect: 'Allow',
        Action: ['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeStream', 'dynamodb:ListStreams'],
        Resource: [{ 'Fn::GetAtt': ['StatefulBusShopOutbox', 'StreamArn'] }],
      },
      { Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: [queue] },
      { Effect: 'Allow', Action: ['dynamodb:UpdateItem'], Resource: [outbox] },
      { Effect: 'Allow', Action: ['events:PutEvents'], Resource: [bus] },
    ]);
    expect(template.Resources.StatefulBusShopOutboxFailuresAlarm?.Properties.AlarmActions).toEqual([
      { Ref: 'ShopAlarms' },
    ]);
    // Other publishers of the bus get the outbox too; functions that do not publish do not.
    for (const [logicalId, resource] of Object.entries(template.Resources)) {
      if (resource.Type !== 'AWS::IAM::Role') continue;
      const text = JSON.stringify(resource);
      const publishes = text.includes('events:PutEvents');
      if (!publishes) expect([logicalId, text.includes('StatefulBusShopOutbox')]).toEqual([logicalId, false]);
    }
  });
});

it('declares no IAM by hand: no provider.iam in serverless.yml, no IAM resource in resources/', () => {
  expect(readFileSync(join(shopDir, 'serverless.yml'), 'utf8')).not.toMatch(/^\s*(iam|iamRoleStatements|role):/m);
  for (const file of readdirSync(join(shopDir, 'resources'))) {
    expect(readFileSync(join(shopDir, 'resources', file), 'utf8')).not.toMatch(/AWS::IAM::|PolicyDocument/);
  }
});

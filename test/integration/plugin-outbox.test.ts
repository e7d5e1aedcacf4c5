/**
 * @services
 */
// `buses.<bus>.outbox` packaged by the real frameworks (osls 4 and serverless 3): the relay it brings
// into the service is compiled like one of the user's, runs the bundled handler from its own zip,
// is subscribed to the outbox table's stream (inserts only, one reader, bisect, bounded retries,
// partial batch responses), sends what it gives up on to an encrypted queue with an alarm, and its
// role holds that stream, that table, that bus and that queue only; a publisher gets PutItem on the
// outbox table and its name. The template passes cfn-lint.
import { basename } from 'node:path';
import { bundledHandlerPath } from '../../plugin/bundled-handlers';
import { cfnLintErrors } from '../support/cfn-lint';
import {
  frameworks,
  packageService,
  roleStatements,
  runOnService,
  serviceYaml,
  type Template,
} from '../support/package-service';

const outboxTable = { 'Fn::GetAtt': ['StatefulBusShopOutbox', 'Arn'] };
const outboxStream = { 'Fn::GetAtt': ['StatefulBusShopOutbox', 'StreamArn'] };
const failureQueue = { 'Fn::GetAtt': ['StatefulBusShopOutboxFailures', 'Arn'] };
const busArn = { 'Fn::GetAtt': ['StatefulBusShop', 'Arn'] };
const functionId = 'StatefulOutboxRelayShopLambdaFunction';
const roleId = 'StatefulRoleStatefulOutboxRelayShop';

/** A shop whose bus has an outbox; updateCart publishes to it, getCart does not. */
const shop = (more = '') =>
  serviceYaml(
    `
state:
  tables:
    carts: { partitionKey: cartId }
  buses:
    shop:
      outbox: true
      rules:
        cartUpdated:
          pattern: { detail-type: [CartUpdated] }
          targets: [{ function: sendSummary }]
functions:
  updateCart:
    handler: handler.main
    state:
      carts: readwrite
      shop: publish
  sendSummary:
    handler: handler.main
    state: {}
${more}`,
    {
      provider: `
  iam:
    role:
      statements:
        - { Effect: Allow, Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::shop-assets/*'] }`,
    },
  );

const mappingOf = (template: Template) => {
  const mappings = Object.entries(template.Resources).filter(
    ([, resource]) => resource.Type === 'AWS::Lambda::EventSourceMapping',
  );
  expect(mappings).toHaveLength(1);
  return mappings[0]?.[1] as Template['Resources'][string];
};

const variablesOf = (template: Template, logicalId: string) =>
  (template.Resources[logicalId]?.Properties.Environment as { Variables: Record<string, unknown> }).Variables;

describe.each(Object.entries(frameworks))('a bus with an outbox, packaged by %s', (_name, bin) => {
  let template: Template;

  beforeAll(async () => {
    ({ template } = await packageService(shop(), { bin }));
  });

  it('compiles the relay from its own zip, with the bundled handler and its settings', () => {
    const fn = template.Resources[functionId];
    expect(fn?.Properties).toMatchObject({
      FunctionName: 'shop-dev-statefulOutboxRelayShop',
      Handler: 'index.handler',
      Runtime: 'nodejs22.x',
      Timeout: 60,
      Role: { 'Fn::GetAtt': [roleId, 'Arn'] },
      Code: { S3Key: expect.stringMatching(new RegExp(`/${basename(bundledHandlerPath('outbox-relay'))}$`)) },
    });
    expect(variablesOf(template, functionId)).toEqual({
      STATEFUL_OUTBOX_RELAY: JSON.stringify({
        bus: 'shop-dev-shop',
        table: 'shop-dev-shop-outbox',
        retentionSeconds: 86_400,
        partialBatchResponses: true,
      }),
    });
  });

  it('subscribes it to the stream: inserts only, one reader, bisect, bounded retries, partial batch responses, the failure queue', () => {
    expect(mappingOf(template).Properties).toEqual({
      EventSourceArn: outboxStream,
      FunctionName: { 'Fn::GetAtt': [functionId, 'Arn'] },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 100,
      Enabled: true,
      ParallelizationFactor: 1,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'] }) }] },
      DestinationConfig: { OnFailure: { Destination: failureQueue } },
    });
  });

  it('creates the encrypted outbox table with its stream and TTL, the encrypted queue and the alarm', () => {
    expect(template.Resources.StatefulBusShopOutbox?.Properties).toMatchObject({
      TableName: 'shop-dev-shop-outbox',
      SSESpecification: { SSEEnabled: true },
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
    expect(template.Resources.StatefulBusShopOutboxFailures?.Properties).toMatchObject({ SqsManagedSseEnabled: true });
    expect(template.Resources.StatefulBusShopOutboxFailuresAlarm?.Properties).toMatchObject({
      Namespace: 'AWS/SQS',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': ['StatefulBusShopOutboxFailures', 'QueueName'] } }],
    });
    expect(template.Outputs.StatefulBusShopOutboxName?.Value).toEqual({ Ref: 'StatefulBusShopOutbox' });
  });

  it('gives the relay its logs, that stream, that queue, UpdateItem on that table and PutEvents on that bus; nothing of the provider', () => {
    const statements = roleStatements(template, roleId);
    const logs = statements.filter((statement) => statement.Action.some((action) => action.startsWith('logs:')));
    expect(logs).toHaveLength(2);
    expect(statements.filter((statement) => !logs.includes(statement))).toEqual([
      {
        Effect: 'Allow',
        Action: ['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeStream', 'dynamodb:ListStreams'],
        Resource: [outboxStream],
      },
      { Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: [failureQueue] },
      { Effect: 'Allow', Action: ['dynamodb:UpdateItem'], Resource: [outboxTable] },
      { Effect: 'Allow', Action: ['events:PutEvents'], Resource: [busArn] },
    ]);
    expect(JSON.stringify(statements)).not.toContain('s3:GetObject');
  });

  it('gives a publisher PutItem on exactly the outbox table and its name; a function that does not publish neither', () => {
    const statements = roleStatements(template, 'StatefulRoleUpdateCart');
    expect(statements).toContainEqual({ Effect: 'Allow', Action: ['events:PutEvents'], Resource: [busArn] });
    expect(statements).toContainEqual({ Effect: 'Allow', Action: ['dynamodb:PutItem'], Resource: [outboxTable] });
    expect(variablesOf(template, 'UpdateCartLambdaFunction')).toMatchObject({
      STATEFUL_BUS_SHOP: 'shop-dev-shop',
      STATEFUL_OUTBOX_SHOP: 'shop-dev-shop-outbox',
    });
    const other = JSON.stringify(roleStatements(template, 'StatefulRoleSendSummary'));
    expect(other).not.toContain('StatefulBusShopOutbox');
    expect(JSON.stringify(template.Resources.SendSummaryLambdaFunction)).not.toContain('STATEFUL_OUTBOX_SHOP');
  });

  it('keeps the stream, the queue and the outbox table off every other role', () => {
    for (const [logicalId, resource] of Object.entries(template.Resources)) {
      if (resource.Type !== 'AWS::IAM::Role' || logicalId === roleId) continue;
      const text = JSON.stringify(resource);
      expect(text).not.toContain('OutboxFailures');
      expect(text).not.toContain('StreamArn');
      if (logicalId !== 'StatefulRoleUpdateCart') expect(text).not.toContain('StatefulBusShopOutbox');
    }
  });

  it('grants no data action on a wildcard', () => {
    for (const [logicalId, resource] of Object.entries(template.Resources)) {
      if (resource.Type !== 'AWS::IAM::Role' || !logicalId.startsWith('StatefulRole')) continue;
      for (const statement of roleStatements(template, logicalId)) {
        if (statement.Action.every((action) => action.startsWith('logs:'))) continue;
        expect(statement.Resource).not.toContain('*');
      }
    }
  });

  it('passes cfn-lint with no errors', async () => {
    expect(await cfnLintErrors(template)).toEqual([]);
  });
});

describe('a bus with an outbox, refused through the framework', () => {
  it('refuses a function of the user with the name of the relay', async () => {
    const run = await runOnService(
      shop(`
  statefulOutboxRelayShop:
    handler: handler.main`),
    );
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(
      'functions.statefulOutboxRelayShop and state.buses.shop.outbox both compile to StatefulOutboxRelayShopLambdaFunction',
    );
    expect(run.output).toContain('STATE_NAME_TAKEN');
  });

  it('refuses a relay whose name is over Lambda’s 64 characters after the service and stage are added', async () => {
    const run = await runOnService(shop(), ['package', '--stage', 'a-rather-long-stage-name-for-reviews']);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(
      'state.buses.shop.outbox: its name "shop-a-rather-long-stage-name-for-reviews-statefulOutboxRelayShop" is 65 characters; AWS allows 64',
    );
  });
});

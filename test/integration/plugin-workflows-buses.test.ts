/**
 * @services
 */
// Workflows and buses compiled by the real framework (osls package): resolved references, the
// inferred roles statement by statement, versions and the live alias, rules and their targets,
// and cfn-lint on the result.
import { cfnLintErrors } from '../support/cfn-lint';
import { packageService, roleStatements, runOnService, serviceYaml, type Template } from '../support/package-service';

const shop = serviceYaml(`
state:
  tables:
    orders: { partitionKey: orderId }
  buses:
    shop:
      archive: { retentionDays: 14 }
      rules:
        itemAdded:
          pattern: { detail-type: [ItemAddedToCart], detail: { quantity: [{ numeric: ['>', 0] }] } }
          targets:
            - function: updateCart
              retry: { maximumAttempts: 4, maximumEventAge: 900 }
              deadLetterQueue: true
        checkoutRequested:
          pattern: { source: [shop.cart], detail-type: [CheckoutRequested] }
          targets:
            - workflow: orderProcessing
              inputTransformer:
                inputPathsMap: { order: $.detail.orderId }
                inputTemplate: '{"orderId": <order>}'
    default:
      rules:
        audit:
          pattern: { source: [aws.s3] }
          targets: [{ function: updateCart, inputPath: $.detail }]
  workflows:
    orderProcessing:
      tracing: true
      logging: { level: ALL, includeExecutionData: true, retentionDays: 7 }
      definition:
        StartAt: Charge
        States:
          Charge:
            Type: Task
            Resource: function:chargePayment
            Next: Record
          Record:
            Type: Task
            Resource: arn:aws:states:::dynamodb:putItem
            Parameters:
              TableName: table:orders
              Item: { orderId: { S.$: $.orderId } }
            Next: Tell
          Tell:
            Type: Task
            Resource: arn:aws:states:::events:putEvents
            Parameters:
              Entries:
                - EventBusName: bus:shop
                  Source: shop.orders
                  DetailType: OrderPlaced
                  Detail.$: $
            Next: Ship
          Ship:
            Type: Task
            Resource: arn:aws:states:::states:startExecution.sync:2
            Parameters:
              StateMachineArn: workflow:shipping
              Input.$: $
            Next: Fan
          Fan:
            Type: Map
            ItemsPath: $.lines
            ItemProcessor:
              StartAt: Reserve
              States:
                Reserve:
                  Type: Task
                  Resource: arn:aws:states:::lambda:invoke
                  Parameters: { FunctionName: function:reserveStock, Payload.$: $ }
                  End: true
            End: true
    shipping:
      type: express
      logging: { level: 'OFF' }
      definition:
        StartAt: Done
        States:
          Done: { Type: Succeed }

functions:
  updateCart:
    handler: handler.main
    state: { shop: publish }
  chargePayment:
    handler: handler.main
  reserveStock:
    handler: handler.main
  checkout:
    handler: handler.main
    state: { orderProcessing: start }
  watcher:
    handler: handler.main
    state: { orderProcessing: read, shipping: start }
`);

const accountArn = (service: string, resource: string) => ({
  'Fn::Sub': `arn:\${AWS::Partition}:${service}:\${AWS::Region}:\${AWS::AccountId}:${resource}`,
});
const live = { Ref: 'StatefulWorkflowOrderProcessingLive' };

describe('state.workflows and state.buses compiled by osls package', () => {
  let template: Template;

  beforeAll(async () => {
    ({ template } = await packageService(shop));
  });

  it('resolves every reference in the definition to an ARN or a name', () => {
    const definition = template.Resources.StatefulWorkflowOrderProcessing?.Properties.DefinitionString as {
      'Fn::Sub': [string, Record<string, unknown>];
    };
    const [text, substitutions] = definition['Fn::Sub'];
    const machine = JSON.parse(text) as {
      States: Record<string, { Resource: string; Parameters?: Record<string, unknown> }>;
    };
    expect(machine.States.Charge?.Resource).toBe('${Ref0}');
    expect(machine.States.Record?.Parameters?.TableName).toBe('shop-dev-orders');
    expect(machine.States.Tell?.Parameters?.Entries).toEqual([
      { EventBusName: 'shop-dev-shop', Source: 'shop.orders', DetailType: 'OrderPlaced', 'Detail.$': '$' },
    ]);
    expect(machine.States.Ship?.Parameters?.StateMachineArn).toBe('${Ref1}');
    expect(text).toContain('"FunctionName": "${Ref2}"');
    expect(substitutions).toEqual({
      Ref0: { 'Fn::GetAtt': ['ChargePaymentLambdaFunction', 'Arn'] },
      Ref1: { Ref: 'StatefulWorkflowShippingLive' },
      Ref2: { 'Fn::GetAtt': ['ReserveStockLambdaFunction', 'Arn'] },
    });
  });

  it('infers the workflow role from its tasks, statement by statement', () => {
    expect(roleStatements(template, 'StatefulWorkflowOrderProcessingRole')).toEqual([
      {
        Effect: 'Allow',
        Action: ['lambda:InvokeFunction'],
        Resource: [
          { 'Fn::GetAtt': ['ChargePaymentLambdaFunction', 'Arn'] },
          { 'Fn::Sub': '${ChargePaymentLambdaFunction.Arn}:*' },
          { 'Fn::GetAtt': ['ReserveStockLambdaFunction', 'Arn'] },
          { 'Fn::Sub': '${ReserveStockLambdaFunction.Arn}:*' },
        ],
      },
      { Effect: 'Allow', Action: ['dynamodb:PutItem'], Resource: [{ 'Fn::GetAtt': ['StatefulTableOrders', 'Arn'] }] },
      { Effect: 'Allow', Action: ['events:PutEvents'], Resource: [{ 'Fn::GetAtt': ['StatefulBusShop', 'Arn'] }] },
      { Effect: 'Allow', Action: ['states:StartExecution'], Resource: [{ Ref: 'StatefulWorkflowShippingLive' }] },
      {
        Effect: 'Allow',
        Action: ['states:DescribeExecution', 'states:StopExecution'],
        Resource: [accountArn('states', 'execution:shop-dev-shipping:*')],
      },
      {
        Effect: 'Allow',
        Action: ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
        Resource: [accountArn('events', 'rule/StepFunctionsGetEventsForStepFunctionsExecutionRule')],
      },
      {
        Effect: 'Allow',
        Action: [
          'logs:CreateLogDelivery',
          'logs:GetLogDelivery',
          'logs:UpdateLogDelivery',
          'logs:DeleteLogDelivery',
          'logs:ListLogDeliveries',
          'logs:PutResourcePolicy',
          'logs:DescribeResourcePolicies',
          'logs:DescribeLogGroups',
        ],
        Resource: ['*'],
      },
      {
        Effect: 'Allow',
        Action: [
          'xray:PutTraceSegments',
          'xray:PutTelemetryRecords',
          'xray:GetSamplingRules',
          'xray:GetSamplingTargets',
        ],
        Resource: ['*'],
      },
    ]);
  });

  it('configures logging and tracing, and publishes a version behind the live alias', () => {
    expect(template.Resources.StatefulWorkflowOrderProcessing?.Properties).toMatchObject({
      StateMachineName: 'shop-dev-orderProcessing',
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: true,
        Destinations: [
          { CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': ['StatefulWorkflowOrderProcessingLogs', 'Arn'] } } },
        ],
      },
    });
    expect(template.Resources.StatefulWorkflowOrderProcessingLogs?.Properties).toEqual({
      LogGroupName: '/aws/vendedlogs/states/shop-dev-orderProcessing',
      RetentionInDays: 7,
    });
    expect(template.Resources.StatefulWorkflowOrderProcessingVersion).toMatchObject({
      Type: 'AWS::StepFunctions::StateMachineVersion',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        StateMachineArn: { Ref: 'StatefulWorkflowOrderProcessing' },
        StateMachineRevisionId: { 'Fn::GetAtt': ['StatefulWorkflowOrderProcessing', 'StateMachineRevisionId'] },
      },
    });
    expect(template.Resources.StatefulWorkflowOrderProcessingLive).toEqual({
      Type: 'AWS::StepFunctions::StateMachineAlias',
      Properties: {
        Name: 'live',
        RoutingConfiguration: [
          { StateMachineVersionArn: { Ref: 'StatefulWorkflowOrderProcessingVersion' }, Weight: 100 },
        ],
      },
    });
    expect(template.Resources.StatefulWorkflowShipping?.Properties).toMatchObject({ StateMachineType: 'EXPRESS' });
    expect(template.Resources.StatefulWorkflowShipping?.Properties).not.toHaveProperty('LoggingConfiguration');
    expect(template.Outputs).toMatchObject({ StatefulWorkflowOrderProcessingLiveArn: { Value: live } });
  });

  it('gives starters the live alias, and readers the executions', () => {
    const env = (fn: string) =>
      (template.Resources[`${fn}LambdaFunction`]?.Properties.Environment as { Variables: Record<string, unknown> })
        .Variables;
    expect(env('Checkout')).toEqual({ STATEFUL_WORKFLOW_ORDERPROCESSING: live });
    const executions = accountArn('states', 'execution:shop-dev-orderProcessing:*');
    expect(roleStatements(template, 'StatefulRoleCheckout').slice(2)).toEqual([
      { Effect: 'Allow', Action: ['states:StartExecution'], Resource: [live] },
      { Effect: 'Allow', Action: ['states:DescribeExecution'], Resource: [executions] },
    ]);
    expect(roleStatements(template, 'StatefulRoleWatcher').slice(2)).toEqual([
      { Effect: 'Allow', Action: ['states:DescribeExecution', 'states:GetExecutionHistory'], Resource: [executions] },
      {
        Effect: 'Allow',
        Action: ['states:StartExecution', 'states:StartSyncExecution'],
        Resource: [{ Ref: 'StatefulWorkflowShippingLive' }],
      },
      {
        Effect: 'Allow',
        Action: ['states:DescribeExecution'],
        Resource: [accountArn('states', 'execution:shop-dev-shipping:*')],
      },
    ]);
  });

  it('compiles the bus, its archive, and rules with their targets, retry and dead letters', () => {
    expect(template.Resources.StatefulBusShop).toEqual({
      Type: 'AWS::Events::EventBus',
      Properties: { Name: 'shop-dev-shop' },
    });
    expect(template.Resources.StatefulBusShopArchive?.Properties).toEqual({
      SourceArn: { 'Fn::GetAtt': ['StatefulBusShop', 'Arn'] },
      RetentionDays: 14,
    });
    expect(template.Resources.StatefulBusShopRuleItemAdded?.Properties).toEqual({
      EventBusName: { Ref: 'StatefulBusShop' },
      EventPattern: { 'detail-type': ['ItemAddedToCart'], detail: { quantity: [{ numeric: ['>', 0] }] } },
      State: 'ENABLED',
      Targets: [
        {
          Id: 'function-updateCart',
          Arn: { 'Fn::GetAtt': ['UpdateCartLambdaFunction', 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 4, MaximumEventAgeInSeconds: 900 },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': ['StatefulBusShopRuleItemAddedDeadLetters0', 'Arn'] } },
        },
      ],
    });
    expect(template.Resources.StatefulBusShopRuleItemAddedPermissionUpdateCart?.Properties).toEqual({
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': ['UpdateCartLambdaFunction', 'Arn'] },
      Principal: 'events.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': ['StatefulBusShopRuleItemAdded', 'Arn'] },
    });
    expect(template.Resources.StatefulBusShopRuleItemAddedDeadLetters0).toEqual({
      Type: 'AWS::SQS::Queue',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 },
    });
    expect(template.Resources.StatefulBusShopRuleItemAddedDeadLetters0Policy?.Properties.PolicyDocument).toMatchObject({
      Statement: [
        {
          Principal: { Service: 'events.amazonaws.com' },
          Action: 'sqs:SendMessage',
          Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': ['StatefulBusShopRuleItemAdded', 'Arn'] } } },
        },
      ],
    });
    expect(template.Resources.StatefulBusShopRuleCheckoutRequested?.Properties.Targets).toEqual([
      {
        Id: 'workflow-orderProcessing',
        Arn: live,
        RoleArn: { 'Fn::GetAtt': ['StatefulBusShopTargetRole', 'Arn'] },
        InputTransformer: { InputTemplate: '{"orderId": <order>}', InputPathsMap: { order: '$.detail.orderId' } },
      },
    ]);
    expect(roleStatements(template, 'StatefulBusShopTargetRole')).toEqual([
      { Effect: 'Allow', Action: ['states:StartExecution'], Resource: [live] },
    ]);
  });

  it('uses the account default bus for a bus named default, creating none', () => {
    expect(template.Resources).not.toHaveProperty('StatefulBusDefault');
    expect(template.Resources.StatefulBusDefaultRuleAudit?.Properties).toMatchObject({
      EventBusName: 'default',
      Targets: [{ Id: 'function-updateCart', InputPath: '$.detail' }],
    });
  });

  it('gives a publisher PutEvents on its bus only, and the bus name', () => {
    expect(roleStatements(template, 'StatefulRoleUpdateCart').slice(2)).toEqual([
      { Effect: 'Allow', Action: ['events:PutEvents'], Resource: [{ 'Fn::GetAtt': ['StatefulBusShop', 'Arn'] }] },
    ]);
    expect(template.Resources.UpdateCartLambdaFunction?.Properties.Environment).toEqual({
      Variables: { STATEFUL_BUS_SHOP: 'shop-dev-shop' },
    });
  });

  it('passes cfn-lint with no errors', async () => {
    await expect(cfnLintErrors(template)).resolves.toEqual([]);
  });

  it('shows workflows, buses, rules, targets, starters and publishers in serverless state:info', async () => {
    const run = await runOnService(shop, ['state:info']);
    expect(run.code).toBe(0);
    expect(run.output).toMatch(
      /orderProcessing\s+workflow\s+standard, 5 tasks, logging ALL, tracing\s+checkout \(start\), watcher \(read\)/,
    );
    expect(run.output).toMatch(/shipping\s+workflow\s+express, 0 tasks, logging OFF\s+watcher \(start\)/);
    expect(run.output).toMatch(
      /shop\s+bus\s+custom bus, archive 14d, rule itemAdded → function updateCart, rule checkoutRequested → workflow orderProcessing\s+updateCart \(publish\)/,
    );
    expect(run.output).toMatch(/default\s+bus\s+default bus, rule audit → function updateCart\s+—/);
  });
});

describe('on a local stage', () => {
  it('emits only what the emulator runs: no version, alias or archive', async () => {
    const { template } = await packageService(
      serviceYaml(`
state:
  local: { stages: [local] }
  buses:
    shop: { archive: { retentionDays: 1 } }
  workflows:
    flow:
      definition: { StartAt: Done, States: { Done: { Type: Succeed } } }
functions:
  starter:
    handler: handler.main
    state: { flow: start }
`),
      { args: ['--stage', 'local'] },
    );
    const types = Object.values(template.Resources).map((resource) => resource.Type);
    expect(types).not.toContain('AWS::StepFunctions::StateMachineVersion');
    expect(types).not.toContain('AWS::StepFunctions::StateMachineAlias');
    expect(types).not.toContain('AWS::Events::Archive');
    expect(template.Resources.StarterLambdaFunction?.Properties.Environment).toEqual({
      Variables: { STATEFUL_WORKFLOW_FLOW: { Ref: 'StatefulWorkflowFlow' } },
    });
  });
});

describe('a function that starts the workflow it is a task of', () => {
  const yaml = serviceYaml(`
state:
  workflows:
    orderFlow:
      definition:
        StartAt: Charge
        States:
          Charge: { Type: Task, Resource: 'function:charge', Next: Nested }
          Nested:
            Type: Task
            Resource: arn:aws:states:::states:startExecution
            Parameters: { StateMachineArn: 'workflow:refundFlow', Input.$: $ }
            End: true
    refundFlow:
      definition:
        StartAt: Refund
        States:
          Refund:
            Type: Task
            Resource: arn:aws:states:::lambda:invoke
            Parameters: { FunctionName: 'function:refund', Payload.$: $ }
            End: true
functions:
  charge:
    handler: handler.main
    state: { orderFlow: start }
  refund:
    handler: handler.main
    state: { orderFlow: read, refundFlow: start }
  checkout:
    handler: handler.main
    state: { orderFlow: start }
`);
  const known = (name: string) => ({
    'Fn::Sub': `arn:\${AWS::Partition}:states:\${AWS::Region}:\${AWS::AccountId}:stateMachine:shop-dev-${name}:live`,
  });

  it('gets the ARN built from the known name, so the template has no dependency cycle', async () => {
    // packageService fails on a template with a dependency cycle.
    const { template } = await packageService(yaml);
    expect(template.Resources.ChargeLambdaFunction?.Properties.Environment).toEqual({
      Variables: { STATEFUL_WORKFLOW_ORDERFLOW: known('orderFlow') },
    });
    expect(roleStatements(template, 'StatefulRoleCharge')).toContainEqual({
      Effect: 'Allow',
      Action: ['states:StartExecution'],
      Resource: [known('orderFlow')],
    });
    // refund runs in refundFlow, which orderFlow starts: it holds both by their known names.
    expect(template.Resources.RefundLambdaFunction?.Properties.Environment).toEqual({
      Variables: { STATEFUL_WORKFLOW_ORDERFLOW: known('orderFlow'), STATEFUL_WORKFLOW_REFUNDFLOW: known('refundFlow') },
    });
    // A starter the workflow does not run keeps the reference to the alias.
    expect(template.Resources.CheckoutLambdaFunction?.Properties.Environment).toEqual({
      Variables: { STATEFUL_WORKFLOW_ORDERFLOW: { Ref: 'StatefulWorkflowOrderFlowLive' } },
    });
    await expect(cfnLintErrors(template)).resolves.toEqual([]);
  });

  it('names the state machine itself on a local stage, where there is no alias', async () => {
    const { template } = await packageService(yaml.replace('state:\n', 'state:\n  local: { stages: [local] }\n'), {
      args: ['--stage', 'local'],
    });
    expect(template.Resources.ChargeLambdaFunction?.Properties.Environment).toEqual({
      Variables: {
        STATEFUL_WORKFLOW_ORDERFLOW: {
          'Fn::Sub': 'arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:shop-local-orderFlow',
        },
      },
    });
  });
});

describe('${state:…} inside state:', () => {
  it('resolves a reference to another resource from within a workflow, without a circular reference', async () => {
    const { template } = await packageService(
      serviceYaml(`
state:
  tables:
    orders: { partitionKey: orderId }
  workflows:
    flow:
      definition:
        StartAt: Read
        States:
          Read:
            Type: Task
            Resource: arn:aws:states:::aws-sdk:dynamodb:getItem
            Parameters: { TableName: '\${state:orders.name}', Key: { orderId: { S: x } } }
            End: true
      permissions:
        - Effect: Allow
          Action: dynamodb:GetItem
          Resource: ['\${state:orders.arn}']
`),
    );
    const definition = template.Resources.StatefulWorkflowFlow?.Properties.DefinitionString as string;
    expect(JSON.parse(definition)).toMatchObject({
      States: { Read: { Parameters: { TableName: 'shop-dev-orders' } } },
    });
    expect(roleStatements(template, 'StatefulWorkflowFlowRole')).toContainEqual({
      Effect: 'Allow',
      Action: ['dynamodb:GetItem'],
      Resource: [{ 'Fn::GetAtt': ['StatefulTableOrders', 'Arn'] }],
    });
  });
});

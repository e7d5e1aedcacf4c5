/**
 * @services
 */
// What a service moving over from serverless-step-functions needs of its workflows, compiled by
// the real framework (osls package): a distributed Map's role, a task-token callback, a physical
// name and a schedule; no dependency cycle, and cfn-lint clean.
import { cfnLintErrors } from '../support/cfn-lint';
import { assertAcyclic } from '../support/dependency-graph';
import { packageService, roleStatements, runOnService, serviceYaml, type Template } from '../support/package-service';

const service = serviceYaml(`
state:
  workflows:
    importOrders:
      name: ImportOrders
      events:
        - schedule: { rate: cron(0 3 * * ? *), input: { source: nightly } }
        - httpApi: POST /imports
      definition:
        StartAt: Fan
        States:
          Fan:
            Type: Map
            ItemReader:
              Resource: arn:aws:states:::s3:getObject
              ReaderConfig: { InputType: CSV, CSVHeaderLocation: FIRST_ROW }
              Parameters: { Bucket: shop-imports, Key: orders/today.csv }
            ResultWriter:
              Resource: arn:aws:states:::s3:putObject
              Parameters: { Bucket: shop-results, Prefix: imports }
            ItemProcessor:
              ProcessorConfig: { Mode: DISTRIBUTED, ExecutionType: EXPRESS }
              StartAt: Import
              States:
                Import:
                  Type: Task
                  Resource: arn:aws:states:::lambda:invoke
                  Parameters: { FunctionName: function:importOrder, Payload.$: $ }
                  End: true
            Next: Approve
          Approve:
            Type: Task
            Resource: arn:aws:states:::lambda:invoke.waitForTaskToken
            Parameters:
              FunctionName: function:askApprover
              Payload: { token.$: $$.Task.Token }
            End: true
functions:
  importOrder:
    handler: handler.main
  askApprover:
    handler: handler.main
  approve:
    handler: handler.main
    state: { importOrders: callback }
    events: [{ httpApi: POST /approvals }]
`);

const own = (resource: string) => ({
  'Fn::Sub': `arn:\${AWS::Partition}:states:\${AWS::Region}:\${AWS::AccountId}:${resource}`,
});
const callback = {
  Effect: 'Allow',
  Action: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
  Resource: ['*'],
};

describe('a workflow moved over from serverless-step-functions, packaged by osls', () => {
  let template: Template;

  beforeAll(async () => {
    ({ template } = await packageService(service));
  });

  it('names the state machine as the name option says', () => {
    expect(template.Resources.StatefulWorkflowImportOrders?.Properties.StateMachineName).toBe('ImportOrders');
  });

  it("gives the state machine's role its child executions and exactly the S3 objects of its reader and writer", () => {
    const statements = roleStatements(template, 'StatefulWorkflowImportOrdersRole');
    expect(statements).toEqual(
      expect.arrayContaining([
        {
          Effect: 'Allow',
          Action: ['states:StartExecution'],
          Resource: [own('stateMachine:ImportOrders'), own('stateMachine:ImportOrders:*')],
        },
        {
          Effect: 'Allow',
          Action: ['states:DescribeExecution', 'states:StopExecution', 'states:RedriveExecution'],
          Resource: [own('execution:ImportOrders/*')],
        },
        {
          Effect: 'Allow',
          Action: ['s3:GetObject'],
          Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::shop-imports/orders/today.csv' }],
        },
        {
          Effect: 'Allow',
          Action: ['s3:PutObject', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:AbortMultipartUpload'],
          Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::shop-results/imports/*' }],
        },
      ]),
    );
    const data = statements.filter((statement) =>
      [statement.Action].flat().some((action) => /^(s3|states|lambda):/.test(action)),
    );
    for (const statement of data) expect([statement.Resource].flat()).not.toContain('*');
  });

  it('lets the function invoked with a task token, and the one that declares callback, hand it back', () => {
    expect(roleStatements(template, 'StatefulRoleAskApprover')).toContainEqual(callback);
    expect(roleStatements(template, 'StatefulRoleApprove')).toContainEqual(callback);
    // importOrder is a task too, but receives no token: it stays on the shared role.
    expect(template.Resources.StatefulRoleImportOrder).toBeUndefined();
  });

  it('starts the live alias on schedule, through a role allowed to start only it', () => {
    const live = { Ref: 'StatefulWorkflowImportOrdersLive' };
    expect(template.Resources.StatefulWorkflowImportOrdersSchedule0?.Properties).toMatchObject({
      ScheduleExpression: 'cron(0 3 * * ? *)',
      Target: { Arn: live, Input: '{"source":"nightly"}' },
    });
    expect(roleStatements(template, 'StatefulWorkflowImportOrdersScheduleRole')).toEqual([
      { Effect: 'Allow', Action: ['states:StartExecution'], Resource: [live] },
    ]);
  });

  it("adds POST /imports to the service's HttpApi, starting the live alias through a role allowed only that", () => {
    const live = { Ref: 'StatefulWorkflowImportOrdersLive' };
    expect(template.Resources.StatefulWorkflowImportOrdersHttpApiRoute1?.Properties).toEqual({
      ApiId: { Ref: 'HttpApi' },
      RouteKey: 'POST /imports',
      Target: { 'Fn::Join': ['/', ['integrations', { Ref: 'StatefulWorkflowImportOrdersHttpApiIntegration1' }]] },
    });
    expect(template.Resources.StatefulWorkflowImportOrdersHttpApiIntegration1?.Properties).toMatchObject({
      IntegrationSubtype: 'StepFunctions-StartExecution',
      RequestParameters: { StateMachineArn: live, Input: '$request.body' },
    });
    expect(roleStatements(template, 'StatefulWorkflowImportOrdersHttpApiRole')).toEqual([
      { Effect: 'Allow', Action: ['states:StartExecution'], Resource: [live] },
    ]);
    expect(template.Resources.HttpApi?.Type).toBe('AWS::ApiGatewayV2::Api');
  });

  it('has no dependency cycle and passes cfn-lint', async () => {
    expect(() => assertAcyclic(template)).not.toThrow();
    await expect(cfnLintErrors(template)).resolves.toEqual([]);
  });

  it('shows the callback functions in serverless state:info', async () => {
    const run = await runOnService(service, ['state:info']);
    expect(run.code).toBe(0);
    expect(run.output).toMatch(
      /importOrders\s+workflow\s+standard, 2 tasks, logging ERROR, named ImportOrders, schedule cron\(0 3 \* \* \? \*\), route POST \/imports\s+approve \(callback\), askApprover \(callback\)/,
    );
  });
});

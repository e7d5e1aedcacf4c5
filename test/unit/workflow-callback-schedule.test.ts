// The callback access level (granted to the functions a workflow invokes with a task token, or
// declared), the `name` option, and schedules that start a workflow.
import type { CfnResource } from '../../plugin/cloudformation';
import type { Statement } from '../../plugin/iam';
import { workflows } from '../../plugin/kinds/workflows';
import type { WorkflowConfig } from '../../plugin/kinds/workflows/schema';
import { buildStateModel, compileContext } from '../../plugin/state-model';
import type { FunctionDefinition } from '../../plugin/serverless';
import { compileState, refusal } from '../support/compile-state';
import { assertAcyclic } from '../support/dependency-graph';

const approval = {
  definition: {
    StartAt: 'Ask',
    States: {
      Ask: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: { FunctionName: 'function:askApprover', Payload: { 'token.$': '$$.Task.Token' } },
        Next: 'Ship',
      },
      Ship: { Type: 'Task', Resource: 'function:ship', End: true },
    },
  },
};
const fn: FunctionDefinition = { handler: 'handler.main' };
const callbackStatement = {
  Effect: 'Allow',
  Action: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
  Resource: ['*'],
};

/** The grants each function gets, as the plugin computes them for its role. */
function grantsOf(state: unknown, functions: Record<string, FunctionDefinition>) {
  const model = buildStateModel(state, functions);
  const context = compileContext({
    config: model.config,
    service: 'shop',
    stage: 'dev',
    functionNames: Object.keys(functions),
    functionLogicalId: (name) => `${name}Fn`,
    normalizedFunctionName: (name) => name,
    uses: model.uses,
  });
  const grants = (functionName: string): Statement[] =>
    model.uses
      .filter((use) => use.functionName === functionName)
      .flatMap((use) =>
        use.resource.kind.grant(use.resource.name, use.resource.config, use.access, context, functionName),
      );
  return { model, grants };
}

describe('the callback access level', () => {
  it('is granted, unasked, to a function the workflow invokes with .waitForTaskToken, and to it only', () => {
    const { model, grants } = grantsOf({ workflows: { approval } }, { askApprover: fn, ship: fn, other: fn });
    expect(grants('askApprover')).toEqual([callbackStatement]);
    expect(grants('ship')).toEqual([]);
    expect(model.statefulFunctions.has('askApprover')).toBe(true);
    expect(model.statefulFunctions.has('ship')).toBe(false);
    expect(model.statefulFunctions.has('other')).toBe(false);
  });

  it('is added once beside what the function declares, and not at all to a function with a role of its own', () => {
    const declared = { askApprover: { ...fn, state: { approval: 'callback' } } };
    expect(grantsOf({ workflows: { approval } }, declared).grants('askApprover')).toEqual([callbackStatement]);
    const starter = { askApprover: { ...fn, state: { approval: 'start' } } };
    const both = grantsOf({ workflows: { approval } }, starter).grants('askApprover');
    expect(both.map((statement) => statement.Action)).toEqual([
      ['states:StartExecution'],
      ['states:DescribeExecution'],
      callbackStatement.Action,
    ]);
    const ownRole = grantsOf({ workflows: { approval } }, { askApprover: { ...fn, role: 'arn:aws:iam::1:role/mine' } });
    expect(ownRole.grants('askApprover')).toEqual([]);
    expect(ownRole.model.statefulFunctions.has('askApprover')).toBe(false);
  });

  it('can be declared by a function that completes tasks another way (an SQS or EventBridge callback)', () => {
    const { grants } = grantsOf({ workflows: { approval } }, { worker: { ...fn, state: { approval: 'callback' } } });
    expect(grants('worker')).toEqual([callbackStatement]);
  });

  it('is refused on kinds it does not apply to, listing the valid levels', () => {
    expect(() =>
      buildStateModel({ tables: { orders: { partitionKey: 'id' } } }, { f: { ...fn, state: { orders: 'callback' } } }),
    ).toThrow('"callback" does not apply to table orders; use read, write or readwrite.');
  });
});

describe('the name option', () => {
  it('names the state machine, its log group and every ARN built from the name', () => {
    const resources = compileState(
      { workflows: { flow: { ...approval, name: 'OrderApproval_v2' } } },
      { askApprover: fn, ship: fn },
    );
    expect(resources.StatefulWorkflowFlow?.Properties?.StateMachineName).toBe('OrderApproval_v2');
    expect(resources.StatefulWorkflowFlowLogs?.Properties?.LogGroupName).toBe(
      '/aws/vendedlogs/states/OrderApproval_v2',
    );
    const model = buildStateModel(
      { workflows: { flow: { ...approval, name: 'OrderApproval_v2' } } },
      { askApprover: fn, ship: fn },
    );
    const context = compileContext({
      config: model.config,
      service: 'shop',
      stage: 'dev',
      functionNames: ['askApprover', 'ship'],
      functionLogicalId: (name) => `${name}Fn`,
      normalizedFunctionName: (name) => name,
    });
    const config = model.config.workflows?.flow as WorkflowConfig;
    expect(workflows.references('flow', config, context).name?.()).toBe('OrderApproval_v2');
    expect(workflows.grant('flow', config, 'read', context, 'x')[0]?.Resource).toEqual([
      { 'Fn::Sub': 'arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:OrderApproval_v2:*' },
    ]);
  });

  it.each([
    ['', 'it is 0 characters; Step Functions allows 1 to 80'],
    ['x'.repeat(81), 'it is 81 characters; Step Functions allows 1 to 80'],
    ['order processing', 'it holds white space'],
    ['orders:v2', 'it holds special characters'],
    ['orders*', 'it holds wildcard characters ? *'],
    ['orders{1}', 'it holds brackets'],
  ])('refuses %j: %s', (name, why) => {
    const { code, message } = refusal({ workflows: { flow: { ...approval, name } } }, { askApprover: fn, ship: fn });
    expect(code).toBe('STATE_WORKFLOW_NAME_INVALID');
    expect(message).toContain(`state.workflows.flow.name: "${name}" cannot name a state machine: ${why}`);
    expect(message).toContain('A name is 1 to 80 characters');
  });

  it('accepts 80 characters exactly', () => {
    const resources = compileState(
      { workflows: { flow: { ...approval, name: 'a'.repeat(80) } } },
      { askApprover: fn, ship: fn },
    );
    expect(resources.StatefulWorkflowFlow?.Properties?.StateMachineName).toBe('a'.repeat(80));
  });
});

describe('schedules on a workflow', () => {
  const done = { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } };
  const scheduled = (events: unknown[]) => compileState({ workflows: { nightly: { definition: done, events } } });
  const live = { Ref: 'StatefulWorkflowNightlyLive' };

  it('compiles each schedule to an EventBridge Scheduler schedule targeting the live alias', () => {
    const resources = scheduled([
      { schedule: 'rate(1 hour)' },
      { schedule: { rate: 'cron(0 3 * * ? *)', timezone: 'Europe/Paris', input: { full: true }, enabled: false } },
    ]);
    expect(resources.StatefulWorkflowNightlySchedule0).toEqual({
      Type: 'AWS::Scheduler::Schedule',
      Properties: {
        Description: 'Starts workflow nightly',
        ScheduleExpression: 'rate(1 hour)',
        FlexibleTimeWindow: { Mode: 'OFF' },
        State: 'ENABLED',
        Target: { Arn: live, RoleArn: { 'Fn::GetAtt': ['StatefulWorkflowNightlyScheduleRole', 'Arn'] } },
      },
    });
    expect(resources.StatefulWorkflowNightlySchedule1?.Properties).toMatchObject({
      ScheduleExpression: 'cron(0 3 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Paris',
      State: 'DISABLED',
      Target: { Input: '{"full":true}' },
    });
    expect(() => assertAcyclic({ Resources: resources })).not.toThrow();
  });

  it('gives the scheduler a role that may start exactly this workflow', () => {
    const role = scheduled([{ schedule: 'rate(5 minutes)' }]).StatefulWorkflowNightlyScheduleRole as CfnResource;
    const properties = role.Properties as Record<string, { Statement: unknown[] }> & {
      Policies: { PolicyDocument: { Statement: Statement[] } }[];
    };
    expect(properties.AssumeRolePolicyDocument?.Statement).toEqual([
      { Effect: 'Allow', Principal: { Service: ['scheduler.amazonaws.com'] }, Action: ['sts:AssumeRole'] },
    ]);
    expect(properties.Policies[0]?.PolicyDocument.Statement).toEqual([
      { Effect: 'Allow', Action: ['states:StartExecution'], Resource: [live] },
    ]);
  });

  it('adds nothing to a workflow without schedules', () => {
    expect(Object.keys(compileState({ workflows: { nightly: { definition: done } } }))).not.toContain(
      'StatefulWorkflowNightlyScheduleRole',
    );
  });

  it.each(['every hour', 'rate(0 minutes)', 'rate(1 week)', 'cron(0 3 * * ?)'])(
    'refuses %j, listing the forms',
    (rate) => {
      const { code, message } = refusal({ workflows: { nightly: { definition: done, events: [{ schedule: rate }] } } });
      expect(code).toBe('STATE_WORKFLOW_SCHEDULE_INVALID');
      expect(message).toContain(`state.workflows.nightly.events.0.schedule: "${rate}" is no schedule expression`);
      expect(message).toContain('rate(<n> minutes|hours|days), cron(');
    },
  );
});

describe('HTTP API routes on a workflow', () => {
  const done = { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } };
  const withApi = { ping: { handler: 'handler.main', events: [{ httpApi: 'GET /ping' }] } };
  const routed = (events: unknown[], functions: Record<string, FunctionDefinition> = withApi) =>
    compileState({ workflows: { orders: { definition: done, events } } }, functions);
  const live = { Ref: 'StatefulWorkflowOrdersLive' };

  it("adds a route to the service's HttpApi, integrated with StepFunctions-StartExecution on the live alias", () => {
    const resources = routed([{ httpApi: 'POST /orders' }, { httpApi: { method: 'put', path: '/orders/{id}' } }]);
    expect(resources.StatefulWorkflowOrdersHttpApiIntegration0).toEqual({
      Type: 'AWS::ApiGatewayV2::Integration',
      Properties: {
        ApiId: { Ref: 'HttpApi' },
        IntegrationType: 'AWS_PROXY',
        IntegrationSubtype: 'StepFunctions-StartExecution',
        PayloadFormatVersion: '1.0',
        CredentialsArn: { 'Fn::GetAtt': ['StatefulWorkflowOrdersHttpApiRole', 'Arn'] },
        RequestParameters: { StateMachineArn: live, Input: '$request.body' },
      },
    });
    expect(resources.StatefulWorkflowOrdersHttpApiRoute0).toEqual({
      Type: 'AWS::ApiGatewayV2::Route',
      Properties: {
        ApiId: { Ref: 'HttpApi' },
        RouteKey: 'POST /orders',
        Target: { 'Fn::Join': ['/', ['integrations', { Ref: 'StatefulWorkflowOrdersHttpApiIntegration0' }]] },
      },
    });
    expect(resources.StatefulWorkflowOrdersHttpApiRoute1?.Properties?.RouteKey).toBe('PUT /orders/{id}');
    expect(() => assertAcyclic({ Resources: resources })).not.toThrow();
  });

  it('gives API Gateway a role that may start exactly this workflow', () => {
    const role = routed([{ httpApi: 'POST /orders' }]).StatefulWorkflowOrdersHttpApiRole as CfnResource;
    const properties = role.Properties as Record<string, { Statement: unknown[] }> & {
      Policies: { PolicyDocument: { Statement: Statement[] } }[];
    };
    expect(properties.AssumeRolePolicyDocument?.Statement).toEqual([
      { Effect: 'Allow', Principal: { Service: ['apigateway.amazonaws.com'] }, Action: ['sts:AssumeRole'] },
    ]);
    expect(properties.Policies[0]?.PolicyDocument.Statement).toEqual([
      { Effect: 'Allow', Action: ['states:StartExecution'], Resource: [live] },
    ]);
  });

  it('refuses a route when the service has no HTTP API', () => {
    const { code, message } = refusal({
      workflows: { orders: { definition: done, events: [{ httpApi: 'POST /orders' }] } },
    });
    expect(code).toBe('STATE_HTTP_API_MISSING');
    expect(message).toContain('state.workflows.orders.events.0.httpApi: the service has no HTTP API');
    expect(message).toContain('provider.httpApi.id');
  });

  it.each([
    ['POST orders', 'is no route'],
    ['FETCH /orders', 'is no route'],
  ])('refuses %j', (route, why) => {
    const { code, message } = refusal(
      { workflows: { orders: { definition: done, events: [{ httpApi: route }] } } },
      withApi,
    );
    expect(code).toBe('STATE_WORKFLOW_ROUTE_INVALID');
    expect(message).toContain(`state.workflows.orders.events.0.httpApi: "${route}" ${why}`);
    expect(message).toContain('GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ANY');
  });

  it('refuses the same route twice', () => {
    const twice = [{ httpApi: 'POST /orders' }, { httpApi: { method: 'POST', path: '/orders' } }];
    expect(refusal({ workflows: { orders: { definition: done, events: twice } } }, withApi).message).toContain(
      'state.workflows.orders.events.1.httpApi: "POST /orders" is given twice',
    );
  });

  it('refuses an event that is both a schedule and a route', () => {
    const both = [{ schedule: 'rate(1 hour)', httpApi: 'POST /orders' }];
    expect(refusal({ workflows: { orders: { definition: done, events: both } } }, withApi).code).toBe(
      'STATE_CONFIG_INVALID',
    );
  });
});

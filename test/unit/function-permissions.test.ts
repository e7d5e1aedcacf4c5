import { functionRole } from '../../plugin/functions/function-role';
import {
  handOverFromRolesPerFunction,
  ownStatements,
  rolesPerFunctionSettings,
  type RolesPerFunctionSettings,
} from '../../plugin/functions/own-statements';
import {
  providerStatementWarning,
  providerStatementsOnState,
  type StateTarget,
} from '../../plugin/functions/provider-statements-on-state';
import { StatefulConfigError } from '../../plugin/errors';
import { allow, type Statement } from '../../plugin/iam';
import type { AwsNaming, FunctionDefinition, ProviderConfig } from '../../plugin/serverless';
import { buildStateModel } from '../../plugin/state-model';

const naming: AwsNaming = {
  getNormalizedFunctionName: (name) => name.replace(/^./, (first) => first.toUpperCase()),
  getLambdaLogicalId: (name) => `${name}LambdaFunction`,
  getWebsocketsApiLogicalId: () => 'WebsocketsApi',
  getHttpApiLogicalId: () => 'HttpApi',
  getLogGroupName: (name) => `/aws/lambda/${name}`,
  getRoleLogicalId: () => 'IamRoleLambdaExecution',
  getRolePath: () => '/',
  getPolicyName: () => 'shop-dev-lambda',
};

const ssm = allow(['ssm:GetParameter'], ['arn:aws:ssm:us-east-1:123456789012:parameter/shop/*']);
const provider = (statements: unknown[] = [ssm]): ProviderConfig => ({
  name: 'aws',
  iam: { role: { statements, managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] } },
  compiledCloudFormationTemplate: { Resources: {}, Outputs: {} },
});
const comprehend: Statement = { Effect: 'Allow', Action: ['comprehend:DetectSentiment'], Resource: ['*'] };
const queue = allow(['sqs:SendMessage'], ['arn:aws:sqs:us-east-1:123456789012:jobs']);
const grant = allow(['dynamodb:GetItem'], [{ 'Fn::GetAtt': ['StatefulTableCarts', 'Arn'] }]);

/** The role of function `classify` with `declared`, as the plugin builds it. */
function roleOf(definition: FunctionDefinition, settings: RolesPerFunctionSettings = { defaultInherit: false }) {
  const declared = ownStatements('classify', definition, settings);
  const role = functionRole({
    naming,
    provider: provider(),
    definition: { ...definition, name: 'shop-dev-classify' },
    compiledFunction: undefined,
    ownConfiguration: { statements: [], principals: [] },
    grants: [grant],
    declared: declared.statements,
    ...(declared.permissionsBoundary !== undefined ? { permissionsBoundary: declared.permissionsBoundary } : {}),
    inheritsProviderRole: declared.inheritsProviderRole ?? true,
  });
  const properties = role.Properties as {
    Policies: { PolicyDocument: { Statement: { Action: unknown }[] } }[];
    ManagedPolicyArns?: unknown[];
    PermissionsBoundary?: unknown;
  };
  const statements = properties.Policies[0]?.PolicyDocument.Statement ?? [];
  return {
    beyondLogs: statements.filter((statement) => ![statement.Action].flat().some((a) => String(a).startsWith('logs:'))),
    managedPolicies: properties.ManagedPolicyArns,
    boundary: properties.PermissionsBoundary,
  };
}

describe("a function's permissions: in its role", () => {
  it('come after the provider statements and its state grants, as written', () => {
    const { beyondLogs, managedPolicies } = roleOf({ permissions: [comprehend] });
    expect(beyondLogs).toEqual([
      { Effect: 'Allow', Action: 'ssm:GetParameter', Resource: 'arn:aws:ssm:us-east-1:123456789012:parameter/shop/*' },
      { Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: { 'Fn::GetAtt': ['StatefulTableCarts', 'Arn'] } },
      { Effect: 'Allow', Action: 'comprehend:DetectSentiment', Resource: '*' },
    ]);
    expect(managedPolicies).toEqual(['arn:aws:iam::aws:policy/ReadOnlyAccess']);
  });

  it('are checked against the statement schema, with the path of the problem', () => {
    const refusal = (permissions: unknown) => {
      try {
        buildStateModel({ tables: { carts: { partitionKey: 'id' } } }, { classify: { permissions } });
      } catch (error) {
        if (error instanceof StatefulConfigError) return { code: error.code, message: error.message };
        throw error;
      }
      throw new Error('accepted');
    };
    expect(refusal([{ Effect: 'Allow', Action: 's3:GetObject' }])).toEqual({
      code: 'STATE_CONFIG_INVALID',
      message: expect.stringContaining('functions.classify.permissions.0: "Resource" is required') as unknown,
    });
    expect(refusal([{ Effect: 'Permit', Action: 's3:GetObject', Resource: '*', Sids: 'x' }]).message).toMatch(
      /functions\.classify\.permissions\.0: unknown key "Sids"; valid keys are Effect, Action, Resource or Condition[\s\S]*functions\.classify\.permissions\.0\.Effect: "Permit" is not allowed; use Allow or Deny/,
    );
    expect(refusal({ Effect: 'Allow' }).message).toContain(
      'functions.classify.permissions: {"Effect":"Allow"} is not an array',
    );
  });

  it('give a function without state: a role of its own', () => {
    const model = buildStateModel({}, { upload: { permissions: [comprehend] }, health: {} });
    expect([...model.statefulFunctions]).toEqual(['upload']);
  });
});

describe("serverless-iam-roles-per-function's iamRoleStatements in the plugin's role", () => {
  it('are exactly the statements beyond the state grants, without the provider role unless inherited', () => {
    const { beyondLogs, managedPolicies } = roleOf({ iamRoleStatements: [queue] });
    expect(beyondLogs).toEqual([
      { Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: { 'Fn::GetAtt': ['StatefulTableCarts', 'Arn'] } },
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:123456789012:jobs' },
    ]);
    expect(managedPolicies).toBeUndefined();
  });

  it('inherit the provider statements with iamRoleStatementsInherit, or defaultInherit unless the function says false', () => {
    const inherited = (definition: FunctionDefinition, defaultInherit: boolean) =>
      JSON.stringify(roleOf(definition, { defaultInherit }).beyondLogs).includes('ssm:GetParameter');
    expect(inherited({ iamRoleStatements: [queue], iamRoleStatementsInherit: true }, false)).toBe(true);
    expect(inherited({ iamRoleStatements: [queue] }, true)).toBe(true);
    expect(inherited({ iamRoleStatements: [queue], iamRoleStatementsInherit: false }, true)).toBe(false);
    expect(rolesPerFunctionSettings({ 'serverless-iam-roles-per-function': { defaultInherit: true } })).toEqual({
      defaultInherit: true,
    });
    expect(rolesPerFunctionSettings(undefined)).toEqual({ defaultInherit: false });
  });

  it("follow permissions:, and take the function's iamPermissionsBoundary", () => {
    const boundary = 'arn:aws:iam::123456789012:policy/boundary';
    const role = roleOf({ permissions: [comprehend], iamRoleStatements: [queue], iamPermissionsBoundary: boundary });
    expect(role.beyondLogs.slice(-2).map((statement) => statement.Action)).toEqual([
      'comprehend:DetectSentiment',
      'sqs:SendMessage',
    ]);
    expect(role.boundary).toBe(boundary);
  });

  it("take iamGlobalPermissionsBoundary, over the provider's, unless the function has iamPermissionsBoundary: that plugin's rule", () => {
    const global = { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:policy/org-boundary' };
    const settings = rolesPerFunctionSettings({
      'serverless-iam-roles-per-function': { iamGlobalPermissionsBoundary: global },
    });
    expect(settings).toEqual({ defaultInherit: false, globalPermissionsBoundary: global });
    const own = 'arn:aws:iam::123456789012:policy/legacy-boundary';
    expect(roleOf({ iamRoleStatements: [queue] }, settings).boundary).toEqual(global);
    expect(roleOf({ iamRoleStatements: [queue], iamPermissionsBoundary: own }, settings).boundary).toBe(own);
    // A function with a state: block and no iamRoleStatements: that plugin would have put it on the shared role.
    expect(roleOf({ permissions: [comprehend] }, settings).boundary).toEqual(global);
    expect(roleOf({ permissions: [comprehend], iamPermissionsBoundary: own }, settings).boundary).toEqual(global);
  });

  it('are refused when not a list of statements', () => {
    expect(() => ownStatements('legacy', { iamRoleStatements: 'sqs:SendMessage' }, { defaultInherit: false })).toThrow(
      'functions.legacy.iamRoleStatements: write a list of IAM statements, each with Effect, Action and Resource; got "sqs:SendMessage". (STATE_CONFIG_INVALID)',
    );
  });

  it('are hidden from serverless-iam-roles-per-function, which skips a function without them', () => {
    const definition: FunctionDefinition = { iamRoleStatements: [queue], iamRoleStatementsInherit: true };
    handOverFromRolesPerFunction(definition);
    expect(definition).toEqual({ iamRoleStatementsInherit: true });
  });
});

describe('provider statements that name a state resource', () => {
  const carts: StateTarget = {
    label: 'table carts',
    source: 'state.tables.carts',
    logicalIds: ['StatefulTableCarts'],
    arnResources: ['table/shop-dev-carts'],
    service: 'dynamodb',
  };
  const flow: StateTarget = {
    label: 'workflow flow',
    source: 'state.workflows.flow',
    logicalIds: ['StatefulWorkflowFlow'],
    arnResources: ['stateMachine:shop-dev-flow'],
    service: 'states',
  };
  const found = (statements: unknown[]) =>
    providerStatementsOnState(provider(statements), [carts, flow]).flatMap(({ path, named }) =>
      named.map((target) => `${path} ${target.label}`),
    );
  const covered = (statements: unknown[]) =>
    providerStatementsOnState(provider(statements), [carts, flow]).flatMap(({ path, covered }) =>
      covered.map((target) => `${path} ${target.label}`),
    );

  it('are found by Ref, Fn::GetAtt (both forms), ${Id} in Fn::Sub and the ARN with the physical name', () => {
    expect(
      found([
        allow(['dynamodb:PutItem'], [{ Ref: 'StatefulTableCarts' }]),
        allow(['dynamodb:PutItem'], [{ 'Fn::GetAtt': ['StatefulTableCarts', 'Arn'] }]),
        allow(['dynamodb:PutItem'], [{ 'Fn::GetAtt': 'StatefulTableCarts.StreamArn' }]),
        allow(['dynamodb:Query'], [{ 'Fn::Sub': '${StatefulTableCarts.Arn}/index/*' }]),
        allow(
          ['dynamodb:Query'],
          [{ 'Fn::Join': ['', ['arn:aws:dynamodb:', { Ref: 'AWS::Region' }, ':1:table/shop-dev-carts']] }],
        ),
        allow(['states:StartExecution'], ['arn:aws:states:us-east-1:123456789012:stateMachine:shop-dev-flow']),
      ]),
    ).toEqual([
      'provider.iam.role.statements.0 table carts',
      'provider.iam.role.statements.1 table carts',
      'provider.iam.role.statements.2 table carts',
      'provider.iam.role.statements.3 table carts',
      'provider.iam.role.statements.4 table carts',
      'provider.iam.role.statements.5 workflow flow',
    ]);
  });

  it("are found through a wildcard on their ARN, or * with their service's actions, and say so", () => {
    const statements = [
      allow(['dynamodb:*'], [{ 'Fn::Sub': 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/*' }]),
      allow(['dynamodb:GetItem'], ['arn:aws:dynamodb:us-east-1:1:table/shop-dev-c?rts']),
      allow(['states:Start*', 'xray:PutTraceSegments'], ['*']),
      allow(['xray:PutTraceSegments'], ['*']),
      allow(['dynamodb:GetItem'], ['arn:aws:dynamodb:us-east-1:1:table/other-*']),
      allow(['s3:GetObject'], ['arn:aws:s3:::table/*']),
    ];
    expect(covered(statements)).toEqual([
      'provider.iam.role.statements.0 table carts',
      'provider.iam.role.statements.1 table carts',
      'provider.iam.role.statements.2 workflow flow',
    ]);
    expect(found(statements)).toEqual([]);
    const [finding] = providerStatementsOnState(provider([statements[0], comprehend]), [carts]);
    expect(finding && providerStatementWarning(finding)).toMatch(
      /^provider\.iam\.role\.statements\.0 \(dynamodb:\*\) covers table carts \(state\.tables\.carts\) with a wildcard\. /,
    );
  });

  it('are reported once per statement, with every resource it names', () => {
    const both = providerStatementsOnState(provider([allow(['*'], [{ Ref: 'StatefulTableCarts' }, '*'])]), [
      carts,
      flow,
    ]);
    expect(both).toHaveLength(1);
    expect(both[0] && providerStatementWarning(both[0])).toMatch(
      /^provider\.iam\.role\.statements\.0 \(\*\) names table carts \(state\.tables\.carts\) and covers workflow flow \(state\.workflows\.flow\) with a wildcard\. Every function's role inherits the provider's statements, those of functions whose state: block limits their access to them included\./,
    );
  });

  it('are not confused with other resources whose names start alike', () => {
    expect(
      found([
        ssm,
        allow(['dynamodb:Query'], ['arn:aws:dynamodb:us-east-1:1:table/shop-dev-carts-archive']),
        allow(['dynamodb:Query'], [{ 'Fn::Sub': '${StatefulTableCartsArchive.Arn}' }]),
        allow(['dynamodb:Query'], [{ Ref: 'StatefulTableCartsArchive' }]),
      ]),
    ).toEqual([]);
  });

  it('are read from the old provider.iamRoleStatements too', () => {
    const old: ProviderConfig = {
      name: 'aws',
      iamRoleStatements: [allow(['dynamodb:DeleteItem'], [{ Ref: 'StatefulTableCarts' }])],
      compiledCloudFormationTemplate: { Resources: {}, Outputs: {} },
    };
    const [finding] = providerStatementsOnState(old, [carts]);
    expect(finding && providerStatementWarning(finding)).toBe(
      "provider.iamRoleStatements.0 (dynamodb:DeleteItem) names table carts (state.tables.carts). Every function's role inherits the provider's statements, those of functions whose state: block limits their access to it included. Grant it in the state: block of the functions that use it, or in their permissions:, and remove it from provider.iamRoleStatements.",
    );
  });
});

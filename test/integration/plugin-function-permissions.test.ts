/**
 * @services
 */
// A function's own statements (permissions:, and the iamRoleStatements of
// serverless-iam-roles-per-function 3.2.0, installed and listed under plugins: as a user would),
// compiled by the real framework (osls package) into exactly that function's role; and the warning
// about provider statements that name a state resource.
import { frameworks, packageService, roleStatements, serviceYaml, type Template } from '../support/package-service';
import type { ServerlessRun } from '../../testing/local-aws/serverless-cli';
import { cfnLintErrors } from '../support/cfn-lint';

const putOnCarts = {
  Effect: 'Allow',
  Action: ['dynamodb:PutItem', 'dynamodb:DeleteItem'],
  Resource: ['${state:carts.arn}'],
};
const provider = `
  iam:
    role:
      statements:
        - Effect: Allow
          Action: [dynamodb:PutItem, dynamodb:DeleteItem]
          Resource: \${state:carts.arn}
        - Effect: Allow
          Action: [ssm:GetParameter]
          Resource: arn:aws:ssm:us-east-1:123456789012:parameter/shop/*
        - Effect: Allow
          Action: dynamodb:Query
          Resource: arn:aws:dynamodb:us-east-1:123456789012:table/shop-dev-carts/index/*
        - Effect: Allow
          Action: dynamodb:Query
          Resource: arn:aws:dynamodb:us-east-1:123456789012:table/shop-dev-carts-archive
        - Effect: Allow
          Action: dynamodb:Scan
          Resource: { 'Fn::Sub': '\${StatefulTableCarts.Arn}/index/*' }
        - Effect: Allow
          Action: dynamodb:BatchWriteItem
          Resource: arn:aws:dynamodb:*:*:table/shop-*`;

const rolesPerFunction = 'serverless-iam-roles-per-function';
const orgBoundary = 'arn:aws:iam::123456789012:policy/org-boundary';
const legacyBoundary = 'arn:aws:iam::123456789012:policy/legacy-boundary';

const comprehend = { Effect: 'Allow', Action: ['comprehend:DetectSentiment'], Resource: ['*'] };
const upload = {
  Effect: 'Allow',
  Action: ['s3:PutObject'],
  Resource: ['arn:aws:s3:::shop-uploads/*'],
  Condition: { StringEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } },
};
const sendTask = { Effect: 'Allow', Action: ['states:SendTaskSuccess'], Resource: ['*'] };
const queue = { Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: ['arn:aws:sqs:us-east-1:123456789012:jobs'] };

const serviceListing = (plugins: string) =>
  serviceYaml(
    `
custom:
  serverless-iam-roles-per-function:
    defaultInherit: false
    iamGlobalPermissionsBoundary: arn:aws:iam::123456789012:policy/org-boundary
state:
  tables:
    carts: { partitionKey: cartId }
functions:
  classify:
    handler: handler.main
    state: { carts: read }
    permissions:
      - Effect: Allow
        Action: comprehend:DetectSentiment
        Resource: '*'
  upload:
    handler: handler.main
    permissions:
      - Effect: Allow
        Action: [s3:PutObject]
        Resource: arn:aws:s3:::shop-uploads/*
        Condition: { StringEquals: { 's3:x-amz-server-side-encryption': 'aws:kms' } }
  legacy:
    handler: handler.main
    state: { carts: read }
    iamRoleStatements:
      - Effect: Allow
        Action: [states:SendTaskSuccess]
        Resource: '*'
  legacyInherit:
    handler: handler.main
    state: { carts: read }
    iamRoleStatementsInherit: true
    iamPermissionsBoundary: arn:aws:iam::123456789012:policy/legacy-boundary
    iamRoleStatements:
      - Effect: Allow
        Action: [sqs:SendMessage]
        Resource: arn:aws:sqs:us-east-1:123456789012:jobs
  worker:
    handler: handler.main
    iamRoleStatements:
      - Effect: Allow
        Action: [sqs:SendMessage]
        Resource: arn:aws:sqs:us-east-1:123456789012:jobs
  health:
    handler: handler.main
`,
    { provider },
  ).replace('plugins: [serverless-stateful]', `plugins: [${plugins}]`);
const service = serviceListing(`serverless-stateful, ${rolesPerFunction}`);

/** The statements of `logicalId` that are not its log statements, which every function's role has. */
const beyondLogs = (template: Template, logicalId: string) =>
  roleStatements(template, logicalId).filter(
    (statement) => !statement.Action.every((action) => action.startsWith('logs:')),
  );

const providerStatements = (template: Template) => beyondLogs(template, 'IamRoleLambdaExecution');

let template: Template;
let run: ServerlessRun;
beforeAll(async () => {
  ({ template, run } = await packageService(service, { packages: [rolesPerFunction] }));
});

describe('a function with permissions:', () => {
  it('gets them in its own role, after its state grants and the provider statements', () => {
    const statements = beyondLogs(template, 'StatefulRoleClassify');
    expect(statements.at(-1)).toEqual(comprehend);
    expect(statements.slice(0, providerStatements(template).length)).toEqual(providerStatements(template));
  });

  it('gets a role of its own without a state: block, holding exactly the provider statements and its permissions', () => {
    expect(template.Resources.UploadLambdaFunction?.Properties.Role).toEqual({
      'Fn::GetAtt': ['StatefulRoleUpload', 'Arn'],
    });
    expect(beyondLogs(template, 'StatefulRoleUpload')).toEqual([...providerStatements(template), upload]);
  });

  it('passes cfn-lint', async () => {
    await expect(cfnLintErrors(template)).resolves.toEqual([]);
  });

  it('grants nothing to the other roles', () => {
    for (const [logicalId, resource] of Object.entries(template.Resources)) {
      if (resource.Type !== 'AWS::IAM::Role') continue;
      const text = JSON.stringify(roleStatements(template, logicalId));
      expect({ logicalId, comprehend: text.includes('comprehend:') }).toEqual({
        logicalId,
        comprehend: logicalId === 'StatefulRoleClassify',
      });
      expect({ logicalId, s3: text.includes('s3:PutObject') }).toEqual({
        logicalId,
        s3: logicalId === 'StatefulRoleUpload',
      });
    }
  });
});

describe('a function with iamRoleStatements (serverless-iam-roles-per-function)', () => {
  it('packages with its state: block, without the error about a role', () => {
    expect(run.output).not.toMatch(/'role' and 'iamRoleStatements'/);
  });

  it("gets them in the plugin's role, and no second role from serverless-iam-roles-per-function", () => {
    expect(template.Resources.LegacyLambdaFunction?.Properties.Role).toEqual({
      'Fn::GetAtt': ['StatefulRoleLegacy', 'Arn'],
    });
    expect(template.Resources.LegacyIamRoleLambdaExecution).toBeUndefined();
    expect(template.Resources.LegacyInheritIamRoleLambdaExecution).toBeUndefined();
  });

  it('inherits no provider statement unless iamRoleStatementsInherit says so, as that plugin decides', () => {
    expect(beyondLogs(template, 'StatefulRoleLegacy')).toEqual([
      {
        Effect: 'Allow',
        Action: expect.arrayContaining(['dynamodb:GetItem']) as unknown,
        Resource: [{ 'Fn::GetAtt': ['StatefulTableCarts', 'Arn'] }],
      },
      sendTask,
    ]);
    const inheriting = beyondLogs(template, 'StatefulRoleLegacyInherit');
    expect(inheriting.slice(0, providerStatements(template).length)).toEqual(providerStatements(template));
    expect(inheriting.at(-1)).toEqual(queue);
  });

  it("leaves a function without state: to serverless-iam-roles-per-function, which gives it that plugin's own role", () => {
    expect(template.Resources.StatefulRoleWorker).toBeUndefined();
    expect(template.Resources.WorkerLambdaFunction?.Properties.Role).toEqual({
      'Fn::GetAtt': ['WorkerIamRoleLambdaExecution', 'Arn'],
    });
    // Named by that plugin, holding its statements and none of the provider's (defaultInherit: false).
    expect(JSON.stringify(template.Resources.WorkerIamRoleLambdaExecution?.Properties.RoleName)).toContain('"worker"');
    expect(beyondLogs(template, 'WorkerIamRoleLambdaExecution')).toEqual([queue]);
  });

  it("puts iamGlobalPermissionsBoundary on every role, the plugin's included, and iamPermissionsBoundary on the function's", () => {
    const boundaries = Object.fromEntries(
      Object.entries(template.Resources)
        .filter(([, resource]) => resource.Type === 'AWS::IAM::Role')
        .map(([logicalId, resource]) => [logicalId, resource.Properties.PermissionsBoundary]),
    );
    expect(boundaries).toEqual({
      IamRoleLambdaExecution: orgBoundary,
      WorkerIamRoleLambdaExecution: orgBoundary,
      StatefulRoleClassify: orgBoundary,
      StatefulRoleUpload: orgBoundary,
      StatefulRoleLegacy: orgBoundary,
      StatefulRoleLegacyInherit: legacyBoundary,
    });
  });

  /** Each role's properties and the role each function uses: what the order of plugins could change. */
  const roles = (compiled: Template) =>
    Object.fromEntries(
      Object.entries(compiled.Resources)
        .filter(([, resource]) => ['AWS::IAM::Role', 'AWS::Lambda::Function'].includes(resource.Type))
        .map(([logicalId, resource]) => [
          logicalId,
          resource.Type === 'AWS::IAM::Role' ? resource.Properties : resource.Properties.Role,
        ]),
    );

  it('packages the same with serverless-iam-roles-per-function listed first', async () => {
    const { template: reversed, run: reversedRun } = await packageService(
      serviceListing(`${rolesPerFunction}, serverless-stateful`),
      { packages: [rolesPerFunction] },
    );
    expect(reversedRun.output).not.toMatch(/'role' and 'iamRoleStatements'/);
    expect(roles(reversed)).toEqual(roles(template));
  });

  it('packages the same way with serverless 3', async () => {
    const { template: v3 } = await packageService(service, {
      packages: [rolesPerFunction],
      bin: frameworks['serverless 3'],
    });
    expect(roles(v3)).toEqual(roles(template));
  });
});

describe('provider statements that name a state resource', () => {
  const warnings = () => run.output.split('\n').filter((line) => line.includes("Every function's role inherits"));

  it('are named in a warning each: by ${state:…}, by ARN with the physical name, by a logical id in Fn::Sub, by a wildcard', () => {
    expect(warnings()).toHaveLength(4);
    expect(run.output).toContain(
      "provider.iam.role.statements.0 (dynamodb:PutItem, dynamodb:DeleteItem) names table carts (state.tables.carts). Every function's role inherits the provider's statements, those of functions whose state: block limits their access to it included. Grant it in the state: block of the functions that use it, or in their permissions:, and remove it from provider.iam.role.statements.",
    );
    expect(run.output).toContain('provider.iam.role.statements.2 (dynamodb:Query) names table carts');
    expect(run.output).toContain('provider.iam.role.statements.4 (dynamodb:Scan) names table carts');
    expect(run.output).toContain(
      'provider.iam.role.statements.5 (dynamodb:BatchWriteItem) covers table carts (state.tables.carts) with a wildcard.',
    );
  });

  it('are kept as written', () => {
    expect(providerStatements(template)[0]).toEqual({
      ...putOnCarts,
      Resource: [{ 'Fn::GetAtt': ['StatefulTableCarts', 'Arn'] }],
    });
  });
});

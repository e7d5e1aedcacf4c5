/**
 * @services
 */
// `tables.<t>.invalidates` packaged by the real frameworks (osls 4 and serverless 3): the function
// it brings into the service is compiled like one of the user's, runs the bundled handler from its
// own zip, is subscribed to the table's stream with bisect, bounded retries and partial batch
// responses, sends what it gives up on to an encrypted queue, and its role holds that stream, that
// queue and that cache only.
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

const tableStream = { 'Fn::GetAtt': ['StatefulTableProducts', 'StreamArn'] };
const failureQueue = { 'Fn::GetAtt': ['StatefulTableProductsInvalidationFailures', 'Arn'] };
const functionId = 'StatefulInvalidateProductsLambdaFunction';
const cacheArn = (resource: string) => ({
  'Fn::Sub': `arn:\${AWS::Partition}:elasticache:\${AWS::Region}:\${AWS::AccountId}:${resource}`,
});
const roleId = 'StatefulRoleStatefulInvalidateProducts';

/** A shop whose products table invalidates the catalog cache; readProduct reads through it. */
const shop = (more = '') =>
  serviceYaml(
    `
state:
  network:
    vpc: { subnetIds: [subnet-0a1b2c3d, subnet-0e1f2a3b], securityGroupIds: [sg-0123abcd] }
  caches:
    catalog: {}
  tables:
    products:
      partitionKey: productId
      invalidates:
        - cache: catalog
          keys: ['product:\${productId}', 'sku:\${sku?}']
          tags: ['category:\${categoryId}']
functions:
  readProduct:
    handler: handler.main
    state:
      products: read
      catalog: read
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

describe.each(Object.entries(frameworks))('a table with invalidates, packaged by %s', (_name, bin) => {
  let template: Template;

  beforeAll(async () => {
    ({ template } = await packageService(shop(), { bin }));
  });

  it('compiles the generated function from its own zip, with the bundled handler and its rules', () => {
    const fn = template.Resources[functionId];
    expect(fn?.Properties).toMatchObject({
      FunctionName: 'shop-dev-statefulInvalidateProducts',
      Handler: 'index.handler',
      Runtime: 'nodejs22.x',
      MemorySize: 256,
      Timeout: 30,
      Role: { 'Fn::GetAtt': [roleId, 'Arn'] },
      Code: { S3Key: expect.stringMatching(new RegExp(`/${basename(bundledHandlerPath('invalidation'))}$`)) },
    });
    const variables = (fn?.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(JSON.parse(variables.STATEFUL_INVALIDATION_RULES as string)).toEqual([
      { cache: 'catalog', keys: ['product:${productId}', 'sku:${sku?}'], tags: ['category:${categoryId}'] },
    ]);
    expect(variables).toHaveProperty('STATEFUL_CACHE_CATALOG');
  });

  it('subscribes it to the stream with bisect, bounded retries, partial batch responses and the failure queue', () => {
    expect(mappingOf(template).Properties).toEqual({
      EventSourceArn: tableStream,
      FunctionName: { 'Fn::GetAtt': [functionId, 'Arn'] },
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 100,
      Enabled: true,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: failureQueue } },
    });
  });

  it('turns the stream on with both images and creates the encrypted failure queue', () => {
    expect(template.Resources.StatefulTableProducts?.Properties.StreamSpecification).toEqual({
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
    expect(template.Resources.StatefulTableProductsInvalidationFailures?.Properties).toEqual({
      QueueName: 'shop-dev-products-invalidation-failures',
      MessageRetentionPeriod: 1_209_600,
      SqsManagedSseEnabled: true,
    });
  });

  it('gives its role its logs, that stream, that queue and that cache, and nothing declared for the provider', () => {
    const statements = roleStatements(template, roleId);
    const logs = statements.filter((statement) => statement.Action.some((action) => action.startsWith('logs:')));
    expect(logs).toHaveLength(2);
    const rest = statements.filter((statement) => !logs.includes(statement));
    expect(rest).toEqual([
      {
        Effect: 'Allow',
        Action: ['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeStream', 'dynamodb:ListStreams'],
        Resource: [tableStream],
      },
      { Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: [failureQueue] },
      {
        Effect: 'Allow',
        Action: ['elasticache:Connect'],
        Resource: [cacheArn('serverlesscache:shop-dev-catalog'), cacheArn('user:shop-dev-catalog-write')],
      },
    ]);
    expect(JSON.stringify(statements)).not.toContain('s3:GetObject');
    expect(JSON.stringify(roleStatements(template, 'StatefulRoleReadProduct'))).toContain('s3:GetObject');
  });

  it("is placed in the service's network like any function that uses the cache, with only the policy for its interfaces", () => {
    const placement = template.Resources[functionId]?.Properties.VpcConfig;
    expect(placement).toBeDefined();
    expect(placement).toEqual(template.Resources.ReadProductLambdaFunction?.Properties.VpcConfig);
    const policies = template.Resources[roleId]?.Properties.ManagedPolicyArns as unknown[];
    expect(policies).toHaveLength(1);
    expect(policies).toEqual(template.Resources.StatefulRoleReadProduct?.Properties.ManagedPolicyArns);
  });

  it('keeps the stream and the queue off every other role', () => {
    for (const [logicalId, resource] of Object.entries(template.Resources)) {
      if (resource.Type !== 'AWS::IAM::Role' || logicalId === roleId) continue;
      const text = JSON.stringify(resource);
      expect(text).not.toContain('InvalidationFailures');
      expect(text).not.toContain('StreamArn');
    }
  });

  it('passes cfn-lint with no errors', async () => {
    expect(await cfnLintErrors(template)).toEqual([]);
  });
});

describe('a table with invalidates, refused through the framework', () => {
  it('refuses a function of the user with the name of the generated one', async () => {
    const run = await runOnService(
      shop(`
  statefulInvalidateProducts:
    handler: handler.main`),
    );
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(
      'functions.statefulInvalidateProducts and state.tables.products.invalidates both compile to StatefulInvalidateProductsLambdaFunction',
    );
    expect(run.output).toContain('STATE_NAME_TAKEN');
  });

  it('packages a service whose only function is the generated one', async () => {
    const { template } = await packageService(
      serviceYaml(`
state:
  network:
    vpc: { subnetIds: [subnet-0a1b2c3d], securityGroupIds: [sg-0123abcd] }
  caches:
    catalog: {}
  tables:
    products:
      partitionKey: productId
      invalidates: [{ cache: catalog, keys: ['product:\${productId}'] }]
`),
    );
    expect(Object.keys(template.Resources)).toContain(functionId);
  });
});

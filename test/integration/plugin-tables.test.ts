/**
 * @services
 */
// Tables and per-function roles, compiled by the real framework (osls package) and checked
// resource by resource, statement by statement; every template passes cfn-lint.
import { cfnLintErrors } from '../support/cfn-lint';
import { packageService, roleStatements, serviceYaml, type Template } from '../support/package-service';

const kmsKey = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

const provider = `
  iam:
    role:
      statements:
        - Effect: Allow
          Action: [ssm:GetParameter]
          Resource: arn:aws:ssm:us-east-1:123456789012:parameter/shop/*
  tracing: { lambda: true }`;

const shop = serviceYaml(
  `
state:
  tables:
    carts:
      partitionKey: cartId
      sortKey: { name: sk, type: S }
      indexes:
        byCustomer: { partitionKey: customerId, sortKey: { name: updatedAt, type: N } }
        bySku: { partitionKey: cartId, sortKey: sku, local: true, projection: keys-only }
      ttl: expiresAt
      stream: new-and-old
    orders:
      partitionKey: orderId
      encryption: { kmsKey: ${kmsKey} }
      billing: provisioned
      capacity: { read: 5, write: 2 }
      indexes:
        byStatus: { partitionKey: status, projection: { include: [total] }, capacity: { read: 2, write: 1 } }
      pointInTimeRecovery: false
      tableClass: infrequent-access
      deletionProtection: true
      tags: { team: checkout }
functions:
  updateCart:
    handler: handler.main
    state: { carts: readwrite }
  getCart:
    handler: handler.main
    state: { carts: read }
  placeOrder:
    handler: handler.main
    state: { orders: write, carts: read }
  summarise:
    handler: handler.main
    events:
      - stream: { type: dynamodb, arn: '\${state:carts.streamArn}' }
  health:
    handler: handler.main
    environment:
      CARTS_NAME: \${state:carts.name}
      CARTS_ARN: \${state:carts.arn}
`,
  { provider },
);

const logs = (fn: string) => [
  {
    Effect: 'Allow',
    Action: ['logs:CreateLogStream', 'logs:CreateLogGroup', 'logs:TagResource'],
    Resource: [
      {
        'Fn::Sub': `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/shop-dev-${fn}:*`,
      },
    ],
  },
  {
    Effect: 'Allow',
    Action: ['logs:PutLogEvents'],
    Resource: [
      {
        'Fn::Sub': `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/shop-dev-${fn}:*:*`,
      },
    ],
  },
];
const xray = { Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: ['*'] };
const ssm = {
  Effect: 'Allow',
  Action: ['ssm:GetParameter'],
  Resource: ['arn:aws:ssm:us-east-1:123456789012:parameter/shop/*'],
};
const cartsArn = { 'Fn::GetAtt': ['StatefulTableCarts', 'Arn'] };
const cartsIndexes = [
  { 'Fn::Sub': '${StatefulTableCarts.Arn}/index/byCustomer' },
  { 'Fn::Sub': '${StatefulTableCarts.Arn}/index/bySku' },
];
const read = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];
const write = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];

describe('state.tables compiled by osls package', () => {
  let template: Template;

  beforeAll(async () => {
    ({ template } = await packageService(shop));
  });

  it('compiles a table with safe defaults: on-demand, PITR, encryption, Retain', () => {
    expect(template.Resources.StatefulTableCarts).toEqual({
      Type: 'AWS::DynamoDB::Table',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        TableName: 'shop-dev-carts',
        AttributeDefinitions: [
          { AttributeName: 'cartId', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: 'customerId', AttributeType: 'S' },
          { AttributeName: 'updatedAt', AttributeType: 'N' },
          { AttributeName: 'sku', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'cartId', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
        TableClass: 'STANDARD',
        DeletionProtectionEnabled: false,
        GlobalSecondaryIndexes: [
          {
            IndexName: 'byCustomer',
            KeySchema: [
              { AttributeName: 'customerId', KeyType: 'HASH' },
              { AttributeName: 'updatedAt', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
        LocalSecondaryIndexes: [
          {
            IndexName: 'bySku',
            KeySchema: [
              { AttributeName: 'cartId', KeyType: 'HASH' },
              { AttributeName: 'sku', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'KEYS_ONLY' },
          },
        ],
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      },
    });
  });

  it('compiles every option: customer key, provisioned capacity, index projection, class, protection, tags', () => {
    expect(template.Resources.StatefulTableOrders?.Properties).toEqual({
      TableName: 'shop-dev-orders',
      AttributeDefinitions: [
        { AttributeName: 'orderId', AttributeType: 'S' },
        { AttributeName: 'status', AttributeType: 'S' },
      ],
      KeySchema: [{ AttributeName: 'orderId', KeyType: 'HASH' }],
      BillingMode: 'PROVISIONED',
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 2 },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: kmsKey },
      TableClass: 'STANDARD_INFREQUENT_ACCESS',
      DeletionProtectionEnabled: true,
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byStatus',
          KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['total'] },
          ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 1 },
        },
      ],
      Tags: [{ Key: 'team', Value: 'checkout' }],
    });
  });

  it('gives a readwrite function exactly its logs, tracing, the provider statements and the table grants', () => {
    expect(template.Resources.UpdateCartLambdaFunction?.Properties.Role).toEqual({
      'Fn::GetAtt': ['StatefulRoleUpdateCart', 'Arn'],
    });
    expect(roleStatements(template, 'StatefulRoleUpdateCart')).toEqual([
      ...logs('updateCart'),
      xray,
      ssm,
      { Effect: 'Allow', Action: [...read, ...write.filter((a) => !read.includes(a))], Resource: [cartsArn] },
      { Effect: 'Allow', Action: ['dynamodb:Query', 'dynamodb:Scan'], Resource: cartsIndexes },
    ]);
  });

  it('gives a read function no write action', () => {
    expect(roleStatements(template, 'StatefulRoleGetCart')).toEqual([
      ...logs('getCart'),
      xray,
      ssm,
      { Effect: 'Allow', Action: read, Resource: [cartsArn] },
      { Effect: 'Allow', Action: ['dynamodb:Query', 'dynamodb:Scan'], Resource: cartsIndexes },
    ]);
  });

  it('grants the customer key, for writing, to a function that writes an encrypted table', () => {
    const statements = roleStatements(template, 'StatefulRolePlaceOrder');
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: write,
      Resource: [{ 'Fn::GetAtt': ['StatefulTableOrders', 'Arn'] }],
    });
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: [kmsKey],
    });
    // Writes go to the table, not its indexes: no index statement for a write-only table grant.
    expect(JSON.stringify(statements)).not.toContain('StatefulTableOrders.Arn}/index');
  });

  it("gives a stream subscriber only the stream actions, on that stream's ARN", () => {
    expect(roleStatements(template, 'StatefulRoleSummarise')).toEqual([
      ...logs('summarise'),
      {
        Effect: 'Allow',
        Action: ['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeStream', 'dynamodb:ListStreams'],
        Resource: [{ 'Fn::GetAtt': ['StatefulTableCarts', 'StreamArn'] }],
      },
      xray,
      ssm,
    ]);
  });

  it('grants nothing of the state to a function that did not ask, and keeps the shared role free of it', () => {
    expect(template.Resources.HealthLambdaFunction?.Properties.Role).toEqual({
      'Fn::GetAtt': ['IamRoleLambdaExecution', 'Arn'],
    });
    const shared = JSON.stringify(roleStatements(template, 'IamRoleLambdaExecution'));
    expect(shared).not.toMatch(/dynamodb:|kms:|Stateful/);
    expect(shared).toContain('ssm:GetParameter');
  });

  it('uses no wildcard resource for any data action', () => {
    const roles = Object.entries(template.Resources).filter(([, resource]) => resource.Type === 'AWS::IAM::Role');
    for (const [logicalId] of roles) {
      for (const statement of roleStatements(template, logicalId)) {
        if (statement.Action.some((action) => /^(dynamodb|kms):/.test(action))) {
          expect({ logicalId, resources: statement.Resource }).not.toEqual(
            expect.objectContaining({ resources: expect.arrayContaining(['*']) }),
          );
        }
      }
    }
  });

  it('injects STATEFUL_TABLE_<NAME> into the functions that name the table, and no others', () => {
    const variables = (fn: string) =>
      (template.Resources[`${fn}LambdaFunction`]?.Properties.Environment as { Variables: Record<string, unknown> })
        .Variables;
    expect(variables('UpdateCart')).toEqual({ STATEFUL_TABLE_CARTS: 'shop-dev-carts' });
    expect(variables('PlaceOrder')).toEqual({
      STATEFUL_TABLE_ORDERS: 'shop-dev-orders',
      STATEFUL_TABLE_CARTS: 'shop-dev-carts',
    });
    expect(variables('Health')).toEqual({
      CARTS_NAME: 'shop-dev-carts',
      CARTS_ARN: { 'Fn::GetAtt': ['StatefulTableCarts', 'Arn'] },
    });
    expect(template.Resources.SummariseLambdaFunction?.Properties.Environment).toBeUndefined();
  });

  it('resolves ${state:…} and outputs each table', () => {
    const mapping = Object.values(template.Resources).find(
      (resource) => resource.Type === 'AWS::Lambda::EventSourceMapping',
    );
    expect(mapping?.Properties.EventSourceArn).toEqual({ 'Fn::GetAtt': ['StatefulTableCarts', 'StreamArn'] });
    expect(template.Outputs).toMatchObject({
      StatefulTableCartsName: { Value: { Ref: 'StatefulTableCarts' } },
      StatefulTableCartsArn: { Value: cartsArn },
      StatefulTableCartsStreamArn: { Value: { 'Fn::GetAtt': ['StatefulTableCarts', 'StreamArn'] } },
      StatefulTableOrdersName: { Value: { Ref: 'StatefulTableOrders' } },
      StatefulTableOrdersArn: { Value: { 'Fn::GetAtt': ['StatefulTableOrders', 'Arn'] } },
    });
    expect(template.Outputs).not.toHaveProperty('StatefulTableOrdersStreamArn');
  });

  it('passes cfn-lint with no errors', async () => {
    await expect(cfnLintErrors(template)).resolves.toEqual([]);
  });
});

describe('stages and names', () => {
  const minimal = (functionName: string) =>
    serviceYaml(`
state:
  ephemeralStages: [preview]
  tables:
    carts: { partitionKey: cartId }
functions:
  ${functionName}:
    handler: handler.main
    state: { carts: readwrite }
`);

  it('deletes the data with the stack only on an ephemeral stage', async () => {
    const { template } = await packageService(minimal('updateCart'), { args: ['--stage', 'preview'] });
    expect(template.Resources.StatefulTableCarts).toMatchObject({
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
      Properties: { TableName: 'shop-preview-carts' },
    });
    await expect(cfnLintErrors(template)).resolves.toEqual([]);
  });

  it('keeps the table logical id and name when a function is renamed', async () => {
    const [before, after] = await Promise.all([
      packageService(minimal('updateCart')),
      packageService(minimal('changeCart')),
    ]);
    expect(after.template.Resources.StatefulTableCarts).toEqual(before.template.Resources.StatefulTableCarts);
    expect(after.template.Resources).toHaveProperty('StatefulRoleChangeCart');
  });
});

describe('state.idempotency', () => {
  it('adds the table the runtime keeps idempotency records in, with TTL on expiresAt', async () => {
    const { template } = await packageService(
      serviceYaml(`
state:
  idempotency: true
functions:
  charge:
    handler: handler.main
    state: { idempotency: readwrite }
`),
    );
    expect(template.Resources.StatefulTableIdempotency?.Properties).toMatchObject({
      TableName: 'shop-dev-idempotency',
      KeySchema: [{ AttributeName: 'key', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      SSESpecification: { SSEEnabled: true },
    });
    expect(template.Resources.ChargeLambdaFunction?.Properties.Environment).toEqual({
      Variables: { STATEFUL_TABLE_IDEMPOTENCY: 'shop-dev-idempotency' },
    });
    expect(roleStatements(template, 'StatefulRoleCharge')).toContainEqual(
      expect.objectContaining({ Resource: [{ 'Fn::GetAtt': ['StatefulTableIdempotency', 'Arn'] }] }),
    );
  });
});

describe('encryption choices', () => {
  it('compiles each key choice, grants KMS only for a customer key, and passes cfn-lint', async () => {
    const { template } = await packageService(
      serviceYaml(`
state:
  tables:
    managed: { partitionKey: id }
    explicit: { partitionKey: id, encryption: aws-managed }
    owned: { partitionKey: id, encryption: aws-owned }
    customer: { partitionKey: id, encryption: { kmsKey: ${kmsKey} } }
    stackKey: { partitionKey: id, encryption: { kmsKey: { 'Fn::GetAtt': [TableKey, Arn] } } }
functions:
  writer:
    handler: handler.main
    state: { managed: readwrite, owned: readwrite, customer: read, stackKey: write }
resources:
  Resources:
    TableKey:
      Type: AWS::KMS::Key
      Properties:
        KeyPolicy:
          Version: '2012-10-17'
          Statement:
            - Effect: Allow
              Principal: { AWS: { 'Fn::Sub': 'arn:\${AWS::Partition}:iam::\${AWS::AccountId}:root' } }
              Action: 'kms:*'
              Resource: '*'
`),
    );
    const sse = (logicalId: string) => template.Resources[logicalId]?.Properties.SSESpecification;
    expect(sse('StatefulTableManaged')).toEqual({ SSEEnabled: true });
    expect(sse('StatefulTableExplicit')).toEqual({ SSEEnabled: true });
    expect(sse('StatefulTableOwned')).toEqual({ SSEEnabled: false });
    expect(sse('StatefulTableCustomer')).toEqual({ SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: kmsKey });
    expect(sse('StatefulTableStackKey')).toEqual({
      SSEEnabled: true,
      SSEType: 'KMS',
      KMSMasterKeyId: { 'Fn::GetAtt': ['TableKey', 'Arn'] },
    });
    const kms = roleStatements(template, 'StatefulRoleWriter').filter((statement) =>
      statement.Action.some((action) => action.startsWith('kms:')),
    );
    expect(kms).toEqual([
      { Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [kmsKey] },
      {
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: [{ 'Fn::GetAtt': ['TableKey', 'Arn'] }],
      },
    ]);
    await expect(cfnLintErrors(template)).resolves.toEqual([]);
  });
});

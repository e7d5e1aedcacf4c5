/**
 * @services
 */
// A function with a state: block and each event type osls documents, packaged by the real
// frameworks (osls 4 and serverless 3): each either gets exactly what the framework would have
// given it, in its own role, or is refused naming the event type. Frameworks add keys to an
// event as they compile it (httpApi gains resolvedMethod and resolvedPath); those are no types.
import { cfnLintErrors } from '../support/cfn-lint';
import {
  frameworks,
  packageService,
  roleStatements,
  runOnService,
  serviceYaml,
  type Statement,
  type Template,
} from '../support/package-service';

const account = '123456789012';
const secret = `arn:aws:secretsmanager:us-east-1:${account}:secret:kafka-login`;
const mqSecret = `arn:aws:secretsmanager:us-east-1:${account}:secret:mq-login`;
const broker = `arn:aws:mq:us-east-1:${account}:broker:orders:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9`;
const cluster = `arn:aws:kafka:us-east-1:${account}:cluster/events/abcd1234-ab12-cd34-ef56-abcdef123456-1`;
const queue = `arn:aws:sqs:us-east-1:${account}:jobs`;
const plainQueue = `arn:aws:sqs:us-east-1:${account}:other-jobs`;

/** One function per event type (and per httpApi syntax), each reading carts. */
const events: Record<string, string> = {
  httpStar: `httpApi: '*'`,
  httpRoute: `httpApi: 'GET /carts'`,
  httpObject: `httpApi: { method: post, path: /carts }`,
  restApi: `http: { path: /legacy, method: get }`,
  socket: `websocket: $connect`,
  upload: `s3: { bucket: shop-uploads-example, event: 's3:ObjectCreated:*' }`,
  hourly: `schedule: rate(1 hour)`,
  scheduled: `schedule: { rate: [rate(1 hour)], method: scheduler }`,
  notified: `sns: orders-topic`,
  worker: `sqs: ${queue}`,
  summarise: `stream: { type: dynamodb, arn: '\${state:carts.streamArn}' }`,
  kafkaReader: `kafka: { accessConfigurations: { saslScram512Auth: [${secret}], vpcSubnet: [subnet-0a1b2c3d], vpcSecurityGroup: [sg-0a1b2c3d] }, topic: orders, bootstrapServers: ['broker.example.com:9092'] }`,
  mskReader: `msk: { arn: '${cluster}', topic: orders }`,
  activeReader: `activemq: { arn: '${broker}', basicAuthArn: '${mqSecret}', queue: orders }`,
  rabbitReader: `rabbitmq: { arn: '${broker}', basicAuthArn: '${mqSecret}', queue: orders }`,
  skill: `alexaSkill: amzn1.ask.skill.12345678-1234-1234-1234-123456789012`,
  smartHome: `alexaSmartHome: amzn1.ask.skill.12345678-1234-1234-1234-123456789013`,
  thing: `iot: { sql: "SELECT * FROM 'carts/updates'" }`,
  provision: `iotFleetProvisioning: { templateBody: { Parameters: {}, Resources: {} }, provisioningRoleArn: 'arn:aws:iam::${account}:role/provisioning' }`,
  ec2Changes: `cloudwatchEvent: { event: { source: [aws.ec2] } }`,
  logLines: `cloudwatchLog: /aws/lambda/another-service`,
  signUp: `cognitoUserPool: { pool: shoppers, trigger: PreSignUp }`,
  shopEvents: `eventBridge: { pattern: { source: [shop] } }`,
  balanced: `alb: { listenerArn: 'arn:aws:elasticloadbalancing:us-east-1:${account}:listener/app/shop/50dc6c495c0c9188/f2f7dc8efc522ab2', priority: 1, conditions: { path: /balanced } }`,
};

const service = serviceYaml(`
state:
  tables:
    carts: { partitionKey: cartId, stream: new-and-old }
functions:
${Object.entries(events)
  .map(
    ([name, event]) =>
      `  ${name}:\n    handler: handler.main\n    state: { carts: read }\n    events:\n      - ${event}`,
  )
  .join('\n')}
  plain:
    handler: handler.main
    events:
      - sqs: ${plainQueue}
  edgeAndQueue:
    handler: handler.main
    events:
      - cloudFront: { eventType: viewer-request, origin: 's3://bucket.s3.amazonaws.com/files' }
      - sqs: ${queue}
`);

const logs = (fn: string): Statement[] => {
  const group = `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/shop-dev-${fn}`;
  return [
    {
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:CreateLogGroup', 'logs:TagResource'],
      Resource: [{ 'Fn::Sub': `${group}:*` }],
    },
    { Effect: 'Allow', Action: ['logs:PutLogEvents'], Resource: [{ 'Fn::Sub': `${group}:*:*` }] },
  ];
};
const readCarts: Statement = {
  Effect: 'Allow',
  Action: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:Scan',
    'dynamodb:ConditionCheckItem',
    'dynamodb:DescribeTable',
  ],
  Resource: [{ 'Fn::GetAtt': ['StatefulTableCarts', 'Arn'] }],
};
const vpcNetworking: Statement = {
  Effect: 'Allow',
  Action: [
    'ec2:CreateNetworkInterface',
    'ec2:DescribeNetworkInterfaces',
    'ec2:DescribeVpcs',
    'ec2:DeleteNetworkInterface',
    'ec2:DescribeSubnets',
    'ec2:DescribeSecurityGroups',
  ],
  Resource: ['*'],
};
const brokerStatements: Statement[] = [
  { Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [mqSecret] },
  { Effect: 'Allow', Action: ['mq:DescribeBroker'], Resource: [broker] },
  vpcNetworking,
];
const functionArn = (fn: string) => ({
  'Fn::Sub': `arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:shop-dev-${fn}`,
});

/** What each function's own role holds beyond its logs and its read of carts. */
const expectedOwn: Record<string, Statement[]> = {
  socket: [
    {
      Effect: 'Allow',
      Action: ['execute-api:ManageConnections'],
      Resource: [
        {
          'Fn::Sub':
            'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${WebsocketsApi}/*/@connections/*',
        },
      ],
    },
  ],
  scheduled: [
    {
      Effect: 'Allow',
      Action: ['lambda:InvokeFunction'],
      Resource: [functionArn('scheduled'), { 'Fn::Sub': `${functionArn('scheduled')['Fn::Sub']}:*` }],
    },
  ],
  worker: [
    {
      Effect: 'Allow',
      Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
      Resource: [queue],
    },
  ],
  summarise: [
    {
      Effect: 'Allow',
      Action: ['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:DescribeStream', 'dynamodb:ListStreams'],
      Resource: [{ 'Fn::GetAtt': ['StatefulTableCarts', 'StreamArn'] }],
    },
  ],
  kafkaReader: [{ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [secret] }, vpcNetworking],
  mskReader: [
    { Effect: 'Allow', Action: ['kafka:DescribeCluster', 'kafka:GetBootstrapBrokers'], Resource: [cluster] },
    vpcNetworking,
  ],
  activeReader: brokerStatements,
  rabbitReader: brokerStatements,
};

const roleId = (fn: string) => `StatefulRole${fn.charAt(0).toUpperCase()}${fn.slice(1)}`;
const trustedServices = (template: Template, logicalId: string) =>
  (
    template.Resources[logicalId]?.Properties.AssumeRolePolicyDocument as {
      Statement: { Principal: { Service: string[] } }[];
    }
  ).Statement.flatMap((statement) => statement.Principal.Service);

describe.each(Object.entries(frameworks))('a function with state: and each event type, under %s', (_name, bin) => {
  let template: Template;

  beforeAll(async () => {
    ({ template } = await packageService(service, { bin }));
  });

  it.each(Object.keys(events))('%s gets its own role with exactly what its event needs', (fn) => {
    expect(template.Resources[roleId(fn)]?.Type).toBe('AWS::IAM::Role');
    expect(roleStatements(template, roleId(fn))).toEqual([...logs(fn), ...(expectedOwn[fn] ?? []), readCarts]);
  });

  it('lets EventBridge Scheduler assume the role of a function it invokes, and only that one', () => {
    expect(trustedServices(template, roleId('scheduled'))).toEqual(['lambda.amazonaws.com', 'scheduler.amazonaws.com']);
    expect(trustedServices(template, roleId('hourly'))).toEqual(['lambda.amazonaws.com']);
    const schedule = Object.values(template.Resources).find((resource) => resource.Type === 'AWS::Scheduler::Schedule');
    expect((schedule?.Properties.Target as { RoleArn: unknown }).RoleArn).toEqual({
      'Fn::GetAtt': [roleId('scheduled'), 'Arn'],
    });
  });

  it("keeps the shared role free of the moved functions' brokers, clusters, secrets and queues", () => {
    const shared = JSON.stringify(roleStatements(template, 'IamRoleLambdaExecution'));
    for (const moved of [secret, mqSecret, broker, cluster, 'shop-dev-scheduled', 'StatefulTableCarts']) {
      expect(shared).not.toContain(moved);
    }
    expect(shared).toContain(plainQueue);
    expect(shared).not.toContain('ec2:CreateNetworkInterface');
  });

  it('keeps on the shared role a queue that a function there still reads, beside an event the plugin refuses', () => {
    const queues = roleStatements(template, 'IamRoleLambdaExecution').filter((statement) =>
      statement.Action.includes('sqs:ReceiveMessage'),
    );
    expect(queues.flatMap((statement) => statement.Resource)).toEqual(expect.arrayContaining([queue, plainQueue]));
  });

  it('passes cfn-lint with no errors', async () => {
    expect(await cfnLintErrors(template)).toEqual([]);
  });
});

describe('events a function with state: cannot have', () => {
  const withEvent = (event: string, options: { configValidationMode?: 'warn' } = {}) =>
    serviceYaml(
      `
state:
  tables:
    carts: { partitionKey: cartId }
functions:
  edge:
    handler: handler.main
    state: { carts: read }
    events:
      - ${event}`,
      options,
    );

  it.each(Object.entries(frameworks))(
    'refuses a cloudFront event under %s: Lambda@Edge drops the variables the function finds its state by',
    async (_name, bin) => {
      const run = await runOnService(
        withEvent(`cloudFront: { eventType: viewer-request, origin: 's3://bucket.s3.amazonaws.com/files' }`),
        ['package'],
        { bin },
      );
      expect(run.code).not.toBe(0);
      expect(run.output).toMatch(
        /functions\.edge\.events\.0: a "cloudFront" event makes edge a Lambda@Edge function.*\(STATE_EVENT_PERMISSIONS_UNKNOWN\)/s,
      );
      // A stack frame, not serverless 3's "at 'provider.runtime'" warning about nodejs22.x.
      expect(run.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    },
  );

  it('refuses an event type it does not know, naming the type and not a key the framework added', async () => {
    const run = await runOnService(withEvent(`websocketz: $connect`, { configValidationMode: 'warn' }));
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(
      /functions\.edge\.events\.0: serverless-stateful does not know the permissions a "websocketz" event needs/,
    );
    expect(run.output).toContain('(STATE_EVENT_PERMISSIONS_UNKNOWN)');
  });
});

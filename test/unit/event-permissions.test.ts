import { StatefulConfigError } from '../../plugin/errors';
import { eventTypes, ownConfiguration } from '../../plugin/functions/event-permissions';
import type { FunctionDefinition, ProviderConfig } from '../../plugin/serverless';

const provider: ProviderConfig = { name: 'aws', compiledCloudFormationTemplate: { Resources: {} } };
const functionArn = (name: string) => ({ 'Fn::Sub': `arn:aws:lambda:::function:${name}` });
const own = (definition: FunctionDefinition, p: ProviderConfig = provider) =>
  ownConfiguration({
    functionName: 'worker',
    definition,
    provider: p,
    functionArn,
    websocketsApiLogicalId: 'WebsocketsApi',
  });
const statements = (definition: FunctionDefinition, p: ProviderConfig = provider) => own(definition, p).statements;

describe('eventTypes', () => {
  it('reads the key the user wrote, not the keys a framework added while compiling', () => {
    expect(eventTypes({ httpApi: 'GET /x', resolvedMethod: 'GET', resolvedPath: '/x' })).toEqual(['httpApi']);
    expect(eventTypes({ httpApi: '*', resolvedMethod: 'ANY' })).toEqual(['httpApi']);
  });

  it('reads every known type of an entry that carries two, and nothing of a value that is no event', () => {
    expect(eventTypes({ httpApi: 'GET /x', sqs: 'arn:aws:sqs:us-east-1:123456789012:q' })).toEqual(['httpApi', 'sqs']);
    expect(eventTypes('sqs')).toEqual([]);
    expect(eventTypes(null)).toEqual([]);
    expect(eventTypes({})).toEqual([]);
  });
});

describe('ownConfiguration', () => {
  it('grants push events nothing: their permissions live on the invoker', () => {
    expect(
      statements({
        events: [{ http: { path: '/', method: 'get' } }, { eventBridge: {} }, { schedule: 'rate(1 hour)' }],
      }),
    ).toEqual([]);
  });

  it('grants a queue consumer the three SQS actions on that queue', () => {
    const queue = 'arn:aws:sqs:us-east-1:123456789012:jobs';
    expect(statements({ events: [{ sqs: queue }] })).toEqual([
      {
        Effect: 'Allow',
        Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
        Resource: [queue],
      },
    ]);
  });

  it('grants a Kinesis consumer the Kinesis actions, and SendMessage on its failure queue (ListQueues takes no resource)', () => {
    const stream = 'arn:aws:kinesis:us-east-1:123456789012:stream/clicks';
    const dlq = 'arn:aws:sqs:us-east-1:123456789012:dlq';
    expect(statements({ events: [{ stream: { arn: stream, destinations: { onFailure: dlq } } }] })).toEqual([
      {
        Effect: 'Allow',
        Action: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream', 'kinesis:ListStreams'],
        Resource: [stream],
      },
      { Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: [dlq] },
    ]);
  });

  it('grants destinations, the dead-letter topic, the KMS key, tracing and EFS as Serverless does', () => {
    const topic = 'arn:aws:sns:us-east-1:123456789012:failed';
    const key = 'arn:aws:kms:us-east-1:123456789012:key/k';
    const efs = 'arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-1';
    expect(
      statements({
        onError: topic,
        destinations: {
          onSuccess: 'notify',
          onFailure: { type: 'eventBus', arn: 'arn:aws:events:us-east-1:123456789012:event-bus/b' },
        },
        kmsKeyArn: key,
        tracing: 'Active',
        fileSystemConfig: { arn: efs },
      }),
    ).toEqual([
      { Effect: 'Allow', Action: ['sns:Publish'], Resource: [topic] },
      { Effect: 'Allow', Action: ['lambda:InvokeFunction'], Resource: [functionArn('notify')] },
      {
        Effect: 'Allow',
        Action: ['events:PutEvents'],
        Resource: ['arn:aws:events:us-east-1:123456789012:event-bus/b'],
      },
      { Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [key] },
      { Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: ['*'] },
      { Effect: 'Allow', Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'], Resource: [efs] },
    ]);
  });

  it('grants a broker consumer its secret, the broker and VPC networking, as osls does', () => {
    const broker = 'arn:aws:mq:us-east-1:123456789012:broker:b:b-1';
    const secret = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:s';
    expect(statements({ events: [{ rabbitmq: { arn: broker, basicAuthArn: secret, queue: 'q' } }] })).toEqual([
      { Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [secret] },
      { Effect: 'Allow', Action: ['mq:DescribeBroker'], Resource: [broker] },
      expect.objectContaining({ Action: expect.arrayContaining(['ec2:CreateNetworkInterface']), Resource: ['*'] }),
    ]);
  });

  it('grants a self-managed Kafka consumer only its secrets when it names no VPC', () => {
    const secret = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:k';
    expect(
      statements({ events: [{ kafka: { accessConfigurations: { saslPlainAuth: [secret] }, topic: 't' } }] }),
    ).toEqual([{ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: [secret] }]);
  });

  it('lets EventBridge Scheduler assume the role and invoke the function, unless the event names a role', () => {
    expect(own({ events: [{ schedule: { rate: ['rate(1 hour)'], method: 'scheduler' } }] })).toEqual({
      statements: [
        {
          Effect: 'Allow',
          Action: ['lambda:InvokeFunction'],
          Resource: [functionArn('worker'), { 'Fn::Sub': 'arn:aws:lambda:::function:worker:*' }],
        },
      ],
      principals: ['scheduler.amazonaws.com'],
    });
    expect(
      own({
        events: [{ schedule: { rate: ['rate(1 hour)'], method: 'scheduler', roleArn: 'arn:aws:iam::1:role/r' } }],
      }),
    ).toEqual({ statements: [], principals: [] });
  });

  it("lets a websocket handler answer through its service's API, or the external one it names", () => {
    const external = { ...provider, apiGateway: { websocketApiId: 'abc123' } };
    expect(statements({ events: [{ websocket: '$connect' }] }, external)).toEqual([
      {
        Effect: 'Allow',
        Action: ['execute-api:ManageConnections'],
        Resource: [
          { 'Fn::Sub': 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:abc123/*/@connections/*' },
        ],
      },
    ]);
  });

  it('refuses an event whose permissions it does not know, naming it and where it is', () => {
    expect(() => statements({ events: [{ sqs: 'arn:aws:sqs:::q' }, { queue: {} }] })).toThrow(StatefulConfigError);
    expect(() => statements({ events: [{ sqs: 'arn:aws:sqs:::q' }, { queue: {} }] })).toThrow(
      /^functions\.worker\.events\.1: serverless-stateful does not know the permissions a "queue" event needs/,
    );
  });

  it('refuses a cloudFront event: Lambda@Edge has no environment variables to find state by', () => {
    expect(() => statements({ events: [{ cloudFront: { eventType: 'viewer-request' } }] })).toThrow(
      /functions\.worker\.events\.0: a "cloudFront" event makes worker a Lambda@Edge function/,
    );
  });
});

describe('ownConfiguration of a function that stays on the shared role', () => {
  it('reads the events it knows and passes over those it would refuse', () => {
    const queue = 'arn:aws:sqs:us-east-1:123456789012:jobs';
    const definition: FunctionDefinition = {
      events: [{ cloudFront: { eventType: 'viewer-request' } }, { somePluginEvent: {} }, { sqs: queue }],
      destinations: { onFailure: { arn: 'arn:aws:sqs:us-east-1:123456789012:dlq' } },
    };
    const input = { functionName: 'edge', definition, provider, functionArn, websocketsApiLogicalId: 'WebsocketsApi' };
    expect(ownConfiguration(input, { skipUnsupported: true }).statements).toEqual([
      {
        Effect: 'Allow',
        Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
        Resource: [queue],
      },
    ]);
    expect(() => ownConfiguration(input)).toThrow(/"cloudFront" event/);
  });
});

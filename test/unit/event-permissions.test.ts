import { StatefulConfigError } from '../../plugin/errors';
import { ownConfigurationStatements } from '../../plugin/functions/event-permissions';
import type { FunctionDefinition, ProviderConfig } from '../../plugin/serverless';

const provider: ProviderConfig = { name: 'aws', compiledCloudFormationTemplate: { Resources: {} } };
const functionArn = (name: string) => ({ 'Fn::Sub': `arn:aws:lambda:::function:${name}` });
const statements = (definition: FunctionDefinition, p: ProviderConfig = provider) =>
  ownConfigurationStatements('worker', definition, p, functionArn);

describe('ownConfigurationStatements', () => {
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

  it('grants a Kinesis consumer the Kinesis actions, and its failure destination', () => {
    const stream = 'arn:aws:kinesis:us-east-1:123456789012:stream/clicks';
    const dlq = 'arn:aws:sqs:us-east-1:123456789012:dlq';
    expect(statements({ events: [{ stream: { arn: stream, destinations: { onFailure: dlq } } }] })).toEqual([
      {
        Effect: 'Allow',
        Action: ['kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:DescribeStream', 'kinesis:ListStreams'],
        Resource: [stream],
      },
      { Effect: 'Allow', Action: ['sqs:ListQueues', 'sqs:SendMessage'], Resource: [dlq] },
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

  it('refuses an event whose permissions it does not know, naming it', () => {
    expect(() => statements({ events: [{ rabbitmq: { arn: 'arn:aws:mq:::broker:b' } }] })).toThrow(StatefulConfigError);
    expect(() => statements({ events: [{ rabbitmq: {} }] })).toThrow(/"rabbitmq" event/);
  });
});

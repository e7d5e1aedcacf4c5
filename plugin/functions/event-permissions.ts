// What the Serverless Framework would put in a function's role for its own configuration: its
// event sources that poll (streams, queues), failure destinations, tracing, KMS and EFS. A
// function with a `state:` block gets these in its own role instead of the shared one.
import type { CfnValue } from '../cloudformation';
import { StatefulConfigError, listOf } from '../errors';
import { allow, type Statement } from '../iam';
import type { FunctionDefinition, ProviderConfig } from '../serverless';

export const dynamodbStreamActions = [
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:DescribeStream',
  'dynamodb:ListStreams',
] as const;
export const kinesisStreamActions = [
  'kinesis:GetRecords',
  'kinesis:GetShardIterator',
  'kinesis:DescribeStream',
  'kinesis:ListStreams',
] as const;
export const sqsConsumerActions = ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'] as const;

/** Events whose permissions live on the invoker's side (resource policies), not in the role. */
const pushEvents = new Set([
  'http',
  'httpApi',
  'websocket',
  's3',
  'schedule',
  'sns',
  'eventBridge',
  'cloudwatchEvent',
  'cloudwatchLog',
  'cognitoUserPool',
  'alb',
  'alexaSkill',
  'alexaSmartHome',
  'iot',
  'iotFleetProvisioning',
  'cloudFront',
]);
const pollEvents = ['stream', 'sqs'];

function streamStatements(functionName: string, stream: unknown): Statement[] {
  const config = (typeof stream === 'object' && stream !== null ? stream : { arn: stream }) as {
    arn?: CfnValue;
    type?: string;
    consumer?: unknown;
    destinations?: { onFailure?: unknown };
  };
  const arn = config.arn;
  if (arn === undefined) return [];
  const type = config.type ?? (typeof arn === 'string' ? arn.split(':')[2] : undefined);
  if (config.consumer) {
    throw new StatefulConfigError(
      'STATE_EVENT_PERMISSIONS_UNKNOWN',
      `functions.${functionName}: a stream event with a Kinesis consumer is not supported on a function with a state: block yet. Move the event to a function without one.`,
    );
  }
  const statements = [allow(type === 'kinesis' ? kinesisStreamActions : dynamodbStreamActions, [arn])];
  const onFailure = config.destinations?.onFailure;
  if (onFailure !== undefined) {
    const target = (
      typeof onFailure === 'object' && onFailure !== null && 'arn' in onFailure ? onFailure.arn : onFailure
    ) as CfnValue;
    const targetType =
      (onFailure as { type?: string }).type ?? (typeof target === 'string' ? target.split(':')[2] : undefined);
    statements.push(
      targetType === 'sns' ? allow(['sns:Publish'], [target]) : allow(['sqs:ListQueues', 'sqs:SendMessage'], [target]),
    );
  }
  return statements;
}

function sqsStatements(sqs: unknown): Statement[] {
  const arn = (typeof sqs === 'object' && sqs !== null ? (sqs as { arn?: CfnValue }).arn : sqs) as CfnValue | undefined;
  return arn === undefined ? [] : [allow(sqsConsumerActions, [arn])];
}

const destinationActions: Record<string, string> = {
  function: 'lambda:InvokeFunction',
  sqs: 'sqs:SendMessage',
  sns: 'sns:Publish',
  eventBus: 'events:PutEvents',
};

function destinationStatement(
  functionName: string,
  destination: unknown,
  functionArn: (name: string) => CfnValue,
): Statement {
  if (typeof destination === 'object' && destination !== null) {
    const { type, arn } = destination as { type?: string; arn?: CfnValue };
    const action = type ? destinationActions[type] : undefined;
    if (!action || arn === undefined) {
      throw new StatefulConfigError(
        'STATE_EVENT_PERMISSIONS_UNKNOWN',
        `functions.${functionName}.destinations: a destination needs a type (${listOf(Object.keys(destinationActions))}) and an arn.`,
      );
    }
    return allow([action], [arn]);
  }
  const target = String(destination);
  if (!target.startsWith('arn:')) return allow(['lambda:InvokeFunction'], [functionArn(target)]);
  if (target.includes(':sqs:')) return allow(['sqs:SendMessage'], [target]);
  if (target.includes(':sns:')) return allow(['sns:Publish'], [target]);
  if (target.includes(':event-bus/')) return allow(['events:PutEvents'], [target]);
  return allow(['lambda:InvokeFunction'], [target]);
}

/**
 * The statements Serverless would give `definition` for its own configuration. Throws
 * STATE_EVENT_PERMISSIONS_UNKNOWN for an event whose permissions it does not know, rather than
 * deploy a function that would fail at run time.
 */
export function ownConfigurationStatements(
  functionName: string,
  definition: FunctionDefinition,
  provider: ProviderConfig,
  functionArn: (name: string) => CfnValue,
): Statement[] {
  const statements: Statement[] = [];
  for (const event of definition.events ?? []) {
    for (const [type, config] of Object.entries(event)) {
      if (type === 'stream') statements.push(...streamStatements(functionName, config));
      else if (type === 'sqs') statements.push(...sqsStatements(config));
      else if (!pushEvents.has(type)) {
        throw new StatefulConfigError(
          'STATE_EVENT_PERMISSIONS_UNKNOWN',
          `functions.${functionName}: serverless-stateful does not know the permissions a "${type}" event needs, so it cannot build this function's own role. ` +
            `Events it supports on a function with a state: block: ${listOf([...pollEvents, ...pushEvents])}. Move the event to a function without a state: block.`,
        );
      }
    }
  }
  if (typeof definition.onError === 'string') statements.push(allow(['sns:Publish'], [definition.onError]));
  for (const destination of [definition.destinations?.onSuccess, definition.destinations?.onFailure]) {
    if (destination !== undefined) statements.push(destinationStatement(functionName, destination, functionArn));
  }
  const kmsKeyArn = definition.kmsKeyArn ?? provider.kmsKeyArn;
  if (typeof kmsKeyArn === 'string') statements.push(allow(['kms:Decrypt'], [kmsKeyArn]));
  const tracing = definition.tracing ?? provider.tracing?.lambda;
  // X-Ray's write actions take no resource: "*" is the only form AWS accepts.
  if (tracing) statements.push(allow(['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], ['*']));
  if (definition.fileSystemConfig) {
    statements.push(
      allow(['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'], [definition.fileSystemConfig.arn]),
    );
  }
  return statements;
}

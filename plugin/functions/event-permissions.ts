// What the Serverless Framework would put in a function's role for its own configuration: its
// event sources that poll (streams, queues, brokers, Kafka), the scheduler that assumes the role,
// failure destinations, tracing, KMS and EFS. A function with a `state:` block gets these in its
// own role instead of the shared one.
import type { CfnValue } from '../cloudformation';
import { StatefulConfigError, listOf } from '../errors';
import { allow, type RolePrincipal, type Statement } from '../iam';
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
export const secretReadActions = ['secretsmanager:GetSecretValue'] as const;
export const brokerActions = ['mq:DescribeBroker'] as const;
export const mskClusterActions = ['kafka:DescribeCluster', 'kafka:GetBootstrapBrokers'] as const;
/**
 * What Lambda needs to reach a broker or cluster inside a VPC. EC2's Describe actions take no
 * resource, and the network interfaces are created in subnets the event does not name: "*" is
 * what osls grants and the only form that works.
 */
export const vpcNetworkingActions = [
  'ec2:CreateNetworkInterface',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeVpcs',
  'ec2:DeleteNetworkInterface',
  'ec2:DescribeSubnets',
  'ec2:DescribeSecurityGroups',
] as const;
export const invokeActions = ['lambda:InvokeFunction'] as const;
/**
 * What Lambda needs to send a stream's failed batch to a queue. osls adds sqs:ListQueues too,
 * which takes no resource: granted on a queue's ARN it allows nothing.
 */
export const failureQueueActions = ['sqs:SendMessage'] as const;
/** What osls writes in the shared role for a stream's on-failure queue and topic. */
export const oslsFailureQueueActions = ['sqs:ListQueues', 'sqs:SendMessage'] as const;
export const failureTopicActions = ['sns:Publish'] as const;

/** What a function's own role needs for its own configuration. */
export interface OwnConfiguration {
  readonly statements: Statement[];
  /** Services besides Lambda that assume the role (EventBridge Scheduler invokes through it). */
  readonly principals: RolePrincipal[];
}

/** What an event rule is told about the function whose event it reads. */
interface EventContext {
  readonly functionName: string;
  /** `functions.<name>.events.<index>`, for messages. */
  readonly where: string;
  readonly provider: ProviderConfig;
  readonly functionArn: (name: string) => CfnValue;
  /** The logical id of the service's websocket API, as the framework names it. */
  readonly websocketsApiLogicalId: string;
}

type EventRule = (config: unknown, context: EventContext) => Partial<OwnConfiguration>;

const asObject = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** Permissions of these events live on the invoker's side (resource policies), not in the role. */
const pushEvent: EventRule = () => ({});

function streamStatements(stream: unknown, { where }: EventContext): Partial<OwnConfiguration> {
  const config = (typeof stream === 'object' && stream !== null ? stream : { arn: stream }) as {
    arn?: CfnValue;
    type?: string;
    consumer?: unknown;
    destinations?: { onFailure?: unknown };
  };
  const arn = config.arn;
  if (arn === undefined) return {};
  const type = config.type ?? (typeof arn === 'string' ? arn.split(':')[2] : undefined);
  if (config.consumer) {
    throw new StatefulConfigError(
      'STATE_EVENT_PERMISSIONS_UNKNOWN',
      `${where}: a stream event with a Kinesis consumer is not supported on a function with a state: block yet. Move the event to a function without one.`,
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
    statements.push(allow(targetType === 'sns' ? failureTopicActions : failureQueueActions, [target]));
  }
  return { statements };
}

function sqsStatements(sqs: unknown): Partial<OwnConfiguration> {
  const arn = (typeof sqs === 'object' && sqs !== null ? (sqs as { arn?: CfnValue }).arn : sqs) as CfnValue | undefined;
  return arn === undefined ? {} : { statements: [allow(sqsConsumerActions, [arn])] };
}

/** The access configurations of a self-managed Kafka event whose values are secrets. */
const kafkaSecretConfigurations = [
  'saslPlainAuth',
  'saslScram256Auth',
  'saslScram512Auth',
  'clientCertificateTlsAuth',
  'serverRootCaCertificate',
];

// The statements osls adds to the shared role for kafka, msk, activemq and rabbitmq events
// (lib/plugins/aws/package/compile/events/*), on the same resources.
function kafkaStatements(kafka: unknown): Partial<OwnConfiguration> {
  const access = asObject(asObject(kafka).accessConfigurations);
  const secrets = kafkaSecretConfigurations.flatMap((key) => (access[key] ?? []) as CfnValue[]);
  const statements: Statement[] = [];
  if (secrets.length > 0) statements.push(allow(secretReadActions, secrets));
  if (access.vpcSubnet !== undefined || access.vpcSecurityGroup !== undefined) {
    statements.push(allow(vpcNetworkingActions, ['*']));
  }
  return { statements };
}

function mskStatements(msk: unknown): Partial<OwnConfiguration> {
  const { arn } = asObject(msk) as { arn?: CfnValue };
  if (arn === undefined) return {};
  return { statements: [allow(mskClusterActions, [arn]), allow(vpcNetworkingActions, ['*'])] };
}

function brokerStatements(broker: unknown): Partial<OwnConfiguration> {
  const { arn, basicAuthArn } = asObject(broker) as { arn?: CfnValue; basicAuthArn?: CfnValue };
  if (arn === undefined || basicAuthArn === undefined) return {};
  return {
    statements: [
      allow(secretReadActions, [basicAuthArn]),
      allow(brokerActions, [arn]),
      allow(vpcNetworkingActions, ['*']),
    ],
  };
}

/**
 * `method: scheduler` makes EventBridge Scheduler invoke the function through the function's own
 * role (osls sets the schedule's RoleArn to it), unless the event names a role of its own.
 */
function scheduleStatements(schedule: unknown, { functionName, functionArn }: EventContext) {
  const config = asObject(schedule);
  if (config.method !== 'scheduler' || config.roleArn !== undefined) return {};
  const arn = functionArn(functionName);
  const template = (arn as { 'Fn::Sub'?: unknown })['Fn::Sub'];
  const qualified = typeof template === 'string' ? { 'Fn::Sub': `${template}:*` } : undefined;
  return {
    statements: [allow(invokeActions, qualified ? [arn, qualified] : [arn])],
    principals: ['scheduler.amazonaws.com' as const],
  };
}

/** A websocket handler answers through the API's @connections endpoint, as osls allows. */
function websocketStatements(_config: unknown, { provider, websocketsApiLogicalId }: EventContext) {
  const external = provider.apiGateway?.websocketApiId;
  const api = typeof external === 'string' ? external : `\${${websocketsApiLogicalId}}`;
  return {
    statements: [
      allow(
        ['execute-api:ManageConnections'],
        [
          {
            'Fn::Sub': `arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:${api}/*/@connections/*`,
          },
        ],
      ),
    ],
  };
}

function lambdaAtEdge(_config: unknown, { functionName, where }: EventContext): never {
  throw new StatefulConfigError(
    'STATE_EVENT_PERMISSIONS_UNKNOWN',
    `${where}: a "cloudFront" event makes ${functionName} a Lambda@Edge function. Lambda@Edge allows no environment variables (the framework removes them), so the function could not find its state, and its role would need logging rights in every region. Move the event to a function without a state: block.`,
  );
}

/** Every event type osls 4 and serverless 3 define, and what each needs in the role. */
const eventRules: Record<string, EventRule> = {
  http: pushEvent,
  httpApi: pushEvent,
  websocket: websocketStatements,
  s3: pushEvent,
  schedule: scheduleStatements,
  sns: pushEvent,
  sqs: sqsStatements,
  stream: streamStatements,
  kafka: kafkaStatements,
  msk: mskStatements,
  activemq: brokerStatements,
  rabbitmq: brokerStatements,
  alexaSkill: pushEvent,
  alexaSmartHome: pushEvent,
  iot: pushEvent,
  iotFleetProvisioning: pushEvent,
  cloudwatchEvent: pushEvent,
  cloudwatchLog: pushEvent,
  cognitoUserPool: pushEvent,
  eventBridge: pushEvent,
  alb: pushEvent,
  cloudFront: lambdaAtEdge,
};

/**
 * The types of one entry of a function's `events`. An event is an object whose first key is its
 * type, the one the user wrote; frameworks add keys as they compile it (osls's httpApi adds
 * resolvedMethod and resolvedPath), and those are not types. A configuration that skipped
 * schema validation may put two known types in one entry, and each compiler reads its own, so
 * later keys count when they are event types.
 */
export function eventTypes(event: unknown): string[] {
  const [first, ...rest] = Object.keys(asObject(event));
  if (first === undefined) return [];
  return [first, ...rest.filter((key) => Object.hasOwn(eventRules, key))];
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

export interface OwnConfigurationInput {
  readonly functionName: string;
  readonly definition: FunctionDefinition;
  readonly provider: ProviderConfig;
  /** The ARN of a function of this service, by its name in serverless.yml. */
  readonly functionArn: (name: string) => CfnValue;
  readonly websocketsApiLogicalId: string;
}

/**
 * What Serverless would give `definition` for its own configuration. Throws
 * STATE_EVENT_PERMISSIONS_UNKNOWN for an event whose permissions it does not know, rather than
 * deploy a function that would fail at run time. With `skipUnsupported` (for a function that
 * stays on the shared role, whose events are only read) such events are passed over instead.
 */
export function ownConfiguration(
  input: OwnConfigurationInput,
  options: { skipUnsupported?: boolean } = {},
): OwnConfiguration {
  const { functionName, definition, provider, functionArn } = input;
  const statements: Statement[] = [];
  const principals = new Set<RolePrincipal>();
  const attempt = <T>(compute: () => T, passedOver: T): T => {
    try {
      return compute();
    } catch (error) {
      if (options.skipUnsupported && error instanceof StatefulConfigError) return passedOver;
      throw error;
    }
  };
  (definition.events ?? []).forEach((event, index) => {
    const where = `functions.${functionName}.events.${index}`;
    for (const type of eventTypes(event)) {
      const rule = Object.hasOwn(eventRules, type) ? eventRules[type] : undefined;
      if (!rule && options.skipUnsupported) continue;
      if (!rule) {
        throw new StatefulConfigError(
          'STATE_EVENT_PERMISSIONS_UNKNOWN',
          `${where}: serverless-stateful does not know the permissions a "${type}" event needs, so it cannot build this function's own role. ` +
            `Events it supports on a function with a state: block: ${listOf(Object.keys(eventRules).filter((known) => eventRules[known] !== lambdaAtEdge))}. Move the event to a function without a state: block.`,
        );
      }
      const own = attempt(() => rule(event[type], { ...input, where }), {});
      statements.push(...(own.statements ?? []));
      for (const principal of own.principals ?? []) principals.add(principal);
    }
  });
  if (typeof definition.onError === 'string') statements.push(allow(['sns:Publish'], [definition.onError]));
  for (const destination of [definition.destinations?.onSuccess, definition.destinations?.onFailure]) {
    if (destination === undefined) continue;
    statements.push(...attempt(() => [destinationStatement(functionName, destination, functionArn)], []));
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
  return { statements, principals: [...principals] };
}

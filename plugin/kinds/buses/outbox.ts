// The outbox of a bus (`state.buses.<bus>.outbox`): a table its publishers write their events into,
// in the same DynamoDB transaction as their state, and the relay that puts each event on the bus:
// a function shipped in the package (its own zip), subscribed to the table's stream, with bisect,
// bounded retries, partial batch responses and an encrypted failure queue with an alarm on it. The
// contract with the runtime is in docs/outbox.md. A function rather than an EventBridge Pipe: the
// local emulator runs a pipe from a stream only to SNS and Step Functions, not to a bus.
import { getAtt, type CfnResource, type CfnValue } from '../../cloudformation';
import { StatefulConfigError } from '../../errors';
import { allow, type Statement } from '../../iam';
import { bundledHandlerEntry, bundledHandlerPath } from '../../bundled-handlers';
import { pascalCase, physicalName } from '../../naming';
import { outboxRelayVariable } from '../../../runtime/environment';
import type { CompileContext, CompiledResource, GeneratedFunction } from '../kind';
import { partialBatchResponses, streamResponseType } from '../stream-failures';
import { busArn, busLogicalId, busName } from './names';
import { outboxRetentionDays, type BusConfig } from './schema';

/** The outbox a bus's config asks for, with its defaults; undefined when it asks for none. */
export interface OutboxSettings {
  readonly retentionDays: number;
  readonly alarmActions: readonly CfnValue[];
}

export function outboxSettings(config: BusConfig): OutboxSettings | undefined {
  const outbox = config.outbox;
  if (outbox === undefined || outbox === false) return undefined;
  const chosen = outbox === true ? {} : outbox;
  return {
    retentionDays: chosen.retentionDays ?? outboxRetentionDays.default,
    alarmActions: (chosen.alarmActions ?? []) as CfnValue[],
  };
}

/**
 * The attributes of the outbox table the plugin declares: the key, and the TTL attribute the relay
 * sets after delivery. The item's other attributes are the runtime's (runtime/outbox/outbox-item.ts).
 */
export const outboxKey = { partition: 'pk', sort: 'sk' } as const;
export const outboxExpiryAttribute = 'expiresAt';

/** The config path of a bus's outbox, for messages and as the source of its resources. */
const outboxSource = (bus: string) => `state.buses.${bus}.outbox`;

export const outboxTableLogicalId = (bus: string) => busLogicalId(bus, 'Outbox');
export const outboxFailuresLogicalId = (bus: string) => busLogicalId(bus, 'OutboxFailures');
export const outboxAlarmLogicalId = (bus: string) => busLogicalId(bus, 'OutboxFailuresAlarm');

/** The key of the relay under `functions:`. */
export const outboxRelayKey = (bus: string) => `statefulOutboxRelay${pascalCase(bus)}`;

/** `<service>-<stage>-<bus>-outbox`, within DynamoDB's 255 characters. */
export const outboxTableName = (context: Pick<CompileContext, 'service' | 'stage'>, bus: string) =>
  physicalName(context, `${bus}-outbox`, { max: 255, where: outboxSource(bus) });

/** The event source mapping's settings. */
export const outboxMapping = {
  batchSize: 100,
  /**
   * Bounded: a batch the bus keeps refusing goes to the failure queue rather than holding its
   * shard until the records expire (24 hours). Its events stay in the table, undelivered and never
   * expired, for a re-drive.
   */
  maximumRetryAttempts: 10,
} as const;

/** SQS's longest: a message names the shard and sequence numbers of a batch given up on, the only trace of it. */
const failureRetentionSeconds = 1_209_600;

const secondsPerDay = 86_400;

/** The settings the relay reads from STATEFUL_OUTBOX_RELAY (docs/outbox.md). */
export interface RelaySettings {
  readonly bus: string;
  readonly table: string;
  readonly retentionSeconds: number;
  /** Whether Lambda honours the relay's partial batch responses (../stream-failures.ts). */
  readonly partialBatchResponses: boolean;
}

export function relaySettings(bus: string, settings: OutboxSettings, context: CompileContext): RelaySettings {
  return {
    bus: busName(context, bus),
    table: outboxTableName(context, bus),
    retentionSeconds: settings.retentionDays * secondsPerDay,
    partialBatchResponses: partialBatchResponses(context),
  };
}

/**
 * Two tables under one name would be one table to DynamoDB: the outbox's name must not be one a
 * table of `state.tables` has (by default, or through its tableName).
 */
function checkTableNameFree(bus: string, context: CompileContext): void {
  const physical = outboxTableName(context, bus);
  for (const table of context.lookup.names('table')) {
    const where = `state.tables.${table}`;
    if (context.lookup.reference('table', table, 'name', where) !== physical) continue;
    throw new StatefulConfigError(
      'STATE_NAME_TAKEN',
      `${outboxSource(bus)} and ${where} both name the table "${physical}", so DynamoDB would hold one table for both. Give state.tables.${table} another tableName.`,
    );
  }
}

/** The outbox table, its failure queue and the alarm on that queue. */
export function compileOutbox(bus: string, settings: OutboxSettings, context: CompileContext): CompiledResource[] {
  checkTableNameFree(bus, context);
  const source = outboxSource(bus);
  // Undelivered events are data: they outlive the stack unless the stage is ephemeral.
  const policy = context.ephemeral ? 'Delete' : 'Retain';
  const table: CfnResource = {
    Type: 'AWS::DynamoDB::Table',
    DeletionPolicy: policy,
    UpdateReplacePolicy: policy,
    Properties: {
      TableName: outboxTableName(context, bus),
      AttributeDefinitions: [
        { AttributeName: outboxKey.partition, AttributeType: 'S' },
        { AttributeName: outboxKey.sort, AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: outboxKey.partition, KeyType: 'HASH' },
        { AttributeName: outboxKey.sort, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      // The account's AWS managed key, as the state tables have by default.
      SSESpecification: { SSEEnabled: true },
      // The relay reads each event from its insert; nothing needs the old image.
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      TimeToLiveSpecification: { AttributeName: outboxExpiryAttribute, Enabled: true },
    },
  };
  const queue: CfnResource = {
    Type: 'AWS::SQS::Queue',
    Properties: {
      QueueName: physicalName(context, `${bus}-outbox-failures`, { max: 80, where: source }),
      MessageRetentionPeriod: failureRetentionSeconds,
      SqsManagedSseEnabled: true,
    },
  };
  const alarm: CfnResource = {
    Type: 'AWS::CloudWatch::Alarm',
    Properties: {
      AlarmName: physicalName(context, `${bus}-outbox-failures`, { max: 255, where: source }),
      AlarmDescription: `The outbox relay of bus ${bus} gave up on a batch of events: they wait, undelivered, in the outbox table; the failure queue names them (serverless-stateful).`,
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: getAtt(outboxFailuresLogicalId(bus), 'QueueName') }],
      Statistic: 'Maximum',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      ...(settings.alarmActions.length > 0 ? { AlarmActions: [...settings.alarmActions] } : {}),
    },
  };
  return [
    { logicalId: outboxTableLogicalId(bus), resource: table, source },
    { logicalId: outboxFailuresLogicalId(bus), resource: queue, source },
    { logicalId: outboxAlarmLogicalId(bus), resource: alarm, source },
  ];
}

/** What a function that publishes to a bus with an outbox gets beside events:PutEvents. */
export function outboxGrant(bus: string): Statement[] {
  return [allow(['dynamodb:PutItem'], [getAtt(outboxTableLogicalId(bus), 'Arn')])];
}

/**
 * The relay of bus `bus`'s outbox. One per bus: one reader of the stream keeps each aggregate's
 * events in commit order (ParallelizationFactor 1), and only inserts reach it, not the relay's
 * own updates nor TTL's deletions.
 */
export function outboxRelayFunction(bus: string, settings: OutboxSettings, context: CompileContext): GeneratedFunction {
  const key = outboxRelayKey(bus);
  const where = outboxSource(bus);
  const tableArn = getAtt(outboxTableLogicalId(bus), 'Arn');
  return {
    key,
    source: where,
    definition: {
      name: physicalName(context, key, { max: 64, where }),
      description: `Puts the events of bus ${bus}'s outbox on the bus (serverless-stateful)`,
      handler: bundledHandlerEntry,
      runtime: 'nodejs22.x',
      memorySize: 256,
      timeout: 60,
      // Its own zip: nothing of the service's code or dependencies, whatever packages them.
      package: { artifact: bundledHandlerPath('outbox-relay'), individually: true },
      skipEsbuild: true,
      environment: { [outboxRelayVariable]: JSON.stringify(relaySettings(bus, settings, context)) },
      events: [
        {
          stream: {
            type: 'dynamodb',
            arn: getAtt(outboxTableLogicalId(bus), 'StreamArn'),
            // Events written before the mapping existed are delivered too.
            startingPosition: 'TRIM_HORIZON',
            batchSize: outboxMapping.batchSize,
            parallelizationFactor: 1,
            bisectBatchOnFunctionError: true,
            maximumRetryAttempts: outboxMapping.maximumRetryAttempts,
            ...streamResponseType(context),
            filterPatterns: [{ eventName: ['INSERT'] }],
            destinations: { onFailure: { type: 'sqs', arn: getAtt(outboxFailuresLogicalId(bus), 'Arn') } },
          },
        },
      ],
      // Marks an event delivered (and when it expires) on that table; puts it on that bus.
      permissions: [allow(['dynamodb:UpdateItem'], [tableArn]), allow(['events:PutEvents'], [busArn(bus)])],
    },
  };
}

// The outbox relay: a handler for the stream of a bus's outbox table that puts each new event on
// the bus, in stream order, then marks its item delivered (so TTL can expire it). At least once:
// an event may be put twice (a crash between the put and the mark, a batch retried after a later
// record failed), never skipped; consumers dedupe on detail.stateful.eventId.
//
// Order: the records of one aggregate (one partition key) come in commit order on one shard. A
// PutEvents call carries at most one event per aggregate, and no call starts before the one before
// it has fully landed, so an aggregate's events are put in order even when entries are refused and
// retried. A record that cannot be delivered ends the batch: it is reported as the first failure,
// and Lambda retries from it, so nothing after it in the shard is put before it.
// https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html
import type { PutEventsRequestEntry, PutEventsResultEntry } from '@aws-sdk/client-eventbridge';
import type { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { backoffDelay, sleep, type BackoffOptions } from '../backoff.js';
import type { DynamoDBStreamEvent, DynamoDBStreamRecord, StreamBatchResponse } from '../caches/invalidation.js';
import { documents, eventBridge, isAwsError, preloadDynamoDB, preloadEventBridge } from '../clients.js';
import { outboxRelayVariable } from '../environment.js';
import { messageOf } from '../errors.js';
import { describeError, entrySize, isPassing, publishLimits, retryableCodes } from '../events/put-events.js';
import { OutboxBatchFailedError, OutboxItemError, OutboxRelayConfigError } from './outbox-errors.js';
import { eventEntry, itemFromImage, type OutboxItem } from './outbox-item.js';

export interface OutboxRelaySettings {
  /** The bus, as PutEvents takes it (its name or ARN). */
  readonly bus: string;
  /** The outbox table's name. */
  readonly table: string;
  /** How long a delivered item is kept before TTL deletes it, in seconds. */
  readonly retentionSeconds: number;
  /**
   * Whether the event source mapping takes partial batch responses (ReportBatchItemFailures): then
   * the first record not delivered is reported, and Lambda retries from it. Otherwise (an emulator
   * that ignores them) the batch fails whole and is retried from its start: the events before that
   * record are put again. True unless set false.
   */
  readonly partialBatchResponses?: boolean;
}

export interface OutboxRelayOptions extends OutboxRelaySettings, BackoffOptions {
  /** Where undelivered events are reported: console by default. */
  readonly logger?: { error(message: string): void };
}

/** The part of a Lambda context the relay reads: it stops retrying before its time runs out. */
export interface RelayContext {
  getRemainingTimeInMillis?: () => number;
}

/** Retries of refused entries stop when less than this is left of the invocation. */
const reserveMs = 3000;

export const relayDefaults = { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 5000 } as const;

/** One event on its way: its record, its item, and the entry PutEvents gets. */
interface Delivery {
  readonly record: DynamoDBStreamRecord;
  readonly item: OutboxItem;
  readonly entry: PutEventsRequestEntry;
  readonly size: number;
}

interface Undelivered {
  readonly delivery: Delivery;
  readonly code: string;
  readonly message: string | undefined;
}

/**
 * Calls of at most 10 entries and 256 KB, in stream order, each with at most one event per
 * aggregate: an entry refused and retried then cannot land after a later event of its aggregate.
 */
export function relayChunks<T extends { size: number; item: { pk: string } }>(deliveries: readonly T[]): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  const aggregates = new Set<string>();
  for (const delivery of deliveries) {
    if (
      current.length === publishLimits.entries ||
      bytes + delivery.size > publishLimits.bytes ||
      aggregates.has(delivery.item.pk)
    ) {
      chunks.push(current);
      current = [];
      bytes = 0;
      aggregates.clear();
    }
    current.push(delivery);
    bytes += delivery.size;
    aggregates.add(delivery.item.pk);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function checkSettings(given: unknown, where: string): void {
  const settings = given as Partial<OutboxRelaySettings> | null | undefined;
  const problems: string[] = [];
  if (typeof settings?.bus !== 'string' || settings.bus === '') problems.push('bus must name the event bus');
  if (typeof settings?.table !== 'string' || settings.table === '') problems.push('table must name the outbox table');
  const retention = settings?.retentionSeconds;
  if (typeof retention !== 'number' || !Number.isInteger(retention) || retention <= 0) {
    problems.push('retentionSeconds must be a positive whole number');
  }
  const partial = settings?.partialBatchResponses;
  if (partial !== undefined && typeof partial !== 'boolean')
    problems.push('partialBatchResponses must be true or false');
  if (problems.length > 0) {
    throw new OutboxRelayConfigError(
      `${where}: ${problems.join('; ')}. Expected {"bus": "…", "table": "…", "retentionSeconds": 86400}`,
    );
  }
}

/** The relay's settings from STATEFUL_OUTBOX_RELAY, as the plugin sets them. */
export function relaySettingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): OutboxRelaySettings {
  const value = env[outboxRelayVariable];
  if (!value) throw new OutboxRelayConfigError(`${outboxRelayVariable} is not set: it holds the relay's settings`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    throw new OutboxRelayConfigError(`${outboxRelayVariable} is not JSON: ${messageOf(error)}`, { cause: error });
  }
  checkSettings(parsed, outboxRelayVariable);
  return parsed as OutboxRelaySettings;
}

const describeRecord = (record: DynamoDBStreamRecord) =>
  `stream record ${record.eventID ?? '(no id)'} (sequence ${record.dynamodb?.SequenceNumber ?? 'none'})`;

/**
 * A handler for the stream of an outbox table: puts each inserted item's event on `bus`, marks it
 * delivered, and reports in `batchItemFailures` the first record it could not deliver (or mark).
 */
export function outboxRelay(
  options: OutboxRelayOptions,
): (event: DynamoDBStreamEvent, context?: RelayContext) => Promise<StreamBatchResponse> {
  checkSettings(options, 'outboxRelay()');
  const { bus, table, retentionSeconds, partialBatchResponses = true } = options;
  const backoff = { ...relayDefaults, ...options };
  const logger = options.logger ?? console;
  preloadEventBridge();
  preloadDynamoDB();

  /** Puts `chunk` in one call, retrying what is refused for the moment; says what did not land. */
  async function put(chunk: readonly Delivery[], context: RelayContext | undefined): Promise<Undelivered[]> {
    let pending = chunk;
    for (let attempt = 1; ; attempt++) {
      const { client, commands } = await eventBridge();
      let outcomes: PutEventsResultEntry[];
      // Set when the call was refused whole: whether that refusal passes.
      let passing: boolean | undefined;
      try {
        const result = await client.send(new commands.PutEventsCommand({ Entries: pending.map((d) => d.entry) }));
        outcomes = result.Entries ?? [];
      } catch (error) {
        // Refused whole: passing (throttled, a 5xx, the network) is retried, anything else is not.
        // A timeout may hide a delivery: the retry may put the chunk twice.
        passing = await isPassing(error);
        const { code, message } = describeError(error);
        outcomes = pending.map(() => ({ ErrorCode: code, ErrorMessage: message }));
      }
      const retry: Delivery[] = [];
      const failures: Undelivered[] = [];
      let refusedForGood = false;
      for (const [index, delivery] of pending.entries()) {
        const outcome = outcomes[index];
        if (outcome && !outcome.ErrorCode) continue;
        // No outcome for an entry: unknown, so put again (at worst a duplicate).
        const code = outcome?.ErrorCode ?? 'NoOutcome';
        failures.push({ delivery, code, message: outcome?.ErrorMessage });
        if (passing ?? (!outcome || retryableCodes.has(code))) retry.push(delivery);
        else refusedForGood = true;
      }
      if (failures.length === 0) return [];
      const delay = backoffDelay(attempt, backoff);
      const timeLeft = context?.getRemainingTimeInMillis?.() ?? Infinity;
      if (refusedForGood || attempt >= backoff.maxAttempts || timeLeft < delay + reserveMs) return failures;
      await sleep(delay);
      pending = retry;
    }
  }

  /** Sets deliveredAt and expiresAt; an item already gone (expired, deleted) is left gone. */
  async function markDelivered(item: OutboxItem, now: number): Promise<void> {
    try {
      await documents(({ client, commands }) =>
        client.send(
          new commands.UpdateCommand({
            TableName: table,
            Key: { pk: item.pk, sk: item.sk },
            UpdateExpression: 'SET #deliveredAt = :deliveredAt, #expiresAt = :expiresAt',
            ConditionExpression: 'attribute_exists(#sk)',
            ExpressionAttributeNames: { '#deliveredAt': 'deliveredAt', '#expiresAt': 'expiresAt', '#sk': 'sk' },
            ExpressionAttributeValues: {
              ':deliveredAt': new Date(now).toISOString(),
              ':expiresAt': Math.floor(now / 1000) + retentionSeconds,
            },
          }),
        ),
      );
    } catch (error) {
      if (!isAwsError<ConditionalCheckFailedException>(error, 'ConditionalCheckFailedException')) throw error;
    }
  }

  const report = (record: DynamoDBStreamRecord, why: string): StreamBatchResponse => {
    const sequence = record.dynamodb?.SequenceNumber;
    const failure = `outbox relay to bus ${bus}: ${describeRecord(record)} was not delivered: ${why}`;
    if (!partialBatchResponses) {
      throw new OutboxBatchFailedError(`${failure}. The batch fails, to be retried from its first record.`);
    }
    logger.error(`${failure}. It is retried with every record after it.`);
    // Without a sequence number Lambda cannot be told which record failed: the batch fails.
    if (sequence === undefined) throw new OutboxItemError(`${describeRecord(record)} has no sequence number`);
    return { batchItemFailures: [{ itemIdentifier: sequence }] };
  };

  /**
   * Marks the delivered events of `chunk`, then reports its first record, in stream order, that was
   * not delivered or not marked, if there is one.
   */
  async function markChunk(
    chunk: readonly Delivery[],
    undelivered: readonly Undelivered[],
  ): Promise<StreamBatchResponse | undefined> {
    const failed = new Set(undelivered.map((failure) => failure.delivery));
    const now = Date.now();
    const marks = await Promise.allSettled(
      chunk.map((delivery) => (failed.has(delivery) ? Promise.resolve() : markDelivered(delivery.item, now))),
    );
    for (const [index, delivery] of chunk.entries()) {
      const mark = marks[index];
      const failure = undelivered.find((candidate) => candidate.delivery === delivery);
      if (failure) return report(delivery.record, `EventBridge answered ${failure.code}: ${failure.message ?? ''}`);
      if (mark?.status === 'rejected') {
        // Delivered but not marked: put again on the retry, so that no item stays unmarked.
        return report(
          delivery.record,
          `it was put on the bus, but marking it delivered failed: ${messageOf(mark.reason)}`,
        );
      }
    }
    return undefined;
  }

  return async (event, context) => {
    const deliveries: Delivery[] = [];
    let unreadable: { record: DynamoDBStreamRecord; error: unknown } | undefined;
    for (const record of event.Records) {
      // The relay's own marks (MODIFY) and TTL's deletions (REMOVE) are not events.
      if (record.eventName !== 'INSERT') continue;
      try {
        const item = itemFromImage(record.dynamodb?.NewImage);
        const entry: PutEventsRequestEntry = { ...eventEntry(item), EventBusName: bus };
        deliveries.push({ record, item, entry, size: entrySize(entry) });
      } catch (error) {
        unreadable = { record, error };
        break;
      }
    }
    // A chunk's marks run while the next chunk is put: only the puts need to wait for each other.
    let marking: Promise<StreamBatchResponse | undefined> = Promise.resolve(undefined);
    for (const chunk of relayChunks(deliveries)) {
      const undelivered = await put(chunk, context);
      // An earlier chunk's failed mark comes first in stream order.
      const earlier = await marking;
      if (earlier) return earlier;
      marking = markChunk(chunk, undelivered);
      if (undelivered.length > 0) return (await marking) ?? { batchItemFailures: [] };
    }
    const last = await marking;
    if (last) return last;
    if (unreadable) return report(unreadable.record, messageOf(unreadable.error));
    return { batchItemFailures: [] };
  };
}

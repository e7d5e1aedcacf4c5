// The outbox item, in one home for its writer and its relay (docs/outbox.md): built from an event
// (refused here, before the commit, if EventBridge could never take it), read back from a stream's
// NEW_IMAGE, and turned into the PutEvents entry the relay sends. Its event id is a ULID.
import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { randomFillSync } from 'node:crypto';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { StreamImage } from '../caches/key-template.js';
import { detailJson, entrySize, missingField, publishLimits } from '../events/put-events.js';
import { EventRefusedError, OutboxItemError } from './outbox-errors.js';

/** The property the relay adds to every detail; a caller's detail may not have one. */
export const reservedProperty = 'stateful';

/** What the relay adds to a detail, as `detail.stateful`. */
export interface StatefulMetadata {
  /** The event's id: the same on every delivery of the event, so consumers dedupe on it. */
  readonly eventId: string;
  /** The aggregate the event is about; its events are put in commit order. */
  readonly aggregate: string;
  /** ISO time of the write that committed the event. */
  readonly committedAt: string;
}

/** An item of a bus's outbox table. */
export interface OutboxItem {
  /** The aggregate. */
  readonly pk: string;
  /** The event id. */
  readonly sk: string;
  readonly detailType: string;
  readonly source: string;
  /** The caller's detail, as JSON text (an object). */
  readonly detail: string;
  readonly resources?: readonly string[];
  /** ISO time of the write. */
  readonly createdAt: string;
  /** Set by the relay once the event is on the bus, with `expiresAt` (epoch seconds). */
  readonly deliveredAt?: string;
  readonly expiresAt?: number;
}

/** An event as a writer gives it. */
export interface OutboxEvent {
  readonly detailType: string;
  readonly detail: unknown;
  /** The events' source; the function's name by default. */
  readonly source?: string;
  /** ARNs the event concerns. */
  readonly resources?: readonly string[];
}

// ULID (https://github.com/ulid/spec): 48 bits of milliseconds then 80 random bits, in Crockford's
// base 32, so ids sort by time as text. Within one millisecond (or a clock that stepped back) the
// random part of the last id is incremented, so ids made in one process only ever increase.
const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const lastRandom = new Uint8Array(10);
let lastTime = -1;

/** Adds one to the 80-bit number in `bytes`; false when it wraps to zero. */
function increment(bytes: Uint8Array): boolean {
  for (let index = bytes.length - 1; index >= 0; index--) {
    const next = ((bytes[index] ?? 0) + 1) & 0xff;
    bytes[index] = next;
    if (next !== 0) return true;
  }
  return false;
}

/** `digits` base-32 characters of `value` (below 2^53), most significant first. */
function base32(value: number, digits: number): string {
  let text = '';
  for (let index = 0; index < digits; index++) {
    text = crockford.charAt(value % 32) + text;
    value = Math.floor(value / 32);
  }
  return text;
}

/** A new event id: a ULID, greater than every id this process made before. */
export function eventId(now: number = Date.now()): string {
  if (now > lastTime) {
    lastTime = now;
    randomFillSync(lastRandom);
  } else if (!increment(lastRandom)) {
    // 2^80 ids in one millisecond: move on to the next one.
    lastTime += 1;
    randomFillSync(lastRandom);
  }
  // 40 bits at a time stay exact in a double.
  const high = (lastRandom[0] ?? 0) * 2 ** 32 + word(1);
  const low = (lastRandom[5] ?? 0) * 2 ** 32 + word(6);
  return base32(lastTime, 10) + base32(high, 8) + base32(low, 8);
}

/** Four bytes of the random part from `offset`, as an unsigned number. */
function word(offset: number): number {
  return (
    ((lastRandom[offset] ?? 0) * 2 ** 24 +
      ((lastRandom[offset + 1] ?? 0) << 16) +
      ((lastRandom[offset + 2] ?? 0) << 8) +
      (lastRandom[offset + 3] ?? 0)) >>>
    0
  );
}

/** The millisecond an event id was made in. */
export function eventIdTime(id: string): number {
  let time = 0;
  for (const character of id.slice(0, 10)) {
    const digit = crockford.indexOf(character.toUpperCase());
    if (digit < 0) throw new OutboxItemError(`${JSON.stringify(id)} is not an event id (a ULID)`);
    time = time * 32 + digit;
  }
  return time;
}

/** The PutEvents entry the relay sends for `item`, but for the bus: the detail with `stateful`, timed at the commit. */
export function eventEntry(item: OutboxItem): PutEventsRequestEntry {
  const stateful: StatefulMetadata = { eventId: item.sk, aggregate: item.pk, committedAt: item.createdAt };
  const metadata = `"${reservedProperty}":${JSON.stringify(stateful)}`;
  // The detail is a JSON object's text: the property goes in before its closing brace.
  const body = item.detail.trimEnd().slice(0, -1).trimEnd();
  const detail = body === '{' ? `{${metadata}}` : `${body},${metadata}}`;
  return {
    Source: item.source,
    DetailType: item.detailType,
    Detail: detail,
    Time: new Date(item.createdAt),
    ...(item.resources ? { Resources: [...item.resources] } : {}),
  };
}

/** The source events get when none is given: the function's name. */
export const defaultSource = () => process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'serverless-stateful';

/**
 * The outbox item of `event` on `aggregate`, with a new event id; refused with EventRefusedError
 * when EventBridge would refuse the event (no detail type or source, a detail that is not a JSON
 * object or has a `stateful` property, an entry over 256 KB), since the relay could never put it.
 */
export function buildOutboxItem(bus: string, event: OutboxEvent, aggregate: string, now = Date.now()): OutboxItem {
  const { detailType, detail, resources } = event;
  const source = event.source ?? defaultSource();
  const refuse = (code: 'EntryTooLarge' | 'MalformedDetail' | 'InvalidArgument', reason: string) =>
    new EventRefusedError(bus, detailType, code, reason);
  const missing = missingField('detail type', detailType) ?? missingField('source', source);
  if (missing) throw refuse('InvalidArgument', missing);
  if (resources !== undefined && !(Array.isArray(resources) && resources.every((arn) => typeof arn === 'string'))) {
    throw refuse('InvalidArgument', 'resources must be a list of ARNs');
  }
  const json = detailJson(detail);
  if ('malformed' in json) throw refuse('MalformedDetail', json.malformed);
  if (Object.prototype.hasOwnProperty.call(detail, reservedProperty)) {
    throw refuse(
      'MalformedDetail',
      `the detail has a property "${reservedProperty}", which the outbox reserves for the event's id, aggregate and commit time`,
    );
  }
  const item: OutboxItem = {
    pk: aggregate,
    sk: eventId(now),
    detailType,
    source,
    detail: json.text,
    ...(resources ? { resources: [...resources] } : {}),
    createdAt: new Date(now).toISOString(),
  };
  const size = entrySize(eventEntry(item));
  if (size > publishLimits.bytes) {
    throw refuse(
      'EntryTooLarge',
      `it is ${size} bytes with its ${reservedProperty} metadata; EventBridge takes at most ${publishLimits.bytes}`,
    );
  }
  return item;
}

const textAttributes = ['pk', 'sk', 'detailType', 'source', 'detail', 'createdAt'] as const;

/** The outbox item a stream record's NEW_IMAGE holds; OutboxItemError if it is not one. */
export function itemFromImage(image: StreamImage | undefined): OutboxItem {
  if (!image) throw new OutboxItemError('the stream record has no NewImage: the stream must carry new images');
  let item: Record<string, unknown>;
  try {
    item = unmarshall(image as Parameters<typeof unmarshall>[0]);
  } catch (error) {
    throw new OutboxItemError(`the stream record's NewImage cannot be read: ${String(error)}`, { cause: error });
  }
  const where = `outbox item ${JSON.stringify({ pk: item.pk, sk: item.sk })}`;
  for (const attribute of textAttributes) {
    if (typeof item[attribute] !== 'string' || item[attribute] === '') {
      throw new OutboxItemError(`${where} has no ${attribute} (a non-empty string)`);
    }
  }
  const detail = item.detail as string;
  if (!detail.startsWith('{') || !detail.trimEnd().endsWith('}')) {
    throw new OutboxItemError(`${where}: its detail is not a JSON object's text`);
  }
  const { resources } = item;
  if (resources !== undefined && !(Array.isArray(resources) && resources.every((arn) => typeof arn === 'string'))) {
    throw new OutboxItemError(`${where}: its resources are not a list of ARNs`);
  }
  return item as unknown as OutboxItem;
}

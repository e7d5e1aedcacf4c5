// bus(name).publish(): events onto the bus the function declared, in batches EventBridge
// accepts, with the entries it refuses retried and those still refused handed back.
import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { backoffDelay, sleep, type BackoffOptions } from '../backoff.js';
import { eventBridge } from '../clients.js';
import { resolveResource } from '../discovery.js';

/** EventBridge's limits on one PutEvents call. */
export const publishLimits = { entries: 10, bytes: 256 * 1024 } as const;

/** Error codes worth another try: the entry was fine, the moment was not. */
const retryableCodes = new Set(['ThrottlingException', 'InternalFailure', 'InternalException', 'ServiceUnavailable']);

export interface PublishOptions extends BackoffOptions {
  /** The events' source; the function's name by default. */
  readonly source?: string;
  /** ARNs the events concern. */
  readonly resources?: readonly string[];
}

export interface FailedEvent {
  /** Position in the list given to publish(), from 0. */
  readonly index: number;
  readonly detail: unknown;
  readonly errorCode: string;
  readonly errorMessage: string | undefined;
}

export interface PublishResult {
  readonly published: number;
  /** Events EventBridge still refused after every retry: never dropped, always reported. */
  readonly failed: readonly FailedEvent[];
}

/** EventBridge's size of an entry: its text fields in UTF-8 bytes, plus 14 for a Time. */
export function entrySize(entry: PutEventsRequestEntry): number {
  const text = [entry.Source, entry.DetailType, entry.Detail, ...(entry.Resources ?? [])].filter(
    (part): part is string => part !== undefined,
  );
  return text.reduce((sum, part) => sum + Buffer.byteLength(part, 'utf8'), entry.Time ? 14 : 0);
}

/** Splits entries into batches of at most 10 entries and 256 KB. */
export function batches<T extends { size: number }>(entries: readonly T[]): T[][] {
  const result: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const entry of entries) {
    if (current.length === publishLimits.entries || bytes + entry.size > publishLimits.bytes) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += entry.size;
  }
  if (current.length > 0) result.push(current);
  return result;
}

interface Pending {
  readonly index: number;
  readonly detail: unknown;
  readonly entry: PutEventsRequestEntry;
  readonly size: number;
}

export class Bus {
  private busName: string | undefined;

  constructor(readonly name: string) {}

  get eventBusName(): string {
    this.busName ??= resolveResource('bus', this.name);
    return this.busName;
  }

  /** Publishes one event per detail; returns how many landed and which did not. */
  async publish(detailType: string, detail: unknown, options: PublishOptions = {}): Promise<PublishResult> {
    const details = Array.isArray(detail) ? (detail as unknown[]) : [detail];
    const source = options.source ?? process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'serverless-stateful';
    const failed: FailedEvent[] = [];
    let pending: Pending[] = [];
    details.forEach((item, index) => {
      const entry: PutEventsRequestEntry = {
        EventBusName: this.eventBusName,
        Source: source,
        DetailType: detailType,
        Detail: JSON.stringify(item),
        ...(options.resources ? { Resources: [...options.resources] } : {}),
      };
      const size = entrySize(entry);
      if (size > publishLimits.bytes) {
        failed.push({
          index,
          detail: item,
          errorCode: 'EntryTooLarge',
          errorMessage: `${size} bytes; EventBridge takes at most 262144`,
        });
      } else pending.push({ index, detail: item, entry, size });
    });

    let published = 0;
    const maxAttempts = options.maxAttempts ?? 4;
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > 1) await sleep(backoffDelay(attempt - 1, options));
      const retry: Pending[] = [];
      for (const batch of batches(pending)) {
        const result = await eventBridge().send(new PutEventsCommand({ Entries: batch.map((item) => item.entry) }));
        (result.Entries ?? []).forEach((outcome, position) => {
          const item = batch[position];
          if (!item) return;
          if (!outcome.ErrorCode) {
            published++;
          } else if (retryableCodes.has(outcome.ErrorCode) && attempt < maxAttempts) {
            retry.push(item);
          } else {
            failed.push({
              index: item.index,
              detail: item.detail,
              errorCode: outcome.ErrorCode,
              errorMessage: outcome.ErrorMessage,
            });
          }
        });
      }
      pending = retry;
    }
    return { published, failed: failed.sort((a, b) => a.index - b.index) };
  }
}

/** `bus('shop')`: the bus the function declared as `shop`. */
export function bus(name: string): Bus {
  return new Bus(name);
}

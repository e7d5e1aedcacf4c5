// bus(name).publish(): events onto the bus the function declared, in batches EventBridge
// accepts, with the entries it refuses retried and those still refused handed back; a call
// refused outright throws, accounting for every event all the same.
import type { PutEventsRequestEntry, PutEventsResultEntry } from '@aws-sdk/client-eventbridge';
import { backoffDelay, sleep, type BackoffOptions } from '../backoff.js';
import { eventBridge, preloadEventBridge } from '../clients.js';
import { resolveResource } from '../discovery.js';
import { StatefulRuntimeError } from '../errors.js';
import {
  batches,
  describeError,
  detailJson,
  isPassing,
  missingField,
  publishLimits,
  retryableCodes,
  entrySize,
} from './put-events.js';

export { batches, entrySize, publishLimits } from './put-events.js';

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

/**
 * EventBridge refused a PutEvents call outright (the bus is missing, access is denied, …), so no
 * further event could land. `failed` holds every event of the call that was not published.
 */
export class PublishError extends StatefulRuntimeError {
  override name = 'PublishError';
  constructor(
    readonly bus: string,
    readonly published: number,
    readonly failed: readonly FailedEvent[],
    options: { cause: unknown },
  ) {
    const cause =
      options.cause instanceof Error ? `${options.cause.name}: ${options.cause.message}` : String(options.cause);
    const denied = options.cause instanceof Error && options.cause.name === 'AccessDeniedException';
    // Refused here, before sending, as EventBridge would refuse it: said in our words alone.
    const refusal =
      options.cause instanceof StatefulRuntimeError
        ? `publishing to bus ${bus} was refused before sending, as EventBridge would refuse it: ${options.cause.message}`
        : `EventBridge refused to publish to bus ${bus}: ${cause}`;
    super(
      `${refusal}. ` +
        (denied ? 'The function may publish only to buses its state: block grants publish. ' : '') +
        `${published} event(s) were published; the ${failed.length} others are in error.failed.`,
      options,
    );
  }
}

interface Pending {
  readonly index: number;
  readonly detail: unknown;
  readonly entry: PutEventsRequestEntry;
  readonly size: number;
  /** Why the last try did not publish it, when it is being tried again. */
  readonly lastError?: { readonly errorCode: string; readonly errorMessage: string | undefined };
}

export class Bus {
  private busName: string | undefined;

  constructor(readonly name: string) {
    preloadEventBridge();
  }

  get eventBusName(): string {
    this.busName ??= resolveResource('bus', this.name);
    return this.busName;
  }

  /** Publishes one event per detail; returns how many landed and which did not. */
  async publish(detailType: string, detail: unknown, options: PublishOptions = {}): Promise<PublishResult> {
    const details = Array.isArray(detail) ? (detail as unknown[]) : [detail];
    const failed: FailedEvent[] = [];
    const byIndex = () => failed.sort((a, b) => a.index - b.index);
    const fail = (item: Pick<Pending, 'index' | 'detail'>, errorCode: string, errorMessage: string | undefined) =>
      failed.push({ index: item.index, detail: item.detail, errorCode, errorMessage });
    // EventBridge fails a whole request whose entries all lack a detail type or a source.
    const source = options.source ?? process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'serverless-stateful';
    const missing = missingField('detail type', detailType) ?? missingField('source', source);
    if (missing) {
      details.forEach((item, index) => fail({ index, detail: item }, 'InvalidArgument', missing));
      throw new PublishError(this.name, 0, byIndex(), { cause: new StatefulRuntimeError(missing) });
    }
    let pending: Pending[] = [];
    details.forEach((item, index) => {
      const json = detailJson(item);
      if ('malformed' in json) return fail({ index, detail: item }, 'MalformedDetail', json.malformed);
      const entry = this.entry(detailType, json.text, source, options);
      const size = entrySize(entry);
      if (size > publishLimits.bytes) {
        fail({ index, detail: item }, 'EntryTooLarge', `${size} bytes; EventBridge takes at most 262144`);
      } else pending.push({ index, detail: item, entry, size });
    });

    let published = 0;
    const maxAttempts = options.maxAttempts ?? 4;
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > 1) await sleep(backoffDelay(attempt - 1, options));
      const retry: Pending[] = [];
      const notPublished = (item: Pending, errorCode: string, errorMessage: string | undefined, passing: boolean) => {
        if (passing && attempt < maxAttempts) retry.push({ ...item, lastError: { errorCode, errorMessage } });
        else fail(item, errorCode, errorMessage);
      };
      const queue = batches(pending);
      for (const [position, batch] of queue.entries()) {
        let outcomes: PutEventsResultEntry[];
        const { client, commands } = await eventBridge();
        try {
          const result = await client.send(new commands.PutEventsCommand({ Entries: batch.map((item) => item.entry) }));
          outcomes = result.Entries ?? [];
        } catch (error) {
          const { code, message } = describeError(error);
          if (!(await isPassing(error))) {
            // Nothing more can land: account for every event not published, then stop.
            for (const item of retry) fail(item, item.lastError?.errorCode ?? code, item.lastError?.errorMessage);
            for (const item of queue.slice(position).flat()) fail(item, code, message);
            throw new PublishError(this.name, published, byIndex(), { cause: error });
          }
          // The whole batch gets another try. A timeout may hide a delivery: EventBridge is at least once.
          for (const item of batch) notPublished(item, code, message, true);
          continue;
        }
        batch.forEach((item, index) => {
          const outcome = outcomes[index];
          if (outcome && !outcome.ErrorCode) published++;
          else if (outcome?.ErrorCode) {
            notPublished(item, outcome.ErrorCode, outcome.ErrorMessage, retryableCodes.has(outcome.ErrorCode));
          } else notPublished(item, 'NoOutcome', 'EventBridge answered without an outcome for this entry', false);
        });
      }
      pending = retry;
    }
    return { published, failed: byIndex() };
  }

  private entry(detailType: string, detail: string, source: string, options: PublishOptions): PutEventsRequestEntry {
    return {
      EventBusName: this.eventBusName,
      Source: source,
      DetailType: detailType,
      Detail: detail,
      ...(options.resources ? { Resources: [...options.resources] } : {}),
    };
  }
}

/** `bus('shop')`: the bus the function declared as `shop`. */
export function bus(name: string): Bus {
  return new Bus(name);
}

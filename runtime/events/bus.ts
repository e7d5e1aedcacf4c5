// bus(name).publish(): events onto the bus the function declared, in batches EventBridge
// accepts, with the entries it refuses retried and those still refused handed back; a call
// refused outright throws, accounting for every event all the same.
import type { PutEventsRequestEntry, PutEventsResultEntry } from '@aws-sdk/client-eventbridge';
import { backoffDelay, sleep, type BackoffOptions } from '../backoff.js';
import { eventBridge, preloadEventBridge } from '../clients.js';
import { resolveResource } from '../discovery.js';
import { StatefulRuntimeError } from '../errors.js';
import { jsonData } from '../json-data.js';

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

// The SDK's own classification, loaded when a call first fails (the EventBridge client has loaded
// it by then), not with the runtime.
let retryChecks: Promise<typeof import('@smithy/core/retry')> | undefined;

/** A failure of the moment (throttled, a 5xx, the network), still there after the SDK's own retries. */
async function isPassing(error: unknown): Promise<boolean> {
  if (!(error instanceof Error)) return false;
  const { isServerError, isThrottlingError, isTransientError } = await (retryChecks ??= import('@smithy/core/retry'));
  const sdkError = error as Parameters<typeof isTransientError>[0];
  return isThrottlingError(sdkError) || isTransientError(sdkError) || isServerError(sdkError);
}

/** A request-level failure as an entry's: the error's name (ThrottlingException, TimeoutError…), or for a bare Error, Node's code (ECONNREFUSED…). */
function describeError(error: unknown): { code: string; message: string } {
  if (!(error instanceof Error)) return { code: 'Error', message: String(error) };
  const systemCode = (error as { code?: unknown }).code;
  const code = error.name === 'Error' && typeof systemCode === 'string' ? systemCode : error.name;
  return { code, message: error.message };
}

/** Why EventBridge would fail an entry with this detail type or source, if it would. */
function missingField(field: string, value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return undefined;
  return `an event needs a ${field}, a non-empty string; got ${typeof value === 'string' ? '""' : String(value)}`;
}

/** A detail as EventBridge takes it, a JSON object, or why it is not one (JSON would change it). */
function detailJson(detail: unknown): { text: string } | { malformed: string } {
  if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) {
    const got =
      detail === null
        ? 'null'
        : detail === undefined
          ? 'undefined'
          : Array.isArray(detail)
            ? 'a list'
            : `a ${typeof detail}`;
    return { malformed: `EventBridge takes a JSON object as an event's detail; got ${got}` };
  }
  const json = jsonData(detail);
  if ('problem' in json) {
    const { path, reason } = json.problem;
    return { malformed: `${path === '(the value)' ? 'the detail' : path} is ${reason}` };
  }
  if (!json.text.startsWith('{')) {
    return {
      malformed: `EventBridge takes a JSON object as an event's detail; this one is written ${json.text.slice(0, 40)}`,
    };
  }
  return json;
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

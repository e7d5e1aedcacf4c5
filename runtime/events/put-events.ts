// What EventBridge takes in one PutEvents call, and which of its refusals pass: one home for
// bus().publish() and the outbox (its writer refuses before the commit what the relay could never
// put; its relay batches and retries as publish() does).
import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { jsonData } from '../json-data.js';

/** EventBridge's limits on one PutEvents call. */
export const publishLimits = { entries: 10, bytes: 256 * 1024 } as const;

/** Error codes worth another try: the entry was fine, the moment was not. */
export const retryableCodes = new Set([
  'ThrottlingException',
  'InternalFailure',
  'InternalException',
  'ServiceUnavailable',
]);

// The SDK's own classification, loaded when a call first fails (the EventBridge client has loaded
// it by then), not with the runtime.
let retryChecks: Promise<typeof import('@smithy/core/retry')> | undefined;

/** A failure of the moment (throttled, a 5xx, the network), still there after the SDK's own retries. */
export async function isPassing(error: unknown): Promise<boolean> {
  if (!(error instanceof Error)) return false;
  const { isServerError, isThrottlingError, isTransientError } = await (retryChecks ??= import('@smithy/core/retry'));
  const sdkError = error as Parameters<typeof isTransientError>[0];
  return isThrottlingError(sdkError) || isTransientError(sdkError) || isServerError(sdkError);
}

/** A request-level failure as an entry's: the error's name (ThrottlingException, TimeoutError…), or for a bare Error, Node's code (ECONNREFUSED…). */
export function describeError(error: unknown): { code: string; message: string } {
  if (!(error instanceof Error)) return { code: 'Error', message: String(error) };
  const systemCode = (error as { code?: unknown }).code;
  const code = error.name === 'Error' && typeof systemCode === 'string' ? systemCode : error.name;
  return { code, message: error.message };
}

/** Why EventBridge would fail an entry with this detail type or source, if it would. */
export function missingField(field: string, value: unknown): string | undefined {
  if (typeof value === 'string' && value !== '') return undefined;
  return `an event needs a ${field}, a non-empty string; got ${typeof value === 'string' ? '""' : String(value)}`;
}

/** A detail as EventBridge takes it, a JSON object, or why it is not one (JSON would change it). */
export function detailJson(detail: unknown): { text: string } | { malformed: string } {
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

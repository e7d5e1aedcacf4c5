// What identifies an event to idempotent(): the value its key selects, refused when nothing is
// there, and hashed. JMESPath answers a missing key with null, a compound one
// (`[orderId, customerId]`, `{ o: orderId }`, `Records[].messageId`) with a list or an object of
// nulls or with an empty list: all of those are the same for every event that lacks the key, so
// they must not become one shared record.
import { createHash } from 'node:crypto';
import { jsonData } from '../json-data.js';
import { IdempotencyConfigError, IdempotencyKeyError } from './errors.js';

/** Whether `value` holds nothing: null, an empty string, or only such values, however nested. */
export function isMissingKey(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (typeof value !== 'object') return false;
  // A Date, or anything else that says how JSON writes it, is judged by what it writes.
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') {
    const written: unknown = toJSON.call(value);
    if (written !== value) return isMissingKey(written);
  }
  if (value instanceof Set || value instanceof Map) return value.size === 0;
  for (const part of Object.values(value as Record<string, unknown>)) if (!isMissingKey(part)) return false;
  return true;
}

const hashOf = (text: string) => createHash('sha256').update(text).digest('base64url');

/** The hash of the key `source` selected, or an IdempotencyKeyError saying why there is none. */
export function keyHash(value: unknown, source: string): string {
  if (isMissingKey(value)) {
    throw new IdempotencyKeyError(
      `the event has no idempotency key: ${source} found ${value === undefined ? 'nothing' : JSON.stringify(value)}`,
    );
  }
  const json = jsonData(value, true);
  if ('problem' in json) {
    throw new IdempotencyKeyError(
      `the idempotency key ${source} found is not JSON data: ${json.problem.path} is ${json.problem.reason}`,
    );
  }
  return hashOf(json.text);
}

/** The hash of the payload to compare; an absent payload is null. */
export function payloadHash(value: unknown, source: string): string {
  const json = jsonData(value ?? null, true);
  if ('problem' in json) {
    throw new IdempotencyConfigError(
      `idempotent(): payload ${source} gave a value that is not JSON data: ${json.problem.path} is ${json.problem.reason}`,
    );
  }
  return hashOf(json.text);
}

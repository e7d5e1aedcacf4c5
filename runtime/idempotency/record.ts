// What the store keeps per idempotency key.

export type RecordStatus = 'INPROGRESS' | 'COMPLETED';

export interface IdempotencyRecord {
  readonly key: string;
  readonly status: RecordStatus;
  /** When the record may be forgotten, in epoch seconds (DynamoDB TTL's unit). */
  readonly expiresAt: number;
  /** When an INPROGRESS record stops blocking, in epoch milliseconds. */
  readonly inProgressUntil?: number;
  readonly payloadHash?: string;
  /** The handler's result, as JSON. */
  readonly result?: string;
  /** Why a COMPLETED record has no result: it could not be stored. */
  readonly resultNotStored?: string;
}

/** Whether `record` still stands at `now` (epoch milliseconds). */
export function isLive(record: IdempotencyRecord, now: number): boolean {
  if (record.expiresAt * 1000 <= now) return false;
  return record.status === 'COMPLETED' || (record.inProgressUntil ?? 0) > now;
}

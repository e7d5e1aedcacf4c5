// The narrow interface a store implements. Each call is one round trip.
import type { IdempotencyRecord } from '../record.js';

export type AcquireResult =
  | { readonly acquired: true }
  | { readonly acquired: false; readonly existing: IdempotencyRecord };

export interface PersistenceLayer {
  /**
   * Writes `record` (INPROGRESS) unless a live record has its key; then returns that one instead.
   * One atomic round trip: the lock, and on a duplicate the stored result.
   */
  acquire(record: IdempotencyRecord, now: number): Promise<AcquireResult>;
  /** Replaces the INPROGRESS record with the COMPLETED one. */
  complete(record: IdempotencyRecord): Promise<void>;
  /** Forgets the key (the handler failed, so a retry runs it again). */
  release(key: string): Promise<void>;
  get(key: string): Promise<IdempotencyRecord | undefined>;
}

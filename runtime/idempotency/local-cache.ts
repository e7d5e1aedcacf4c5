// Completed records kept in the container, least recently used out first.
import type { IdempotencyRecord } from './record.js';

export class LocalCache {
  private readonly records = new Map<string, IdempotencyRecord>();

  constructor(private readonly maxItems: number) {}

  get(key: string, now: number): IdempotencyRecord | undefined {
    const record = this.records.get(key);
    if (!record) return undefined;
    this.records.delete(key);
    if (record.expiresAt * 1000 <= now) return undefined;
    this.records.set(key, record); // most recently used last
    return record;
  }

  set(record: IdempotencyRecord): void {
    if (this.maxItems <= 0) return;
    this.records.delete(record.key);
    this.records.set(record.key, record);
    while (this.records.size > this.maxItems) {
      const oldest = this.records.keys().next().value;
      if (oldest === undefined) break;
      this.records.delete(oldest);
    }
  }
}

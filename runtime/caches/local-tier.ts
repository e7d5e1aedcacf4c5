// The in-container tier: entries this container read or wrote lately, kept in memory in front of
// Redis, bounded by count and by bytes (least recently used go first). It keeps entries encoded,
// so every caller decodes its own copy and no handler can change what the next one reads.
//
// Another container's write or invalidation cannot reach this memory, so an entry is served from
// here for at most `ttlMs` after it came from Redis (and never past its own freshness): that is
// how stale this tier can be. Past that, it is still kept, to serve while Redis is unavailable.
import { LRUCache } from 'lru-cache';
import { payloadBytes, type Entry } from './entry.js';

export interface LocalTierOptions {
  readonly maxEntries: number;
  readonly maxBytes: number;
  readonly ttlMs: number;
}

export interface LocalEntry extends Entry {
  /** Until when this container serves it without asking Redis. */
  readonly localUntil: number;
  /** When Redis expires it: until then it may be served while Redis is unavailable. */
  readonly staleUntil: number;
  readonly tags: readonly string[];
}

export class LocalTier {
  private readonly entries: LRUCache<string, LocalEntry>;

  constructor(readonly options: LocalTierOptions) {
    this.entries = new LRUCache<string, LocalEntry>({
      max: options.maxEntries,
      maxSize: options.maxBytes,
      // lru-cache needs a size of at least 1; an entry over maxBytes is not kept.
      sizeCalculation: (entry) => Math.max(1, payloadBytes(entry.payload)),
    });
  }

  get(key: string): LocalEntry | undefined {
    return this.entries.get(key);
  }

  /** Keeps `entry`, read from Redis or written there at `now`, until Redis expires it at `staleUntil`. */
  set(key: string, entry: Entry, now: number, staleUntil: number, tags: readonly string[] = []): void {
    if (staleUntil <= now) {
      this.entries.delete(key);
      return;
    }
    const localUntil = Math.min(entry.freshUntil, now + this.options.ttlMs);
    this.entries.set(key, { ...entry, localUntil, staleUntil, tags });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets every entry tagged with one of `tags`. */
  deleteTagged(tags: readonly string[]): void {
    const wanted = new Set(tags);
    const tagged: string[] = [];
    for (const [key, entry] of this.entries.entries()) {
      if (entry.tags.some((tag) => wanted.has(tag))) tagged.push(key);
    }
    for (const key of tagged) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.entries.calculatedSize;
  }
}

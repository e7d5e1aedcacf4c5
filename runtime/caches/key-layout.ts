// Where a cache's keys live in Redis. Every name is `<namespace>:` (when the URL gives one) then
// the key in braces, so that a value and its lock share a Redis Cluster hash slot (ElastiCache
// Serverless is always in cluster mode) and one Lua script may touch both:
//
//   <namespace>:{<key>}          the value, with its freshness header (entry.ts)
//   <namespace>:{<key>}:lock     the fleet-wide load lock: a random token, with a PX expiry
//   <namespace>:tag:{<tag>}      the keys tagged <tag>: a sorted set, scored by expiry
//   <namespace>:tag:{<tag>}:at   when <tag> was last invalidated (Redis time, in ms)
//
// Value and lock names start with `{` after the prefix and tag names with `tag:`, so no key can
// name another's lock or a tag's set.
import { CacheKeyError } from './cache-errors.js';

export class KeyLayout {
  constructor(
    readonly cache: string,
    /** `<namespace>:`, or '' when the cache has no namespace. */
    readonly prefix: string,
  ) {}

  value(key: string): string {
    return `${this.prefix}{${key}}`;
  }

  lock(key: string): string {
    return `${this.prefix}{${key}}:lock`;
  }

  tag(tag: string): string {
    return `${this.prefix}tag:{${tag}}`;
  }

  tagInvalidated(tag: string): string {
    return `${this.prefix}tag:{${tag}}:at`;
  }

  /** Throws CacheKeyError unless `key` is a name the layout keeps in one hash slot. */
  check(key: unknown, what: 'key' | 'tag' = 'key'): string {
    if (typeof key !== 'string' || key === '') {
      throw new CacheKeyError(
        this.cache,
        key,
        `cache ${this.cache}: a ${what} is a non-empty string, not ${key === '' ? 'an empty string' : typeof key}`,
      );
    }
    // `{}` is no hash tag: a key starting with `}` would put its value and its lock in different slots.
    if (key.startsWith('}')) {
      throw new CacheKeyError(
        this.cache,
        key,
        `cache ${this.cache}: the ${what} ${key} starts with '}', which no ${what} may`,
      );
    }
    return key;
  }
}

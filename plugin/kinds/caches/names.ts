// The names of a cache's resources in ElastiCache, and the namespace of its keys.
//
// ElastiCache identifiers (serverless cache names, replication group ids, user ids, user group
// ids) are lowercase letters, digits and hyphens, start with a letter, hold no two hyphens in a
// row, do not end with one, and are at most 40 characters (replication group ids and serverless
// cache names; the API states no bound for user and user group ids, which get the same one).
// `<service>-<stage>-<cache>[-<level>]` passes that easily for short names and not for long
// ones (`orders-service-production-catalog-readwrite` is 43). Rather than refuse a long stage
// name at package time, a longer id is cut to 33 characters and ends with 6 hex digits of a hash
// of the whole: deterministic (the same config always gives the same names, so a deploy never
// replaces a cache by renaming it), still readable, and two ids cut to the same start differ.
// The runtime never derives a name: its variable carries the cache name and user id.
import { createHash } from 'node:crypto';
import type { CompileContext } from '../kind';
import type { CacheAccessLevel } from './access';

export const maxIdentifierLength = 40;
const hashLength = 6;

/** `parts` joined by hyphens as an ElastiCache identifier (see above). */
export function elastiCacheId(parts: readonly string[]): string {
  const whole = parts.join('-');
  const id = whole
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z]+/, '')
    .replace(/-+$/, '');
  if (id.length <= maxIdentifierLength && id !== '') return id;
  const hash = createHash('sha256').update(whole).digest('hex').slice(0, hashLength);
  const start = id.slice(0, maxIdentifierLength - hashLength - 1).replace(/-+$/, '');
  return start === '' ? `c${hash}` : `${start}-${hash}`;
}

type Names = Pick<CompileContext, 'service' | 'stage'>;

/** The serverless cache's name or the replication group's id; also its user group's and subnet group's. */
export const cacheId = (context: Names, name: string) => elastiCacheId([context.service, context.stage, name]);

/** The user of functions with `level` (IAM auth: its user name is the same). */
export const userId = (context: Names, name: string, level: CacheAccessLevel) =>
  elastiCacheId([context.service, context.stage, name, level]);

/** The disabled user named `default` every user group holds. */
export const defaultUserId = (context: Names, name: string) =>
  elastiCacheId([context.service, context.stage, name, 'default']);

/**
 * The prefix of the cache's keys: `<service>-<stage>`. On a local stage every cache of the
 * service is the emulator's one Redis, so the cache's name is added there to keep caches apart.
 */
export const cacheNamespace = (context: Names & Pick<CompileContext, 'local'>, name: string) =>
  context.local ? `${context.service}-${context.stage}-${name}` : `${context.service}-${context.stage}`;

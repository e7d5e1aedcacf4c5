// The rules across a cache's options that its schema cannot state, checked at package time so
// that ElastiCache does not refuse them at deploy, each with a coded error naming the path.
import { StatefulConfigError, listOf } from '../../errors';
import { maxReplicas, modeOptions, type CacheConfig, type CacheMode } from './schema';

export const cacheMode = (config: CacheConfig): CacheMode => config.mode ?? 'serverless';

/** A cluster's replicas: 1 unless given, so that a primary's failure is not a cache's outage. */
export const replicasOf = (config: CacheConfig) => config.replicas ?? 1;

/** Multi-AZ (and automatic failover) whenever there is a replica to fail over to, unless turned off. */
export const multiAzOf = (config: CacheConfig) => config.multiAz ?? replicasOf(config) > 0;

const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const windowPattern =
  /^(sun|mon|tue|wed|thu|fri|sat):([01]\d|2[0-3]):([0-5]\d)-(sun|mon|tue|wed|thu|fri|sat):([01]\d|2[0-3]):([0-5]\d)$/i;
const minimumWindowMinutes = 60;
const minutesInWeek = 7 * 24 * 60;

/** The length in minutes of a maintenance window `ddd:hh:mm-ddd:hh:mm`, or undefined if it is not one. */
export function windowMinutes(window: string): number | undefined {
  const match = windowPattern.exec(window);
  if (!match) return undefined;
  const at = (day: string, hour: string, minute: string) =>
    days.indexOf(day.toLowerCase() as (typeof days)[number]) * 24 * 60 + Number(hour) * 60 + Number(minute);
  const start = at(match[1] as string, match[2] as string, match[3] as string);
  const end = at(match[4] as string, match[5] as string, match[6] as string);
  return (end - start + minutesInWeek) % minutesInWeek;
}

function checkWindow(name: string, window: string): void {
  const where = `state.caches.${name}.maintenanceWindow`;
  const minutes = windowMinutes(window);
  if (minutes === undefined) {
    throw new StatefulConfigError(
      'STATE_CACHE_WINDOW_INVALID',
      `${where}: ${JSON.stringify(window)} is not a maintenance window. Write ddd:hh:mm-ddd:hh:mm in UTC, the days ${listOf([...days])}, e.g. sun:05:00-sun:06:00.`,
    );
  }
  if (minutes < minimumWindowMinutes) {
    throw new StatefulConfigError(
      'STATE_CACHE_WINDOW_INVALID',
      `${where}: ${JSON.stringify(window)} lasts ${minutes} minutes; ElastiCache needs a window of at least ${minimumWindowMinutes}, e.g. sun:05:00-sun:06:00.`,
    );
  }
}

function checkRange(name: string, limit: 'ecpu' | 'storage', range: { min?: number; max?: number } | undefined): void {
  if (range?.min === undefined || range.max === undefined || range.min <= range.max) return;
  throw new StatefulConfigError(
    'STATE_CACHE_OPTION_CONFLICT',
    `state.caches.${name}.limits.${limit}: min ${range.min} is above max ${range.max}. Give a min at most the max.`,
  );
}

/** Throws a coded error for the first rule `config` breaks. */
export function checkCacheOptions(name: string, config: CacheConfig): void {
  const mode = cacheMode(config);
  const other: CacheMode = mode === 'serverless' ? 'cluster' : 'serverless';
  const misplaced = modeOptions[other].filter((option) => config[option] !== undefined);
  if (misplaced.length > 0) {
    throw new StatefulConfigError(
      'STATE_CACHE_OPTION_NOT_IN_MODE',
      `state.caches.${name}: ${listOf(misplaced, 'and')} ${misplaced.length > 1 ? 'apply' : 'applies'} to ${other} mode, and the cache is in ${mode} mode${config.mode === undefined ? ' (the default)' : ''}. In ${mode} mode use ${listOf([...modeOptions[mode]])}; or set mode: ${other}.`,
    );
  }
  if (config.multiAz === true && replicasOf(config) === 0) {
    throw new StatefulConfigError(
      'STATE_CACHE_OPTION_CONFLICT',
      `state.caches.${name}.multiAz: Multi-AZ fails over to a replica, and replicas is 0. Set replicas to 1 to ${maxReplicas}, or multiAz: false.`,
    );
  }
  if (config.dailySnapshotTime !== undefined && (config.snapshotRetention ?? 0) === 0) {
    throw new StatefulConfigError(
      'STATE_CACHE_OPTION_CONFLICT',
      `state.caches.${name}.dailySnapshotTime: no snapshots are kept (snapshotRetention is ${config.snapshotRetention ?? 'not set'}), so there is nothing to take daily. Set snapshotRetention to 1 to 35 days, or remove dailySnapshotTime.`,
    );
  }
  checkRange(name, 'ecpu', config.limits?.ecpu);
  checkRange(name, 'storage', config.limits?.storage);
  if (config.maintenanceWindow !== undefined) checkWindow(name, config.maintenanceWindow);
}

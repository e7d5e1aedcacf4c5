// What a cache counts in this container, readable in code (cache('x').metrics()) and written as
// CloudWatch Embedded Metric Format lines: one JSON line per cache per flush, which CloudWatch
// Logs turns into metrics without a PutMetricData call.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
import type { BreakerState } from './circuit-breaker.js';

/** Counters since the container started (or since the cache was first used in it). */
export interface CacheCounters {
  /** Reads served from the in-container tier. */
  hitsLocal: number;
  /** Reads served fresh from Redis. */
  hitsRedis: number;
  /** Reads served a stale value: within grace while another caller refreshed, or while Redis was unavailable. */
  hitsStale: number;
  /** Reads that found nothing fresh or stale to serve and loaded (or waited for a load). */
  misses: number;
  /** Loader calls made by this container. */
  loads: number;
  /** Loader calls that threw. */
  loadErrors: number;
  /** Loads of this container written to Redis, releasing the lock. */
  fills: number;
  /** Reads that waited for another container's load. */
  lockWaits: number;
  /** Of those, waits that reached their bound, after which the caller loaded itself without writing. */
  lockWaitTimeouts: number;
  /** Values not cached because they were over maxValueBytes or could not be encoded. */
  notCached: number;
  /** Redis commands that failed (errors and hard timeouts). */
  redisErrors: number;
  /** Reads served from the in-container tier because Redis had not answered within the soft timeout. */
  softTimeouts: number;
  /** Calls that skipped Redis because the breaker was open. */
  breakerSkips: number;
  breakerOpened: number;
  breakerHalfOpened: number;
  breakerClosed: number;
}

export interface CacheMetrics extends Readonly<CacheCounters> {
  readonly breaker: BreakerState;
  /** Entries and bytes in the in-container tier now. */
  readonly localEntries: number;
  readonly localBytes: number;
}

export const emptyCounters = (): CacheCounters => ({
  hitsLocal: 0,
  hitsRedis: 0,
  hitsStale: 0,
  misses: 0,
  loads: 0,
  loadErrors: 0,
  fills: 0,
  lockWaits: 0,
  lockWaitTimeouts: 0,
  notCached: 0,
  redisErrors: 0,
  softTimeouts: 0,
  breakerSkips: 0,
  breakerOpened: 0,
  breakerHalfOpened: 0,
  breakerClosed: 0,
});

// The names CloudWatch shows, in the order they are written.
const metricNames: Record<keyof CacheCounters, string> = {
  hitsLocal: 'HitsLocal',
  hitsRedis: 'HitsRedis',
  hitsStale: 'HitsStale',
  misses: 'Misses',
  loads: 'Loads',
  loadErrors: 'LoadErrors',
  fills: 'Fills',
  lockWaits: 'LockWaits',
  lockWaitTimeouts: 'LockWaitTimeouts',
  notCached: 'NotCached',
  redisErrors: 'RedisErrors',
  softTimeouts: 'SoftTimeouts',
  breakerSkips: 'BreakerSkips',
  breakerOpened: 'BreakerOpened',
  breakerHalfOpened: 'BreakerHalfOpened',
  breakerClosed: 'BreakerClosed',
};

const breakerLevel: Record<BreakerState, number> = { closed: 0, 'half-open': 1, open: 2 };

/** What changed between two snapshots, or undefined when nothing did. */
export function countersSince(now: CacheCounters, before: CacheCounters): CacheCounters | undefined {
  const delta = emptyCounters();
  let changed = false;
  for (const key of Object.keys(metricNames) as (keyof CacheCounters)[]) {
    delta[key] = now[key] - before[key];
    if (delta[key] !== 0) changed = true;
  }
  return changed ? delta : undefined;
}

export interface EmfOptions {
  /** The CloudWatch namespace: `ServerlessStateful` by default. */
  readonly namespace?: string;
  /** Written as a dimension beside the cache's name, when given (a service, a stage). */
  readonly dimensions?: Readonly<Record<string, string>>;
}

/** One EMF line: the counts of `delta`, and the breaker's state (0 closed, 1 half-open, 2 open). */
export function emfLine(
  cache: string,
  delta: CacheCounters,
  breaker: BreakerState,
  options: EmfOptions = {},
  timestamp = Date.now(),
): string {
  const dimensions = { ...options.dimensions, Cache: cache };
  const counts = Object.fromEntries(
    (Object.keys(metricNames) as (keyof CacheCounters)[]).map((key) => [metricNames[key], delta[key]]),
  );
  return JSON.stringify({
    _aws: {
      Timestamp: timestamp,
      CloudWatchMetrics: [
        {
          Namespace: options.namespace ?? 'ServerlessStateful',
          Dimensions: [Object.keys(dimensions)],
          Metrics: [
            ...Object.values(metricNames).map((name) => ({ Name: name, Unit: 'Count' })),
            { Name: 'BreakerState', Unit: 'None' },
          ],
        },
      ],
    },
    ...dimensions,
    ...counts,
    BreakerState: breakerLevel[breaker],
  });
}

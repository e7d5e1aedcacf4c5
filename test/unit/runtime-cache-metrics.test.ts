// The metrics of caches as CloudWatch Embedded Metric Format lines: the specification's shape, and
// what changed since the last flush. (Flushing real counts is in runtime-cache-aside.test.ts.)
import { countersSince, emfLine, emptyCounters } from '../../runtime/caches/cache-metrics';

describe('an EMF line', () => {
  it('declares every count under the namespace and the cache dimension, and carries the values', () => {
    const delta = { ...emptyCounters(), hitsLocal: 3, misses: 1, loads: 1 };
    const line = JSON.parse(
      emfLine('catalog', delta, 'half-open', { namespace: 'Shop', dimensions: { Service: 'shop-dev' } }, 1234),
    ) as Record<string, unknown> & {
      _aws: {
        Timestamp: number;
        CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[];
      };
    };
    expect(line._aws.Timestamp).toBe(1234);
    const [directive] = line._aws.CloudWatchMetrics;
    expect(directive?.Namespace).toBe('Shop');
    expect(directive?.Dimensions).toEqual([['Service', 'Cache']]);
    // Every metric declared has its value at the top level, as the specification requires.
    for (const metric of directive?.Metrics ?? []) expect(typeof line[metric.Name]).toBe('number');
    expect(line).toMatchObject({
      Service: 'shop-dev',
      Cache: 'catalog',
      HitsLocal: 3,
      Misses: 1,
      Loads: 1,
      HitsRedis: 0,
    });
    expect(line.BreakerState).toBe(1);
    expect(directive?.Metrics).toContainEqual({ Name: 'LockWaits', Unit: 'Count' });
  });

  it('says nothing changed when nothing did', () => {
    expect(countersSince(emptyCounters(), emptyCounters())).toBeUndefined();
    expect(countersSince({ ...emptyCounters(), loads: 5 }, { ...emptyCounters(), loads: 2 })).toMatchObject({
      loads: 3,
    });
  });
});

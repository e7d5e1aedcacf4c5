/**
 * @services redis
 */
// Redis locks as the runtime will use them: SET NX PX takes a lock that one holder at a time
// gets, that expires by itself, and that only its holder can release.
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { endpointOf } from '../support/endpoints';

// Delete the key only if it still holds our token: a holder whose lock expired and was taken
// by another must not release the new holder's lock.
const releaseScript =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

describe('Redis', () => {
  const redis = new Redis(endpointOf('redis'), { maxRetriesPerRequest: 1, lazyConnect: true });
  const key = `smoke:lock:${randomUUID()}`;

  beforeAll(() => redis.connect());
  afterAll(async () => {
    await redis.del(key);
    redis.disconnect();
  });

  it('grants SET NX PX to one holder, which expires on its own', async () => {
    await expect(redis.set(key, 'first', 'PX', 300, 'NX')).resolves.toBe('OK');
    await expect(redis.set(key, 'second', 'PX', 300, 'NX')).resolves.toBeNull();
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(300);

    await new Promise((resolve) => setTimeout(resolve, 350));
    await expect(redis.get(key)).resolves.toBeNull();
    await expect(redis.set(key, 'second', 'PX', 300, 'NX')).resolves.toBe('OK');
  });

  it('lets only the holder of the token release the lock', async () => {
    await redis.set(key, 'holder', 'PX', 5000);
    await expect(redis.eval(releaseScript, 1, key, 'someone-else')).resolves.toBe(0);
    await expect(redis.get(key)).resolves.toBe('holder');
    await expect(redis.eval(releaseScript, 1, key, 'holder')).resolves.toBe(1);
    await expect(redis.get(key)).resolves.toBeNull();
  });
});

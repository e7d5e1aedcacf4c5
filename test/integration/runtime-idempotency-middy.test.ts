/**
 * @services redis
 */
// idempotentMiddleware() in a real Middy chain: a duplicate ends the chain early with the stored
// result, and a failure releases the key.
import middy from '@middy/core';
import { randomUUID } from 'node:crypto';
import { idempotentMiddleware } from '../../runtime';
import { RedisPersistence } from '../../runtime/redis';
import { endpointOf } from '../support/endpoints';

const context = { getRemainingTimeInMillis: () => 10_000 } as never;

describe('idempotentMiddleware() with Middy', () => {
  const persistence = new RedisPersistence({ url: endpointOf('redis'), prefix: `middy:${randomUUID()}:` });
  afterAll(() => persistence.close());

  it('runs the handler once and answers a duplicate from the store', async () => {
    let runs = 0;
    const handler = middy<{ orderId: string }, { charged: string; run: number }>()
      .use(
        idempotentMiddleware<{ orderId: string }, { charged: string; run: number }>({
          key: 'orderId',
          persistence,
          localCache: false,
        }),
      )
      .handler(async (event) => ({ charged: (event as { orderId: string }).orderId, run: ++runs }));
    await expect(handler({ orderId: 'm1' }, context)).resolves.toEqual({ charged: 'm1', run: 1 });
    await expect(handler({ orderId: 'm1' }, context)).resolves.toEqual({ charged: 'm1', run: 1 });
    expect(runs).toBe(1);
  });

  it('releases the key when the handler throws, so a retry runs again', async () => {
    let runs = 0;
    const handler = middy<{ orderId: string }, string>()
      .use(idempotentMiddleware<{ orderId: string }, string>({ key: 'orderId', persistence }))
      .handler(async () => {
        if (++runs === 1) throw new Error('declined');
        return 'charged';
      });
    await expect(handler({ orderId: 'm2' }, context)).rejects.toThrow('declined');
    await expect(handler({ orderId: 'm2' }, context)).resolves.toBe('charged');
    expect(runs).toBe(2);
  });
});

/**
 * @services redis
 */
// idempotentMiddleware() in a real Middy 6 chain, the way a handler uses it: Middy 6 is an ES
// module, so the handler runs in its own Node process from a project that has installed both
// packages, against the test Redis. A duplicate ends the chain early with the stored result (also
// when the handler returned nothing), a failure releases the key, and Middy's types see the event.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { endpointOf } from '../support/endpoints';
import { makeServiceDir, type ServiceDir } from '../support/service-dir';
import { typeCheck } from '../support/type-check';

const handlers = `
import middy from '@middy/core';
import { idempotentMiddleware } from '@serverless-stateful/runtime';
import { RedisPersistence } from '@serverless-stateful/runtime/redis';

const [url, prefix] = process.argv.slice(2);
const persistence = new RedisPersistence({ url, prefix });
const context = { getRemainingTimeInMillis: () => 10_000 };

let charges = 0;
const charge = middy(async (event) => ({ charged: event.orderId, run: ++charges })).use(
  idempotentMiddleware({ key: 'orderId', persistence, localCache: false }),
);

let attempts = 0;
const flaky = middy(async () => {
  if (++attempts === 1) throw new Error('declined');
  return 'charged';
}).use(idempotentMiddleware({ key: 'orderId', persistence }));

let consumed = 0;
const consumer = middy(async () => {
  consumed++;
}).use(idempotentMiddleware({ key: 'detail.cartId', persistence, localCache: false }));

const report = {
  charge: [
    await charge({ orderId: 'm1' }, context),
    await charge({ orderId: 'm1' }, context),
    await charge({ orderId: 'm2' }, context),
  ],
  charges,
  flaky: [await flaky({ orderId: 'm3' }, context).catch((error) => error.message), await flaky({ orderId: 'm3' }, context)],
  attempts,
  consumer: [await consumer({ detail: { cartId: 'c1' } }, context), await consumer({ detail: { cartId: 'c1' } }, context)],
  consumed,
};
await persistence.close();
console.log(JSON.stringify(report));
`;

const typedHandlers = `
import middy from '@middy/core';
import { idempotentMiddleware } from '@serverless-stateful/runtime';

interface Order {
  orderId: string;
  amount: number;
}

export const charge = middy<Order, { charged: number }>()
  .use(idempotentMiddleware({ key: 'orderId' }))
  .handler(async (event) => ({ charged: event.amount }));

export const keyed = middy(async (event: Order) => event.amount).use(
  idempotentMiddleware<Order, number>({ key: (event) => event.orderId }),
);

// @ts-expect-error: the key function reads a field an Order does not have
idempotentMiddleware<Order, number>({ key: (event) => event.customerId });

export const wrong = middy<Order, { charged: number }>()
  .use(idempotentMiddleware({ key: 'orderId' }))
  // @ts-expect-error: Middy knows the event is an Order, and an Order has no total
  .handler(async (event) => ({ charged: event.total }));
`;

describe('idempotentMiddleware() with Middy 6', () => {
  let project: ServiceDir;

  beforeAll(() => {
    project = makeServiceDir({ 'handlers.mjs': handlers, 'typed.mts': typedHandlers });
    // The project's own install of Middy, as npm would lay it out.
    const middy = join(project.path, 'node_modules', '@middy', 'core');
    mkdirSync(dirname(middy), { recursive: true });
    symlinkSync(join(__dirname, '..', '..', 'node_modules', '@middy', 'core'), middy, 'dir');
  });
  afterAll(() => project.remove());

  it('runs each handler once per key, releases the key on failure, and skips a void handler on a duplicate', () => {
    const output = execFileSync(process.execPath, ['handlers.mjs', endpointOf('redis'), `middy:${randomUUID()}:`], {
      cwd: project.path,
      encoding: 'utf8',
    });
    expect(JSON.parse(output)).toEqual({
      charge: [
        { charged: 'm1', run: 1 },
        { charged: 'm1', run: 1 },
        { charged: 'm2', run: 2 },
      ],
      charges: 2,
      flaky: ['declined', 'charged'],
      attempts: 2,
      // Both calls answer nothing (undefined, printed as null), and the second did not run the handler.
      consumer: [null, null],
      consumed: 1,
    });
  });

  it("lets Middy's types infer the event through the middleware", () => {
    expect(typeCheck(project.path, ['typed.mts'], ['node', 'aws-lambda'])).toEqual({ status: 0, diagnostics: '' });
  });
});

import { idempotent, IdempotencyConfigError, type IdempotencyOptions } from '../../runtime/index';

type Event = { orderId: string; body: string };
const wrap = (options: Record<string, unknown>) =>
  idempotent(async (event: Event) => event.orderId, options as unknown as IdempotencyOptions<Event>);

describe('idempotent() options', () => {
  it('accepts what it documents', () => {
    expect(() => wrap({ key: 'orderId' })).not.toThrow();
    expect(() => wrap({ key: 'powertools_json(body).orderId', payload: true, ttl: 60 })).not.toThrow();
    expect(() => wrap({ key: (event: Event) => event.orderId, payload: 'body' })).not.toThrow();
    expect(() => wrap({ key: 'orderId', inProgress: { waitMs: 0 }, localCache: { maxItems: 0 } })).not.toThrow();
    expect(() => wrap({ key: 'orderId', inProgress: 'error', localCache: false })).not.toThrow();
    expect(() => wrap({ key: 'orderId', resultNotStored: 'rerun' })).not.toThrow();
  });

  // JMESPath loads when the handler is wrapped, not with the runtime: an expression that can never
  // work is refused by every invocation, before the handler or the store is reached.
  it.each([
    [{ key: 'order[' }, /^idempotent\(\): key "order\[" is not a JMESPath expression: /],
    [{ key: 'orderId', payload: 'lines[?' }, /^idempotent\(\): payload "lines\[\?" is not a JMESPath expression: /],
    [{ key: 'no_such_function(orderId)' }, /^idempotent\(\): key "no_such_function\(orderId\)" is not a JMESPath/],
  ])('refuses %j at each invocation, naming the option', async (options, message) => {
    const handler = jest.fn(async (event: Event) => event.orderId);
    const wrapped = idempotent(handler, options as unknown as IdempotencyOptions<Event>);
    for (let invocation = 0; invocation < 2; invocation++) {
      const run = wrapped({ orderId: 'o-1', body: '{}' }, {});
      await expect(run).rejects.toThrow(IdempotencyConfigError);
      await expect(run).rejects.toThrow(message);
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    [{ key: '' }, 'idempotent(): key must be a JMESPath expression or a function of the event; got ""'],
    [{ key: 42 }, 'idempotent(): key must be a JMESPath expression or a function of the event; got 42'],
    [{ key: 'orderId', ttl: 0 }, 'idempotent(): ttl must be a positive whole number; got 0'],
    [{ key: 'orderId', ttl: 1.5 }, 'idempotent(): ttl must be a positive whole number; got 1.5'],
    [{ key: 'orderId', ttl: '60' }, 'idempotent(): ttl must be a positive whole number; got "60"'],
    [{ key: 'orderId', inProgress: 'wait' }, `idempotent(): inProgress must be 'error' or { waitMs }; got "wait"`],
    [
      { key: 'orderId', inProgress: { waitMs: -1 } },
      'idempotent(): inProgress.waitMs must be a non-negative number; got -1',
    ],
    [{ key: 'orderId', localCache: 'yes' }, 'idempotent(): localCache must be true, false or { maxItems }; got "yes"'],
    [
      { key: 'orderId', localCache: { maxItems: 2.5 } },
      'idempotent(): localCache.maxItems must be a non-negative whole number; got 2.5',
    ],
    [
      { key: 'orderId', inProgressTimeoutMs: -5 },
      'idempotent(): inProgressTimeoutMs must be a positive number; got -5',
    ],
    [
      { key: 'orderId', resultNotStored: 'retry' },
      `idempotent(): resultNotStored must be 'error', 'nothing' or 'rerun'; got "retry"`,
    ],
    [
      { key: 'orderId', persistence: {} },
      'idempotent(): persistence must be a DynamoDBPersistence, a RedisPersistence or another PersistenceLayer; got an object (Object)',
    ],
  ])('refuses %j when the handler is wrapped, naming the option', (options, message) => {
    expect(() => wrap(options)).toThrow(IdempotencyConfigError);
    expect(() => wrap(options)).toThrow(message);
  });
});

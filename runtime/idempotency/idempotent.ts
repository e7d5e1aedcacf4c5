// The front ends: idempotent(handler) wraps a handler; idempotentMiddleware() plugs the same
// orchestrator into Middy.
import type { IdempotencyOptions } from './config.js';
import { IdempotencyHandler, type InvocationContext } from './idempotency-handler.js';
import type { IdempotencyRecord } from './record.js';

export type Handler<E, R, C> = (event: E, context: C) => Promise<R> | R;

/**
 * Runs `handler` once per idempotency key: a duplicate gets the first run's result (from the
 * store, or from the container's cache), a concurrent duplicate an IdempotencyInProgressError
 * (or the result, with `inProgress: { waitMs }`), and a failure releases the key for a retry.
 */
export function idempotent<E, R, C extends InvocationContext = InvocationContext>(
  handler: Handler<E, R, C>,
  options: IdempotencyOptions<E>,
): (event: E, context: C) => Promise<R> {
  const orchestrator = new IdempotencyHandler<E, R>(options);
  return async (event, context) => {
    const begun = await orchestrator.begin(event, context);
    if (begun.kind === 'done') return begun.result;
    let result: R;
    try {
      result = await handler(event, context);
    } catch (error) {
      return orchestrator.fail(begun.record, error);
    }
    return orchestrator.succeed(begun.record, result);
  };
}

/** The request object Middy hands to middlewares (the fields used here). */
export interface MiddyRequest<E, R, C> {
  event: E;
  context: C;
  response: R | null | undefined;
  /** Middy 6 ends the chain with this once it is set, even to undefined. */
  earlyResponse?: R;
  error?: unknown;
  internal: Record<string, unknown>;
}

const recordSlot = 'serverless-stateful:idempotency-record';

/** The same, as a Middy middleware: `middy(handler).use(idempotentMiddleware({ key: 'orderId' }))`. */
export function idempotentMiddleware<E, R, C extends InvocationContext = InvocationContext>(
  options: IdempotencyOptions<E>,
) {
  const orchestrator = new IdempotencyHandler<E, R>(options);
  return {
    before: async (request: MiddyRequest<E, R, C>): Promise<R | undefined> => {
      const begun = await orchestrator.begin(request.event, request.context);
      if (begun.kind === 'done') {
        // A handler that returned nothing (an event consumer) must not run again either: Middy 6
        // ends the chain on earlyResponse being set; Middy 4 and 5 on a value returned.
        request.earlyResponse = begun.result;
        request.response = begun.result;
        return begun.result;
      }
      request.internal[recordSlot] = begun.record;
      return undefined;
    },
    after: async (request: MiddyRequest<E, R, C>): Promise<void> => {
      const record = request.internal[recordSlot] as IdempotencyRecord | undefined;
      if (record) request.response = await orchestrator.succeed(record, request.response as R);
    },
    onError: async (request: MiddyRequest<E, R, C>): Promise<void> => {
      const record = request.internal[recordSlot] as IdempotencyRecord | undefined;
      if (record) await orchestrator.fail(record, request.error);
    },
  };
}

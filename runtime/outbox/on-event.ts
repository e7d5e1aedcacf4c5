// onEvent(handler): a consumer of events the outbox relay put on a bus, applying each event once.
// The relay delivers at least once (docs/outbox.md), and every delivery of an event carries the
// same detail.stateful.eventId: idempotent() keyed on it makes a redelivery change nothing.
import type { IdempotencyOptions } from '../idempotency/config.js';
import { IdempotencyKeyError } from '../idempotency/errors.js';
import type { InvocationContext } from '../idempotency/idempotency-handler.js';
import { idempotent, type Handler } from '../idempotency/idempotent.js';
import type { StatefulMetadata } from './outbox-item.js';

/** The detail of an event from an outbox: the publisher's, with `stateful` added by the relay. */
export type OutboxEventDetail<D extends object = Record<string, unknown>> = D & {
  readonly stateful: StatefulMetadata;
};

/** What onEvent() reads of an event: an EventBridge event from an outbox relay has it. */
export interface OutboxEventShape {
  readonly detail: { readonly stateful: StatefulMetadata };
}

/** idempotent()'s options, but for the key, which is the event's id. */
export type OnEventOptions<E> = Omit<IdempotencyOptions<E>, 'key'>;

/** The event's id, or an IdempotencyKeyError saying where events with one come from. */
function eventIdOf(event: unknown): string {
  const id = (event as { detail?: { stateful?: { eventId?: unknown } } } | null | undefined)?.detail?.stateful?.eventId;
  if (typeof id === 'string' && id !== '') return id;
  throw new IdempotencyKeyError(
    'the event has no detail.stateful.eventId: onEvent() takes events the outbox relay put on the bus ' +
      "(published with tx.publish() or a write's publish, to a bus declared with outbox: true)",
  );
}

/**
 * Runs `handler` once per event id: a redelivered event gets the first run's result without
 * running it again. Records go where idempotent() keeps them (the `idempotency` table by default).
 */
export function onEvent<E extends OutboxEventShape, R, C extends InvocationContext = InvocationContext>(
  handler: Handler<E, R, C>,
  options: OnEventOptions<E> = {},
): (event: E, context: C) => Promise<R> {
  return idempotent<E, R, C>(handler, { ...options, key: eventIdOf });
}

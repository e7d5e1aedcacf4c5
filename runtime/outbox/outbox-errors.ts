// Typed errors of the outbox: the writer's (an outbox not declared, an event refused before the
// commit) and the relay's (its settings, an item it cannot read).
import { StatefulRuntimeError } from '../errors.js';

/**
 * The function publishes through bus `bus`'s outbox, but STATEFUL_OUTBOX_<BUS> is not set: the bus
 * has no outbox, or the function may not publish to it.
 */
export class OutboxNotDeclaredError extends StatefulRuntimeError {
  override name = 'OutboxNotDeclaredError';
  constructor(
    readonly bus: string,
    readonly variable: string,
    /** Whether the function may publish to the bus at all (STATEFUL_BUS_<BUS> is set). */
    readonly busDeclared: boolean,
  ) {
    super(
      `bus ${bus} has no outbox for this function: ${variable} is not set. ` +
        (busDeclared
          ? `The function publishes to bus ${bus}, but the bus has no outbox: declare state.buses.${bus}.outbox: true in serverless.yml.`
          : `Declare state.buses.${bus}.outbox: true in serverless.yml and give the function "${bus}: publish" in its state: block.`),
    );
  }
}

/** Why an event cannot go through the outbox: EventBridge would refuse it, so it is not committed. */
export type EventRefusal = 'EntryTooLarge' | 'MalformedDetail' | 'InvalidArgument';

/**
 * An event EventBridge would refuse (over 256 KB, a detail that is not a JSON object, no detail
 * type…), refused before the transaction was sent: nothing was written.
 */
export class EventRefusedError extends StatefulRuntimeError {
  override name = 'EventRefusedError';
  constructor(
    readonly bus: string,
    readonly detailType: unknown,
    readonly code: EventRefusal,
    readonly reason: string,
  ) {
    super(
      `publish of ${typeof detailType === 'string' && detailType !== '' ? detailType : 'an event'} to bus ${bus} was refused before sending, as EventBridge would refuse it: ${reason}. Nothing was written.`,
    );
  }
}

/** The relay's settings (STATEFUL_OUTBOX_RELAY, or the options given) are not usable. */
export class OutboxRelayConfigError extends StatefulRuntimeError {
  override name = 'OutboxRelayConfigError';
}

/**
 * The relay could not deliver (or mark) a record, where Lambda does not take partial batch
 * responses: the batch fails whole, and is retried from its first record.
 */
export class OutboxBatchFailedError extends StatefulRuntimeError {
  override name = 'OutboxBatchFailedError';
}

/** A stream record the relay cannot read as an outbox item; it is reported, never skipped. */
export class OutboxItemError extends StatefulRuntimeError {
  override name = 'OutboxItemError';
}

/**
 * transact() with a token DynamoDB already holds from the last 10 minutes, for a transaction that
 * publishes: its events are new each time it is built (new ids, new times), so DynamoDB sees other
 * values under the same token (IdempotentParameterMismatch) and writes nothing.
 */
export class PublishReplayError extends StatefulRuntimeError {
  override name = 'PublishReplayError';
  constructor(
    readonly token: string,
    options: { cause: unknown },
  ) {
    super(
      `transact() with token ${JSON.stringify(token)}: DynamoDB already applied a transaction with this token in the last 10 minutes, ` +
        'with other values. A transaction that publishes gives its events new ids each time it is built, so it is not replayed; ' +
        'nothing was written. If the transaction with this token was this one, it landed, and its events are in the outbox.',
      options,
    );
  }
}

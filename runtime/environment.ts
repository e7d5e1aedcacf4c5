// The discovery contract between plugin and runtime: the plugin injects one variable per
// resource a function declared, and the runtime finds the resource through it.

/** The prefix of every variable the plugin injects into a function's environment. */
export const environmentPrefix = 'STATEFUL_';

/** The kinds of state a function can be given access to. */
export const stateKinds = ['table', 'cache', 'workflow', 'bus', 'durable'] as const;
export type StateKind = (typeof stateKinds)[number];

/** The environment variable that carries the address of resource `name` of kind `kind`. */
export function environmentVariableName(kind: StateKind, name: string): string {
  return `${environmentPrefix}${kind.toUpperCase()}_${name.toUpperCase()}`;
}

/** The variable the invalidation function the plugin generates reads its rules from, as JSON. */
export const invalidationRulesVariable = `${environmentPrefix}INVALIDATION_RULES`;

/**
 * `false` where the invalidation function's event source mapping does not take partial batch
 * responses (a local stage: MiniStack ignores them), so that it fails a batch whole instead.
 */
export const invalidationPartialBatchVariable = `${environmentPrefix}INVALIDATION_PARTIAL_BATCH_RESPONSES`;

/**
 * The variable that carries the name of bus `bus`'s outbox table, given to the functions that
 * publish to a bus declared with `outbox: true` (docs/outbox.md).
 */
export function outboxVariableName(bus: string): string {
  return `${environmentPrefix}OUTBOX_${bus.toUpperCase()}`;
}

/** The variable the outbox relay the plugin generates reads its settings from, as JSON. */
export const outboxRelayVariable = `${environmentPrefix}OUTBOX_RELAY`;

// Resources a setting of `state:` implies rather than declares: today the table behind
// `state.idempotency: true`, for the runtime's idempotent() records. Their one home: the state
// model adds them to their kind's declared resources, and no kind or loop special-cases them.
import type { StateConfig } from './config';
import type { ConfigKey, KindConfig } from './kinds';

/** A resource of the kind registered under `configKey`, with a configuration of that kind. */
export type ImpliedResource = {
  readonly [Key in ConfigKey]: {
    readonly configKey: Key;
    readonly name: string;
    readonly config: KindConfig<Key>;
    /** The setting that implies it, for messages. */
    readonly source: string;
  };
}[ConfigKey];

/** The table `state.idempotency: true` adds, for the runtime's idempotent() records. */
export const idempotencyTable = { partitionKey: 'key', ttl: 'expiresAt' } as const;

/** What `config`'s settings imply; a resource declared under the same name replaces its implied one. */
export function impliedResources(config: StateConfig): readonly ImpliedResource[] {
  return config.idempotency === true
    ? [{ configKey: 'tables', name: 'idempotency', config: idempotencyTable, source: 'state.idempotency' }]
    : [];
}

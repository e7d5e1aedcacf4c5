// The registry of the kinds of state: one line per kind, keyed by the key under `state:` that
// holds its resources, in the order they appear there. Everything else that depends on the set of
// kinds (the state schema, StateConfig, the kind lists in messages, which logical ids are the
// plugin's) is derived from this object; see docs/contributing.md.
import type { StateKind } from './kind';
import { buses } from './buses';
import { caches } from './caches';
import { tables } from './tables';
import { workflows } from './workflows';

export const kindRegistry = {
  tables,
  caches,
  workflows,
  buses,
} as const;

/** The keys under `state:` that hold resources: "tables", "caches", "workflows", "buses". */
export type ConfigKey = keyof typeof kindRegistry;

/** The configuration of one resource of the kind registered under `key`. */
export type KindConfig<Key extends ConfigKey> =
  (typeof kindRegistry)[Key] extends StateKind<infer Config> ? Config : never;

// Each kind has its own config type; code that runs every kind only needs the contract.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- heterogeneous registry, narrowed per kind
export type AnyStateKind = StateKind<any>;

/** A kind with the key it is registered under. */
export type RegisteredKind = AnyStateKind & { readonly configKey: ConfigKey };

export const stateKinds: readonly RegisteredKind[] = (Object.keys(kindRegistry) as ConfigKey[]).map((configKey) => ({
  ...kindRegistry[configKey],
  configKey,
}));

/** The registered config keys, for messages that list the kinds: "tables, workflows and buses". */
export const configKeys: readonly ConfigKey[] = stateKinds.map((kind) => kind.configKey);

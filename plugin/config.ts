// The shape of the `state:` blocks once validated. The kinds' keys and their configurations come
// from the registry (kinds/index.ts); the rest are the service-wide settings.
import type { AccessLevel } from './kinds/kind';
import type { ConfigKey, KindConfig } from './kinds';
import type { NetworkConfig } from './network/schema';

/** `state.<configKey>`: resource name → its configuration, for every registered kind. */
export type KindsConfig = { readonly [Key in ConfigKey]?: Readonly<Record<string, KindConfig<Key>>> };

export interface StateConfig extends KindsConfig {
  readonly network?: NetworkConfig;
  readonly idempotency?: boolean;
  readonly ephemeralStages?: readonly string[];
  readonly local?: { readonly stages?: readonly string[]; readonly redis?: string };
}

/** A function's `state:` block: resource name → access level. */
export type FunctionState = Readonly<Record<string, AccessLevel>>;

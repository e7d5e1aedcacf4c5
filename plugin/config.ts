// The shape of the `state:` blocks once validated.
import type { AccessLevel } from './kinds/kind';
import type { CacheConfig } from './kinds/caches/schema';
import type { TableConfig } from './kinds/tables/schema';
import type { NetworkConfig } from './network/schema';

export interface StateConfig {
  readonly tables?: Readonly<Record<string, TableConfig>>;
  readonly caches?: Readonly<Record<string, CacheConfig>>;
  readonly workflows?: Readonly<Record<string, unknown>>;
  readonly buses?: Readonly<Record<string, unknown>>;
  readonly network?: NetworkConfig;
  readonly idempotency?: boolean;
  readonly ephemeralStages?: readonly string[];
  readonly local?: { readonly stages?: readonly string[]; readonly redis?: string };
}

/** A function's `state:` block: resource name → access level. */
export type FunctionState = Readonly<Record<string, AccessLevel>>;

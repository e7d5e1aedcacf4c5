// The kinds of state, in the order they appear under `state:`.
import type { StateKind } from './kind';
import { buses } from './buses';
import { caches } from './caches';
import { tables } from './tables';
import { workflows } from './workflows';

// Each kind has its own config type; the registry only needs the contract.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- heterogeneous registry, narrowed per kind
export type AnyStateKind = StateKind<any>;

export const stateKinds: readonly AnyStateKind[] = [tables, caches, workflows, buses];

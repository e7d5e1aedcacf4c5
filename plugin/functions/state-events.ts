// Whether a function's events name a state resource (a subscriber to a table's stream, a consumer
// of a rule's dead-letter queue): such a function gets a role of its own, as one with a state:
// block does. Read from the structure of the events, against the ids the plugin creates.
import { referencedLogicalIds } from '../cloudformation';
import type { KindName } from '../kinds/kind';
import { isStateLogicalId } from '../naming';

/** A declared state resource, as far as its logical ids go. */
export interface ResourceName {
  readonly kind: KindName;
  readonly name: string;
  /** The logical id it kept from before it moved into `state:` (a table's `logicalId`), if any. */
  readonly keptLogicalId?: string;
}

/**
 * Whether `events` reference, by Ref or Fn::GetAtt at any depth, a logical id the plugin creates
 * for one of `resources`. A user's resource whose id merely starts with "Stateful" does not count.
 */
export function eventsReferenceState(events: unknown, resources: readonly ResourceName[]): boolean {
  const named = referencedLogicalIds(events, { throughSub: false });
  return [...named].some((logicalId) =>
    resources.some(({ kind, name, keptLogicalId }) => isStateLogicalId(logicalId, kind, name, keptLogicalId)),
  );
}

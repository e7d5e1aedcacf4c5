// Names: logical ids that stay put (renaming a function never replaces a table) and readable
// physical names.
import { StatefulConfigError } from './errors';
import type { StateKind as KindName } from '../runtime/environment';

/**
 * The names that become parts of logical ids (and, for resources, of environment variable names):
 * a JSON schema for `propertyNames`, with the rule in words for messages.
 */
export const logicalName = {
  pattern: '^[a-zA-Z][a-zA-Z0-9]*$',
  description:
    'use letters and digits, starting with a letter, as it becomes part of logical ids and environment variable names',
} as const;

/** "orderProcessing" → "OrderProcessing"; also drops characters a logical id cannot hold. */
export function pascalCase(name: string): string {
  return name
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** A kind's part of its logical ids, "table" → "Table"; the kinds come from the runtime's list. */
export type LogicalIdKind = Capitalize<KindName>;

export const logicalIdKind = (kind: KindName): LogicalIdKind =>
  `${kind.charAt(0).toUpperCase()}${kind.slice(1)}` as LogicalIdKind;

/**
 * The logical id of a state resource: depends only on its kind and its name. Every resource a kind
 * creates for `name` is `stateLogicalId(kind, name)` or that followed by a suffix ("Archive",
 * "RuleItemAdded"), so isStateLogicalId can tell the plugin's ids from the user's.
 */
export function stateLogicalId(kind: LogicalIdKind, name: string, suffix = ''): string {
  return `Stateful${kind}${pascalCase(name)}${suffix}`;
}

/**
 * Whether `logicalId` is one the plugin creates for resource `name` of kind `kind`: its own id,
 * or its id followed by a suffix that starts a new word (StatefulBusShopArchive), or exactly the
 * id the resource kept from before it moved into `state:` (`kept`, a table's `logicalId`). A
 * user's StatefulAudit, or StatefulTableCartsx beside a table carts, is not.
 */
export function isStateLogicalId(logicalId: string, kind: KindName, name: string, kept?: string): boolean {
  if (kept !== undefined && logicalId === kept) return true;
  const own = stateLogicalId(logicalIdKind(kind), name);
  return logicalId === own || (logicalId.startsWith(own) && /^[A-Z]/.test(logicalId.slice(own.length)));
}

/** `<service>-<stage>-<name>`, checked against the limit AWS puts on the kind's names. */
export function physicalName(
  context: { service: string; stage: string },
  name: string,
  limit: { max: number; where: string },
): string {
  const physical = `${context.service}-${context.stage}-${name}`;
  if (physical.length > limit.max) {
    throw new StatefulConfigError(
      'STATE_NAME_TOO_LONG',
      `${limit.where}: its name "${physical}" is ${physical.length} characters; AWS allows ${limit.max}. Shorten the service, stage or resource name.`,
    );
  }
  return physical;
}

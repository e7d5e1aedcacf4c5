// Names: logical ids that stay put (renaming a function never replaces a table) and readable
// physical names.
import { StatefulConfigError } from './errors';

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

/** The logical id of a state resource: depends only on its kind and its name. */
export function stateLogicalId(kind: 'Table' | 'Cache' | 'Workflow' | 'Bus', name: string, suffix = ''): string {
  return `Stateful${kind}${pascalCase(name)}${suffix}`;
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

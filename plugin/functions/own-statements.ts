// What a function with a role of its own declares for that role beyond its `state:` block: its
// `permissions:`, and the `iamRoleStatements` of serverless-iam-roles-per-function, which would
// otherwise make that plugin build a second role for the function and refuse the `role` this
// plugin sets. Folded into the plugin's role, they mean what that plugin makes them mean.
import type { CfnValue } from '../cloudformation';
import { StatefulConfigError } from '../errors';
import type { Statement } from '../iam';
import type { FunctionDefinition } from '../serverless';

export const rolesPerFunctionPlugin = 'serverless-iam-roles-per-function';

export interface OwnStatements {
  /** `permissions:`, then `iamRoleStatements`, as written. */
  readonly statements: readonly Statement[];
  /**
   * Whether the statements and managed policies of the provider's role apply. A function's
   * `iamRoleStatements` follow serverless-iam-roles-per-function's rule: only with
   * `iamRoleStatementsInherit` (or its `defaultInherit`). Otherwise undefined: the plugin's default.
   */
  readonly inheritsProviderRole?: boolean;
  readonly permissionsBoundary?: CfnValue;
}

/** `custom.serverless-iam-roles-per-function.defaultInherit` of the service. */
export function defaultInherit(custom: Readonly<Record<string, unknown>> | undefined): boolean {
  const settings = custom?.[rolesPerFunctionPlugin] as { defaultInherit?: unknown } | undefined;
  return settings?.defaultInherit === true;
}

const isStatementList = (value: unknown): value is Statement[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item));

/**
 * The statements `definition` declares for its own role. `permissions:` is validated with the
 * state model; `iamRoleStatements` are checked here only for being a list of objects, as the
 * framework validates them against its own statement schema when serverless-iam-roles-per-function
 * is installed.
 */
export function ownStatements(
  functionName: string,
  definition: FunctionDefinition,
  inheritByDefault: boolean,
): OwnStatements {
  const permissions = (definition.permissions ?? []) as Statement[];
  const { iamRoleStatements } = definition;
  if (iamRoleStatements === undefined) return { statements: permissions };
  if (!isStatementList(iamRoleStatements)) {
    throw new StatefulConfigError(
      'STATE_CONFIG_INVALID',
      `functions.${functionName}.iamRoleStatements: write a list of IAM statements, each with Effect, Action and Resource; got ${JSON.stringify(iamRoleStatements)}.`,
    );
  }
  const inherits =
    definition.iamRoleStatementsInherit === true || (inheritByDefault && definition.iamRoleStatementsInherit !== false);
  return {
    statements: [...permissions, ...iamRoleStatements],
    inheritsProviderRole: inherits,
    ...(definition.iamPermissionsBoundary !== undefined
      ? { permissionsBoundary: definition.iamPermissionsBoundary }
      : {}),
  };
}

/**
 * Hides the function's `iamRoleStatements` from serverless-iam-roles-per-function, which builds a
 * role for every function that has them (at before:package:finalize, after this plugin's roles
 * are assigned) and refuses one whose `role` is already set.
 */
export function handOverFromRolesPerFunction(definition: FunctionDefinition): void {
  delete definition.iamRoleStatements;
}

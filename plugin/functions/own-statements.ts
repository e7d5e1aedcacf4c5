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
  /**
   * As serverless-iam-roles-per-function decides it: the function's `iamPermissionsBoundary` (with
   * `iamRoleStatements`), else `iamGlobalPermissionsBoundary`. Otherwise undefined: the provider's.
   */
  readonly permissionsBoundary?: CfnValue;
}

/** What `custom.serverless-iam-roles-per-function` sets for every function. */
export interface RolesPerFunctionSettings {
  /** `defaultInherit`: functions with `iamRoleStatements` inherit the provider's role. */
  readonly defaultInherit: boolean;
  /**
   * `iamGlobalPermissionsBoundary`, which that plugin puts on every role it makes and on the
   * shared one; the roles of this plugin, which stand in for those, take it too.
   */
  readonly globalPermissionsBoundary?: CfnValue;
}

/** `custom.serverless-iam-roles-per-function` of the service. */
export function rolesPerFunctionSettings(
  custom: Readonly<Record<string, unknown>> | undefined,
): RolesPerFunctionSettings {
  const settings = custom?.[rolesPerFunctionPlugin] as
    | { defaultInherit?: unknown; iamGlobalPermissionsBoundary?: CfnValue }
    | undefined;
  return {
    defaultInherit: settings?.defaultInherit === true,
    ...(settings?.iamGlobalPermissionsBoundary !== undefined
      ? { globalPermissionsBoundary: settings.iamGlobalPermissionsBoundary }
      : {}),
  };
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
  settings: RolesPerFunctionSettings,
): OwnStatements {
  const permissions = (definition.permissions ?? []) as Statement[];
  const { iamRoleStatements } = definition;
  const boundary = (value: CfnValue | undefined) => (value !== undefined ? { permissionsBoundary: value } : {});
  if (iamRoleStatements === undefined) {
    return { statements: permissions, ...boundary(settings.globalPermissionsBoundary) };
  }
  if (!isStatementList(iamRoleStatements)) {
    throw new StatefulConfigError(
      'STATE_CONFIG_INVALID',
      `functions.${functionName}.iamRoleStatements: write a list of IAM statements, each with Effect, Action and Resource; got ${JSON.stringify(iamRoleStatements)}.`,
    );
  }
  const inherits =
    definition.iamRoleStatementsInherit === true ||
    (settings.defaultInherit && definition.iamRoleStatementsInherit !== false);
  return {
    statements: [...permissions, ...iamRoleStatements],
    inheritsProviderRole: inherits,
    ...boundary(definition.iamPermissionsBoundary ?? settings.globalPermissionsBoundary),
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

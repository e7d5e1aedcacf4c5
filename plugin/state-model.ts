// The validated `state:` configuration of a service, indexed by resource name, with the
// cross-references between resources and functions checked.
import type { FunctionState, StateConfig } from './config';
import { StatefulConfigError, listOf } from './errors';
import type { AccessLevel, CompileContext } from './kinds/kind';
import { stateKinds, type AnyStateKind } from './kinds';
import { functionStateSchema, stateSchema } from './schema';
import type { FunctionDefinition } from './serverless';
import { validateAgainstSchema } from './validate';

export interface StateResource {
  readonly name: string;
  readonly kind: AnyStateKind;
  readonly config: unknown;
}

export interface FunctionUse {
  readonly functionName: string;
  readonly resource: StateResource;
  readonly access: AccessLevel;
}

export interface StateModel {
  readonly config: StateConfig;
  readonly resources: ReadonlyMap<string, StateResource>;
  /** Every (function, resource, access) a `state:` block names, in declaration order. */
  readonly uses: readonly FunctionUse[];
  /**
   * Functions that get a role of their own: those with a `state:` block, even an empty one, and
   * those whose events name a state resource (a subscriber to a table's stream, say).
   */
  readonly statefulFunctions: ReadonlySet<string>;
}

/** Finds a resource by name in a raw `state:` block; for variables resolved before validation. */
export function findResource(config: StateConfig, name: string): StateResource | undefined {
  for (const kind of stateKinds) {
    const declared = (config as Record<string, Record<string, unknown> | undefined>)[kind.configKey];
    if (declared && Object.hasOwn(declared, name)) return { name, kind, config: declared[name] };
  }
  return undefined;
}

/** Every logical id the plugin creates starts with this; events that name one use state. */
const statefulLogicalIdReference = /"(?:Ref|Fn::GetAtt)":\[?"Stateful/;

function referencesStateResource(definition: FunctionDefinition): boolean {
  return statefulLogicalIdReference.test(JSON.stringify(definition.events ?? []));
}

export function buildStateModel(
  rawState: unknown,
  functions: Readonly<Record<string, FunctionDefinition>>,
): StateModel {
  const config = (rawState ?? {}) as StateConfig;
  validateAgainstSchema('state', stateSchema, config);

  const resources = new Map<string, StateResource>();
  for (const kind of stateKinds) {
    const declared = (config as Record<string, Record<string, unknown> | undefined>)[kind.configKey] ?? {};
    for (const [name, resourceConfig] of Object.entries(declared)) {
      kind.validate(name, resourceConfig);
      resources.set(name, { name, kind, config: resourceConfig });
    }
  }

  const uses: FunctionUse[] = [];
  const statefulFunctions = new Set<string>();
  for (const [functionName, definition] of Object.entries(functions)) {
    if (referencesStateResource(definition)) statefulFunctions.add(functionName);
    if (definition.state === undefined) continue;
    statefulFunctions.add(functionName);
    validateAgainstSchema(`functions.${functionName}.state`, functionStateSchema, definition.state);
    for (const [name, access] of Object.entries(definition.state as FunctionState)) {
      const resource = resources.get(name);
      if (!resource) {
        throw new StatefulConfigError(
          'STATE_UNKNOWN_RESOURCE',
          `functions.${functionName}.state.${name}: no state resource is named "${name}". Declared: ${listOf([...resources.keys()], 'and')}.`,
        );
      }
      if (!resource.kind.accessLevels.includes(access)) {
        throw new StatefulConfigError(
          'STATE_ACCESS_NOT_ALLOWED',
          `functions.${functionName}.state.${name}: "${access}" does not apply to ${resource.kind.kind} ${name}; use ${listOf(resource.kind.accessLevels)}.`,
        );
      }
      uses.push({ functionName, resource, access });
    }
  }
  return { config, resources, uses, statefulFunctions };
}

export function compileContext(config: StateConfig, service: string, stage: string): CompileContext {
  return { service, stage, ephemeral: (config.ephemeralStages ?? []).includes(stage) };
}

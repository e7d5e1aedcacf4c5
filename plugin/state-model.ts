// The validated `state:` configuration of a service, indexed by resource name, with the
// cross-references between resources and functions checked.
import type { FunctionState, StateConfig } from './config';
import { StatefulConfigError, listOf } from './errors';
import { getAtt, type CfnValue } from './cloudformation';
import { eventsReferenceState } from './functions/state-events';
import { impliedResources } from './implied-resources';
import type { AccessLevel, CompileContext, Lookup } from './kinds/kind';
import { configKeys, stateKinds, type AnyStateKind, type RegisteredKind } from './kinds';
import { networkPlacement } from './network';
import { functionPermissionsSchema, functionStateSchema, stateSchema } from './schema';
import type { FunctionDefinition, JsonSchema } from './serverless';
import { didYouMean } from './suggest';
import { validateAgainstSchema } from './validate';
import { environmentVariableName } from '../runtime/environment';
import { durableFunctions } from './functions/durable';
import { durableTargetKind } from './functions/durable-target';

export interface StateResource {
  readonly name: string;
  readonly kind: AnyStateKind;
  readonly config: unknown;
  /** Where it is declared: `state.tables.carts`, or `state.idempotency` for the table it implies. */
  readonly source: string;
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
   * Functions that get a role of their own: those with a `state:` block, even an empty one,
   * those with `permissions:`, and those whose events name a state resource (a subscriber to a
   * table's stream, say).
   */
  readonly statefulFunctions: ReadonlySet<string>;
}

/** `config`'s resources of `kind`: those declared under `state.<configKey>`, and those its settings imply. */
function declaredResources(config: StateConfig, kind: RegisteredKind): Record<string, unknown> {
  const declared: Record<string, unknown> = { ...config[kind.configKey] };
  for (const implied of impliedResources(config)) {
    if (implied.configKey === kind.configKey && !Object.hasOwn(declared, implied.name)) {
      declared[implied.name] = implied.config;
    }
  }
  return declared;
}

function sourceOf(config: StateConfig, kind: RegisteredKind, name: string): string {
  if (Object.hasOwn(config[kind.configKey] ?? {}, name)) return `state.${kind.configKey}.${name}`;
  const implied = impliedResources(config).find(
    (resource) => resource.configKey === kind.configKey && resource.name === name,
  );
  return implied?.source ?? `state.${kind.configKey}.${name}`;
}

/** The names of every resource in a raw `state:` block, of every kind. */
export function declaredNames(config: StateConfig): string[] {
  return stateKinds.flatMap((kind) => Object.keys(declaredResources(config, kind)));
}

/** Finds a resource by name in a raw `state:` block; for variables resolved before validation. */
export function findResource(config: StateConfig, name: string): StateResource | undefined {
  for (const kind of stateKinds) {
    const declared = declaredResources(config, kind);
    if (Object.hasOwn(declared, name)) {
      return { name, kind, config: declared[name], source: sourceOf(config, kind, name) };
    }
  }
  return undefined;
}

export function buildStateModel(
  rawState: unknown,
  functions: Readonly<Record<string, FunctionDefinition>>,
  /** The schema `state:` is validated with: a part of stateSchema when only that part is read. */
  schema: JsonSchema = stateSchema,
): StateModel {
  const config = (rawState ?? {}) as StateConfig;
  validateAgainstSchema('state', schema, config);

  const resources = new Map<string, StateResource>();
  for (const kind of stateKinds) {
    const ofThisKind = new Map<string, StateResource>();
    for (const [name, resourceConfig] of Object.entries(declaredResources(config, kind))) {
      const source = sourceOf(config, kind, name);
      const taken = resources.get(name);
      if (taken) {
        throw new StatefulConfigError(
          'STATE_NAME_TAKEN',
          `${source}: ${taken.kind.kind} ${name} already has this name. A function's state: block names resources by name alone, so names are unique across ${listOf(configKeys, 'and')}.`,
        );
      }
      const sameButCase = ofThisKind.get(name.toUpperCase());
      if (sameButCase) {
        throw new StatefulConfigError(
          'STATE_NAME_TAKEN',
          `${sameButCase.source} and ${source} differ only by case. Both would be found through ${environmentVariableName(kind.kind, name)} (variable names are upper-cased), and their logical ids upper-case the first letter, so within one kind names must differ by more than case. Rename one of them.`,
        );
      }
      kind.validate(name, resourceConfig);
      const resource = { name, kind, config: resourceConfig, source };
      ofThisKind.set(name.toUpperCase(), resource);
      resources.set(name, resource);
    }
  }

  // Durable functions are named in state: blocks like resources, by their key under functions:.
  for (const target of durableFunctions(functions)) {
    const taken = resources.get(target.functionName);
    if (taken) {
      throw new StatefulConfigError(
        'STATE_NAME_TAKEN',
        `${target.source}: ${taken.source} has the name ${target.functionName} too, and a function's state: block names durable functions and state resources alike. Rename one of them.`,
      );
    }
    resources.set(target.functionName, {
      name: target.functionName,
      kind: durableTargetKind,
      config: target,
      source: target.source,
    });
  }

  const uses: FunctionUse[] = [];
  const statefulFunctions = new Set<string>();
  const named = [...resources.values()].map((resource) => ({
    kind: resource.kind.kind,
    name: resource.name,
    keptLogicalId: resource.kind.keptLogicalId?.(resource.name, resource.config),
  }));
  for (const [functionName, definition] of Object.entries(functions)) {
    if (eventsReferenceState(definition.events ?? [], named)) statefulFunctions.add(functionName);
    if (definition.permissions !== undefined) {
      validateAgainstSchema(`functions.${functionName}.permissions`, functionPermissionsSchema, definition.permissions);
      statefulFunctions.add(functionName);
    }
    if (definition.state === undefined) continue;
    statefulFunctions.add(functionName);
    validateAgainstSchema(`functions.${functionName}.state`, functionStateSchema, definition.state);
    for (const [name, access] of Object.entries(definition.state as FunctionState)) {
      const resource = resources.get(name);
      if (!resource) {
        throw new StatefulConfigError(
          'STATE_UNKNOWN_RESOURCE',
          `functions.${functionName}.state.${name}: no state resource is named "${name}"${didYouMean(name, [...resources.keys()])}. Declared: ${listOf([...resources.keys()], 'and')}.`,
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
  for (const resource of resources.values()) {
    for (const { functionName, access } of resource.kind.impliedUses?.(resource.name, resource.config) ?? []) {
      const definition = functions[functionName];
      // An unknown function is refused where the definition names it; a function with a role of
      // its own manages its permissions itself.
      if (!definition || definition.role !== undefined) continue;
      const named = uses.some(
        (use) => use.functionName === functionName && use.resource === resource && use.access === access,
      );
      if (!named) uses.push({ functionName, resource, access });
      statefulFunctions.add(functionName);
    }
  }
  return { config, resources, uses, statefulFunctions };
}

export interface ContextInput {
  readonly config: StateConfig;
  readonly service: string;
  readonly stage: string;
  readonly functionNames: readonly string[];
  /** Serverless' naming of a function's logical id (naming.getLambdaLogicalId). */
  readonly functionLogicalId: (name: string) => string;
  /** Serverless' normalised function name (naming.getNormalizedFunctionName). */
  readonly normalizedFunctionName: (name: string) => string;
  /** What the functions' state: blocks name; none when only references are resolved. */
  readonly uses?: readonly FunctionUse[];
  /**
   * The durable functions among `functionNames`: Lambda runs them only through a qualified ARN, so
   * a workflow task or a rule target that names one gets its `durable` alias.
   */
  readonly durableFunctions?: readonly string[];
  /** The service's HTTP API id, once osls has compiled its events; undefined when it has none. */
  readonly httpApiId?: () => CfnValue | undefined;
}

function namesOfKind(config: StateConfig, kind: RegisteredKind): string[] {
  return Object.keys(declaredResources(config, kind));
}

export function compileContext(input: ContextInput): CompileContext {
  const { config, stage } = input;
  const lookup: Lookup = {
    reference(kindName, name, property, where) {
      const kind = stateKinds.find((candidate) => candidate.kind === kindName);
      const resource = findResource(config, name);
      if (!kind || !resource || resource.kind !== kind) {
        const valid = kind ? namesOfKind(config, kind) : [];
        // The account's default bus is used once declared, like any other bus.
        const defaultBus =
          kindName === 'bus' && name === 'default'
            ? " To use the account's default bus, declare it: state.buses.default: {}."
            : '';
        throw new StatefulConfigError(
          'STATE_UNKNOWN_REFERENCE',
          `${where}: no ${kindName} is named "${name}"${didYouMean(name, valid)}. Declared ${kind?.configKey ?? `${kindName}s`}: ${listOf(valid, 'and')}.${defaultBus}`,
        );
      }
      const references = resource.kind.references(name, resource.config, context);
      const reference = Object.hasOwn(references, property) ? references[property] : undefined;
      if (!reference) {
        throw new StatefulConfigError(
          'STATE_UNKNOWN_REFERENCE',
          `${where}: ${kindName} ${name} has no "${property}"; use ${listOf(Object.keys(references))}.`,
        );
      }
      return reference();
    },
    functionLogicalId(name, where) {
      if (!input.functionNames.includes(name)) {
        throw new StatefulConfigError(
          'STATE_UNKNOWN_REFERENCE',
          `${where}: no function is named "${name}"${didYouMean(name, input.functionNames)}. Functions of this service: ${listOf([...input.functionNames], 'and')}.`,
        );
      }
      return input.functionLogicalId(name);
    },
    normalizedFunctionName(name, where) {
      lookup.functionLogicalId(name, where);
      return input.normalizedFunctionName(name);
    },
    functionArn(name, where) {
      const logicalId = lookup.functionLogicalId(name, where);
      // The alias osls publishes for a durable function (naming.getLambdaDurableAliasLogicalId).
      if (input.durableFunctions?.includes(name))
        return { Ref: `${input.normalizedFunctionName(name)}DurableLambdaAlias` };
      return getAtt(logicalId, 'Arn');
    },
    declared(kindName, name) {
      const resource = findResource(config, name);
      return resource?.kind.kind === kindName ? resource.config : undefined;
    },
    names(kindName) {
      const kind = stateKinds.find((candidate) => candidate.kind === kindName);
      return kind ? namesOfKind(config, kind) : [];
    },
  };
  const context: CompileContext = {
    service: input.service,
    stage,
    ephemeral: (config.ephemeralStages ?? []).includes(stage),
    local: (config.local?.stages ?? []).includes(stage),
    ...(config.local?.redis === undefined ? {} : { localRedis: config.local.redis }),
    lookup,
    usesOf: (name) =>
      (input.uses ?? [])
        .filter((use) => use.resource.name === name)
        .map(({ functionName, access }) => ({ functionName, access })),
    network: () => networkPlacement(config.network),
    httpApi(where) {
      const id = input.httpApiId?.();
      if (id !== undefined) return id;
      throw new StatefulConfigError(
        'STATE_HTTP_API_MISSING',
        `${where}: the service has no HTTP API to add the route to. osls creates one (HttpApi) when a function has an httpApi event; or set provider.httpApi.id to an API made elsewhere.`,
      );
    },
  };
  return context;
}

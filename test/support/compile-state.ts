// Compiles a `state:` block in process, without the framework: the kinds' own validation and
// compilation, for unit tests of what they accept and refuse.
import type { CfnResource, CfnTemplate } from '../../plugin/cloudformation';
import type { GeneratedFunction } from '../../plugin/kinds/kind';
import { StatefulConfigError } from '../../plugin/errors';
import type { FunctionDefinition, UserResources } from '../../plugin/serverless';
import { buildStateModel, compileContext, type StateModel } from '../../plugin/state-model';
import { TemplateWriter } from '../../plugin/template-writer';

/** Serverless' rule for the name part of a function's logical ids: "order-sync" → "OrderDashsync". */
export const normalizedFunctionName = (name: string) =>
  name
    .replace(/-/g, 'Dash')
    .replace(/_/g, 'Underscore')
    .replace(/^./, (first) => first.toUpperCase());

const contextOf = (model: StateModel, functions: Record<string, FunctionDefinition>) =>
  compileContext({
    config: model.config,
    service: 'shop',
    stage: 'dev',
    functionNames: Object.keys(functions),
    functionLogicalId: (name) => `${normalizedFunctionName(name)}LambdaFunction`,
    normalizedFunctionName,
    uses: model.uses,
    // osls creates the HttpApi when a function has an httpApi event.
    httpApiId: () =>
      Object.values(functions).some((definition) => (definition.events ?? []).some((event) => 'httpApi' in event))
        ? { Ref: 'HttpApi' }
        : undefined,
  });

/** The functions the resources of `state` bring into a service `shop` on stage `dev`. */
export function generatedFunctions(state: unknown): GeneratedFunction[] {
  const model = buildStateModel(state, {});
  const context = contextOf(model, {});
  return [...model.resources.values()].flatMap(
    (resource) => resource.kind.functions?.(resource.name, resource.config, context) ?? [],
  );
}

/** The model and the compile context of `state`, for a service `shop` on stage `dev` with `functions`. */
export function stateContext(state: unknown, functions: Record<string, FunctionDefinition> = {}) {
  const model = buildStateModel(state, functions);
  return { model, context: contextOf(model, functions) };
}

/** The resources `state` compiles to, for a service `shop` on stage `dev` with `functions`. */
export function compileState(
  state: unknown,
  functions: Record<string, FunctionDefinition> = {},
): Record<string, CfnResource> {
  return compileTemplate(state, functions).Resources;
}

/**
 * The resources and outputs `state` compiles to, for a service `shop` on stage `dev` with
 * `functions`, written into `template` beside what it holds, with `resources:` `userResources`.
 */
export function compileTemplate(
  state: unknown,
  functions: Record<string, FunctionDefinition> = {},
  template: CfnTemplate = { Resources: {}, Outputs: {} },
  userResources?: UserResources,
): CfnTemplate {
  const { model, context } = stateContext(state, functions);
  // Written as the plugin writes them, so two resources under one logical id are refused here too.
  const writer = new TemplateWriter(template, userResources);
  for (const resource of model.resources.values()) {
    const compiled = resource.kind.compile(resource.name, resource.config, context);
    for (const entry of compiled.resources) {
      writer.addResource(entry.logicalId, entry.resource, entry.source ?? resource.source);
    }
    for (const entry of compiled.outputs)
      writer.addOutput(entry.logicalId, entry.output, entry.source ?? resource.source);
  }
  return template;
}

/**
 * The coded error compiling `state` (its resources, then the functions they bring) raises:
 * `{ code, message }`; fails the test if none.
 */
export function refusal(
  state: unknown,
  functions: Record<string, FunctionDefinition> = {},
): { code: string; message: string } {
  try {
    compileState(state, functions);
    generatedFunctions(state);
  } catch (error) {
    if (!(error instanceof StatefulConfigError)) throw error;
    return { code: error.code, message: error.message };
  }
  throw new Error(`state was accepted: ${JSON.stringify(state)}`);
}

// Compiles a `state:` block in process, without the framework: the kinds' own validation and
// compilation, for unit tests of what they accept and refuse.
import type { CfnResource } from '../../plugin/cloudformation';
import { StatefulConfigError } from '../../plugin/errors';
import type { FunctionDefinition } from '../../plugin/serverless';
import { buildStateModel, compileContext } from '../../plugin/state-model';

/** The resources `state` compiles to, for a service `shop` on stage `dev` with `functions`. */
export function compileState(
  state: unknown,
  functions: Record<string, FunctionDefinition> = {},
): Record<string, CfnResource> {
  const model = buildStateModel(state, functions);
  const context = compileContext({
    config: model.config,
    service: 'shop',
    stage: 'dev',
    functionNames: Object.keys(functions),
    functionLogicalId: (name) => `${name.charAt(0).toUpperCase()}${name.slice(1)}LambdaFunction`,
  });
  const resources: Record<string, CfnResource> = {};
  for (const resource of model.resources.values()) {
    Object.assign(resources, resource.kind.compile(resource.name, resource.config, context).resources);
  }
  return resources;
}

/** The coded error compiling `state` raises: `{ code, message }`; fails the test if none. */
export function refusal(
  state: unknown,
  functions: Record<string, FunctionDefinition> = {},
): { code: string; message: string } {
  try {
    compileState(state, functions);
  } catch (error) {
    if (!(error instanceof StatefulConfigError)) throw error;
    return { code: error.code, message: error.message };
  }
  throw new Error(`state was accepted: ${JSON.stringify(state)}`);
}

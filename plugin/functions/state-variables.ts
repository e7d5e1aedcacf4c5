// The variables that tell a function where its state is: one per resource its `state:` block
// names. This is the one place they are computed, and each name is checked: two resources never
// set one variable, and a variable the user set to something else is not silently replaced.
import type { CfnValue } from '../cloudformation';
import { StatefulConfigError } from '../errors';
import type { CompileContext } from '../kinds/kind';
import type { FunctionUse } from '../state-model';

export interface StateVariablesInput {
  readonly functionName: string;
  /** What the state: block of this function names. */
  readonly uses: readonly FunctionUse[];
  readonly context: CompileContext;
  /** The function's own `environment` and the provider's, as written in serverless.yml. */
  readonly functionEnvironment: Readonly<Record<string, unknown>> | undefined;
  readonly providerEnvironment: Readonly<Record<string, unknown>> | undefined;
}

export function stateVariables(input: StateVariablesInput): Record<string, CfnValue> {
  const { functionName, context } = input;
  const variables: Record<string, CfnValue> = {};
  const sources = new Map<string, string>();
  const written: [string, Readonly<Record<string, unknown>> | undefined][] = [
    [`functions.${functionName}.environment`, input.functionEnvironment],
    ['provider.environment', input.providerEnvironment],
  ];
  for (const { resource } of input.uses) {
    const source = `functions.${functionName}.state.${resource.name}`;
    for (const [name, value] of Object.entries(
      resource.kind.environment(resource.name, resource.config, context, functionName),
    )) {
      const other = sources.get(name);
      if (other !== undefined) {
        throw new StatefulConfigError(
          'STATE_NAME_TAKEN',
          `${other} and ${source} both set the variable ${name}, so the function would find only one of them. Rename one of the resources.`,
        );
      }
      for (const [where, environment] of written) {
        if (environment && Object.hasOwn(environment, name) && !sameValue(environment[name], value)) {
          throw new StatefulConfigError(
            'STATE_NAME_TAKEN',
            `${where}.${name} is set, and ${source} sets ${name} to the address of ${resource.kind.kind} ${resource.name}: yours would be replaced without a word, or the function would look for another ${resource.kind.kind} than the one it is granted. Remove ${where}.${name}; the plugin sets it.`,
          );
        }
      }
      sources.set(name, source);
      variables[name] = value;
    }
  }
  return variables;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

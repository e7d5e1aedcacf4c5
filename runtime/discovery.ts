// Finding a resource through the variable the plugin injected, or saying what the function
// does declare.
import { environmentPrefix, environmentVariableName, stateKinds, type StateKind } from './environment.js';
import { ResourceNotDeclaredError } from './errors.js';

/** "table carts", "bus shop", … for each STATEFUL_ variable in the environment. */
function declaredResources(env: NodeJS.ProcessEnv): string[] {
  const declared: string[] = [];
  for (const variable of Object.keys(env).sort()) {
    if (!variable.startsWith(environmentPrefix)) continue;
    const rest = variable.slice(environmentPrefix.length);
    const kind = stateKinds.find((candidate) => rest.startsWith(`${candidate.toUpperCase()}_`));
    if (kind) declared.push(`${kind} ${rest.slice(kind.length + 1).toLowerCase()}`);
  }
  return declared;
}

/** The address of resource `name` of kind `kind`, from the environment. */
export function resolveResource(kind: StateKind, name: string, env: NodeJS.ProcessEnv = process.env): string {
  const variable = environmentVariableName(kind, name);
  const value = env[variable];
  if (!value) throw new ResourceNotDeclaredError(kind, name, variable, declaredResources(env));
  return value;
}

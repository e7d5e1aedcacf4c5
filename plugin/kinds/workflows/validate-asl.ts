// Validates a definition with asl-validator, after references stand in as realistic values, so
// its errors are about the state machine and not our reference syntax.
import type aslValidatorFunction = require('asl-validator');
import { StatefulConfigError } from '../../errors';
import type { Json, JsonObject } from './definition';

/**
 * asl-validator finds states and transitions by key name anywhere in the document (`$..States`,
 * `$..[StartAt,Next,Default]`): a payload field or a state named like one is taken for one, and a
 * valid definition is refused, or the validator crashes. These names are renamed apart in the
 * copy it checks; AWS reads them as data and as state names.
 */
const structuralNames = new Set(['States', 'StartAt', 'Next', 'Default']);
const payloadFields = ['Parameters', 'Arguments', 'Result', 'ResultSelector', 'ItemSelector', 'Output', 'Assign'];
const apart = (name: string) => `${name}·`;

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `value` with every key named like a structural field (also `Next.$`) renamed apart, at any depth. */
function renamePayload(value: Json): Json {
  if (Array.isArray(value)) return value.map(renamePayload);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      const [field, path] = key.endsWith('.$') ? [key.slice(0, -2), '.$'] : [key, ''];
      return [structuralNames.has(field) ? `${apart(field)}${path}` : key, renamePayload(inner)];
    }),
  );
}

const stateName = (name: Json | undefined) =>
  typeof name === 'string' && structuralNames.has(name) ? apart(name) : name;

/** A copy of `machine` (or a branch, or an item processor) that asl-validator reads as AWS does. */
function forValidator(machine: JsonObject): JsonObject {
  const copy: JsonObject = { ...machine, StartAt: stateName(machine.StartAt) ?? null };
  if (machine.StartAt === undefined) delete copy.StartAt;
  if (!isObject(machine.States)) return copy;
  copy.States = Object.fromEntries(
    Object.entries(machine.States).map(([name, state]): [string, Json] => {
      if (!isObject(state)) return [stateName(name) as string, state];
      const renamed: JsonObject = { ...state };
      for (const field of payloadFields) if (field in state) renamed[field] = renamePayload(state[field] as Json);
      for (const field of ['Next', 'Default'] as const)
        if (field in state) renamed[field] = stateName(state[field]) ?? null;
      for (const list of ['Choices', 'Catch'] as const) {
        const rules = state[list];
        if (Array.isArray(rules)) {
          renamed[list] = rules.map((rule) =>
            isObject(rule) && 'Next' in rule ? { ...rule, Next: stateName(rule.Next) ?? null } : rule,
          );
        }
      }
      for (const inner of ['ItemProcessor', 'Iterator'] as const) {
        const processor = state[inner];
        if (isObject(processor)) renamed[inner] = forValidator(processor);
      }
      if (Array.isArray(state.Branches)) {
        renamed.Branches = state.Branches.map((branch) => (isObject(branch) ? forValidator(branch) : branch));
      }
      return [stateName(name) as string, renamed];
    }),
  );
  return copy;
}

// Loaded on demand: it compiles its schemas as it loads, and most services declare no workflow.
const aslValidator = (...args: Parameters<typeof aslValidatorFunction>) =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on demand, see above
  (require('asl-validator') as typeof aslValidatorFunction)(...args);

export function validateAsl(definition: JsonObject, where: string): void {
  const result = aslValidator(forValidator(definition));
  if (result.isValid) return;
  const problems = result.errors.map((error) => {
    const path = error.schemaError?.instancePath
      ?.split('/')
      .filter(Boolean)
      .map((part) => part.replace(/·/g, ''))
      .join('.');
    const message = error.Message.replace(/·/g, '');
    return `${path ? `${where}.${path}` : where}: ${message} (${error['Error code']})`;
  });
  throw new StatefulConfigError(
    'STATE_WORKFLOW_DEFINITION_INVALID',
    `Invalid Amazon States Language:\n  - ${problems.join('\n  - ')}`,
  );
}

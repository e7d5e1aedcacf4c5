// Validates the `state:` blocks with their JSON schemas, so a typo fails the build whatever the
// service's configValidationMode, with the path and the valid options in the message.
import Ajv, { type ErrorObject } from 'ajv';
import { StatefulConfigError, listOf } from './errors';
import type { JsonSchema } from './serverless';

const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
const compiled = new WeakMap<JsonSchema, ReturnType<typeof ajv.compile>>();

/** "/tables/carts/stream" under "state" → "state.tables.carts.stream". */
function pathOf(root: string, instancePath: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  return [root, ...parts].join('.');
}

function describeError(root: string, error: ErrorObject): string {
  const path = pathOf(root, error.instancePath);
  switch (error.keyword) {
    case 'additionalProperties': {
      const unknown = (error.params as { additionalProperty: string }).additionalProperty;
      const schema = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
      const valid = Object.keys(schema?.properties ?? {});
      return `${path}: unknown key "${unknown}"; valid keys are ${listOf(valid)}`;
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      return `${path}: ${JSON.stringify(error.data)} is not allowed; use ${listOf(allowed)}`;
    }
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return `${path}: "${missing}" is required`;
    }
    case 'propertyNames':
      return `${path}: "${(error.params as { propertyName: string }).propertyName}" is not a valid name (letters and digits, starting with a letter)`;
    case 'pattern':
      return `${path}: ${JSON.stringify(error.data)} does not match ${(error.params as { pattern: string }).pattern}`;
    default:
      return `${path}: ${error.message ?? 'is not valid'}`;
  }
}

/**
 * Keeps the errors a person can act on. An `anyOf` mismatch (say, a key given as a number)
 * yields one error per branch plus the anyOf itself; the branch errors at the deepest path say
 * more, and a propertyNames failure repeats as a pattern error on the name.
 */
function actionable(errors: readonly ErrorObject[]): ErrorObject[] {
  const kept = errors.filter((error) => error.keyword !== 'if' && !error.schemaPath.includes('/propertyNames/'));
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of kept) byPath.set(error.instancePath, [...(byPath.get(error.instancePath) ?? []), error]);
  const chosen: ErrorObject[] = [];
  for (const [path, group] of byPath) {
    const specific = group.filter((error) => error.keyword !== 'anyOf');
    const anyOf = group.find((error) => error.keyword === 'anyOf');
    // An error inside the value (a wrong `type` in `{ name, type }`) says more than "matches none".
    const deeper = kept.some((error) => error.instancePath.startsWith(`${path}/`));
    if (anyOf && deeper) continue;
    if (anyOf) {
      // A value matching no branch: name the branches' types rather than each branch's complaint.
      chosen.push({ ...anyOf, message: describeAnyOf(group) });
    } else {
      chosen.push(...specific);
    }
  }
  return chosen;
}

function describeAnyOf(group: readonly ErrorObject[]): string {
  const expected = group
    .filter((error) => error.keyword === 'type')
    .map((error) => (error.params as { type: string }).type);
  const enums = group
    .filter((error) => error.keyword === 'enum')
    .flatMap((error) => (error.params as { allowedValues: unknown[] }).allowedValues.map(String));
  const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);
  const options = [...new Set([...enums.map((value) => JSON.stringify(value)), ...expected.map(article)])];
  return options.length > 0 ? `must be ${listOf(options)}` : 'matches none of the accepted forms';
}

/** Throws STATE_CONFIG_INVALID listing every problem in `value` under `root`. */
export function validateAgainstSchema(root: string, schema: JsonSchema, value: unknown): void {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(value)) return;
  const problems = [...new Set(actionable(validate.errors ?? []).map((error) => describeError(root, error)))];
  throw new StatefulConfigError('STATE_CONFIG_INVALID', `Invalid state configuration:\n  - ${problems.join('\n  - ')}`);
}

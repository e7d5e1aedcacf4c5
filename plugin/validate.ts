// Validates the `state:` blocks with their JSON schemas, so a typo fails the build whatever the
// service's configValidationMode, with the path and the valid options in the message.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { StatefulConfigError, listOf } from './errors';
import { compileValidator, prebuiltValidator } from './prebuilt-validators';
import type { JsonSchema } from './serverless';

const validators = new WeakMap<JsonSchema, ValidateFunction>();

/** "/tables/carts/stream" under "state" → "state.tables.carts.stream". */
function pathOf(root: string, instancePath: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  return [root, ...parts].join('.');
}

/** The rule a schema states in its `description`, for messages about patterns it cannot spell out. */
function ruleOf(schema: unknown): string | undefined {
  const description = (schema as { description?: unknown } | undefined)?.description;
  return typeof description === 'string' ? description : undefined;
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/** "1 to 40000", "at least 1": the range a number schema allows. */
function rangeOf(schema: unknown): string | undefined {
  const { minimum, maximum } = (schema ?? {}) as { minimum?: number; maximum?: number };
  if (minimum !== undefined && maximum !== undefined) return `${minimum} to ${maximum}`;
  if (minimum !== undefined) return `at least ${minimum}`;
  if (maximum !== undefined) return `at most ${maximum}`;
  return undefined;
}

function describeError(root: string, error: ErrorObject): string {
  const path = pathOf(root, error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const unknown = params.additionalProperty as string;
      const schema = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
      const valid = Object.keys(schema?.properties ?? {});
      return `${path}: unknown key "${unknown}"; valid keys are ${listOf(valid)}`;
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      return `${path}: ${JSON.stringify(error.data)} is not allowed; use ${listOf(allowed)}`;
    }
    case 'const':
      return `${path}: ${JSON.stringify(error.data)} is not allowed; use ${JSON.stringify(params.allowedValue)}`;
    case 'required':
      return `${path}: "${params.missingProperty as string}" is required`;
    case 'propertyNames':
      return describeName(root, error);
    case 'pattern': {
      const rule = ruleOf(error.parentSchema);
      return rule
        ? `${path}: ${JSON.stringify(error.data)} is not valid: ${rule}`
        : `${path}: ${JSON.stringify(error.data)} does not match ${params.pattern as string}`;
    }
    case 'maxLength':
    case 'minLength': {
      // Counted in code points, as AJV counts them.
      const length = String(error.data).match(/./gsu)?.length ?? 0;
      const rule = ruleOf(error.parentSchema);
      const limit = `${error.keyword === 'maxLength' ? 'at most' : 'at least'} ${params.limit as number}`;
      return `${path}: ${JSON.stringify(error.data)} is ${length} characters; ${rule ?? `${limit} allowed`}`;
    }
    case 'maxProperties':
    case 'minProperties':
    case 'maxItems':
    case 'minItems': {
      const count = Array.isArray(error.data) ? error.data.length : Object.keys(error.data as object).length;
      const limit = `${error.keyword.startsWith('max') ? 'at most' : 'at least'} ${params.limit as number}`;
      const rule = ruleOf(error.parentSchema) ?? `${limit} allowed`;
      return `${path}: has ${count} ${Array.isArray(error.data) ? 'items' : 'entries'}; ${rule}`;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${path}: ${JSON.stringify(error.data)} is out of range; use ${rangeOf(error.parentSchema) ?? error.message ?? ''}`;
    case 'type': {
      const expected = listOf([params.type as string | string[]].flat().map(article));
      const range = rangeOf(error.parentSchema);
      const wanted = `${expected}${range ? ` from ${range}` : ''}`;
      // JSON, which the framework reads the configuration through, has no Infinity or NaN: YAML's
      // .inf and .nan arrive as null, as do ~ and an empty value.
      if (error.data === null) {
        return `${path}: has no value a number or a string can be read from (YAML ~, an empty value, .inf or .nan); give ${wanted}`;
      }
      return `${path}: ${JSON.stringify(error.data)} is not ${wanted}`;
    }
    default:
      return `${path}: ${error.message ?? 'is not valid'}`;
  }
}

/** A key that breaks its object's naming rule, reported at its own path, with the rule and a fix. */
function describeName(root: string, error: ErrorObject): string {
  const name = (error.params as { propertyName: string }).propertyName;
  const rule = (error.parentSchema as { propertyNames?: { pattern?: string; description?: string } } | undefined)
    ?.propertyNames;
  const path = `${pathOf(root, error.instancePath)}.${name}`;
  const why = rule?.description ?? `it must match ${rule?.pattern ?? 'the naming rule'}`;
  // Only separators are dropped: "my-table" → "myTable"; "cärts" has no such fix.
  const camel = name
    .split(/[-_. ]+/)
    .filter(Boolean)
    .map((part, index) => (index === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');
  const fits = rule?.pattern !== undefined && camel !== name && new RegExp(rule.pattern).test(camel);
  return `${path}: "${name}" is not a valid name: ${why}. Rename it${fits ? `, for example to "${camel}"` : ''}.`;
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
    const choice = group.find((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf');
    // An error inside the value (a wrong `type` in `{ name, type }`) says more than "matches none".
    const deeper = kept.some((error) => error.instancePath.startsWith(`${path}/`));
    if (choice && deeper) continue;
    if (choice) chosen.push(...describeChoice(choice, group));
    else chosen.push(...group);
  }
  return chosen;
}

/** The errors of each branch of an anyOf/oneOf, by branch index. */
function branchErrors(choice: ErrorObject, group: readonly ErrorObject[]): ErrorObject[][] {
  const branches: ErrorObject[][] = [];
  for (const error of group) {
    const rest = error.schemaPath.slice(choice.schemaPath.length);
    const index = /^\/(\d+)\//.exec(rest)?.[1];
    if (index !== undefined) (branches[Number(index)] ??= []).push(error);
  }
  return branches;
}

/**
 * A value that matches none (or, for oneOf, more than one) of the accepted forms. When the value
 * has the type of a form, that form's complaints say what to fix (`{ name }` lacks
 * `type`); otherwise the forms are named (`must be "all", "keys-only" or an object`).
 */
function describeChoice(choice: ErrorObject, group: readonly ErrorObject[]): ErrorObject[] {
  const forms = (choice.schema as Record<string, unknown>[] | undefined) ?? [];
  const onlyRequires = forms.every((form) => Object.keys(form).length === 1 && Array.isArray(form.required));
  if (onlyRequires && forms.length > 0) {
    const keys = listOf(forms.map((form) => (form.required as string[]).join(' and ')));
    const passing = (choice.params as { passingSchemas?: number[] | null }).passingSchemas;
    const message = Array.isArray(passing) ? `give only one of ${keys}, not both` : `give one of ${keys}`;
    return [{ ...choice, message }];
  }
  const branches = branchErrors(choice, group);
  const intended = branches.filter((errors) => !errors.some((error) => ['type', 'enum'].includes(error.keyword)));
  // A value of the right type for a form that breaks that form's rule (a pattern, a length, a
  // range): the rule it broke says more than the list of accepted forms.
  if (intended.length > 0) return intended.flat();
  const expected = group
    .filter((error) => error.keyword === 'type')
    .flatMap((error) => [(error.params as { type: string | string[] }).type].flat());
  const enums = group
    .filter((error) => error.keyword === 'enum')
    .flatMap((error) => (error.params as { allowedValues: unknown[] }).allowedValues);
  const options = [...new Set([...enums.map((value) => JSON.stringify(value)), ...expected.map(article)])];
  return [
    { ...choice, message: options.length > 0 ? `must be ${listOf(options)}` : 'matches none of the accepted forms' },
  ];
}

/** Throws STATE_CONFIG_INVALID listing every problem in `value` under `root`. */
export function validateAgainstSchema(root: string, schema: JsonSchema, value: unknown): void {
  let validate = validators.get(schema);
  if (!validate) {
    validate = prebuiltValidator(schema) ?? compileValidator(schema);
    validators.set(schema, validate);
  }
  if (validate(value)) return;
  const problems = [...new Set(actionable(validate.errors ?? []).map((error) => describeError(root, error)))];
  throw new StatefulConfigError('STATE_CONFIG_INVALID', `Invalid state configuration:\n  - ${problems.join('\n  - ')}`);
}

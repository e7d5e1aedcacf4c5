// The validators of the schemas every run checks (`state:` and a function's `state:`), generated
// by AJV at build time (scripts/build.mjs) into dist: compiling them cost about 100 ms of every
// `serverless package`. A validator is found by its schema's content, so a schema that is not the
// one built (a run from source, as in the unit tests) is compiled on first use, with the same options.
import { createHash } from 'node:crypto';
import type { default as Ajv, Options, ValidateFunction } from 'ajv';
import type { JsonSchema } from './serverless';

/** The options every validator is made with, ahead of time or on first use. */
const ajvOptions = { allErrors: true, verbose: true, strict: false } satisfies Options;

/** The module the build writes next to this file's compiled form (`.js`). */
export const prebuiltValidatorsModuleName = 'prebuilt-validators.generated';

type AjvClass = typeof Ajv;

// Loaded on demand: a run that finds its validators prebuilt needs no compiler.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- on demand, see above
const loadAjv = (): AjvClass => (require('ajv') as { default: AjvClass }).default;

/** The name `schema`'s validator is exported under: a digest of its content. */
export function schemaKey(schema: JsonSchema): string {
  return `schema_${createHash('sha256').update(JSON.stringify(schema)).digest('hex').slice(0, 32)}`;
}

let prebuilt: Readonly<Record<string, ValidateFunction>> | null | undefined;

function loadPrebuilt(): Readonly<Record<string, ValidateFunction>> | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- generated: it may not exist
    return require(`./${prebuiltValidatorsModuleName}`) as Record<string, ValidateFunction>;
  } catch (error) {
    // Not built: running from source.
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return null;
    throw error;
  }
}

/** The validator the build generated for exactly this schema, if it did. */
export function prebuiltValidator(schema: JsonSchema): ValidateFunction | undefined {
  prebuilt ??= loadPrebuilt();
  return prebuilt?.[schemaKey(schema)];
}

let ajv: Ajv | undefined;

/** Compiles `schema` now, for a schema the build did not prepare. */
export function compileValidator(schema: JsonSchema): ValidateFunction {
  ajv ??= new (loadAjv())(ajvOptions);
  return ajv.compile(schema);
}

/** The source of a CommonJS module exporting a validator for each of `schemas`, by schemaKey. */
export function prebuiltValidatorsModule(schemas: readonly JsonSchema[]): string {
  const generator = new (loadAjv())({ ...ajvOptions, code: { source: true } });
  const exported: Record<string, string> = {};
  for (const schema of schemas) {
    const key = schemaKey(schema);
    if (exported[key]) continue;
    generator.addSchema(schema, key);
    exported[key] = key;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- only the build generates code
  const standalone = (require('ajv/dist/standalone') as typeof import('ajv/dist/standalone')).default;
  return standalone(generator, exported);
}

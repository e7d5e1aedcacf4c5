import type { ValidateFunction } from 'ajv';
import { busSchema } from '../../plugin/kinds/buses/schema';
import { compileValidator, prebuiltValidatorsModule, schemaKey } from '../../plugin/prebuilt-validators';
import { functionStateSchema, stateSchema } from '../../plugin/schema';
import type { JsonSchema } from '../../plugin/serverless';

/** Loads generated module source the way Node would, resolving its requires from here. */
function loadModule(source: string): Record<string, ValidateFunction> {
  const module = { exports: {} as Record<string, ValidateFunction> };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the code under test is generated source
  const run = new Function('require', 'module', 'exports', source) as (...args: unknown[]) => void;
  run(require, module, module.exports);
  return module.exports;
}

const schemas = [stateSchema, functionStateSchema, busSchema] as const;
const prebuilt = loadModule(prebuiltValidatorsModule(schemas));

/** What the validator made ahead of time and the one compiled now say about `value`. */
function bothVerdicts(schema: JsonSchema, value: unknown) {
  const ahead = prebuilt[schemaKey(schema)];
  const now = compileValidator(schema);
  if (!ahead) throw new Error('no prebuilt validator for the schema');
  return { ahead: [ahead(value), ahead.errors ?? null], now: [now(value), now.errors ?? null] };
}

describe('the validators generated at build time', () => {
  it.each([
    ['a valid service', stateSchema, { tables: { carts: { partitionKey: 'cartId', stream: 'new' } } }],
    [
      'an unknown key and a wrong enum',
      stateSchema,
      { tables: { carts: { partitionKey: 'id', stream: 'all', x: 1 } } },
    ],
    ['an incomplete object form', stateSchema, { tables: { carts: { partitionKey: { name: 'id' } } } }],
    ['a bad resource name', stateSchema, { tables: { 'my-table': { partitionKey: 'id' }, cärts: {} } }],
    [
      'a numeric enum',
      stateSchema,
      { workflows: { f: { definition: { StartAt: 'A', States: {} }, logging: { retentionDays: 2 } } } },
    ],
    ['a value YAML read as null', stateSchema, { tables: { carts: { partitionKey: 'id', ttl: null } } }],
    ['a wrong access level and name', functionStateSchema, { carts: 'rw', 'my-table': 'read' }],
    [
      'a target naming both forms',
      busSchema,
      { rules: { r: { pattern: {}, targets: [{}, { function: 'a', workflow: 'b' }] } } },
    ],
  ])('decide %s exactly as a validator compiled at run time', (_, schema, value) => {
    const { ahead, now } = bothVerdicts(schema, value);
    expect(ahead).toEqual(now);
  });

  it('are found by content: the same schema has the same key, another schema another', () => {
    expect(schemaKey(structuredClone(stateSchema))).toBe(schemaKey(stateSchema));
    expect(schemaKey(functionStateSchema)).not.toBe(schemaKey(stateSchema));
    expect(Object.keys(prebuilt).sort()).toEqual(schemas.map(schemaKey).sort());
  });
});

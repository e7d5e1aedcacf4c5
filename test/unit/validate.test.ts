import { StatefulConfigError, listOf } from '../../plugin/errors';
import { busSchema } from '../../plugin/kinds/buses/schema';
import { tableSchema } from '../../plugin/kinds/tables/schema';
import { frameworkSchema, functionStateSchema, stateSchema } from '../../plugin/schema';
import { validateAgainstSchema } from '../../plugin/validate';

const problems = (value: unknown): string => {
  try {
    validateAgainstSchema('state.tables.carts', tableSchema, value);
    return '';
  } catch (error) {
    expect(error).toBeInstanceOf(StatefulConfigError);
    return (error as Error).message;
  }
};

describe('validateAgainstSchema', () => {
  it('accepts a valid table', () => {
    expect(problems({ partitionKey: 'cartId', stream: 'new' })).toBe('');
  });

  it('lists every problem at once, each with its path', () => {
    const message = problems({ partitionKey: 'cartId', stream: 'all', billng: 'provisioned' });
    expect(message).toContain('state.tables.carts: unknown key "billng"; valid keys are partitionKey, sortKey');
    expect(message).toContain(
      'state.tables.carts.stream: "all" is not allowed; use keys-only, new, old or new-and-old',
    );
    expect(message).toMatch(/\(STATE_CONFIG_INVALID\)$/);
  });

  it('names what is wrong inside a value rather than "matches none"', () => {
    expect(problems({ partitionKey: { name: 'id', type: 'string' } })).toContain(
      'state.tables.carts.partitionKey.type: "string" is not allowed; use S, N or B',
    );
    expect(problems({ partitionKey: { name: 'id', type: 'string' } })).not.toContain('must be a string');
  });
});

const problemsAt = (root: string, schema: Parameters<typeof validateAgainstSchema>[1], value: unknown): string => {
  try {
    validateAgainstSchema(root, schema, value);
    return '';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('messages that name the path, what is wrong and the fix', () => {
  it('names a resource whose name has odd characters by its own path, and says why and what to write', () => {
    const message = problemsAt('state', stateSchema, { tables: { 'my-table': { partitionKey: 'id' } } });
    expect(message).toContain(
      'state.tables.my-table: "my-table" is not a valid name: use letters and digits, starting with a letter',
    );
    expect(message).toContain('logical ids and environment variable names');
    expect(problemsAt('state', stateSchema, { tables: { cärts: { partitionKey: 'id' } } })).toMatch(
      /state\.tables\.cärts: "cärts" is not a valid name: .*\. Rename it\. \(STATE_CONFIG_INVALID\)$/,
    );
    expect(problemsAt('functions.updateCart.state', functionStateSchema, { 'my-table': 'read' })).toContain(
      'functions.updateCart.state.my-table: "my-table" is not a valid name',
    );
  });

  it("describes an index name's own rule, not a resource name's", () => {
    expect(problems({ partitionKey: 'id', indexes: { x: { partitionKey: 'k' } } })).toContain(
      'state.tables.carts.indexes.x: "x" is not a valid name: use 3 to 255 letters, digits, _, . or -',
    );
  });

  it('lists the allowed values of a numeric enum and of an access level', () => {
    expect(
      problemsAt('state', stateSchema, {
        workflows: { flow: { definition: { StartAt: 'A', States: {} }, logging: { retentionDays: 2 } } },
      }),
    ).toContain('state.workflows.flow.logging.retentionDays: 2 is not allowed; use 1, 3, 5, 7, 14, 30');
    expect(problemsAt('functions.updateCart.state', functionStateSchema, { carts: 'rw' })).toContain(
      'functions.updateCart.state.carts: "rw" is not allowed; use read, write, readwrite, publish, start or callback',
    );
  });

  it('reports the object form of a key given as an incomplete object, not "must be a string"', () => {
    const message = problems({ partitionKey: { name: 'id' } });
    expect(message).toContain('state.tables.carts.partitionKey: "type" is required');
    expect(message).not.toContain('must be a string');
  });

  it('says a target takes a function or a workflow, exactly one', () => {
    const target = (value: unknown) =>
      problemsAt('state.buses.shop', busSchema, { rules: { r: { pattern: {}, targets: [value] } } });
    expect(target({})).toContain('state.buses.shop.rules.r.targets.0: give one of function or workflow');
    expect(target({ function: 'a', workflow: 'b' })).toContain(
      'state.buses.shop.rules.r.targets.0: give only one of function or workflow, not both',
    );
    expect(target({})).not.toContain('oneOf');
  });
});

describe('frameworkSchema', () => {
  it("leaves to the plugin what the framework's messages cannot say: names' rules and numeric enums' values", () => {
    const framework = JSON.stringify(frameworkSchema(stateSchema));
    expect(framework).not.toContain('propertyNames');
    expect(framework).not.toContain('3653');
    expect(framework).toContain('"keys-only"');
    expect(JSON.stringify(stateSchema)).toContain('propertyNames');
  });
});

describe('listOf', () => {
  it('reads as English', () => {
    expect(listOf([])).toBe('(none)');
    expect(listOf(['read'])).toBe('read');
    expect(listOf(['read', 'write'])).toBe('read or write');
    expect(listOf(['a', 'b', 'c'], 'and')).toBe('a, b and c');
  });
});

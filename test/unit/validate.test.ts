import { StatefulConfigError, listOf } from '../../plugin/errors';
import { tableSchema } from '../../plugin/kinds/tables/schema';
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

describe('listOf', () => {
  it('reads as English', () => {
    expect(listOf([])).toBe('(none)');
    expect(listOf(['read'])).toBe('read');
    expect(listOf(['read', 'write'])).toBe('read or write');
    expect(listOf(['a', 'b', 'c'], 'and')).toBe('a, b and c');
  });
});

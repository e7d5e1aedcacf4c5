import { didYouMean, editDistance, nearest } from '../../plugin/suggest';

describe('suggestions for a misspelt word', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('tabel', 'table')).toBe(2);
    expect(editDistance('functon', 'function')).toBe(1);
    expect(editDistance('', 'bus')).toBe(3);
    expect(editDistance('bus', 'bus')).toBe(0);
  });

  it('picks the nearest option within two edits, ignoring case, and nothing further', () => {
    expect(nearest('Table', ['function', 'table', 'bus', 'workflow'])).toBe('table');
    expect(nearest('buss', ['function', 'table', 'bus', 'workflow'])).toBe('bus');
    expect(nearest('orders', ['function', 'table', 'bus', 'workflow'])).toBeUndefined();
    expect(didYouMean('cart', ['carts', 'orders'])).toBe(' (did you mean "carts"?)');
    expect(didYouMean('carts', ['carts'])).toBe('');
  });
});

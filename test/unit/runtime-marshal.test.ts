import { NumberValue } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { marshalOptions, toAttributeMap } from '../../runtime/tables/marshal';

class Address {
  constructor(
    readonly city: string,
    readonly zip: number,
  ) {}
}

describe('toAttributeMap', () => {
  it('converts every kind of value exactly as the document client does', () => {
    const values: Record<string, unknown> = {
      text: 'caf\u00e9',
      empty: '',
      zero: 0,
      negativeZero: -0,
      integer: -42,
      float: 3.14159,
      tiny: 1e-7,
      largest: Number.MAX_SAFE_INTEGER,
      precise: new NumberValue('12345678901234567890.5'),
      big: 12345678901234567890n,
      yes: true,
      nothing: null,
      skipped: undefined,
      method: () => 1,
      list: ['a', 1, { nested: [true, null] }, undefined],
      map: { a: { b: { c: 'deep' } }, gone: undefined },
      strings: new Set(['x', 'y']),
      numbers: new Set([1, 2.5]),
      bytes: new Uint8Array([1, 2, 3]),
      instance: new Address('Lyon', 69001),
    };
    expect(toAttributeMap(values)).toEqual(marshall(values, marshalOptions));
  });

  it('refuses what the document client refuses', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2, new Set()]) {
      expect(() => marshall({ value }, marshalOptions)).toThrow();
      expect(() => toAttributeMap({ value })).toThrow();
    }
  });
});

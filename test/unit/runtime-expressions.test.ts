import { StatefulRuntimeError } from '../../runtime/index';
import { conditionOf, Placeholders, updateExpression } from '../../runtime/tables/expressions';
import { itemSize, valueSize } from '../../runtime/tables/item-size';
import { keyProblems } from '../../runtime/tables/key-schema';
import { findUnstorable } from '../../runtime/tables/storable';

describe('updateExpression', () => {
  it('writes SET, REMOVE and ADD with generated placeholders, one per attribute name', () => {
    const expression = updateExpression(
      {
        set: { status: 'paid', 'address.city': 'Lyon' },
        append: { history: ['paid'] },
        remove: ['draft', 'address.zip'],
        add: { stock: -1 },
        expectVersion: 3,
      },
      'version',
    );
    expect(expression).toEqual({
      UpdateExpression:
        'SET #s0 = :s0, #s1.#s2 = :s1, #s3 = list_append(if_not_exists(#s3, :s2), :s3), #s4 = :s4 REMOVE #s5, #s1.#s6 ADD #s7 :s5',
      ConditionExpression: '#s4 = :s6',
      ExpressionAttributeNames: {
        '#s0': 'status',
        '#s1': 'address',
        '#s2': 'city',
        '#s3': 'history',
        '#s4': 'version',
        '#s5': 'draft',
        '#s6': 'zip',
        '#s7': 'stock',
      },
      ExpressionAttributeValues: {
        ':s0': 'paid',
        ':s1': 'Lyon',
        ':s2': [],
        ':s3': ['paid'],
        ':s4': 4,
        ':s5': -1,
        ':s6': 3,
      },
    });
  });

  it('refuses an update with nothing to do', () => {
    expect(() => updateExpression({ when: 'attribute_exists(id)' }, 'version')).toThrow(
      'an update needs at least one of set, remove, add or append',
    );
  });
});

describe('an update or a condition that cannot be meant', () => {
  it('refuses to set an attribute to undefined, pointing to remove', () => {
    expect(() => updateExpression({ set: { total: 1, coupon: undefined } }, 'version')).toThrow(
      "an update cannot set coupon to undefined, which DynamoDB has no value for: to delete the attribute, use remove: ['coupon']",
    );
  });

  it.each([NaN, -1, 1.5, '3', Infinity])('refuses expectVersion %p (a string would make 3 + 1 "31")', (version) => {
    const spec = { set: { total: 1 }, expectVersion: version as number };
    expect(() => updateExpression(spec, 'version')).toThrow(
      /^expectVersion must be a whole number, 0 or more \(0: the item must not exist yet\); got /,
    );
    expect(() => conditionOf(new Placeholders(), { expectVersion: version as number }, 'version')).toThrow(
      StatefulRuntimeError,
    );
  });
});

describe('conditionOf', () => {
  it('leaves a single condition bare and brackets each one when it joins several', () => {
    expect(conditionOf(new Placeholders(), { when: 'stock >= :qty', values: { ':qty': 1 } }, 'version')).toBe(
      'stock >= :qty',
    );
    expect(
      conditionOf(new Placeholders(), { when: 'a = :a OR b = :b', expectVersion: 2 }, 'version', [
        'attribute_not_exists(#k)',
      ]),
    ).toBe('(attribute_not_exists(#k)) AND (a = :a OR b = :b) AND (#s0 = :s0)');
    expect(conditionOf(new Placeholders(), {}, 'version')).toBeUndefined();
  });

  it("refuses the caller's placeholders that would collide with generated ones", () => {
    expect(() => conditionOf(new Placeholders(), { when: '#s0 = :x', names: { '#s0': 'a' } }, 'v')).toThrow(
      StatefulRuntimeError,
    );
    expect(() => conditionOf(new Placeholders(), { when: 'a = :s1', values: { ':s1': 1 } }, 'v')).toThrow(
      'value placeholder :s1 is reserved for generated ones; use another',
    );
    // Placeholders that merely start the same way are the caller's to use.
    expect(
      conditionOf(new Placeholders(), { when: '#sku = :size', names: { '#sku': 'sku' }, values: { ':size': 1 } }, 'v'),
    ).toBe('#sku = :size');
  });
});

describe('itemSize', () => {
  it("counts names, strings and binaries in bytes, as DynamoDB's published rules do", () => {
    expect(itemSize({ id: 'abc' })).toBe(2 + 3);
    expect(itemSize({ name: 'café' })).toBe(4 + 5);
    expect(itemSize({ blob: new Uint8Array(10) })).toBe(4 + 10);
    expect(itemSize({ ok: true, gone: null })).toBe(2 + 1 + 4 + 1);
  });

  it('counts a number as one byte per two significant digits plus one, zeros trimmed', () => {
    expect(valueSize(0)).toBe(2);
    expect(valueSize(7)).toBe(2);
    expect(valueSize(1000)).toBe(2);
    expect(valueSize(-12345)).toBe(4);
    expect(valueSize(0.00123)).toBe(3);
    expect(valueSize(123.45)).toBe(4);
    expect(valueSize(1e21)).toBe(2);
    expect(valueSize(12345678901234567890n)).toBe(11); // 19 significant digits
  });

  it('adds three bytes per list or map and one per element', () => {
    expect(valueSize(['a', 'b'])).toBe(3 + (1 + 1) * 2);
    expect(valueSize({ a: 'x' })).toBe(3 + 1 + 1 + 1);
    expect(valueSize(new Set(['ab', 'c']))).toBe(3);
  });

  it('gives no size (NaN) to what the document client would store changed', () => {
    expect(itemSize({ at: new Date() })).toBeNaN(); // an empty map
    expect(itemSize({ lines: ['a', undefined] })).toBeNaN(); // dropped, moving what follows
    expect(itemSize({ tags: new Set(['a', 1]) })).toBeNaN(); // 1 written "1"
    expect(itemSize({ gone: undefined, tags: new Set([1, 2n]) })).toBe(4 + 1 + 4 + 4);
  });
});

describe('findUnstorable', () => {
  it.each<[unknown, string, RegExp]>([
    [{ a: { b: [1, NaN] } }, 'a.b[1]', /^NaN, which DynamoDB cannot store$/],
    [{ at: new Date(0) }, 'at', /^a Date, which DynamoDB has no type for/],
    [{ l: [undefined] }, 'l[0]', /^undefined in a list/],
    [{ s: new Set() }, 's', /^an empty Set/],
    [{ s: new Set([{}]) }, 's', /^a Set of object members/],
    [{ n: -(2 ** 60) }, 'n', /beyond Number\.MAX_SAFE_INTEGER/],
    [{ m: new Map([['', 1]]) }, 'm[""]', /^an empty attribute name/],
    [{ y: Symbol('y') }, 'y', /^a symbol/],
  ])('finds %p at %s', (value, path, reason) => {
    expect(findUnstorable(value)).toEqual({ path, reason: expect.stringMatching(reason) as string });
  });

  it('passes what DynamoDB stores as given', () => {
    const storable = {
      s: 'x',
      n: 1.5,
      b: new Uint8Array(2),
      l: [null, true],
      m: new Map([['a', 1]]),
      ss: new Set(['a']),
    };
    expect(findUnstorable({ ...storable, gone: undefined, big: 2n ** 70n })).toBeUndefined();
  });
});

describe('keyProblems', () => {
  const key = [
    { name: 'customerId', type: 'S' },
    { name: 'createdAt', type: 'N' },
  ];
  it.each<[Record<string, unknown>, string[]]>([
    [{ customerId: 'u1', createdAt: 1 }, []],
    [{}, ['customerId is missing', 'createdAt is missing']],
    [
      { customerId: '', createdAt: '1' },
      ['customerId is empty, which DynamoDB refuses in a key', 'createdAt is of type S, not N'],
    ],
    [
      { customerId: new Date(), createdAt: 1, extra: 1 },
      ['customerId is a Date, not S', 'extra is not part of the key'],
    ],
  ])('%p: %p', (given, problems) => {
    expect(keyProblems(given, key)).toEqual(problems);
  });

  it('lets a query leave out the sort key', () => {
    expect(keyProblems({ customerId: 'u1' }, key, true)).toEqual([]);
  });
});

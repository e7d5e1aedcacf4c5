import { isMissingKey } from '../../runtime/idempotency/event-key';
import { jsonData } from '../../runtime/json-data';

describe('jsonData()', () => {
  it('writes JSON, with keys sorted when asked, and Dates as JSON writes them', () => {
    expect(jsonData({ b: 2, a: [1, { d: 4, c: 3 }] }, true)).toEqual({ text: '{"a":[1,{"c":3,"d":4}],"b":2}' });
    expect(jsonData({ b: 2, a: 1 })).toEqual({ text: '{"b":2,"a":1}' });
    expect(jsonData({ at: new Date(0), gone: undefined })).toEqual({ text: '{"at":"1970-01-01T00:00:00.000Z"}' });
  });

  it.each<[string, unknown, string, string]>([
    ['a BigInt', { order: { total: 1n } }, 'order.total', 'a BigInt, which JSON cannot write'],
    ['a Set', { lines: [new Set([1])] }, 'lines[0]', 'a Set, which JSON writes as {}'],
    ['a Map', new Map([['a', 1]]), '(the value)', 'a Map, which JSON writes as {}'],
    ['NaN', { 'unit-price': NaN }, '["unit-price"]', 'NaN, which JSON writes as null'],
    ['Infinity', [0, -Infinity], '[1]', '-Infinity, which JSON writes as null'],
    ['a function', { f: () => 1 }, 'f', 'a function, which JSON leaves out'],
    ['undefined', undefined, '(the value)', 'undefined, which is not JSON'],
  ])('names where JSON fails %s, and how', (_, value, path, reason) => {
    for (const sorted of [false, true]) {
      const result = jsonData(value, sorted);
      expect(result).toEqual({ problem: { path, reason: expect.stringContaining(reason) as string } });
    }
  });

  it('names a cycle, sorted or not, and lets the same object appear twice', () => {
    const order: Record<string, unknown> = { id: 1 };
    order.lines = [{ order }];
    for (const sorted of [false, true]) {
      expect(jsonData({ order }, sorted)).toEqual({
        problem: { path: 'order.lines[0].order', reason: 'the value at order again: a cycle, which JSON cannot write' },
      });
    }
    const shared = { sku: 'a' };
    expect(jsonData({ x: shared, y: [shared] }, true)).toEqual({ text: '{"x":{"sku":"a"},"y":[{"sku":"a"}]}' });
  });
});

describe('isMissingKey()', () => {
  it.each<[unknown, boolean]>([
    [null, true],
    [undefined, true],
    ['', true],
    [[], true],
    [{}, true],
    [[null, null], true],
    [{ o: null, c: [] }, true],
    [[[''], { a: null }], true],
    [new Set(), true],
    [0, false],
    [false, false],
    ['o1', false],
    [[null, 'c1'], false],
    [{ o: null, c: 0 }, false],
    [new Date(0), false],
  ])('%p is missing: %p', (value, missing) => {
    expect(isMissingKey(value)).toBe(missing);
  });
});

// JSON that says what it could not carry. JSON.stringify throws on a BigInt or a cycle without
// saying where, writes a Set or a Map as {} and NaN as null, and drops a function: a key, an
// event or a workflow input holding one would be sent changed, or collide with another.
// Dates (and anything else with toJSON) say themselves how they are written, so they pass.
import { messageOf } from './errors.js';

/** Where in the value (`lines[2].sku`, or `(the value)`) JSON fails it, and how. */
export interface JsonProblem {
  readonly path: string;
  readonly reason: string;
}

export type JsonData = { readonly text: string } | { readonly problem: JsonProblem };

/** What JSON would do wrong with `value`, which JSON.stringify has already passed through toJSON. */
function problemOf(value: unknown): string | undefined {
  switch (typeof value) {
    case 'bigint':
      return 'a BigInt, which JSON cannot write: pass it as a string or a number';
    case 'number':
      return Number.isFinite(value) ? undefined : `${value}, which JSON writes as null`;
    case 'symbol':
    case 'function':
      return `a ${typeof value}, which JSON leaves out`;
    case 'object':
      if (value instanceof Set) return 'a Set, which JSON writes as {}: pass [...set]';
      if (value instanceof Map) return 'a Map, which JSON writes as {}: pass Object.fromEntries(map)';
      return undefined;
    default:
      return undefined;
  }
}

const pathOf = (parent: string, key: string, inArray: boolean) =>
  inArray
    ? `${parent}[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(key)
      ? parent
        ? `${parent}.${key}`
        : key
      : `${parent}[${JSON.stringify(key)}]`;

/**
 * `value` as JSON text, or the first part of it that JSON would lose, change or refuse. With
 * `sorted`, object keys are sorted, so equal values give equal text whatever their key order.
 * Undefined object properties are left out, as JSON does: that is what an absent property means.
 */
export function jsonData(value: unknown, sorted = false): JsonData {
  const paths = new WeakMap<object, string>();
  let text: string | undefined;
  try {
    text = JSON.stringify(value, function (this: unknown, key: string, inner: unknown) {
      const holder = this as object;
      const path = paths.has(holder) ? pathOf(paths.get(holder) ?? '', key, Array.isArray(holder)) : '';
      const reason = problemOf(inner);
      if (reason) throw new Found({ path: path || '(the value)', reason });
      if (typeof inner !== 'object' || inner === null) return inner;
      const seenAt = paths.get(inner);
      if (seenAt !== undefined && (seenAt === '' || path.startsWith(`${seenAt}.`) || path.startsWith(`${seenAt}[`))) {
        throw new Found({
          path,
          reason: `the value at ${seenAt || 'the top'} again: a cycle, which JSON cannot write`,
        });
      }
      paths.set(inner, path);
      if (!sorted || Array.isArray(inner)) return inner;
      const entries = Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const copy = Object.fromEntries(entries);
      paths.set(copy, path);
      return copy;
    }) as string | undefined; // undefined for undefined, a function or a symbol
  } catch (error) {
    if (error instanceof Found) return { problem: error.problem };
    // A toJSON that threw.
    return { problem: { path: '(the value)', reason: messageOf(error) } };
  }
  return text === undefined ? { problem: { path: '(the value)', reason: 'undefined, which is not JSON' } } : { text };
}

/** Carries the first problem out of JSON.stringify, which it stops. */
class Found extends Error {
  constructor(readonly problem: JsonProblem) {
    super(problem.reason);
  }
}

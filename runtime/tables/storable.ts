// What DynamoDB cannot store as given, found where it is. The document client refuses some values
// with an error that names neither the attribute nor the item (NaN, an empty Set), and changes
// others without a word: a Date becomes an empty map, and undefined in a list is dropped, moving
// every element after it. This walk runs only once something is known to be wrong (a write's size
// came out as no number, or the client or DynamoDB refused the request), to say what and where.

export interface Unstorable {
  /** Where in the item or key: `lines[2].price`. */
  readonly path: string;
  readonly reason: string;
}

const isBinary = (value: unknown) => ArrayBuffer.isView(value) || value instanceof ArrayBuffer;

function reasonOf(value: unknown, inList: boolean): string | undefined {
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) return `${value}, which DynamoDB cannot store`;
      if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
        return `${value}, beyond Number.MAX_SAFE_INTEGER, which would lose digits: pass a BigInt or a NumberValue`;
      }
      return undefined;
    case 'symbol':
      return 'a symbol, which DynamoDB cannot store';
    case 'undefined':
      return inList
        ? 'undefined in a list, which would be dropped and move the elements after it: use null'
        : undefined;
    case 'object':
      if (value instanceof Date) {
        return 'a Date, which DynamoDB has no type for (it would be stored as an empty map): store date.toISOString() or date.getTime()';
      }
      if (value instanceof Set) return setReason(value as Set<unknown>);
      return undefined;
    default:
      return undefined;
  }
}

function setReason(set: Set<unknown>): string | undefined {
  if (set.size === 0) return 'an empty Set, which DynamoDB cannot store: leave the attribute out, or remove it';
  const kinds = new Set<string>();
  for (const member of set) {
    kinds.add(typeof member === 'bigint' ? 'number' : isBinary(member) ? 'binary' : typeof member);
  }
  const [kind] = kinds;
  if (kinds.size > 1 || (kind !== 'string' && kind !== 'number' && kind !== 'binary')) {
    return `a Set of ${[...kinds].join(' and ')} members; DynamoDB stores sets of strings, of numbers or of binaries`;
  }
  return undefined;
}

/** The first value under `value` that DynamoDB cannot store as given, or undefined. */
export function findUnstorable(value: unknown, path = '', inList = false): Unstorable | undefined {
  const reason = reasonOf(value, inList);
  if (reason) return { path: path || '(the value)', reason };
  if (typeof value !== 'object' || value === null || isBinary(value) || value instanceof Set) return undefined;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findUnstorable(value[index], `${path}[${index}]`, true);
      if (found) return found;
    }
    return undefined;
  }
  const entries = value instanceof Map ? [...(value as Map<unknown, unknown>)] : Object.entries(value);
  for (const [name, inner] of entries) {
    const here = path ? `${path}.${String(name)}` : String(name);
    if (name === '') return { path: `${path}[""]`, reason: 'an empty attribute name, which DynamoDB refuses' };
    const found = findUnstorable(inner, here);
    if (found) return found;
  }
  return undefined;
}

// DynamoDB's size of an item, by its published rules, to refuse a transaction over 4 MB before
// sending it: attribute names count in UTF-8 bytes, strings in UTF-8 bytes, numbers about one
// byte per two significant digits plus one, binaries in bytes, and each list or map entry one
// byte of overhead plus three per container.

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

function numberSize(value: number | bigint): number {
  const digits = String(value).replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/e.*$/i, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
}

export function valueSize(value: unknown): number {
  if (value === null || value === undefined) return 1;
  if (typeof value === 'string') return utf8(value);
  if (typeof value === 'number' || typeof value === 'bigint') return numberSize(value);
  if (typeof value === 'boolean') return 1;
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set)
    return [...(value as Set<unknown>)].reduce<number>((sum, member) => sum + valueSize(member), 0);
  if (Array.isArray(value)) return 3 + value.reduce<number>((sum, member) => sum + 1 + valueSize(member), 0);
  if (typeof value === 'object') {
    return 3 + Object.entries(value).reduce((sum, [name, member]) => sum + 1 + utf8(name) + valueSize(member), 0);
  }
  // Anything else (a symbol, a function) is not storable; count its text, as JSON would drop it.
  return utf8(typeof value === 'symbol' ? value.toString() : '');
}

/** The size DynamoDB counts for `item`, in bytes. */
export function itemSize(item: Record<string, unknown>): number {
  return Object.entries(item).reduce((sum, [name, value]) => sum + utf8(name) + valueSize(value), 0);
}

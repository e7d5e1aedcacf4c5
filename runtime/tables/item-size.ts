// DynamoDB's size of an item, by its published rules, to refuse what DynamoDB would refuse before
// sending it (an item over 400 KB, a transaction over 4 MB): attribute names count in UTF-8 bytes,
// strings in UTF-8 bytes, numbers about one byte per two significant digits plus one, binaries in
// bytes, and each list or map entry one byte of overhead plus three per container. What the
// document client would store changed (a Date as an empty map, undefined in a list dropped, a
// number in a set of strings made a string) has no size: NaN, which makes every sum it is in NaN, so the caller looks closer (storable.ts).

/** DynamoDB stores at most 400 KB in an item: attribute names and values, by the rules above. */
export const maxItemBytes = 400 * 1024;

/** Whether DynamoDB refused a write for its item's size (PutItem's and UpdateItem's own words). */
export function isItemSizeError(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.name === 'ValidationException' &&
    /item size (to update )?has exceeded the maximum allowed size/i.test(error.message)
  );
}

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

/** One byte per two significant digits (leading and trailing zeros trimmed), plus one. */
function numberSize(value: number | bigint): number {
  const text = String(value);
  let position = 0;
  let first = -1;
  let last = -1;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 101 || code === 69) break; // the exponent of 1e+21 is not a digit DynamoDB stores
    if (code < 48 || code > 57) continue; // a sign or the decimal point
    if (code !== 48) {
      if (first < 0) first = position;
      last = position;
    }
    position++;
  }
  const significant = first < 0 ? 1 : last - first + 1;
  return Math.ceil(significant / 2) + 1;
}

export function valueSize(value: unknown): number {
  if (value === null || value === undefined) return 1;
  if (typeof value === 'string') return utf8(value);
  if (typeof value === 'number' || typeof value === 'bigint') return numberSize(value);
  if (typeof value === 'boolean') return 1;
  if (value instanceof Uint8Array) return value.byteLength;
  let size = 0;
  if (value instanceof Set) {
    let kind: string | undefined;
    for (const member of value as Set<unknown>) {
      // The client writes a set as its first member's type: 1 in a set of strings becomes "1".
      const memberKind = typeof member === 'bigint' ? 'number' : typeof member;
      if (kind !== undefined && memberKind !== kind) return NaN;
      kind = memberKind;
      size += valueSize(member);
    }
    return size;
  }
  if (Array.isArray(value)) {
    for (const member of value) size += 1 + (member === undefined ? NaN : valueSize(member));
    return 3 + size;
  }
  if (typeof value === 'object') return value instanceof Date ? NaN : 3 + mapSize(value as Record<string, unknown>, 1);
  // Anything else (a symbol, a function) is not storable; count its text, as JSON would drop it.
  return utf8(typeof value === 'symbol' ? value.toString() : '');
}

/** Names and values of a map's entries, each with `overhead` bytes more. */
function mapSize(map: Record<string, unknown>, overhead: number): number {
  let size = 0;
  for (const name in map) size += overhead + utf8(name) + valueSize(map[name]);
  return size;
}

/** The size DynamoDB counts for `item`, in bytes. */
export function itemSize(item: Record<string, unknown>): number {
  return mapSize(item, 0);
}

// What a cache keeps under a key: the encoded value behind a short header that says which codec
// wrote it and until when it is fresh.
//
//   json:1767225600000:{"id":"p1","price":12}      a value, fresh until that time (epoch ms)
//   ~:1767225600000:                                "not found", cached for negativeTtl
//
// Redis expires the key itself at the end of the grace period (PX = ttl + grace); between
// freshUntil and then the entry is stale: served while one caller refreshes it. A value written
// by another codec, or not in this shape at all, reads as a miss and is replaced on the next load.
import type { CacheCodec } from './codec.js';

export interface Entry {
  /** False when the loader found nothing. */
  readonly found: boolean;
  /** The encoded value: a string for a text codec, a Buffer for a binary one; empty when not found. */
  readonly payload: string | Buffer;
  /** Until when (epoch ms) the entry is fresh. */
  readonly freshUntil: number;
}

const notFoundTag = '~';
const colon = 0x3a;

/** The entry as Redis keeps it. */
export function writeEntry(codec: CacheCodec, entry: Entry): string | Buffer {
  const header = `${entry.found ? codec.name : notFoundTag}:${entry.freshUntil}:`;
  if (typeof entry.payload === 'string') return header + entry.payload;
  return Buffer.concat([Buffer.from(header, 'latin1'), entry.payload]);
}

/** The entry in what Redis returned, or undefined when it is not one this codec reads. */
export function readEntry(codec: CacheCodec, data: string | Buffer): Entry | undefined {
  if (typeof data === 'string') {
    const first = data.indexOf(':');
    const second = first < 0 ? -1 : data.indexOf(':', first + 1);
    if (second <= first + 1) return undefined;
    const freshUntil = Number(data.slice(first + 1, second));
    if (!Number.isFinite(freshUntil)) return undefined;
    const tag = data.slice(0, first);
    if (tag === notFoundTag) return { found: false, payload: '', freshUntil };
    if (tag !== codec.name) return undefined;
    return {
      found: true,
      payload: codec.binary ? Buffer.from(data.slice(second + 1), 'latin1') : data.slice(second + 1),
      freshUntil,
    };
  }
  const first = data.indexOf(colon);
  const second = first < 0 ? -1 : data.indexOf(colon, first + 1);
  if (second <= first + 1) return undefined;
  const freshUntil = Number(data.toString('latin1', first + 1, second));
  if (!Number.isFinite(freshUntil)) return undefined;
  const tag = data.toString('latin1', 0, first);
  if (tag === notFoundTag) return { found: false, payload: '', freshUntil };
  if (tag !== codec.name) return undefined;
  const payload = data.subarray(second + 1);
  return { found: true, payload: codec.binary ? payload : payload.toString('utf8'), freshUntil };
}

/** The payload's size as counted against maxValueBytes and the in-container tier's maxBytes. */
export function payloadBytes(payload: string | Buffer): number {
  return typeof payload === 'string' ? Buffer.byteLength(payload) : payload.byteLength;
}

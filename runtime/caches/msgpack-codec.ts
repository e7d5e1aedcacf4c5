// MessagePack through msgpackr, an optional peer dependency: only handlers that import
// @serverless-stateful/runtime/msgpack load it.
import { Packr, type Options } from 'msgpackr';
import type { CacheCodec } from './codec.js';

/**
 * A MessagePack codec. Plain MessagePack maps by default (`useRecords: false`), which any
 * container and any MessagePack reader can decode; msgpackr's records need structures shared
 * between every writer and reader, which separate Lambda containers do not have.
 */
export function msgpackCodec(options: Options = {}): CacheCodec {
  const packr = new Packr({ useRecords: false, ...options });
  return {
    name: 'msgpack',
    binary: true,
    encode: (value) => packr.pack(value),
    decode: (data) => packr.unpack(typeof data === 'string' ? Buffer.from(data, 'latin1') : data) as unknown,
  };
}

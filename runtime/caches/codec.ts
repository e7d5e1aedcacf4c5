// How values are turned into the bytes kept in Redis and back. JSON by default; MessagePack from
// @serverless-stateful/runtime/msgpack, a subpath of its own so that JSON-only handlers never load
// msgpackr.

export interface CacheCodec {
  /**
   * Written before every value (`json`, `msgpack`, …): a value written by another codec is read as
   * a miss, so a cache can change codec between two deploys. Lowercase letters, digits and hyphens.
   */
  readonly name: string;
  /** True when encode() gives Buffers: values are then read from Redis as Buffers. */
  readonly binary: boolean;
  encode(value: unknown): string | Buffer;
  /** `data` is a string for a text codec, a Buffer for a binary one. */
  decode(data: string | Buffer): unknown;
}

/** JSON: what JSON.stringify writes and JSON.parse reads back (a Date comes back as a string). */
export const jsonCodec: CacheCodec = {
  name: 'json',
  binary: false,
  encode: (value) => {
    const text = JSON.stringify(value) as string | undefined;
    if (text === undefined) throw new TypeError(`JSON cannot encode a ${typeof value}`);
    return text;
  },
  decode: (data) => JSON.parse(typeof data === 'string' ? data : data.toString('utf8')) as unknown,
};

export const codecNamePattern = /^[a-z][a-z0-9-]*$/;

// @serverless-stateful/runtime/msgpack: the MessagePack codec of cache(), a subpath of its own so
// that handlers caching JSON never load msgpackr (an optional peer dependency).
export { msgpackCodec } from './caches/msgpack-codec.js';

// @serverless-stateful/runtime/redis: the Redis store of idempotent(). A subpath of its own, so
// handlers that do not use Redis do not bundle ioredis.
export { RedisPersistence, type RedisPersistenceOptions } from './idempotency/persistence/redis.js';

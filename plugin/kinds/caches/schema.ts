// The schema of one cache under `state.caches`. Written `as const`: CacheConfig derives from it.
// Ranges ElastiCache enforces are in the schema, so a value out of them fails with the path and
// the range; rules across options (a mode's own options, engine and version) are in the kind.
import type { FromSchema } from 'json-schema-to-ts';
import { tagsSchema } from '../../tags';
import { kmsKeyArn } from '../tables/schema';

export const cacheModes = ['serverless', 'cluster'] as const;
export const cacheEngines = ['valkey', 'redis'] as const;
export const cacheAuthModes = ['iam', 'token'] as const;

/** ElastiCache Serverless' usage limits (CacheUsageLimits). */
export const usageLimits = {
  ecpu: { minimum: 1000, maximum: 15_000_000 },
  storage: { minimum: 1, maximum: 5000 },
} as const;

const limitRange = (range: { readonly minimum: number; readonly maximum: number }) =>
  ({
    type: 'object',
    properties: {
      min: { type: 'integer', minimum: range.minimum, maximum: range.maximum },
      max: { type: 'integer', minimum: range.minimum, maximum: range.maximum },
    },
    minProperties: 1,
    additionalProperties: false,
    description: 'give min, max or both',
  }) as const;

export const maxReplicas = 5;
export const maxSnapshotRetention = 35;

export const cacheSchema = {
  type: 'object',
  properties: {
    mode: { enum: cacheModes },
    engine: { enum: cacheEngines },
    // A number too: YAML reads `version: 7.2` as one, and the framework would coerce `8.0` to "8".
    version: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'number' }] },
    auth: { enum: cacheAuthModes },
    encryption: {
      type: 'object',
      properties: { kmsKey: kmsKeyArn },
      required: ['kmsKey'],
      additionalProperties: false,
    },
    snapshotRetention: { type: 'integer', minimum: 0, maximum: maxSnapshotRetention },
    tags: tagsSchema('elasticache'),
    // serverless
    limits: {
      type: 'object',
      properties: { ecpu: limitRange(usageLimits.ecpu), storage: limitRange(usageLimits.storage) },
      additionalProperties: false,
    },
    dailySnapshotTime: {
      type: 'string',
      pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
      description: 'write the hour and minute in UTC, HH:MM, e.g. 04:00',
    },
    // cluster
    nodeType: {
      type: 'string',
      pattern: '^cache\\.[a-z0-9-]+\\.[a-z0-9]+$',
      description: 'write an ElastiCache node type, cache.<family>.<size>, e.g. cache.t4g.micro',
    },
    replicas: { type: 'integer', minimum: 0, maximum: maxReplicas },
    multiAz: { type: 'boolean' },
    parameterGroup: {
      type: 'string',
      pattern: '^[a-zA-Z][a-zA-Z0-9.-]{0,254}$',
      description: 'name an existing cache parameter group: a letter, then letters, digits, dots and hyphens',
    },
    maintenanceWindow: { type: 'string', minLength: 1 },
  },
  additionalProperties: false,
} as const;

export type CacheConfig = FromSchema<typeof cacheSchema>;
export type CacheMode = (typeof cacheModes)[number];
export type CacheEngine = (typeof cacheEngines)[number];

/** The options only one mode takes. */
export const modeOptions = {
  serverless: ['limits', 'dailySnapshotTime'],
  cluster: ['nodeType', 'replicas', 'multiAz', 'parameterGroup', 'maintenanceWindow'],
} as const satisfies Record<CacheMode, readonly (keyof CacheConfig)[]>;

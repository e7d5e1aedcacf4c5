// The schema of one table under `state.tables`. Written `as const`: TableConfig derives from it.
import type { FromSchema } from 'json-schema-to-ts';

const attributeName = { type: 'string', minLength: 1, maxLength: 255 } as const;

export const keyTypes = ['S', 'N', 'B'] as const;

/** `cartId` (a string attribute) or `{ name: cartId, type: S }`. */
export const keySchema = {
  anyOf: [
    attributeName,
    {
      type: 'object',
      properties: { name: attributeName, type: { enum: keyTypes } },
      required: ['name', 'type'],
      additionalProperties: false,
    },
  ],
} as const;

const capacitySchema = {
  type: 'object',
  properties: {
    read: { type: 'integer', minimum: 1 },
    write: { type: 'integer', minimum: 1 },
  },
  required: ['read', 'write'],
  additionalProperties: false,
} as const;

export const projections = ['all', 'keys-only'] as const;

export const indexSchema = {
  type: 'object',
  properties: {
    partitionKey: keySchema,
    sortKey: keySchema,
    /** A local secondary index: same partition key as the table, created with it. */
    local: { type: 'boolean' },
    projection: {
      anyOf: [
        { enum: projections },
        {
          type: 'object',
          properties: { include: { type: 'array', items: attributeName, minItems: 1, uniqueItems: true } },
          required: ['include'],
          additionalProperties: false,
        },
      ],
    },
    capacity: capacitySchema,
  },
  required: ['partitionKey'],
  additionalProperties: false,
} as const;

export const streamViews = ['keys-only', 'new', 'old', 'new-and-old'] as const;
export const billingModes = ['on-demand', 'provisioned'] as const;
export const tableClasses = ['standard', 'infrequent-access'] as const;

/** A key id or ARN is not enough: IAM grants on the key need its ARN. */
const kmsKeyArn = {
  anyOf: [{ type: 'string', pattern: '^arn:aws[a-zA-Z-]*:kms:' }, { type: 'object' }],
} as const;

export const tableSchema = {
  type: 'object',
  properties: {
    partitionKey: keySchema,
    sortKey: keySchema,
    indexes: {
      type: 'object',
      propertyNames: {
        pattern: '^[a-zA-Z0-9_.-]{3,255}$',
        description: "use 3 to 255 letters, digits, _, . or -, DynamoDB's rule for index names",
      },
      additionalProperties: indexSchema,
    },
    ttl: attributeName,
    stream: { enum: streamViews },
    pointInTimeRecovery: { type: 'boolean' },
    encryption: {
      type: 'object',
      properties: { kmsKey: kmsKeyArn },
      required: ['kmsKey'],
      additionalProperties: false,
    },
    billing: { enum: billingModes },
    capacity: capacitySchema,
    tableClass: { enum: tableClasses },
    deletionProtection: { type: 'boolean' },
    tags: { type: 'object', additionalProperties: { type: 'string' } },
  },
  required: ['partitionKey'],
  additionalProperties: false,
} as const;

export type TableConfig = FromSchema<typeof tableSchema>;
export type KeyConfig = FromSchema<typeof keySchema>;
export type IndexConfig = FromSchema<typeof indexSchema>;

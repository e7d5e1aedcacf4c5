// The schema of one table under `state.tables`. Written `as const`: TableConfig derives from it.
import type { FromSchema } from 'json-schema-to-ts';
import { tagsSchema } from '../../tags';

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

/**
 * DynamoDB's default quota of capacity units for one table or index (Service Quotas: "per
 * table"). The API takes any whole number from 1, but refuses more than the account's quota.
 */
export const maxCapacityUnits = 40_000;

const capacityUnits = { type: 'integer', minimum: 1, maximum: maxCapacityUnits } as const;

// read and write are required, but checked in the kind: the framework drops a key whose value
// is null (`.inf` and `.nan` reach a plugin as null) before validating, and would then call
// a value the user wrote "missing".
const capacitySchema = {
  type: 'object',
  properties: { read: capacityUnits, write: capacityUnits },
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

/**
 * A customer managed key, by the ARN of the key itself: IAM grants on a key need its ARN (an
 * alias or a key id grants nothing). Either the ARN as a string, or a CloudFormation intrinsic
 * that yields one.
 */
export const kmsKeyArnPattern = '^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$';
export const kmsKeyArn = {
  anyOf: [
    {
      type: 'string',
      pattern: kmsKeyArnPattern,
      description:
        'a key is named by the ARN of the key itself, arn:aws:kms:<region>:<account>:key/<key id>, since IAM cannot grant an alias or a key id',
    },
    {
      type: 'object',
      properties: {
        'Fn::GetAtt': {
          anyOf: [
            {
              type: 'array',
              items: [{ type: 'string' }, { const: 'Arn' }],
              minItems: 2,
              maxItems: 2,
            },
            { type: 'string', pattern: '\\.Arn$' },
          ],
        },
        Ref: { type: 'string' },
        'Fn::ImportValue': {},
        'Fn::Sub': {},
      },
      minProperties: 1,
      maxProperties: 1,
      additionalProperties: false,
      description:
        'an intrinsic function that yields the key ARN is one of Fn::GetAtt: [<key>, Arn], Ref, Fn::ImportValue or Fn::Sub, alone',
    },
  ],
} as const;

const templates = {
  type: 'array',
  items: {
    type: 'string',
    minLength: 1,
    description:
      'a key template is the cache key with ${attribute} for an attribute of the item, e.g. product:${productId}',
  },
  minItems: 1,
  uniqueItems: true,
} as const;

/**
 * One rule of `invalidates`: when an item of the table changes, the keys and tags its templates
 * make from the item's old and new images are deleted from `cache`.
 */
export const invalidationRuleSchema = {
  type: 'object',
  properties: {
    cache: { type: 'string', minLength: 1 },
    keys: templates,
    tags: templates,
  },
  required: ['cache'],
  additionalProperties: false,
} as const;

/** Who holds the key that encrypts a table at rest. */
export const encryptionKeys = ['aws-owned', 'aws-managed'] as const;

/**
 * A table's physical name, for a table that keeps the one it already has: DynamoDB's rule. Serverless
 * variables in it (`${self:service}-${sls:stage}`) are resolved before the plugin reads it.
 */
export const tableNameSchema = {
  type: 'string',
  pattern: '^[a-zA-Z0-9_.-]{3,255}$',
  description: "use 3 to 255 letters, digits, _, . or -, DynamoDB's rule for table names",
} as const;

/** A table's logical id, for a table that keeps the one it has in the stack: CloudFormation's rule. */
export const tableLogicalIdSchema = {
  type: 'string',
  pattern: '^[a-zA-Z0-9]{1,255}$',
  description: "use 1 to 255 letters and digits, CloudFormation's rule for logical ids",
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
    // A number is admitted here only so that the framework, which coerces types, does not turn
    // `ttl: 3600` into an attribute named "3600" (it would in a string branch tried first); the
    // kind refuses it with a message that says what ttl is.
    ttl: { anyOf: [{ type: 'number' }, attributeName] },
    stream: { enum: streamViews },
    pointInTimeRecovery: { type: 'boolean' },
    encryption: {
      anyOf: [
        { enum: encryptionKeys },
        {
          type: 'object',
          properties: { kmsKey: kmsKeyArn },
          required: ['kmsKey'],
          additionalProperties: false,
        },
      ],
    },
    billing: { enum: billingModes },
    capacity: capacitySchema,
    tableClass: { enum: tableClasses },
    deletionProtection: { type: 'boolean' },
    tags: tagsSchema('dynamodb'),
    invalidates: { type: 'array', items: invalidationRuleSchema, minItems: 1 },
    /** Keep an existing table's physical name instead of `<service>-<stage>-<name>`. */
    tableName: tableNameSchema,
    /** Keep an existing table's logical id instead of `StatefulTable<Name>`, so the stack updates it in place. */
    logicalId: tableLogicalIdSchema,
  },
  required: ['partitionKey'],
  additionalProperties: false,
} as const;

export type TableConfig = FromSchema<typeof tableSchema>;
export type KeyConfig = FromSchema<typeof keySchema>;
export type IndexConfig = FromSchema<typeof indexSchema>;
export type InvalidationRuleConfig = FromSchema<typeof invalidationRuleSchema>;
export type CapacityConfig = FromSchema<typeof capacitySchema>;

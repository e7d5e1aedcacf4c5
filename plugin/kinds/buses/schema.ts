// The schema of one bus under `state.buses`. Written `as const`: BusConfig derives from it.
import type { FromSchema } from 'json-schema-to-ts';
import { logicalName } from '../../naming';

const targetSchema = {
  type: 'object',
  properties: {
    function: { type: 'string' },
    workflow: { type: 'string' },
    inputPath: { type: 'string', minLength: 1, maxLength: 256 },
    inputTransformer: {
      type: 'object',
      properties: {
        inputPathsMap: {
          type: 'object',
          maxProperties: 100,
          propertyNames: {
            type: 'string',
            maxLength: 256,
            pattern: '^[A-Za-z0-9_-]+$',
            description: 'a variable of an input template is 1 to 256 letters, digits, _ and -',
          },
          additionalProperties: { type: 'string', maxLength: 256 },
        },
        inputTemplate: { type: 'string', minLength: 1, maxLength: 8192 },
      },
      required: ['inputTemplate'],
      additionalProperties: false,
    },
    retry: {
      type: 'object',
      properties: {
        maximumAttempts: { type: 'integer', minimum: 0, maximum: 185 },
        /** Seconds. */
        maximumEventAge: { type: 'integer', minimum: 60, maximum: 86400 },
      },
      additionalProperties: false,
    },
    deadLetterQueue: { type: 'boolean' },
  },
  oneOf: [{ required: ['function'] }, { required: ['workflow'] }],
  additionalProperties: false,
} as const;

export const ruleSchema = {
  type: 'object',
  properties: {
    pattern: { type: 'object' },
    description: { type: 'string', maxLength: 512 },
    enabled: { type: 'boolean' },
    targets: { type: 'array', items: targetSchema, minItems: 1, maxItems: 5 },
  },
  required: ['pattern', 'targets'],
  additionalProperties: false,
} as const;

/** How long a delivered event stays in the outbox table before DynamoDB's TTL removes it. */
export const outboxRetentionDays = { minimum: 1, maximum: 365, default: 1 } as const;

/**
 * `outbox: true` (or `{ retentionDays }`): the bus's publishers write their events into an outbox
 * table in the same transaction as their state, and a relay puts them on the bus (docs/outbox.md).
 * `false` is the same as leaving it out.
 */
export const outboxSchema = {
  anyOf: [
    { type: 'boolean' },
    {
      type: 'object',
      properties: {
        retentionDays: {
          type: 'integer',
          minimum: outboxRetentionDays.minimum,
          maximum: outboxRetentionDays.maximum,
        },
        /** What the alarm on the relay's dead-letter queue notifies (SNS topic ARNs, say). */
        alarmActions: { type: 'array', maxItems: 5 },
      },
      additionalProperties: false,
    },
  ],
} as const;

export const busSchema = {
  type: 'object',
  properties: {
    outbox: outboxSchema,
    archive: {
      type: 'object',
      // 0 keeps events for ever, as leaving retentionDays out does.
      properties: { retentionDays: { type: 'integer', minimum: 0 } },
      additionalProperties: false,
    },
    rules: {
      type: 'object',
      propertyNames: {
        pattern: logicalName.pattern,
        description: 'use letters and digits, starting with a letter, as it becomes part of logical ids',
      },
      additionalProperties: ruleSchema,
    },
  },
  additionalProperties: false,
} as const;

export type BusConfig = FromSchema<typeof busSchema>;
export type OutboxConfig = FromSchema<typeof outboxSchema>;
export type RuleConfig = FromSchema<typeof ruleSchema>;
export type TargetConfig = RuleConfig['targets'][number];

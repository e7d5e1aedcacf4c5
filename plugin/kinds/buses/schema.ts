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

export const busSchema = {
  type: 'object',
  properties: {
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
export type RuleConfig = FromSchema<typeof ruleSchema>;
export type TargetConfig = RuleConfig['targets'][number];

// The schema of one workflow under `state.workflows`. Written `as const`: WorkflowConfig derives
// from it.
import type { FromSchema } from 'json-schema-to-ts';
import { statementSchema } from '../../statement-schema';
import { tagsSchema } from '../../tags';

export const workflowTypes = ['standard', 'express'] as const;
export const logLevels = ['ALL', 'ERROR', 'FATAL', 'OFF'] as const;
/** The retention periods CloudWatch Logs accepts. */
export const retentionDays = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

export const workflowSchema = {
  type: 'object',
  properties: {
    type: { enum: workflowTypes },
    /** The state machine's physical name; `<service>-<stage>-<key>` when left out. */
    name: { type: 'string' },
    /** Amazon States Language, inline or from ${file(...)}; references resolve at package time. */
    definition: {
      type: 'object',
      properties: { StartAt: { type: 'string' }, States: { type: 'object' } },
      required: ['StartAt', 'States'],
    },
    logging: {
      type: 'object',
      properties: {
        level: { enum: logLevels },
        includeExecutionData: { type: 'boolean' },
        retentionDays: { enum: retentionDays },
      },
      additionalProperties: false,
    },
    tracing: { type: 'boolean' },
    /** What starts the workflow besides the functions that name it: schedules and HTTP API routes. */
    events: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          schedule: {
            anyOf: [
              { type: 'string' },
              {
                type: 'object',
                properties: {
                  rate: { type: 'string' },
                  enabled: { type: 'boolean' },
                  /** The execution's input: a JSON value, or a string sent as it is. */
                  input: {},
                  timezone: { type: 'string' },
                },
                required: ['rate'],
                additionalProperties: false,
              },
            ],
          },
          /** `POST /orders`, or { method, path }: a route of the service's HTTP API that starts a run. */
          httpApi: {
            anyOf: [
              { type: 'string' },
              {
                type: 'object',
                properties: { method: { type: 'string' }, path: { type: 'string' } },
                required: ['method', 'path'],
                additionalProperties: false,
              },
            ],
          },
        },
        minProperties: 1,
        maxProperties: 1,
        additionalProperties: false,
      },
    },
    /** Statements for tasks whose permissions cannot be inferred from the definition. */
    permissions: { type: 'array', items: statementSchema },
    tags: tagsSchema('states'),
  },
  required: ['definition'],
  additionalProperties: false,
} as const;

export type WorkflowConfig = FromSchema<typeof workflowSchema>;

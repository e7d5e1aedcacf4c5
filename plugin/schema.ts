// The JSON schemas of the `state:` blocks, assembled from the kinds. Serverless validates them
// through configSchemaHandler; the plugin validates them again to fail whatever the service's
// configValidationMode, with messages that list the valid options.
import { accessLevels } from './kinds/kind';
import { stateKinds } from './kinds';
import { logicalName } from './naming';
import { networkSchema } from './network/schema';
import { statementsSchema } from './statement-schema';
import type { JsonSchema } from './serverless';
import { durableSchema } from './functions/durable';

/** `state:` at the top level of serverless.yml. */
export const stateSchema = {
  type: 'object',
  properties: {
    ...Object.fromEntries(
      stateKinds.map((kind) => [
        kind.configKey,
        { type: 'object', propertyNames: logicalName, additionalProperties: kind.schema },
      ]),
    ),
    network: networkSchema,
    idempotency: { type: 'boolean' },
    ephemeralStages: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    local: {
      type: 'object',
      properties: {
        stages: { type: 'array', items: { type: 'string' } },
        redis: {
          type: 'string',
          pattern: '^rediss?://',
          description: 'write a Redis URL, redis://host:port or rediss://host:port',
        },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

/** `state:` inside a function: resource name → access level. */
export const functionStateSchema = {
  type: 'object',
  propertyNames: logicalName,
  additionalProperties: { enum: accessLevels },
} as const;

/**
 * `permissions:` inside a function: IAM statements for its own role, beyond what its `state:`
 * block grants (a Comprehend call, an S3 bucket the service does not declare).
 */
export const functionPermissionsSchema = statementsSchema;

/** `durable:` inside a function: it runs as a durable function (docs/durable.md). */
export const functionDurableSchema = durableSchema;

const jsonType = (value: unknown) =>
  Number.isInteger(value) ? 'integer' : value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/**
 * The schema as given to Serverless' configSchemaHandler. Serverless reports a bad property name
 * against the object holding it without naming the key, and an enum of numbers without its
 * values; those two checks are left to the plugin's own validation, which runs in every
 * configValidationMode and whose messages name the key and list the values.
 */
export function frameworkSchema(schema: JsonSchema): JsonSchema {
  const transform = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(transform);
    if (typeof value !== 'object' || value === null) return value;
    const entries = Object.entries(value).filter(([key]) => key !== 'propertyNames');
    const result: Record<string, unknown> = Object.fromEntries(entries.map(([key, inner]) => [key, transform(inner)]));
    const values = result.enum;
    if (Array.isArray(values) && !values.every((item) => typeof item === 'string')) {
      delete result.enum;
      const types = [...new Set(values.map(jsonType))];
      result.type ??= types.length === 1 ? types[0] : types;
    }
    return result;
  };
  return transform(schema) as JsonSchema;
}

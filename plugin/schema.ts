// The JSON schemas of the `state:` blocks, assembled from the kinds. Serverless validates them
// through configSchemaHandler; the plugin validates them again to fail whatever the service's
// configValidationMode, with messages that list the valid options.
import { accessLevels } from './kinds/kind';
import { stateKinds } from './kinds';

/** Resource names become parts of environment variable names and logical ids. */
export const resourceNamePattern = '^[a-zA-Z][a-zA-Z0-9]*$';

/** `state:` at the top level of serverless.yml. */
export const stateSchema = {
  type: 'object',
  properties: {
    ...Object.fromEntries(
      stateKinds.map((kind) => [
        kind.configKey,
        { type: 'object', propertyNames: { pattern: resourceNamePattern }, additionalProperties: kind.schema },
      ]),
    ),
    // The kinds still to come keep their place in the language.
    caches: { type: 'object', propertyNames: { pattern: resourceNamePattern } },
    idempotency: { type: 'boolean' },
    ephemeralStages: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    local: {
      type: 'object',
      properties: {
        stages: { type: 'array', items: { type: 'string' } },
        redis: { type: 'string', pattern: '^rediss?://' },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

/** `state:` inside a function: resource name → access level. */
export const functionStateSchema = {
  type: 'object',
  propertyNames: { pattern: resourceNamePattern },
  additionalProperties: { enum: accessLevels },
} as const;

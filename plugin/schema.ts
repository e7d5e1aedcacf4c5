// JSON schemas for the `state:` blocks, written `as const` so the config types derive from them.
// Each kind of state will own its schema in its own module; this file only assembles them.

/** What a function may do with a resource it names in its `state:` block. */
export const accessLevels = ['read', 'write', 'readwrite', 'publish', 'start'] as const;
export type AccessLevel = (typeof accessLevels)[number];

const resourceName = '^[a-zA-Z][a-zA-Z0-9]*$';

/** `state:` at the top level of serverless.yml. */
export const stateSchema = {
  type: 'object',
  properties: {
    tables: { type: 'object', propertyNames: { pattern: resourceName } },
    caches: { type: 'object', propertyNames: { pattern: resourceName } },
    workflows: { type: 'object', propertyNames: { pattern: resourceName } },
    buses: { type: 'object', propertyNames: { pattern: resourceName } },
    idempotency: { type: 'boolean' },
    ephemeralStages: { type: 'array', items: { type: 'string' } },
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
  propertyNames: { pattern: resourceName },
  additionalProperties: { enum: accessLevels },
} as const;

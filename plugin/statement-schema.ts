// The schema of an IAM statement the user writes into a role the plugin builds: a workflow's
// `permissions:` and a function's. Written `as const`: the configurations' types derive from it.

export const statementSchema = {
  type: 'object',
  properties: {
    Effect: { enum: ['Allow', 'Deny'] },
    Action: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }] },
    Resource: {},
    Condition: { type: 'object' },
  },
  required: ['Effect', 'Action', 'Resource'],
  additionalProperties: false,
} as const;

/** A list of statements, as `permissions:` takes them. */
export const statementsSchema = { type: 'array', items: statementSchema } as const;

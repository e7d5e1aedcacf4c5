// `state.network`: the VPC networked resources and the functions that use them run in.
import type { FromSchema } from 'json-schema-to-ts';

// A subnet or security group id, or a value Serverless resolves to one (${cf:...}, ${ssm:...}).
const resourceId = { type: 'string', minLength: 1 } as const;

export const networkSchema = {
  type: 'object',
  properties: {
    vpc: {
      type: 'object',
      properties: {
        subnetIds: { type: 'array', items: resourceId, minItems: 1, uniqueItems: true },
        securityGroupIds: { type: 'array', items: resourceId, minItems: 1, uniqueItems: true },
      },
      required: ['subnetIds', 'securityGroupIds'],
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

export type NetworkConfig = FromSchema<typeof networkSchema>;

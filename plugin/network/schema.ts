// `state.network`: the VPC networked resources (caches) and the functions that use them run in.
// Either an existing VPC (`vpc`), or options for the one the plugin generates.
import type { FromSchema } from 'json-schema-to-ts';
import { awsServices } from '../kinds/kind';

// EC2's ids, checked as CloudFormation would check them at deploy. Serverless resolves ${cf:...}
// and ${ssm:...} before the plugin reads them.
const ec2Id = <Prefix extends string>(prefix: Prefix) =>
  ({
    type: 'string',
    pattern: `^${prefix}-([0-9a-f]{8}|[0-9a-f]{17})$`,
    description: `write an id such as ${prefix}-0123456789abcdef0`,
  }) as const;

/** How many private subnets, each in its own Availability Zone, a generated network has. */
export const zoneCounts = [2, 3] as const;

export const networkSchema = {
  type: 'object',
  properties: {
    vpc: {
      type: 'object',
      properties: {
        /** The existing VPC; with it, the plugin creates the security group of the caches in it. */
        vpcId: ec2Id('vpc'),
        subnetIds: { type: 'array', items: ec2Id('subnet'), minItems: 1, uniqueItems: true },
        /** The groups the functions that use a cache carry. */
        securityGroupIds: { type: 'array', items: ec2Id('sg'), minItems: 1, uniqueItems: true },
      },
      required: ['subnetIds', 'securityGroupIds'],
      additionalProperties: false,
    },
    /** The generated VPC's address range, an IPv4 CIDR block from /16 to /24. */
    cidr: {
      type: 'string',
      pattern: '^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}/\\d{1,2}$',
      description: 'write an IPv4 CIDR block such as 10.0.0.0/16',
    },
    /** How many Availability Zones the generated VPC's private subnets span. */
    availabilityZones: { enum: zoneCounts },
    /**
     * Interface endpoints for AWS APIs the functions in the generated VPC call beyond their state
     * (the plugin adds those of their state itself): "sqs", "s3", "kms", ...
     */
    endpoints: {
      type: 'array',
      items: { type: 'string', pattern: '^[a-z0-9][a-z0-9.-]*$', description: 'write a service name such as sqs' },
      uniqueItems: true,
    },
  },
  additionalProperties: false,
} as const;

export type NetworkConfig = FromSchema<typeof networkSchema>;

/** The services whose endpoint is a free gateway on the route table rather than an interface. */
export const gatewayServices: readonly string[] = ['dynamodb', 's3'];

export { awsServices };

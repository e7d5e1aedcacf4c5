// The generated network passes the pinned cfn-lint: every variant of it (two and three zones,
// gateway and interface endpoints, an existing VPC's caches group).
import { cfnLintErrors } from '../support/cfn-lint';
import type { Template } from '../support/package-service';
import { compile, model } from '../support/network-model';

const uses = { getProduct: { catalog: 'read', carts: 'read' } } as const;

it.each([
  ['two zones and the DynamoDB gateway', model(undefined, uses)],
  [
    'three zones, token auth and an extra interface endpoint',
    model({ availabilityZones: 3, endpoints: ['sqs'] }, uses, { catalog: { auth: 'token' } }),
  ],
  [
    'an existing VPC with its id',
    model(
      {
        vpc: {
          vpcId: 'vpc-0123456789abcdef0',
          subnetIds: ['subnet-0123456789abcdef1'],
          securityGroupIds: ['sg-0123456789abcdef1'],
        },
      },
      uses,
    ),
  ],
])('%s', async (_name, service) => {
  await expect(cfnLintErrors({ Resources: compile(service).resources } as Template)).resolves.toEqual([]);
});

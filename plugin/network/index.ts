// The service's network: where networked resources (caches) and the functions that use them run.
// `state.network.vpc` names an existing VPC's subnets and security groups; without it, the
// plugin generates a private network for the service.
import type { CfnValue } from '../cloudformation';
import { StatefulConfigError } from '../errors';
import type { NetworkPlacement } from '../kinds/kind';
import type { NetworkConfig } from './schema';

/** The placement `config` gives; read only by kinds with networked resources. */
export function networkPlacement(config: NetworkConfig | undefined): NetworkPlacement {
  const vpc = config?.vpc;
  if (!vpc) {
    throw new StatefulConfigError(
      'STATE_CONFIG_INVALID',
      'state.network.vpc: a cache needs a network; give the subnets and security groups of an existing VPC.',
    );
  }
  return {
    subnetIds: vpc.subnetIds as CfnValue,
    resourceSecurityGroupIds: vpc.securityGroupIds as CfnValue,
  };
}

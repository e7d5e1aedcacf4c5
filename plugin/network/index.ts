// The service's network: where networked resources (caches) and the functions that use them run.
// `state.network.vpc` names an existing VPC's subnets and security groups; without it, the
// plugin generates a private network (generated.ts). Only functions that use a networked resource
// are placed in it: every other function keeps its cold start and its way to the internet.
import { ref, type CfnValue } from '../cloudformation';
import { StatefulConfigError, listOf } from '../errors';
import type { CompileContext, CompiledResource, NetworkPlacement } from '../kinds/kind';
import type { StateModel, StateResource } from '../state-model';
import { generatedNetwork, generatedSubnetIds, networkLogicalIds, noEgress, zoneCount } from './generated';
import { subnetCidrs } from './subnets';
import type { NetworkConfig } from './schema';

/** A Lambda function's VpcConfig. */
export interface FunctionVpcConfig {
  readonly SubnetIds: CfnValue;
  readonly SecurityGroupIds: CfnValue;
}

export interface CompiledNetwork {
  readonly resources: readonly CompiledResource[];
  /** The VpcConfig of each function placed in the network, by function name. */
  readonly placements: ReadonlyMap<string, FunctionVpcConfig>;
}

const generatedOnly = ['cidr', 'availabilityZones', 'endpoints'] as const;

/** Refuses what state.network says that cannot be built, whether or not a cache needs it yet. */
function checkOptions(config: NetworkConfig | undefined): void {
  if (config?.cidr !== undefined) subnetCidrs(config.cidr, zoneCount(config));
  if (!config?.vpc) return;
  const given = generatedOnly.filter((option) => config[option] !== undefined);
  if (given.length > 0) {
    throw new StatefulConfigError(
      'STATE_NETWORK_CONFLICT',
      `state.network: ${listOf(
        given.map((option) => `state.network.${option}`),
        'and',
      )} ${given.length === 1 ? 'is an option' : 'are options'} of the VPC the plugin generates, and state.network.vpc names an existing one instead. Remove one or the other.`,
    );
  }
}

/** Where networked resources go: the existing VPC's subnets, or the generated ones. */
export function networkPlacement(config: NetworkConfig | undefined): NetworkPlacement {
  checkOptions(config);
  const vpc = config?.vpc;
  if (!vpc) {
    return {
      subnetIds: generatedSubnetIds(config),
      resourceSecurityGroupIds: [ref(networkLogicalIds.resourcesSecurityGroup)],
    };
  }
  return {
    subnetIds: [...vpc.subnetIds],
    // With the VPC's id the plugin makes the caches' own group; without it, the caches carry the
    // groups given, whose rules are the user's to write.
    resourceSecurityGroupIds:
      vpc.vpcId !== undefined ? [ref(networkLogicalIds.resourcesSecurityGroup)] : [...vpc.securityGroupIds],
  };
}

/** The ports `resource` listens on inside the network; none for a resource reached through an AWS API. */
function portsOf(resource: StateResource, context: CompileContext): readonly number[] {
  return resource.kind.reach(resource.name, resource.config, context).ports ?? [];
}

/** The network's resources, and the placement of the functions that use a networked resource. */
export function compileNetwork(model: StateModel, context: CompileContext): CompiledNetwork {
  const config = model.config.network;
  checkOptions(config);
  const ports = [...new Set([...model.resources.values()].flatMap((resource) => portsOf(resource, context)))].sort(
    (a, b) => a - b,
  );
  if (ports.length === 0) return { resources: [], placements: new Map() };

  const placed = new Set(
    model.uses.filter((use) => portsOf(use.resource, context).length > 0).map((use) => use.functionName),
  );
  const services = new Set<string>(config?.endpoints ?? []);
  for (const use of model.uses) {
    if (!placed.has(use.functionName)) continue;
    for (const service of use.resource.kind.reach(use.resource.name, use.resource.config, context).awsServices) {
      services.add(service);
    }
  }

  const name = `${context.service}-${context.stage}`;
  const vpc = config?.vpc;
  const placement = networkPlacement(config);
  const functionGroups: CfnValue = vpc ? [...vpc.securityGroupIds] : [ref(networkLogicalIds.functionsSecurityGroup)];
  const placements = new Map<string, FunctionVpcConfig>(
    [...placed].map((functionName) => [
      functionName,
      { SubnetIds: placement.subnetIds, SecurityGroupIds: functionGroups },
    ]),
  );

  if (!vpc) {
    return { resources: generatedNetwork({ config, name, ports, services: [...services].sort() }), placements };
  }
  if (vpc.vpcId === undefined) return { resources: [], placements };
  // An existing VPC: its endpoints and routes are the user's; the caches' group admits their
  // ports from the functions' groups only.
  const resourcesGroup: CompiledResource = {
    logicalId: networkLogicalIds.resourcesSecurityGroup,
    source: 'state.network.vpc',
    resource: {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: `${name}: caches, reached from the functions that use them only`,
        VpcId: vpc.vpcId,
        SecurityGroupIngress: vpc.securityGroupIds.flatMap((group) =>
          ports.map((port) => ({
            IpProtocol: 'tcp',
            FromPort: port,
            ToPort: port,
            SourceSecurityGroupId: group,
            Description: 'Functions that use a cache',
          })),
        ),
        SecurityGroupEgress: noEgress,
        Tags: [{ Key: 'Name', Value: `${name}-caches` }],
      },
    },
  };
  return { resources: [resourcesGroup], placements };
}

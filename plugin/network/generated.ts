// The private network the plugin generates when `state.network.vpc` names none: a VPC with
// private subnets in two or three Availability Zones and no route to the internet, a security
// group per role (functions, networked resources, interface endpoints), and an endpoint for each
// AWS API the functions inside call.
import { ref, sub, type CfnResource } from '../cloudformation';
import type { CompiledResource } from '../kinds/kind';
import { gatewayServices, type NetworkConfig } from './schema';
import { defaultCidr, subnetCidrs } from './subnets';

export const networkLogicalIds = {
  vpc: 'StatefulNetworkVpc',
  routeTable: 'StatefulNetworkRouteTable',
  functionsSecurityGroup: 'StatefulNetworkFunctionsSecurityGroup',
  resourcesSecurityGroup: 'StatefulNetworkResourcesSecurityGroup',
  endpointsSecurityGroup: 'StatefulNetworkEndpointsSecurityGroup',
  subnet: (index: number) => `StatefulNetworkSubnet${zoneLetter(index)}`,
  association: (index: number) => `StatefulNetworkSubnet${zoneLetter(index)}RouteTableAssociation`,
  endpoint: (service: string) =>
    `StatefulNetworkEndpoint${service
      .split(/[^a-z0-9]+/)
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join('')}`,
} as const;

const zoneLetter = (index: number) => String.fromCharCode(65 + index);

export const zoneCount = (config: NetworkConfig | undefined) => config?.availabilityZones ?? 2;

/** The refs of the generated private subnets. */
export const generatedSubnetIds = (config: NetworkConfig | undefined) =>
  Array.from({ length: zoneCount(config) }, (_, index) => ref(networkLogicalIds.subnet(index)));

// A group with no egress rule would allow all egress: this one rule matches nothing (CDK's idiom
// for a group that initiates no connection).
export const noEgress = [
  { IpProtocol: 'icmp', FromPort: 252, ToPort: 86, CidrIp: '255.255.255.255/32', Description: 'No egress' },
];
const https = 443;

export interface GeneratedNetworkInput {
  readonly config: NetworkConfig | undefined;
  /** `<service>-<stage>`, for Name tags. */
  readonly name: string;
  /** The ports networked resources listen on. */
  readonly ports: readonly number[];
  /** The AWS APIs the functions in the network call. */
  readonly services: readonly string[];
}

export function generatedNetwork(input: GeneratedNetworkInput): CompiledResource[] {
  const { config, name, ports } = input;
  const cidr = config?.cidr ?? defaultCidr;
  const ids = networkLogicalIds;
  const vpc = ref(ids.vpc);
  const tags = (suffix: string) => [{ Key: 'Name', Value: `${name}-${suffix}` }];
  const resources: CompiledResource[] = [];
  const add = (logicalId: string, resource: CfnResource) =>
    resources.push({ logicalId, resource, source: 'state.network' });

  // DNS support and hostnames: interface endpoints answer under the services' own names.
  add(ids.vpc, {
    Type: 'AWS::EC2::VPC',
    Properties: { CidrBlock: cidr, EnableDnsSupport: true, EnableDnsHostnames: true, Tags: tags('state') },
  });
  add(ids.routeTable, { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: vpc, Tags: tags('private') } });
  subnetCidrs(cidr, zoneCount(config)).forEach((subnetCidr, index) => {
    add(ids.subnet(index), {
      Type: 'AWS::EC2::Subnet',
      Properties: {
        VpcId: vpc,
        CidrBlock: subnetCidr,
        AvailabilityZone: { 'Fn::Select': [index, { 'Fn::GetAZs': '' }] },
        MapPublicIpOnLaunch: false,
        Tags: tags(`private-${zoneLetter(index).toLowerCase()}`),
      },
    });
    add(ids.association(index), {
      Type: 'AWS::EC2::SubnetRouteTableAssociation',
      Properties: { SubnetId: ref(ids.subnet(index)), RouteTableId: ref(ids.routeTable) },
    });
  });

  const gateways = input.services.filter((service) => gatewayServices.includes(service));
  const interfaces = input.services.filter((service) => !gatewayServices.includes(service));
  // Functions reach the networked resources inside the VPC, and AWS APIs over HTTPS: interface
  // endpoints are in the VPC; a gateway endpoint's addresses are the service's public ones, which
  // only its route leads to (there is no other way out of this VPC).
  add(ids.functionsSecurityGroup, {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: {
      GroupDescription: `${name}: functions that use a cache`,
      VpcId: vpc,
      SecurityGroupEgress: [
        ...ports.map((port) => ({
          IpProtocol: 'tcp',
          FromPort: port,
          ToPort: port,
          CidrIp: cidr,
          Description: 'Caches',
        })),
        ...(gateways.length > 0
          ? [{ IpProtocol: 'tcp', FromPort: https, ToPort: https, CidrIp: '0.0.0.0/0', Description: 'AWS APIs' }]
          : interfaces.length > 0
            ? [{ IpProtocol: 'tcp', FromPort: https, ToPort: https, CidrIp: cidr, Description: 'AWS APIs' }]
            : []),
      ],
      Tags: tags('functions'),
    },
  });
  add(ids.resourcesSecurityGroup, {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: {
      GroupDescription: `${name}: caches, reached from the functions that use them only`,
      VpcId: vpc,
      SecurityGroupIngress: ports.map((port) => ({
        IpProtocol: 'tcp',
        FromPort: port,
        ToPort: port,
        SourceSecurityGroupId: ref(ids.functionsSecurityGroup),
        Description: 'Functions that use a cache',
      })),
      SecurityGroupEgress: noEgress,
      Tags: tags('caches'),
    },
  });

  for (const service of gateways) {
    add(ids.endpoint(service), {
      Type: 'AWS::EC2::VPCEndpoint',
      Properties: {
        VpcId: vpc,
        ServiceName: sub(`com.amazonaws.\${AWS::Region}.${service}`),
        VpcEndpointType: 'Gateway',
        RouteTableIds: [ref(ids.routeTable)],
      },
    });
  }
  if (interfaces.length > 0) {
    add(ids.endpointsSecurityGroup, {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: `${name}: AWS API endpoints, reached from the functions in this VPC only`,
        VpcId: vpc,
        SecurityGroupIngress: [
          {
            IpProtocol: 'tcp',
            FromPort: https,
            ToPort: https,
            SourceSecurityGroupId: ref(ids.functionsSecurityGroup),
            Description: 'Functions that use a cache',
          },
        ],
        SecurityGroupEgress: noEgress,
        Tags: tags('endpoints'),
      },
    });
  }
  for (const service of interfaces) {
    add(ids.endpoint(service), {
      Type: 'AWS::EC2::VPCEndpoint',
      Properties: {
        VpcId: vpc,
        ServiceName: sub(`com.amazonaws.\${AWS::Region}.${service}`),
        VpcEndpointType: 'Interface',
        PrivateDnsEnabled: true,
        SubnetIds: generatedSubnetIds(config),
        SecurityGroupIds: [ref(ids.endpointsSecurityGroup)],
      },
    });
  }
  return resources;
}

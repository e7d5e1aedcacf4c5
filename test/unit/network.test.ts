// The service's network: which functions go in it, what it is made of, and what is refused. A
// stand-in kind with a port plays the cache here; the cache kind's own tests compile real ones.
import type { CfnResource } from '../../plugin/cloudformation';
import { StatefulConfigError } from '../../plugin/errors';
import { networkPlacement } from '../../plugin/network';
import { subnetCidrs } from '../../plugin/network/subnets';
import { refusal } from '../support/compile-state';
import { compile, model } from '../support/network-model';

const ofType = (resources: Record<string, CfnResource>, type: string) =>
  Object.entries(resources).filter(([, resource]) => resource.Type === type);

describe('the generated network', () => {
  const uses = { getProduct: { catalog: 'read', carts: 'read' }, addItem: { carts: 'readwrite' } } as const;

  it('places only the functions that use a cache, in the private subnets with the functions group', () => {
    const { placements } = compile(model(undefined, uses));
    expect([...placements.keys()]).toEqual(['getProduct']);
    expect(placements.get('getProduct')).toEqual({
      SubnetIds: [{ Ref: 'StatefulNetworkSubnetA' }, { Ref: 'StatefulNetworkSubnetB' }],
      SecurityGroupIds: [{ Ref: 'StatefulNetworkFunctionsSecurityGroup' }],
    });
  });

  it('is a VPC with private subnets in distinct zones, one route table, and no way to the internet', () => {
    const { resources } = compile(model({ availabilityZones: 3 }, uses));
    expect(resources.StatefulNetworkVpc?.Properties).toMatchObject({
      CidrBlock: '10.0.0.0/16',
      EnableDnsSupport: true,
      EnableDnsHostnames: true,
    });
    const subnets = ofType(resources, 'AWS::EC2::Subnet').map(([, subnet]) => subnet.Properties);
    expect(subnets.map((subnet) => subnet?.CidrBlock)).toEqual(['10.0.0.0/18', '10.0.64.0/18', '10.0.128.0/18']);
    expect(subnets.map((subnet) => subnet?.AvailabilityZone)).toEqual(
      [0, 1, 2].map((index) => ({ 'Fn::Select': [index, { 'Fn::GetAZs': '' }] })),
    );
    expect(ofType(resources, 'AWS::EC2::SubnetRouteTableAssociation')).toHaveLength(3);
    for (const type of ['AWS::EC2::InternetGateway', 'AWS::EC2::NatGateway', 'AWS::EC2::Route']) {
      expect(ofType(resources, type)).toEqual([]);
    }
  });

  it('admits the cache port from the functions group only, and nothing from 0.0.0.0/0', () => {
    const { resources } = compile(model(undefined, uses));
    expect(resources.StatefulNetworkResourcesSecurityGroup?.Properties?.SecurityGroupIngress).toEqual([
      expect.objectContaining({
        IpProtocol: 'tcp',
        FromPort: 6379,
        ToPort: 6379,
        SourceSecurityGroupId: { Ref: 'StatefulNetworkFunctionsSecurityGroup' },
      }),
    ]);
    for (const [, group] of ofType(resources, 'AWS::EC2::SecurityGroup')) {
      const ingress = (group.Properties?.SecurityGroupIngress ?? []) as { CidrIp?: string }[];
      expect(ingress.filter((rule) => rule.CidrIp !== undefined)).toEqual([]);
    }
  });

  it('adds the free DynamoDB gateway for a function that also uses a table, and no interface endpoint', () => {
    const { resources } = compile(model(undefined, uses));
    const endpoints = ofType(resources, 'AWS::EC2::VPCEndpoint');
    expect(endpoints.map(([id, endpoint]) => [id, endpoint.Properties?.VpcEndpointType])).toEqual([
      ['StatefulNetworkEndpointDynamodb', 'Gateway'],
    ]);
    expect(resources.StatefulNetworkEndpointDynamodb?.Properties).toMatchObject({
      ServiceName: { 'Fn::Sub': 'com.amazonaws.${AWS::Region}.dynamodb' },
      RouteTableIds: [{ Ref: 'StatefulNetworkRouteTable' }],
    });
    expect(resources.StatefulNetworkEndpointsSecurityGroup).toBeUndefined();
  });

  it('adds no endpoint when the functions in the VPC call no AWS API', () => {
    const { resources } = compile(model(undefined, { getProduct: { catalog: 'read' }, addItem: { carts: 'write' } }));
    expect(ofType(resources, 'AWS::EC2::VPCEndpoint')).toEqual([]);
  });

  it('adds an interface endpoint, reached from the functions only, for token auth and for endpoints asked for', () => {
    const { resources } = compile(
      model({ endpoints: ['sqs'] }, { getProduct: { catalog: 'read' } }, { catalog: { auth: 'token' } }),
    );
    expect(
      ofType(resources, 'AWS::EC2::VPCEndpoint').map(([id, endpoint]) => [id, endpoint.Properties?.VpcEndpointType]),
    ).toEqual([
      ['StatefulNetworkEndpointSecretsmanager', 'Interface'],
      ['StatefulNetworkEndpointSqs', 'Interface'],
    ]);
    expect(resources.StatefulNetworkEndpointSqs?.Properties).toMatchObject({
      PrivateDnsEnabled: true,
      SubnetIds: [{ Ref: 'StatefulNetworkSubnetA' }, { Ref: 'StatefulNetworkSubnetB' }],
      SecurityGroupIds: [{ Ref: 'StatefulNetworkEndpointsSecurityGroup' }],
    });
    expect(resources.StatefulNetworkEndpointsSecurityGroup?.Properties?.SecurityGroupIngress).toEqual([
      expect.objectContaining({
        FromPort: 443,
        SourceSecurityGroupId: { Ref: 'StatefulNetworkFunctionsSecurityGroup' },
      }),
    ]);
  });

  it('generates nothing when no resource needs a network', () => {
    const withoutCache = model(undefined, { addItem: { carts: 'write' } }, {});
    expect(compile(withoutCache)).toEqual({ resources: {}, placements: new Map() });
  });

  it('splits the block given into four, using two or three', () => {
    expect(subnetCidrs('10.20.0.0/16', 2)).toEqual(['10.20.0.0/18', '10.20.64.0/18']);
    expect(subnetCidrs('192.168.4.0/22', 3)).toEqual(['192.168.4.0/24', '192.168.5.0/24', '192.168.6.0/24']);
  });

  it.each([
    ['10.0.0.0/8', 'has the prefix /8; use /16 to /24'],
    ['10.0.0.0/25', 'has the prefix /25; use /16 to /24'],
    ['10.0.1.0/16', 'has bits set after its prefix; the block it lies in is 10.0.0.0/16'],
    ['10.300.0.0/16', 'is not an IPv4 CIDR block'],
  ])('refuses the block %s, saying why', (cidr, problem) => {
    const error = (() => {
      try {
        compile(model({ cidr }, uses));
      } catch (caught) {
        return caught as StatefulConfigError;
      }
      throw new Error('accepted');
    })();
    expect(error.code).toBe('STATE_NETWORK_CIDR_INVALID');
    expect(error.message).toContain(`state.network.cidr: "${cidr}" ${problem}`);
  });
});

describe('an existing VPC', () => {
  const vpc = {
    subnetIds: ['subnet-0123456789abcdef1', 'subnet-0123456789abcdef2'],
    securityGroupIds: ['sg-0123456789abcdef0'],
  };
  const uses = { getProduct: { catalog: 'read' } } as const;

  it('puts the functions that use a cache in its subnets with its groups, and the cache in them too without a VPC id', () => {
    const { resources, placements } = compile(model({ vpc }, uses));
    expect(resources).toEqual({});
    expect(placements.get('getProduct')).toEqual({
      SubnetIds: ['subnet-0123456789abcdef1', 'subnet-0123456789abcdef2'],
      SecurityGroupIds: ['sg-0123456789abcdef0'],
    });
    expect(networkPlacement({ vpc })).toEqual({
      subnetIds: ['subnet-0123456789abcdef1', 'subnet-0123456789abcdef2'],
      resourceSecurityGroupIds: ['sg-0123456789abcdef0'],
    });
  });

  it('with its id, gives the caches their own group admitting the port from the functions groups', () => {
    const { resources } = compile(model({ vpc: { ...vpc, vpcId: 'vpc-0123456789abcdef0' } }, uses));
    expect(Object.keys(resources)).toEqual(['StatefulNetworkResourcesSecurityGroup']);
    expect(resources.StatefulNetworkResourcesSecurityGroup?.Properties).toMatchObject({
      VpcId: 'vpc-0123456789abcdef0',
      SecurityGroupIngress: [
        expect.objectContaining({ FromPort: 6379, SourceSecurityGroupId: 'sg-0123456789abcdef0' }),
      ],
    });
    expect(networkPlacement({ vpc: { ...vpc, vpcId: 'vpc-0123456789abcdef0' } }).resourceSecurityGroupIds).toEqual([
      { Ref: 'StatefulNetworkResourcesSecurityGroup' },
    ]);
  });

  it('refuses options of the generated network beside it', () => {
    const refused = (() => {
      try {
        networkPlacement({ vpc, cidr: '10.0.0.0/16', endpoints: ['sqs'] });
      } catch (error) {
        return error as StatefulConfigError;
      }
      throw new Error('accepted');
    })();
    expect(refused.code).toBe('STATE_NETWORK_CONFLICT');
    expect(refused.message).toContain(
      'state.network: state.network.cidr and state.network.endpoints are options of the VPC the plugin generates',
    );
  });
});

describe('state.network as written', () => {
  it('refuses an id that is not one, naming where and the form expected', () => {
    expect(
      refusal({ network: { vpc: { subnetIds: ['subnet-x'], securityGroupIds: ['sg-0123456789abcdef0'] } } }),
    ).toEqual({
      code: 'STATE_CONFIG_INVALID',
      message: expect.stringMatching(
        /state\.network\.vpc\.subnetIds\.0: "subnet-x" is not valid: write an id such as subnet-0123456789abcdef0/,
      ),
    });
  });

  it('refuses a zone count other than 2 or 3', () => {
    expect(refusal({ network: { availabilityZones: 4 } })).toEqual({
      code: 'STATE_CONFIG_INVALID',
      message: expect.stringMatching(/state\.network\.availabilityZones.*2 or 3/),
    });
  });
});

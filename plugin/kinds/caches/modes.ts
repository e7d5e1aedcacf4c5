// The cache itself, by mode: an ElastiCache Serverless cache, or a replication group with cluster
// mode disabled (one primary and its replicas) in a subnet group of its own. Encryption in
// transit and at rest is always on; a local stage gets a replication group without TLS, which is
// what the emulator runs.
import { getAtt, ref, type CfnResource, type CfnValue } from '../../cloudformation';
import type { CompileContext, CompiledResource } from '../kind';
import { cacheLogicalId, userGroupLogicalId } from './auth';
import { cacheId } from './names';
import { multiAzOf, replicasOf } from './options';
import type { CacheConfig, CacheMode } from './schema';
import type { EngineVersion } from './versions';

/** Where a cache listens: serverless caches also serve reads from replicas on 6380. */
export const cachePorts = { serverless: [6379, 6380], cluster: [6379] } as const;
const port = 6379;
export const defaultNodeType = 'cache.t4g.micro';

const subnetGroupLogicalId = (name: string) => cacheLogicalId(name) + 'Subnets';

/** The endpoint's address and port, as GetAtts of the cache's resource. */
export function endpointOf(name: string, mode: CacheMode): { address: CfnValue; port: CfnValue } {
  const attribute = mode === 'serverless' ? 'Endpoint' : 'PrimaryEndPoint';
  return {
    address: getAtt(cacheLogicalId(name), `${attribute}.Address`),
    port: getAtt(cacheLogicalId(name), `${attribute}.Port`),
  };
}

export interface CacheInput {
  readonly name: string;
  readonly config: CacheConfig;
  readonly context: CompileContext;
  readonly engine: EngineVersion;
  /** DeletionPolicy and UpdateReplacePolicy. */
  readonly common: Partial<CfnResource>;
  readonly tags: CfnValue | undefined;
}

const kmsKeyOf = (config: CacheConfig) =>
  config.encryption === undefined ? {} : { KmsKeyId: config.encryption.kmsKey as CfnValue };

const description = (input: CacheInput) =>
  `Cache ${input.name} of ${input.context.service} (${input.context.stage}), by serverless-stateful`;

/** A usage limit's Minimum and Maximum, as given. */
const range = ({ min, max }: { min?: number; max?: number }) => ({
  ...(min === undefined ? {} : { Minimum: min }),
  ...(max === undefined ? {} : { Maximum: max }),
});

export function serverlessCache(input: CacheInput): CompiledResource[] {
  const { name, config, context, engine, common, tags } = input;
  const network = context.network();
  const { ecpu, storage } = config.limits ?? {};
  const limits: Record<string, unknown> = {};
  if (ecpu) limits.ECPUPerSecond = range(ecpu);
  if (storage) limits.DataStorage = { ...range(storage), Unit: 'GB' };
  const properties: Record<string, unknown> = {
    ServerlessCacheName: cacheId(context, name),
    Description: description(input),
    Engine: engine.engine,
    MajorEngineVersion: engine.version,
    SubnetIds: network.subnetIds,
    SecurityGroupIds: network.resourceSecurityGroupIds,
    // Serverless caches always encrypt in transit and at rest; a customer key is optional.
    ...kmsKeyOf(config),
    UserGroupId: ref(userGroupLogicalId(name)),
  };
  if (Object.keys(limits).length > 0) properties.CacheUsageLimits = limits;
  if (config.snapshotRetention !== undefined) properties.SnapshotRetentionLimit = config.snapshotRetention;
  if (config.dailySnapshotTime !== undefined) properties.DailySnapshotTime = config.dailySnapshotTime;
  if (tags !== undefined) properties.Tags = tags;
  return [
    {
      logicalId: cacheLogicalId(name),
      resource: { Type: 'AWS::ElastiCache::ServerlessCache', ...common, Properties: properties },
    },
  ];
}

function subnetGroup(input: CacheInput): CompiledResource {
  const { name, context, tags } = input;
  return {
    logicalId: subnetGroupLogicalId(name),
    resource: {
      Type: 'AWS::ElastiCache::SubnetGroup',
      Properties: {
        CacheSubnetGroupName: cacheId(context, name),
        Description: `Subnets of cache ${name} of ${context.service} (${context.stage})`,
        SubnetIds: context.network().subnetIds,
        ...(tags === undefined ? {} : { Tags: tags }),
      },
    },
  };
}

export function replicationGroup(input: CacheInput): CompiledResource[] {
  const { name, config, context, engine, common, tags } = input;
  const replicas = replicasOf(config);
  const properties: Record<string, unknown> = {
    ReplicationGroupId: cacheId(context, name),
    ReplicationGroupDescription: description(input),
    Engine: engine.engine,
    EngineVersion: engine.version,
    CacheNodeType: config.nodeType ?? defaultNodeType,
    // Cluster mode disabled: one node group, the primary and its replicas.
    NumCacheClusters: replicas + 1,
    AutomaticFailoverEnabled: replicas > 0,
    MultiAZEnabled: multiAzOf(config),
    CacheSubnetGroupName: ref(subnetGroupLogicalId(name)),
    SecurityGroupIds: context.network().resourceSecurityGroupIds,
    Port: port,
    TransitEncryptionEnabled: true,
    AtRestEncryptionEnabled: true,
    ...kmsKeyOf(config),
    UserGroupIds: [ref(userGroupLogicalId(name))],
  };
  if (config.parameterGroup !== undefined) properties.CacheParameterGroupName = config.parameterGroup;
  if (config.snapshotRetention !== undefined) properties.SnapshotRetentionLimit = config.snapshotRetention;
  if (config.maintenanceWindow !== undefined)
    properties.PreferredMaintenanceWindow = config.maintenanceWindow.toLowerCase();
  if (tags !== undefined) properties.Tags = tags;
  return [
    subnetGroup(input),
    {
      logicalId: cacheLogicalId(name),
      resource: { Type: 'AWS::ElastiCache::ReplicationGroup', ...common, Properties: properties },
    },
  ];
}

/**
 * A local stage: a one-node replication group, which the emulator provisions (MiniStack refuses
 * a whole template holding an AWS::ElastiCache::ServerlessCache) and answers with its own Redis.
 * That Redis speaks no TLS and knows none of ElastiCache's users, so there are none, and the
 * function's variable says redis://.
 */
export function localReplicationGroup(input: CacheInput): CompiledResource[] {
  const { name, context, engine, common, tags } = input;
  return [
    subnetGroup(input),
    {
      logicalId: cacheLogicalId(name),
      resource: {
        Type: 'AWS::ElastiCache::ReplicationGroup',
        ...common,
        Properties: {
          ReplicationGroupId: cacheId(context, name),
          ReplicationGroupDescription: description(input),
          Engine: engine.engine,
          EngineVersion: engine.version,
          CacheNodeType: defaultNodeType,
          NumCacheClusters: 1,
          CacheSubnetGroupName: ref(subnetGroupLogicalId(name)),
          SecurityGroupIds: context.network().resourceSecurityGroupIds,
          Port: port,
          TransitEncryptionEnabled: false,
          AtRestEncryptionEnabled: true,
          ...(tags === undefined ? {} : { Tags: tags }),
        },
      },
    },
  ];
}

// Caches: `state.caches.<name>` compiles to an ElastiCache (Valkey or Redis OSS) cache, serverless
// or a replication group, encrypted, in the service's network, with one user per access level
// functions ask for; a function gets the grant to authenticate as its level's user and the
// cache's address in STATEFUL_CACHE_<NAME>.
import type { CfnResource } from '../../cloudformation';
import { environmentVariableName } from '../../../runtime/environment';
import type { CompileContext, CompiledOutput, StateKind } from '../kind';
import { cacheAccessLevels, type CacheAccessLevel } from './access';
import { awsAddress, localAddress, localRedisAddress, localRedisEndpoint } from './address';
import { authGrant, authOf, authResources, cacheLogicalId, levelOf } from './auth';
import {
  cachePorts,
  defaultNodeType,
  endpointOf,
  localReplicationGroup,
  replicationGroup,
  serverlessCache,
} from './modes';
import { cacheMode, checkCacheOptions, multiAzOf, replicasOf } from './options';
import { cacheSchema, type CacheConfig } from './schema';
import { clusterVersionOf, engineVersion } from './versions';

/** The Redis a local stage's caches use instead of the emulator's, if `state.local.redis` names one. */
function localRedis(context: CompileContext): string | undefined {
  return context.local ? context.localRedis : undefined;
}

const tagsOf = (config: CacheConfig) =>
  config.tags === undefined ? undefined : Object.entries(config.tags).map(([Key, Value]) => ({ Key, Value }));

/** Data outlives the stack unless the stage is declared ephemeral; users and secrets go with their cache. */
const policyOf = (context: CompileContext): Partial<CfnResource> => {
  const policy = context.ephemeral ? 'Delete' : 'Retain';
  return { DeletionPolicy: policy, UpdateReplacePolicy: policy };
};

export const caches: StateKind<CacheConfig> = {
  kind: 'cache',
  schema: cacheSchema,
  accessLevels: cacheAccessLevels,

  validate(name, config) {
    checkCacheOptions(name, config);
    engineVersion(name, config, cacheMode(config));
  },

  compile(name, config, context) {
    if (localRedis(context) !== undefined) return { resources: [], outputs: [] };
    const mode = cacheMode(config);
    const engine = engineVersion(name, config, mode);
    const input = { name, config, context, common: policyOf(context), tags: tagsOf(config) };
    const resources = context.local
      ? localReplicationGroup({ ...input, engine: mode === 'serverless' ? clusterVersionOf(engine) : engine })
      : [
          ...authResources({ ...input, engine: engine.engine }),
          ...(mode === 'serverless' ? serverlessCache({ ...input, engine }) : replicationGroup({ ...input, engine })),
        ];
    const endpoint = endpointOf(name, context.local ? 'cluster' : mode);
    const logicalId = cacheLogicalId(name);
    const outputs: CompiledOutput[] = [
      {
        logicalId: `${logicalId}Endpoint`,
        output: { Description: `Endpoint of cache ${name}`, Value: endpoint.address },
      },
      { logicalId: `${logicalId}Port`, output: { Description: `Port of cache ${name}`, Value: endpoint.port } },
    ];
    return { resources, outputs };
  },

  grant(name, config, access, context) {
    // A local stage's Redis takes no AUTH, and the emulator enforces no IAM.
    if (context.local) return [];
    return authGrant(name, config, access as CacheAccessLevel, context, cacheMode(config));
  },

  environment(name, config, context, functionName) {
    const variable = environmentVariableName('cache', name);
    const redis = localRedis(context);
    if (redis !== undefined) return { [variable]: localRedisAddress(redis, name, context) };
    if (context.local) return { [variable]: localAddress(name, context) };
    return { [variable]: awsAddress(name, config, context, cacheMode(config), levelOf(context, name, functionName)) };
  },

  references(name, config, context) {
    const redis = localRedis(context);
    const endpoint = () =>
      redis !== undefined
        ? localRedisEndpoint(redis, name, context)
        : endpointOf(name, context.local ? 'cluster' : cacheMode(config));
    return { endpoint: () => endpoint().address, port: () => endpoint().port };
  },

  reach(_name, config, context) {
    if (localRedis(context) !== undefined) return { awsServices: [] };
    if (context.local) return { awsServices: [], ports: cachePorts.cluster };
    return {
      awsServices: authOf(config) === 'token' ? ['secretsmanager'] : [],
      ports: cachePorts[cacheMode(config)],
    };
  },

  describe(name, config) {
    const mode = cacheMode(config);
    const { engine, version } = engineVersion(name, config, mode);
    const parts = [`${mode} ${engine} ${version}`];
    if (mode === 'cluster') {
      const replicas = replicasOf(config);
      parts.push(
        `${config.nodeType ?? defaultNodeType} × ${replicas + 1} (${replicas} replica${replicas === 1 ? '' : 's'})`,
      );
      if (multiAzOf(config)) parts.push('Multi-AZ');
    }
    const { ecpu, storage } = config.limits ?? {};
    if (ecpu) parts.push(`ECPU/s ${ecpu.min ?? '–'}..${ecpu.max ?? '–'}`);
    if (storage) parts.push(`storage ${storage.min ?? '–'}..${storage.max ?? '–'} GB`);
    parts.push(`${authOf(config)} auth`);
    if (config.snapshotRetention) parts.push(`snapshots ${config.snapshotRetention} days`);
    parts.push(config.encryption ? 'KMS (customer key)' : 'encrypted');
    return parts.join(', ');
  },
};

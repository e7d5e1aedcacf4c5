// STATEFUL_CACHE_<NAME>: the cache's address as the runtime reads it (runtime/caches/cache-address.ts).
//
//   rediss://<userId>@<host>:<port>?auth=iam&cache=<cacheName>&serverless=true|false&namespace=<ns>
//   rediss://<host>:<port>?auth=token&secret=<secret ARN>&namespace=<ns>
//   redis://<host>:<port>?namespace=<ns>                                      a local stage
//
// Host and port are known only once the cache exists, so the value joins them in with Fn::Join
// over the endpoint's GetAtts. The secret's ARN goes in unencoded: it is that of a secret named by
// CloudFormation (`<logical id>-<random>`), whose characters need no escaping in a query string.
import { ref, type CfnValue } from '../../cloudformation';
import { StatefulConfigError } from '../../errors';
import { parseCacheAddress, type CacheAddress } from '../../../runtime/caches/cache-address';
import type { CompileContext } from '../kind';
import type { CacheAccessLevel } from './access';
import { authOf, secretLogicalId } from './auth';
import { endpointOf } from './modes';
import { cacheId, cacheNamespace, userId } from './names';
import type { CacheConfig, CacheMode } from './schema';

const join = (parts: readonly CfnValue[]) => ({ 'Fn::Join': ['', parts] });

/** The value of the variable on AWS, for a function with `level`. */
export function awsAddress(
  name: string,
  config: CacheConfig,
  context: CompileContext,
  mode: CacheMode,
  level: CacheAccessLevel,
): CfnValue {
  const { address, port } = endpointOf(name, mode);
  const namespace = `namespace=${cacheNamespace(context, name)}`;
  if (authOf(config) === 'token') {
    return join([
      'rediss://',
      address,
      ':',
      port,
      '?auth=token&secret=',
      ref(secretLogicalId(name, level)),
      `&${namespace}`,
    ]);
  }
  const user = userId(context, name, level);
  const query = `?auth=iam&cache=${cacheId(context, name)}&serverless=${String(mode === 'serverless')}&${namespace}`;
  return join(['rediss://', `${user}@`, address, ':', port, query]);
}

/** The value on a local stage whose cache the emulator provisions: its Redis, no TLS, no AUTH. */
export function localAddress(name: string, context: CompileContext): CfnValue {
  const { address, port } = endpointOf(name, 'cluster');
  return join(['redis://', address, ':', port, `?namespace=${cacheNamespace(context, name)}`]);
}

/**
 * `state.local.redis` with the cache's namespace: a plain string, so `serverless invoke local`
 * and `deploy function` carry it too. Checked as the runtime will read it.
 */
export function localRedisAddress(url: string, name: string, context: CompileContext): string {
  const value = `${url.replace(/\/$/, '')}?namespace=${cacheNamespace(context, name)}`;
  let parsed: CacheAddress;
  try {
    parsed = parseCacheAddress(name, 'state.local.redis', value);
  } catch (error) {
    throw new StatefulConfigError(
      'STATE_CONFIG_INVALID',
      `state.local.redis: ${JSON.stringify(url)} is not a Redis URL the runtime can use: write redis://<host>:<port> (or rediss:// for TLS), with no user, password, path or parameters. (${(error as Error).message})`,
      { cause: error },
    );
  }
  if (parsed.auth.kind !== 'none') {
    throw new StatefulConfigError(
      'STATE_CONFIG_INVALID',
      `state.local.redis: ${JSON.stringify(url)} has no place for auth parameters; write redis://<host>:<port>.`,
    );
  }
  return value;
}

/** Host and port of `state.local.redis`, for `${state:<cache>.endpoint}` and `.port`. */
export function localRedisEndpoint(url: string, name: string, context: CompileContext) {
  const parsed = parseCacheAddress(name, 'state.local.redis', localRedisAddress(url, name, context));
  return { address: parsed.host, port: String(parsed.port) };
}

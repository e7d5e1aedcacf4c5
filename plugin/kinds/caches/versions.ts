// Engines and versions ElastiCache offers, by mode, and what IAM auth needs of them.
import { StatefulConfigError, listOf } from '../../errors';
import type { CacheConfig, CacheEngine, CacheMode } from './schema';

/** ElastiCache Serverless takes a major version (MajorEngineVersion). */
const serverlessVersions = { valkey: ['7', '8'], redis: ['7'] } as const;
/**
 * A replication group takes `<major>.<minor>` (EngineVersion). Redis OSS from 6.2: user groups
 * (RBAC), which every cache here has, need Redis OSS 6 or later, and 6.0 is past its end of life.
 */
const clusterVersions = { valkey: ['7.2', '8.0', '8.1'], redis: ['6.2', '7.0', '7.1'] } as const;

const defaults = {
  serverless: { valkey: '8', redis: '7' },
  cluster: { valkey: '8.0', redis: '7.1' },
} as const;

/** IAM auth needs Valkey 7.2+ or Redis OSS 7.0+ (ElastiCache User Guide, "Authenticating with IAM"). */
const iamMinimum = { valkey: 7.2, redis: 7.0 } as const;

export interface EngineVersion {
  readonly engine: CacheEngine;
  /** As the mode's CloudFormation property takes it: "8" (serverless) or "8.0" (cluster). */
  readonly version: string;
}

/** The version as written: YAML's 8.0 arrives as the number 8, and the framework may coerce it to "8". */
function written(version: string | number, mode: CacheMode): string {
  const text = String(version).trim();
  return mode === 'cluster' && /^\d+$/.test(text) ? `${text}.0` : text;
}

/** The engine and version of cache `name`, checked; throws STATE_CACHE_ENGINE_VERSION. */
export function engineVersion(name: string, config: CacheConfig, mode: CacheMode): EngineVersion {
  const engine = config.engine ?? 'valkey';
  const offered: readonly string[] = (mode === 'serverless' ? serverlessVersions : clusterVersions)[engine];
  const version = config.version === undefined ? defaults[mode][engine] : written(config.version, mode);
  if (!offered.includes(version)) {
    const form = mode === 'serverless' ? 'a major version' : '<major>.<minor>, as a string';
    throw new StatefulConfigError(
      'STATE_CACHE_ENGINE_VERSION',
      `state.caches.${name}.version: ${JSON.stringify(config.version)} is not a ${engine} version ElastiCache offers in ${mode} mode; use ${listOf(offered.map((v) => `"${v}"`))} (${form}).`,
    );
  }
  if ((config.auth ?? 'iam') === 'iam' && Number(version) < iamMinimum[engine]) {
    throw new StatefulConfigError(
      'STATE_CACHE_ENGINE_VERSION',
      `state.caches.${name}.version: IAM auth needs ${engine === 'valkey' ? 'Valkey 7.2' : 'Redis OSS 7.0'} or later, and ${engine} ${version} is older. Use ${listOf(offered.filter((v) => Number(v) >= iamMinimum[engine]).map((v) => `"${v}"`))}, or auth: token.`,
    );
  }
  return { engine, version };
}

/** A replication group's version for a serverless cache deployed as one (on a local stage). */
export function clusterVersionOf(serverless: EngineVersion): EngineVersion {
  const major = serverless.version;
  const match = clusterVersions[serverless.engine].filter((version) => version.startsWith(`${major}.`));
  return { engine: serverless.engine, version: match[match.length - 1] ?? defaults.cluster[serverless.engine] };
}

// The cache kind in process: what it refuses at package time (what ElastiCache would refuse at
// deploy), the names it gives, and the variable it writes, read back by the runtime's parser.
import { caches } from '../../plugin/kinds/caches';
import { elastiCacheId, maxIdentifierLength } from '../../plugin/kinds/caches/names';
import { windowMinutes } from '../../plugin/kinds/caches/options';
import type { CacheConfig } from '../../plugin/kinds/caches/schema';
import { buildStateModel, compileContext } from '../../plugin/state-model';
import { parseCacheAddress } from '../../runtime/caches/cache-address';
import { compileState, normalizedFunctionName, refusal } from '../support/compile-state';

const network = {
  vpc: {
    subnetIds: ['subnet-0123456789abcdef1', 'subnet-0123456789abcdef2'],
    securityGroupIds: ['sg-0123456789abcdef1'],
  },
};
const withCache = (catalog: unknown, more: Record<string, unknown> = {}) => ({ network, caches: { catalog }, ...more });

describe('refusals', () => {
  const cases: [string, unknown, string, RegExp][] = [
    [
      'an unknown mode',
      { mode: 'cluster-mode' },
      'STATE_CONFIG_INVALID',
      /state\.caches\.catalog\.mode: "cluster-mode" is not allowed; use serverless or cluster/,
    ],
    [
      'an unknown engine',
      { engine: 'memcached' },
      'STATE_CONFIG_INVALID',
      /engine: "memcached" is not allowed; use valkey or redis/,
    ],
    [
      'an unknown auth',
      { auth: 'password' },
      'STATE_CONFIG_INVALID',
      /auth: "password" is not allowed; use iam or token/,
    ],
    [
      'an unknown option',
      { nodetype: 'cache.t4g.micro' },
      'STATE_CONFIG_INVALID',
      /unknown key "nodetype"; valid keys are mode, engine, version/,
    ],
    [
      'ECPU under 1000',
      { limits: { ecpu: { max: 999 } } },
      'STATE_CONFIG_INVALID',
      /limits\.ecpu\.max: 999 is out of range; use 1000 to 15000000/,
    ],
    [
      'ECPU over 15000000',
      { limits: { ecpu: { min: 15_000_001 } } },
      'STATE_CONFIG_INVALID',
      /limits\.ecpu\.min: 15000001 is out of range; use 1000 to 15000000/,
    ],
    [
      'storage of 0 GB',
      { limits: { storage: { max: 0 } } },
      'STATE_CONFIG_INVALID',
      /limits\.storage\.max: 0 is out of range; use 1 to 5000/,
    ],
    [
      'storage over 5000 GB',
      { limits: { storage: { max: 5001 } } },
      'STATE_CONFIG_INVALID',
      /limits\.storage\.max: 5001 is out of range; use 1 to 5000/,
    ],
    [
      'an empty limit',
      { limits: { ecpu: {} } },
      'STATE_CONFIG_INVALID',
      /limits\.ecpu: has 0 entries; give min, max or both/,
    ],
    [
      'a limit whose min is above its max',
      { limits: { storage: { min: 10, max: 5 } } },
      'STATE_CACHE_OPTION_CONFLICT',
      /limits\.storage: min 10 is above max 5/,
    ],
    ['6 replicas', { mode: 'cluster', replicas: 6 }, 'STATE_CONFIG_INVALID', /replicas: 6 is out of range; use 0 to 5/],
    [
      'Multi-AZ without a replica',
      { mode: 'cluster', replicas: 0, multiAz: true },
      'STATE_CACHE_OPTION_CONFLICT',
      /multiAz: Multi-AZ fails over to a replica, and replicas is 0. Set replicas to 1 to 5, or multiAz: false/,
    ],
    [
      'snapshots kept 36 days',
      { snapshotRetention: 36 },
      'STATE_CONFIG_INVALID',
      /snapshotRetention: 36 is out of range; use 0 to 35/,
    ],
    [
      'a daily snapshot time without retention',
      { dailySnapshotTime: '04:00' },
      'STATE_CACHE_OPTION_CONFLICT',
      /dailySnapshotTime: no snapshots are kept/,
    ],
    [
      'a daily snapshot time that is no time',
      { dailySnapshotTime: '25:00', snapshotRetention: 1 },
      'STATE_CONFIG_INVALID',
      /dailySnapshotTime: "25:00" is not valid: write the hour and minute in UTC, HH:MM/,
    ],
    [
      'a maintenance window in another form',
      { mode: 'cluster', maintenanceWindow: 'sunday 5am' },
      'STATE_CACHE_WINDOW_INVALID',
      /maintenanceWindow: "sunday 5am" is not a maintenance window. Write ddd:hh:mm-ddd:hh:mm in UTC, the days sun, mon, tue, wed, thu, fri or sat/,
    ],
    [
      'a maintenance window under an hour',
      { mode: 'cluster', maintenanceWindow: 'sun:05:00-sun:05:30' },
      'STATE_CACHE_WINDOW_INVALID',
      /lasts 30 minutes; ElastiCache needs a window of at least 60/,
    ],
    [
      'a node type that is none',
      { mode: 'cluster', nodeType: 't4g.micro' },
      'STATE_CONFIG_INVALID',
      /nodeType: "t4g.micro" is not valid: write an ElastiCache node type, cache.<family>.<size>/,
    ],
    [
      'a cluster option on a serverless cache',
      { nodeType: 'cache.t4g.micro', replicas: 1 },
      'STATE_CACHE_OPTION_NOT_IN_MODE',
      /state\.caches\.catalog: nodeType and replicas apply to cluster mode, and the cache is in serverless mode \(the default\)\. In serverless mode use limits or dailySnapshotTime; or set mode: cluster/,
    ],
    [
      'a serverless option on a cluster',
      { mode: 'cluster', limits: { ecpu: { max: 5000 } } },
      'STATE_CACHE_OPTION_NOT_IN_MODE',
      /limits applies to serverless mode, and the cache is in cluster mode\. In cluster mode use nodeType, replicas, multiAz, parameterGroup or maintenanceWindow/,
    ],
    [
      'a serverless version with a minor',
      { version: '7.2' },
      'STATE_CACHE_ENGINE_VERSION',
      /version: "7.2" is not a valkey version ElastiCache offers in serverless mode; use "7" or "8" \(a major version\)/,
    ],
    [
      'Redis 8 serverless',
      { engine: 'redis', version: '8' },
      'STATE_CACHE_ENGINE_VERSION',
      /"8" is not a redis version ElastiCache offers in serverless mode; use "7"/,
    ],
    [
      'a cluster version not offered',
      { mode: 'cluster', version: '9.0' },
      'STATE_CACHE_ENGINE_VERSION',
      /use "7.2", "8.0" or "8.1" \(<major>.<minor>, as a string\)/,
    ],
    [
      'Redis 6.2 with IAM auth',
      { mode: 'cluster', engine: 'redis', version: '6.2' },
      'STATE_CACHE_ENGINE_VERSION',
      /IAM auth needs Redis OSS 7.0 or later, and redis 6.2 is older. Use "7.0" or "7.1", or auth: token/,
    ],
    [
      'a key that is no KMS key ARN',
      { encryption: { kmsKey: 'alias/mine' } },
      'STATE_CONFIG_INVALID',
      /encryption\.kmsKey: "alias\/mine" is not valid: a key is named by the ARN of the key itself/,
    ],
    [
      'a tag under aws:',
      { tags: { 'aws:team': 'x' } },
      'STATE_CONFIG_INVALID',
      /tags\.aws:team: "aws:team" is not a valid name/,
    ],
  ];
  it.each(cases)('refuses %s', (_, catalog, code, message) => {
    const refused = refusal(withCache(catalog));
    expect(refused.code).toBe(code);
    expect(refused.message).toMatch(message);
  });

  it('places a cache without state.network in the generated network', () => {
    const cache = compileState({ caches: { catalog: {} } }).StatefulCacheCatalog;
    expect(cache?.Properties).toMatchObject({
      SubnetIds: [{ Ref: 'StatefulNetworkSubnetA' }, { Ref: 'StatefulNetworkSubnetB' }],
      SecurityGroupIds: [{ Ref: 'StatefulNetworkResourcesSecurityGroup' }],
    });
  });

  it('refuses publish or start on a cache', () => {
    expect(refusal(withCache({}), { a: { handler: 'h.a', state: { catalog: 'publish' } } })).toMatchObject({
      code: 'STATE_ACCESS_NOT_ALLOWED',
      message: expect.stringContaining(
        '"publish" does not apply to cache catalog; use read, write or readwrite',
      ) as unknown,
    });
  });

  it('refuses a state.local.redis the runtime could not use, on a local stage', () => {
    const model = buildStateModel(
      withCache({}, { local: { stages: ['local'], redis: 'redis://:secret@127.0.0.1:6379' } }),
      {},
    );
    const context = compileContext({
      config: model.config,
      service: 'shop',
      stage: 'local',
      functionNames: ['a'],
      functionLogicalId: (name) => `${normalizedFunctionName(name)}LambdaFunction`,
      normalizedFunctionName,
    });
    expect(() => caches.environment('catalog', {}, context, 'a')).toThrow(
      /state\.local\.redis: "redis:\/\/:secret@127.0.0.1:6379" is not a Redis URL the runtime can use.*\(STATE_CONFIG_INVALID\)/,
    );
  });

  it('takes a cluster version written as a YAML number', () => {
    const resources = compileState(withCache({ mode: 'cluster', version: 8 }));
    expect(resources.StatefulCacheCatalog?.Properties?.EngineVersion).toBe('8.0');
  });
});

describe('names', () => {
  it('are <service>-<stage>-<cache>[-<level>], lowercase', () => {
    expect(elastiCacheId(['Shop', 'dev', 'catalog', 'readwrite'])).toBe('shop-dev-catalog-readwrite');
  });

  it('are cut to 40 characters with a hash of the whole when longer, deterministically', () => {
    const long = elastiCacheId(['orders-service', 'production', 'productCatalog', 'readwrite']);
    const other = elastiCacheId(['orders-service', 'production', 'productCatalog', 'read']);
    expect(long).toMatch(/^orders-service-production-product-[0-9a-f]{6}$/);
    expect(long.length).toBeLessThanOrEqual(maxIdentifierLength);
    expect(other).not.toBe(long);
    expect(elastiCacheId(['orders-service', 'production', 'productCatalog', 'readwrite'])).toBe(long);
  });

  it('never hold two hyphens in a row, start with a digit or end with a hyphen', () => {
    for (const id of [elastiCacheId(['a--b', 'c']), elastiCacheId(['1shop', 'dev']), elastiCacheId(['shop', 'dev-'])]) {
      expect(id).toMatch(/^[a-z](?:[a-z0-9]|-(?!-))*[a-z0-9]$/);
    }
  });
});

describe('maintenance windows', () => {
  it('are measured across midnight and the week', () => {
    expect(windowMinutes('sat:23:30-sun:00:30')).toBe(60);
    expect(windowMinutes('Mon:05:00-mon:07:00')).toBe(120);
    expect(windowMinutes('mon:5:00-mon:07:00')).toBeUndefined();
  });
});

describe('the variable, read back by the runtime', () => {
  /** The compiled value with the endpoint's GetAtts and the secret's Ref as AWS would give them. */
  function resolved(value: unknown): string {
    const join = (value as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];
    return join[1]
      .map((part) => {
        if (typeof part === 'string') return part;
        const getAtt = (part as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
        if (getAtt?.[1].endsWith('.Address')) return 'shop-dev-catalog-abc123.serverless.use1.cache.amazonaws.com';
        if (getAtt?.[1].endsWith('.Port')) return '6379';
        const ref = (part as { Ref?: string }).Ref;
        if (ref) return `arn:aws:secretsmanager:us-east-1:123456789012:secret:${ref}-AbCdEf`;
        throw new Error(`unexpected part ${JSON.stringify(part)}`);
      })
      .join('');
  }

  function variable(config: CacheConfig, access: 'read' | 'write' | 'readwrite', stage = 'dev', more = {}) {
    const functions = { fn: { handler: 'h.main', state: { catalog: access } } };
    const model = buildStateModel(withCache(config, more), functions);
    const context = compileContext({
      config: model.config,
      service: 'shop',
      stage,
      functionNames: ['fn'],
      functionLogicalId: (name) => `${normalizedFunctionName(name)}LambdaFunction`,
      normalizedFunctionName,
      uses: model.uses,
    });
    return caches.environment('catalog', model.config.caches?.catalog ?? {}, context, 'fn').STATEFUL_CACHE_CATALOG;
  }

  it('with IAM auth on a serverless cache: TLS, the level user, the cache name, the namespace', () => {
    expect(parseCacheAddress('catalog', 'STATEFUL_CACHE_CATALOG', resolved(variable({}, 'read')))).toEqual({
      host: 'shop-dev-catalog-abc123.serverless.use1.cache.amazonaws.com',
      port: 6379,
      tls: true,
      namespace: 'shop-dev',
      auth: { kind: 'iam', userId: 'shop-dev-catalog-read', cacheName: 'shop-dev-catalog', serverless: true },
    });
  });

  it('with IAM auth on a cluster: serverless=false', () => {
    const parsed = parseCacheAddress('catalog', 'X', resolved(variable({ mode: 'cluster' }, 'readwrite')));
    expect(parsed.auth).toEqual({
      kind: 'iam',
      userId: 'shop-dev-catalog-readwrite',
      cacheName: 'shop-dev-catalog',
      serverless: false,
    });
  });

  it('with token auth: the secret of the level, never a password', () => {
    const value = resolved(variable({ auth: 'token' }, 'write'));
    expect(parseCacheAddress('catalog', 'X', value)).toMatchObject({
      tls: true,
      namespace: 'shop-dev',
      auth: {
        kind: 'token',
        secretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:StatefulCacheCatalogSecretWrite-AbCdEf',
      },
    });
  });

  it('on a local stage: no TLS, no AUTH, a namespace of its own', () => {
    const local = { local: { stages: ['local'] } };
    expect(parseCacheAddress('catalog', 'X', resolved(variable({}, 'readwrite', 'local', local)))).toEqual({
      host: 'shop-dev-catalog-abc123.serverless.use1.cache.amazonaws.com',
      port: 6379,
      tls: false,
      namespace: 'shop-local-catalog',
      auth: { kind: 'none' },
    });
  });

  it('on a local stage with state.local.redis: that URL as a plain string', () => {
    const local = { local: { stages: ['local'], redis: 'redis://127.0.0.1:6390' } };
    expect(variable({}, 'read', 'local', local)).toBe('redis://127.0.0.1:6390?namespace=shop-local-catalog');
  });
});

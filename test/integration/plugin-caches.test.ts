/**
 * @services
 */
// Caches compiled by the real framework (osls package): a serverless cache with IAM auth and a
// cluster with token auth in an existing VPC, and the same service on a local stage. Checked
// resource by resource (encryption, users and their access strings, the user group) and statement
// by statement (elasticache:Connect on the cache and the level's user only, GetSecretValue on the
// level's secret only); no password in any variable or output; every template passes cfn-lint.
import { accessString } from '../../plugin/kinds/caches/access';
import { cfnLintErrors } from '../support/cfn-lint';
import { packageService, roleStatements, serviceYaml, type Template } from '../support/package-service';

const kmsKey = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

const shop = serviceYaml(`
state:
  network:
    vpc: { subnetIds: [subnet-0a1b2c3d, subnet-0e1f2a3b], securityGroupIds: [sg-0123abcd] }
  local: { stages: [local] }
  caches:
    catalog:
      limits: { ecpu: { max: 5000 }, storage: { min: 1, max: 10 } }
      snapshotRetention: 7
      dailySnapshotTime: '04:00'
      encryption: { kmsKey: ${kmsKey} }
      tags: { team: catalog }
    sessions:
      mode: cluster
      engine: redis
      version: '7.1'
      auth: token
      nodeType: cache.r7g.large
      replicas: 2
      parameterGroup: default.redis7
      maintenanceWindow: sun:05:00-sun:06:00
      snapshotRetention: 3
functions:
  reader:
    handler: handler.main
    state: { catalog: read, sessions: read }
  writer:
    handler: handler.main
    state: { catalog: readwrite, sessions: write }
  other:
    handler: handler.main
    environment:
      CATALOG_ENDPOINT: \${state:catalog.endpoint}
      CATALOG_PORT: \${state:catalog.port}
`);

const arn = (resource: string) => ({
  'Fn::Sub': `arn:\${AWS::Partition}:elasticache:\${AWS::Region}:\${AWS::AccountId}:${resource}`,
});

/** The statements a role holds on ElastiCache and Secrets Manager. */
const cacheStatements = (template: Template, role: string) =>
  roleStatements(template, role).filter((statement) =>
    statement.Action.some((action) => /^(elasticache|secretsmanager):/.test(action)),
  );

const variables = (template: Template, logicalId: string) =>
  (template.Resources[logicalId]?.Properties.Environment as { Variables: Record<string, unknown> } | undefined)
    ?.Variables ?? {};

describe('state.caches compiled by osls package', () => {
  let template: Template;

  beforeAll(async () => {
    ({ template } = await packageService(shop));
  });

  it('compiles a serverless Valkey cache, encrypted with the customer key, in the given subnets and groups', () => {
    expect(template.Resources.StatefulCacheCatalog).toEqual({
      Type: 'AWS::ElastiCache::ServerlessCache',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        ServerlessCacheName: 'shop-dev-catalog',
        Description: 'Cache catalog of shop (dev), by serverless-stateful',
        Engine: 'valkey',
        MajorEngineVersion: '8',
        SubnetIds: ['subnet-0a1b2c3d', 'subnet-0e1f2a3b'],
        SecurityGroupIds: ['sg-0123abcd'],
        KmsKeyId: kmsKey,
        UserGroupId: { Ref: 'StatefulCacheCatalogUsers' },
        CacheUsageLimits: { ECPUPerSecond: { Maximum: 5000 }, DataStorage: { Minimum: 1, Maximum: 10, Unit: 'GB' } },
        SnapshotRetentionLimit: 7,
        DailySnapshotTime: '04:00',
        Tags: [{ Key: 'team', Value: 'catalog' }],
      },
    });
  });

  it('gives the serverless cache an IAM user per level used and a disabled default user, in one group', () => {
    expect(template.Resources.StatefulCacheCatalogUserRead?.Properties).toEqual({
      Engine: 'valkey',
      UserId: 'shop-dev-catalog-read',
      UserName: 'shop-dev-catalog-read',
      AccessString: accessString('read', 'shop-dev'),
      AuthenticationMode: { Type: 'iam' },
      Tags: [{ Key: 'team', Value: 'catalog' }],
    });
    expect(template.Resources.StatefulCacheCatalogUserReadwrite?.Properties).toMatchObject({
      UserId: 'shop-dev-catalog-readwrite',
      UserName: 'shop-dev-catalog-readwrite',
      AuthenticationMode: { Type: 'iam' },
    });
    // No function writes only: no such user.
    expect(template.Resources.StatefulCacheCatalogUserWrite).toBeUndefined();
    expect(template.Resources.StatefulCacheCatalogDefaultUser?.Properties).toEqual({
      Engine: 'valkey',
      UserId: 'shop-dev-catalog-default',
      UserName: 'default',
      AccessString: 'off -@all',
      AuthenticationMode: {
        Type: 'password',
        Passwords: [
          { 'Fn::Sub': '{{resolve:secretsmanager:${StatefulCacheCatalogDefaultUserSecret}:SecretString:password}}' },
        ],
      },
      Tags: [{ Key: 'team', Value: 'catalog' }],
    });
    expect(template.Resources.StatefulCacheCatalogUsers?.Properties).toEqual({
      Engine: 'valkey',
      UserGroupId: 'shop-dev-catalog',
      UserIds: [
        { Ref: 'StatefulCacheCatalogDefaultUser' },
        { Ref: 'StatefulCacheCatalogUserRead' },
        { Ref: 'StatefulCacheCatalogUserReadwrite' },
      ],
      Tags: [{ Key: 'team', Value: 'catalog' }],
    });
  });

  it('compiles a cluster as one primary and its replicas, Multi-AZ, encrypted in transit and at rest, in a subnet group', () => {
    expect(template.Resources.StatefulCacheSessions).toEqual({
      Type: 'AWS::ElastiCache::ReplicationGroup',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        ReplicationGroupId: 'shop-dev-sessions',
        ReplicationGroupDescription: 'Cache sessions of shop (dev), by serverless-stateful',
        Engine: 'redis',
        EngineVersion: '7.1',
        CacheNodeType: 'cache.r7g.large',
        NumCacheClusters: 3,
        AutomaticFailoverEnabled: true,
        MultiAZEnabled: true,
        CacheSubnetGroupName: { Ref: 'StatefulCacheSessionsSubnets' },
        SecurityGroupIds: ['sg-0123abcd'],
        Port: 6379,
        TransitEncryptionEnabled: true,
        AtRestEncryptionEnabled: true,
        UserGroupIds: [{ Ref: 'StatefulCacheSessionsUsers' }],
        CacheParameterGroupName: 'default.redis7',
        SnapshotRetentionLimit: 3,
        PreferredMaintenanceWindow: 'sun:05:00-sun:06:00',
      },
    });
    expect(template.Resources.StatefulCacheSessionsSubnets).toEqual({
      Type: 'AWS::ElastiCache::SubnetGroup',
      Properties: {
        CacheSubnetGroupName: 'shop-dev-sessions',
        Description: 'Subnets of cache sessions of shop (dev)',
        SubnetIds: ['subnet-0a1b2c3d', 'subnet-0e1f2a3b'],
      },
    });
  });

  it('gives a token-auth cache a generated secret per level, handed to its user by a dynamic reference', () => {
    expect(template.Resources.StatefulCacheSessionsSecretWrite).toEqual({
      Type: 'AWS::SecretsManager::Secret',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        Description: 'Password of ElastiCache user shop-dev-sessions-write (write access to cache sessions)',
        GenerateSecretString: {
          SecretStringTemplate: '{"username":"shop-dev-sessions-write"}',
          GenerateStringKey: 'password',
          PasswordLength: 64,
          ExcludePunctuation: true,
        },
      },
    });
    expect(template.Resources.StatefulCacheSessionsUserWrite?.Properties).toEqual({
      Engine: 'redis',
      UserId: 'shop-dev-sessions-write',
      UserName: 'shop-dev-sessions-write',
      AccessString: accessString('write', 'shop-dev'),
      AuthenticationMode: {
        Type: 'password',
        Passwords: [
          { 'Fn::Sub': '{{resolve:secretsmanager:${StatefulCacheSessionsSecretWrite}:SecretString:password}}' },
        ],
      },
    });
  });

  it('grants elasticache:Connect on exactly the cache and the level user, and GetSecretValue on the level secret only', () => {
    expect(cacheStatements(template, 'StatefulRoleReader')).toEqual([
      {
        Effect: 'Allow',
        Action: ['elasticache:Connect'],
        Resource: [arn('serverlesscache:shop-dev-catalog'), arn('user:shop-dev-catalog-read')],
      },
      {
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue'],
        Resource: [{ Ref: 'StatefulCacheSessionsSecretRead' }],
      },
    ]);
    expect(cacheStatements(template, 'StatefulRoleWriter')).toEqual([
      {
        Effect: 'Allow',
        Action: ['elasticache:Connect'],
        Resource: [arn('serverlesscache:shop-dev-catalog'), arn('user:shop-dev-catalog-readwrite')],
      },
      {
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue'],
        Resource: [{ Ref: 'StatefulCacheSessionsSecretWrite' }],
      },
    ]);
    // A function that names no cache gets no role of its own and no cache variable.
    expect(template.Resources.StatefulRoleOther).toBeUndefined();
  });

  it('tells each function its level user or secret through STATEFUL_CACHE_<NAME>', () => {
    expect(variables(template, 'ReaderLambdaFunction')).toEqual({
      STATEFUL_CACHE_CATALOG: {
        'Fn::Join': [
          '',
          [
            'rediss://',
            'shop-dev-catalog-read@',
            { 'Fn::GetAtt': ['StatefulCacheCatalog', 'Endpoint.Address'] },
            ':',
            { 'Fn::GetAtt': ['StatefulCacheCatalog', 'Endpoint.Port'] },
            '?auth=iam&cache=shop-dev-catalog&serverless=true&namespace=shop-dev',
          ],
        ],
      },
      STATEFUL_CACHE_SESSIONS: {
        'Fn::Join': [
          '',
          [
            'rediss://',
            { 'Fn::GetAtt': ['StatefulCacheSessions', 'PrimaryEndPoint.Address'] },
            ':',
            { 'Fn::GetAtt': ['StatefulCacheSessions', 'PrimaryEndPoint.Port'] },
            '?auth=token&secret=',
            { Ref: 'StatefulCacheSessionsSecretRead' },
            '&namespace=shop-dev',
          ],
        ],
      },
    });
    expect(variables(template, 'OtherLambdaFunction')).toEqual({
      CATALOG_ENDPOINT: { 'Fn::GetAtt': ['StatefulCacheCatalog', 'Endpoint.Address'] },
      CATALOG_PORT: { 'Fn::GetAtt': ['StatefulCacheCatalog', 'Endpoint.Port'] },
    });
  });

  it('puts no password anywhere a person or a log could read it', () => {
    const exposed = JSON.stringify([
      template.Outputs,
      Object.values(template.Resources)
        .filter((resource) => resource.Type === 'AWS::Lambda::Function')
        .map((resource) => resource.Properties.Environment),
    ]);
    expect(exposed).not.toMatch(/resolve:secretsmanager|SecretString|password/i);
    expect(Object.keys(template.Outputs).filter((key) => key.startsWith('StatefulCache'))).toEqual([
      'StatefulCacheCatalogEndpoint',
      'StatefulCacheCatalogPort',
      'StatefulCacheSessionsEndpoint',
      'StatefulCacheSessionsPort',
    ]);
  });

  it('passes cfn-lint', async () => {
    expect(await cfnLintErrors(template)).toEqual([]);
  });
});

describe('state.caches on a local stage', () => {
  let template: Template;

  beforeAll(async () => {
    ({ template } = await packageService(shop, { args: ['--stage', 'local'] }));
  });

  it('deploys either mode as a one-node replication group without TLS, users or grants', () => {
    const caches = Object.entries(template.Resources).filter(([id]) => id.startsWith('StatefulCache'));
    expect(caches.map(([id, resource]) => `${id} ${resource.Type}`)).toEqual([
      'StatefulCacheCatalogSubnets AWS::ElastiCache::SubnetGroup',
      'StatefulCacheCatalog AWS::ElastiCache::ReplicationGroup',
      'StatefulCacheSessionsSubnets AWS::ElastiCache::SubnetGroup',
      'StatefulCacheSessions AWS::ElastiCache::ReplicationGroup',
    ]);
    expect(template.Resources.StatefulCacheCatalog?.Properties).toMatchObject({
      ReplicationGroupId: 'shop-local-catalog',
      Engine: 'valkey',
      EngineVersion: '8.1',
      NumCacheClusters: 1,
      TransitEncryptionEnabled: false,
    });
    expect(cacheStatements(template, 'StatefulRoleReader')).toEqual([]);
  });

  it('gives the emulator Redis URL with a namespace per cache', () => {
    expect(variables(template, 'WriterLambdaFunction').STATEFUL_CACHE_CATALOG).toEqual({
      'Fn::Join': [
        '',
        [
          'redis://',
          { 'Fn::GetAtt': ['StatefulCacheCatalog', 'PrimaryEndPoint.Address'] },
          ':',
          { 'Fn::GetAtt': ['StatefulCacheCatalog', 'PrimaryEndPoint.Port'] },
          '?namespace=shop-local-catalog',
        ],
      ],
    });
  });

  it('passes cfn-lint', async () => {
    expect(await cfnLintErrors(template)).toEqual([]);
  });
});

// The discovery contract of caches, read strictly: every form the plugin writes, and every way a
// value can be wrong, each refused with the variable's name and what is wrong.
import { parseCacheAddress } from '../../runtime/caches/cache-address';
import { CacheConfigError } from '../../runtime/caches/cache-errors';

const variable = 'STATEFUL_CACHE_CATALOG';
const parse = (value: string) => parseCacheAddress('catalog', variable, value);
const secretArn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:catalog-redis-AbCdEf';

describe('the cache variable', () => {
  it('reads redis://host:port as no TLS and no AUTH', () => {
    expect(parse('redis://127.0.0.1:6379')).toEqual({
      host: '127.0.0.1',
      port: 6379,
      tls: false,
      auth: { kind: 'none' },
    });
    expect(parse('redis://localhost')).toEqual({ host: 'localhost', port: 6379, tls: false, auth: { kind: 'none' } });
    expect(parse('rediss://cache.example.com:6380/')).toEqual({
      host: 'cache.example.com',
      port: 6380,
      tls: true,
      auth: { kind: 'none' },
    });
    expect(parse('redis://[::1]:7000')).toMatchObject({ host: '::1', port: 7000 });
  });

  it('reads IAM auth: the user id, the cache name, serverless or not', () => {
    const host = 'catalog-abc123.serverless.euw1.cache.amazonaws.com';
    expect(parse(`rediss://catalog-user@${host}:6379?auth=iam&cache=catalog-abc123&serverless=true`)).toEqual({
      host,
      port: 6379,
      tls: true,
      auth: { kind: 'iam', userId: 'catalog-user', cacheName: 'catalog-abc123', serverless: true },
    });
    expect(
      parse('rediss://u1@master.rg.euw1.cache.amazonaws.com:6379?serverless=false&cache=rg&auth=iam').auth,
    ).toEqual({ kind: 'iam', userId: 'u1', cacheName: 'rg', serverless: false });
    // Without TLS too: a test points it at a local Redis.
    expect(parse('redis://u1@127.0.0.1:6379?auth=iam&cache=rg&serverless=false').tls).toBe(false);
  });

  it('reads token auth: the secret ARN, url-encoded or not', () => {
    const expected = { host: 'h', port: 6379, tls: true, auth: { kind: 'token', secretArn } };
    expect(parse(`rediss://h:6379?auth=token&secret=${encodeURIComponent(secretArn)}`)).toEqual(expected);
    expect(parse(`rediss://h:6379?auth=token&secret=${secretArn}`)).toEqual(expected);
    expect(
      parse('rediss://h?auth=token&secret=arn%3Aaws-cn%3Asecretsmanager%3Acn-north-1%3A000000000000%3Asecret%3Ax').auth,
    ).toEqual({ kind: 'token', secretArn: 'arn:aws-cn:secretsmanager:cn-north-1:000000000000:secret:x' });
  });

  it('reads namespace=<service>-<stage>, with any auth, as the prefix of the keys', () => {
    expect(parse('redis://127.0.0.1:6379?namespace=shop-dev')).toEqual({
      host: '127.0.0.1',
      port: 6379,
      tls: false,
      auth: { kind: 'none' },
      namespace: 'shop-dev',
    });
    expect(parse('rediss://u1@h?auth=iam&cache=rg&serverless=true&namespace=shop_v2.prod').namespace).toBe(
      'shop_v2.prod',
    );
    expect(parse(`rediss://h?namespace=shop-prod&auth=token&secret=${secretArn}`)).toMatchObject({
      auth: { kind: 'token', secretArn },
      namespace: 'shop-prod',
    });
    // Without it, keys are not prefixed.
    expect(parse('redis://h')).not.toHaveProperty('namespace');
  });

  const malformed: [string, string, RegExp][] = [
    ['not a URL', 'catalog.cache.amazonaws.com:6379', /is not a URL/],
    ['another scheme', 'http://h:6379', /has the scheme http; a cache's is redis \(no TLS\) or rediss \(TLS\)/],
    ['a password', 'rediss://user:hunter2@h:6379', /has a password in it/],
    ['a password alone', 'redis://:hunter2@h:6379', /has a password in it/],
    ['port 0', 'redis://h:0', /has port 0/],
    ['a database number', 'redis://h:6379/2', /has the path \/2/],
    ['a fragment', 'redis://h:6379#x', /has a #fragment/],
    ['an unknown auth', 'rediss://h:6379?auth=password', /has auth=password; auth is iam or token/],
    [
      'a repeated parameter',
      'rediss://u@h?auth=iam&cache=a&cache=b&serverless=true',
      /gives the parameter cache twice/,
    ],
    [
      'parameters without auth',
      'redis://h:6379?tls=true',
      /has the parameter\(s\) tls, not used with auth none; valid: namespace/,
    ],
    [
      'a parameter of the other auth',
      `rediss://h?auth=token&secret=${secretArn}&cache=x`,
      /has the parameter\(s\) cache, not used with auth token; valid: auth, secret, namespace/,
    ],
    ['a user without auth=iam', 'rediss://someone@h:6379', /has the user someone, but only auth=iam takes a user/],
    ['a user with auth=token', `rediss://someone@h?auth=token&secret=${secretArn}`, /only auth=iam takes a user/],
    ['IAM without a user', 'rediss://h?auth=iam&cache=c&serverless=true', /has auth=iam but no user/],
    [
      'IAM with an odd user',
      'rediss://us%24er@h?auth=iam&cache=c&serverless=true',
      /has the user us\$er; an ElastiCache user id/,
    ],
    ['IAM with a broken user', 'rediss://%E0@h?auth=iam&cache=c&serverless=true', /not valid percent-encoding/],
    ['IAM without a cache', 'rediss://u@h?auth=iam&serverless=true', /has auth=iam but no cache=<cacheName>/],
    [
      'IAM with an uppercase cache',
      'rediss://u@h?auth=iam&cache=Catalog&serverless=true',
      /has cache=Catalog; an ElastiCache name is a lowercase/,
    ],
    [
      'IAM without serverless',
      'rediss://u@h?auth=iam&cache=c',
      /has no serverless=; auth=iam needs serverless=true or false/,
    ],
    ['IAM with serverless=yes', 'rediss://u@h?auth=iam&cache=c&serverless=yes', /has serverless=yes; auth=iam needs/],
    ['token without a secret', 'rediss://h?auth=token', /has auth=token but no secret=/],
    ['an empty namespace', 'redis://h?namespace=', /has namespace=; a namespace is <service>-<stage>/],
    ['a namespace with a colon', 'redis://h?namespace=shop:dev', /has namespace=shop:dev; a namespace is/],
    ['a namespace with braces', 'redis://h?namespace=%7Bshop%7D', /has namespace=\{shop\}; a namespace is/],
    ['a namespace twice', 'redis://h?namespace=a&namespace=b', /gives the parameter namespace twice/],
    [
      'token with a secret name',
      'rediss://h?auth=token&secret=catalog-redis',
      /has secret=catalog-redis, which is not the ARN/,
    ],
    [
      'token with the ARN of something else',
      'rediss://h?auth=token&secret=arn:aws:ssm:eu-west-1:123456789012:parameter/x',
      /which is not the ARN of a Secrets Manager secret/,
    ],
  ];

  it.each(malformed)('refuses %s, naming the variable and the fix', (_, value, problem) => {
    let thrown: unknown;
    try {
      parse(value);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CacheConfigError);
    const error = thrown as CacheConfigError;
    expect(error.cache).toBe('catalog');
    expect(error.message).toMatch(problem);
    expect(error.message).toMatch(/^STATEFUL_CACHE_CATALOG \(cache catalog\) /);
    expect(error.message).toContain('It must be redis://<host>:<port>, or rediss://');
    expect(error.message).not.toContain('hunter2');
  });
});

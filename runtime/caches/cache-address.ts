// The discovery contract of caches: the URL the plugin puts in STATEFUL_CACHE_<NAME>, read
// strictly. A value the runtime cannot use fails here, naming the variable and what is wrong,
// before any connection is tried; no part of the value that could be a password is ever repeated.
//
//   redis://<host>:<port>                         no TLS, no AUTH (a local stage, a local Redis)
//   rediss://<userId>@<host>:<port>?auth=iam&cache=<cacheName>&serverless=true|false
//                                                 TLS, AUTH <userId> <SigV4-signed token>
//   rediss://<host>:<port>?auth=token&secret=<url-encoded secret ARN>
//                                                 TLS, AUTH with the password in the secret
//
// Any form may add namespace=<service>-<stage>: the prefix of every key the cache's operations
// write, so services and stages sharing one Redis never read each other's keys.
//
// The scheme decides TLS (rediss) and `auth` decides AUTH, independently: on AWS the plugin always
// writes rediss:// (ElastiCache requires TLS for IAM auth), while tests point an auth=iam or
// auth=token variable at a local Redis without TLS.
import { CacheConfigError } from './cache-errors.js';

export type CacheAuthSpec =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'iam';
      /** The ElastiCache user's id, which for an IAM-enabled user is also its name (AUTH's username). */
      readonly userId: string;
      /** The replication group id or serverless cache name: the host of the signed request. */
      readonly cacheName: string;
      readonly serverless: boolean;
    }
  | { readonly kind: 'token'; readonly secretArn: string };

export interface CacheAddress {
  readonly host: string;
  readonly port: number;
  readonly tls: boolean;
  readonly auth: CacheAuthSpec;
  /** The prefix of the keys of cache operations (`<namespace>:`), when the URL gives one. */
  readonly namespace?: string;
}

const defaultPort = 6379;
const parametersOf = {
  none: ['namespace'],
  iam: ['auth', 'cache', 'serverless', 'namespace'],
  token: ['auth', 'secret', 'namespace'],
} as const;
// ElastiCache's identifiers: a letter, then letters, digits and hyphens; cache names are lowercase.
const userIdPattern = /^[A-Za-z][A-Za-z0-9-]*$/;
const cacheNamePattern = /^[a-z][a-z0-9-]*$/;
const secretArnPattern = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[^\s]+$/;
// A service name and a stage joined by a hyphen, as Serverless allows them: no ':' (the separator
// after it), no braces (they would change the key's Redis Cluster hash slot), no spaces.
const namespacePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** `host:port`, as errors name an endpoint. */
export function endpointOf(address: Pick<CacheAddress, 'host' | 'port'>): string {
  return address.host.includes(':') ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
}

/** Reads the value of `variable` (cache `cache`'s) as the contract above; throws CacheConfigError. */
export function parseCacheAddress(cache: string, variable: string, value: string): CacheAddress {
  function fail(problem: string): never {
    throw new CacheConfigError(
      cache,
      `${variable} (cache ${cache}) ${problem}. It must be redis://<host>:<port>, or ` +
        'rediss://<userId>@<host>:<port>?auth=iam&cache=<cacheName>&serverless=true|false, or ' +
        'rediss://<host>:<port>?auth=token&secret=<secret ARN>, each optionally with namespace=<service>-<stage> ' +
        '(see docs/caches.md).',
    );
  }

  // `host:6379` parses as a URL of scheme `host:`; a cache's URL always has a `//` authority.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) fail('is not a URL');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail('is not a URL');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    fail(`has the scheme ${url.protocol.slice(0, -1)}; a cache's is redis (no TLS) or rediss (TLS)`);
  }
  if (url.password !== '') {
    fail(
      'has a password in it; a password never goes in the environment: use auth=token (Secrets Manager) or auth=iam',
    );
  }
  if (url.hostname === '') fail('has no host');
  if (url.port === '0') fail('has port 0');
  if (url.pathname !== '' && url.pathname !== '/') {
    fail(`has the path ${url.pathname}; a cache is always database 0, so there is nothing to say after the port`);
  }
  if (url.hash !== '') fail('has a #fragment');

  const parameters = new Map<string, string>();
  for (const [key, parameterValue] of url.searchParams) {
    if (parameters.has(key)) fail(`gives the parameter ${key} twice`);
    parameters.set(key, parameterValue);
  }
  const authValue = parameters.get('auth');
  if (authValue !== undefined && authValue !== 'iam' && authValue !== 'token') {
    fail(`has auth=${authValue}; auth is iam or token, or absent for none`);
  }
  const kind = authValue ?? 'none';
  const allowed: readonly string[] = parametersOf[kind];
  const unknown = [...parameters.keys()].filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    const valid = allowed.length > 0 ? allowed.join(', ') : 'none';
    fail(`has the parameter(s) ${unknown.join(', ')}, not used with auth ${kind}; valid: ${valid}`);
  }
  let userId = '';
  try {
    userId = decodeURIComponent(url.username);
  } catch {
    fail('has a user that is not valid percent-encoding');
  }
  if (kind !== 'iam' && userId !== '') {
    fail(`has the user ${userId}, but only auth=iam takes a user from the URL`);
  }

  const namespace = parameters.get('namespace');
  if (namespace !== undefined && !namespacePattern.test(namespace)) {
    fail(
      `has namespace=${namespace}; a namespace is <service>-<stage>: up to 128 letters, digits, '.', '_' and '-', ` +
        'starting with a letter or digit',
    );
  }

  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const endpoint = {
    host,
    port: url.port === '' ? defaultPort : Number(url.port),
    tls: url.protocol === 'rediss:',
    ...(namespace === undefined ? {} : { namespace }),
  };

  if (kind === 'iam') {
    if (userId === '') fail('has auth=iam but no user: the ElastiCache user id goes before the host, as <userId>@');
    if (!userIdPattern.test(userId)) {
      fail(`has the user ${userId}; an ElastiCache user id is a letter, then letters, digits and hyphens`);
    }
    const cacheName = parameters.get('cache');
    if (cacheName === undefined || cacheName === '') fail('has auth=iam but no cache=<cacheName>');
    if (!cacheNamePattern.test(cacheName)) {
      fail(
        `has cache=${cacheName}; an ElastiCache name is a lowercase letter, then lowercase letters, digits and hyphens`,
      );
    }
    const serverless = parameters.get('serverless');
    if (serverless !== 'true' && serverless !== 'false') {
      fail(
        `has ${serverless === undefined ? 'no serverless=' : `serverless=${serverless}`}; auth=iam needs serverless=true or false`,
      );
    }
    return {
      ...endpoint,
      auth: { kind, userId, cacheName, serverless: serverless === 'true' },
    };
  }
  if (kind === 'token') {
    const secretArn = parameters.get('secret');
    if (secretArn === undefined || secretArn === '') fail('has auth=token but no secret=<url-encoded secret ARN>');
    if (!secretArnPattern.test(secretArn)) {
      fail(`has secret=${secretArn}, which is not the ARN of a Secrets Manager secret`);
    }
    return { ...endpoint, auth: { kind, secretArn } };
  }
  return { ...endpoint, auth: { kind } };
}

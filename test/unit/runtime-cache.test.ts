// cache() without a network: one object per cache, its options checked, the failures that come
// before any connection (undeclared, malformed, no time left), the ioredis settings it chooses, and
// the password secret's format.
import {
  cache,
  CacheConfigError,
  CacheConnectionError,
  ResourceNotDeclaredError,
  type CacheOptions,
} from '../../runtime/index';
import { parseCacheAddress } from '../../runtime/caches/cache-address';
import { reconnectDelay, redisOptions } from '../../runtime/caches/connection';
import { credentialsFromSecret } from '../../runtime/caches/secret-auth';

describe('cache()', () => {
  afterEach(() => {
    delete process.env.STATEFUL_CACHE_UNITCATALOG;
  });

  it('gives one object per cache, whatever the case of its name', () => {
    const first = cache('unitOne');
    expect(cache('unitOne')).toBe(first);
    expect(cache('UNITONE')).toBe(first);
    expect(cache('unitTwo')).not.toBe(first);
  });

  it('keeps the options of its first call, and refuses other ones later', () => {
    const made = cache('unitOptions', { commandTimeoutMs: 200 });
    expect(made.timeouts).toEqual({ connectTimeoutMs: 1000, commandTimeoutMs: 200 });
    expect(cache('unitOptions')).toBe(made);
    expect(cache('unitOptions', { commandTimeoutMs: 200, connectTimeoutMs: 1000 })).toBe(made);
    expect(() => cache('unitOptions', { commandTimeoutMs: 300 })).toThrow(
      new CacheConfigError(
        'unitOptions',
        'cache("unitOptions") was already made with commandTimeoutMs 200; ' +
          'give its options once, with the first cache("unitOptions")',
      ),
    );
    expect(() => cache('unitOptions', { commandTimeoutMs: 200, ttl: 60, local: false })).toThrow(
      'cache("unitOptions") was already made with local {"maxEntries":1000,"maxBytes":8388608,"ttl":5}, ttl 300, negativeTtl 300;',
    );
    expect(cache('unitDefaults').timeouts).toEqual({ connectTimeoutMs: 1000, commandTimeoutMs: 500 });
  });

  it.each<[string, CacheOptions, string]>([
    ['a ttl of 0', { ttl: 0 }, 'ttl must be a number of seconds above 0, not 0'],
    ['a negative grace', { grace: -1 }, 'grace must be a number of seconds, 0 or more, not -1'],
    [
      'a negativeTtl as text',
      { negativeTtl: '60' as unknown as number },
      'negativeTtl must be a number of seconds, 0 or more, not "60"',
    ],
    [
      'a soft timeout of 2.5 ms',
      { timeoutMs: 2.5 },
      'timeoutMs must be a whole number of milliseconds above 0, not 2.5',
    ],
    [
      'an empty in-container tier',
      { local: { maxEntries: 0 } },
      'local.maxEntries must be a whole number above 0, not 0',
    ],
    [
      'a breaker that never opens',
      { breaker: { failures: Infinity } },
      'breaker.failures must be a whole number above 0',
    ],
    ['a lock without a lifetime', { lock: { ttlMs: 0 } }, 'lock.ttlMs must be a whole number of milliseconds above 0'],
    [
      'a codec named with a colon',
      { codec: { name: 'my:codec', binary: false, encode: String, decode: String } },
      'codec name "my:codec" must be lowercase letters, digits and hyphens',
    ],
  ])('refuses %s, naming the cache and the option', (_, options, message) => {
    expect(() => cache('unitBadOption', options)).toThrow(
      new RegExp(`^cache\\("unitBadOption"\\): ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
  });

  it.each([0, -1, 1.5, Number.NaN, Infinity])('refuses a timeout of %s', (value) => {
    expect(() => cache(`unitBad${String(value).replace(/\W/g, '')}`, { connectTimeoutMs: value })).toThrow(
      /connectTimeoutMs must be a whole number of milliseconds above 0, not/,
    );
    expect(() => cache(`unitBadCommand${String(value).replace(/\W/g, '')}`, { commandTimeoutMs: value })).toThrow(
      CacheConfigError,
    );
  });

  it('names the variable it looked for when the function did not declare the cache', async () => {
    process.env.STATEFUL_TABLE_CARTS = 'carts-table';
    try {
      const error = await cache('unitMissing')
        .connection()
        .catch((thrown: unknown) => thrown);
      expect(error).toBeInstanceOf(ResourceNotDeclaredError);
      expect((error as Error).message).toMatch(
        /^cache unitMissing is not declared for this function: STATEFUL_CACHE_UNITMISSING is not set\..*It declares: .*table carts/,
      );
    } finally {
      delete process.env.STATEFUL_TABLE_CARTS;
    }
  });

  it('refuses a malformed variable before any connection, and reads it again once fixed', async () => {
    process.env.STATEFUL_CACHE_UNITCATALOG = 'redis://:secret@127.0.0.1:6379';
    const catalog = cache('unitCatalog');
    await expect(catalog.connection()).rejects.toThrow(CacheConfigError);
    await expect(catalog.connection()).rejects.toThrow(
      /^STATEFUL_CACHE_UNITCATALOG \(cache unitCatalog\) has a password in it/,
    );
    // Fixed, and with no time left in the invocation: it does not even try.
    process.env.STATEFUL_CACHE_UNITCATALOG = 'redis://127.0.0.1:6379';
    const context = { getRemainingTimeInMillis: () => 80 };
    await expect(catalog.connection(context)).rejects.toThrow(
      new CacheConnectionError('unitCatalog', '127.0.0.1:6379', 'not connected, and no time is left to connect'),
    );
  });
});

describe('the ioredis settings', () => {
  const timeouts = { connectTimeoutMs: 1000, commandTimeoutMs: 500 };

  it('use TLS for rediss only, and bound every wait', () => {
    const plain = redisOptions(parseCacheAddress('c', 'V', 'redis://h:6379'), timeouts, {});
    expect(plain).toMatchObject({
      host: 'h',
      port: 6379,
      lazyConnect: true,
      connectTimeout: 1000,
      commandTimeout: 500,
      socketTimeout: 500,
      enableOfflineQueue: true,
      maxRetriesPerRequest: 1,
      retryStrategy: reconnectDelay,
    });
    expect(plain).not.toHaveProperty('tls');
    const secure = redisOptions(parseCacheAddress('c', 'V', 'rediss://h:6379'), timeouts, {
      username: 'u',
      password: 'p',
    });
    expect(secure).toMatchObject({ tls: {}, username: 'u', password: 'p' });
  });

  it('reconnect quickly first, back off to a second, and stop after ten attempts', () => {
    const delays = Array.from({ length: 11 }, (_, attempt) => reconnectDelay(attempt + 1));
    expect(delays).toEqual([50, 100, 200, 400, 800, 1000, 1000, 1000, 1000, 1000, null]);
  });
});

describe('the password secret', () => {
  const arn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:catalog-AbCdEf';

  it('is JSON with a password, and a username when the user is not the default one', () => {
    expect(credentialsFromSecret(arn, '{"password":"p4ss"}')).toEqual({ password: 'p4ss' });
    expect(
      credentialsFromSecret(arn, JSON.stringify({ username: 'app', password: 'p4ss', user_arn: 'arn:…' })),
    ).toEqual({ username: 'app', password: 'p4ss' });
  });

  it.each([
    [undefined, 'has no SecretString (a binary secret?)'],
    ['hunter2hunter2', 'is not JSON'],
    ['"hunter2hunter2"', 'is not a JSON object'],
    ['["hunter2hunter2"]', 'is not a JSON object'],
    ['{"pass":"hunter2hunter2"}', 'has no "password" string'],
    ['{"password":""}', 'has no "password" string'],
    ['{"password":"hunter2hunter2","username":7}', 'has a "username" that is not a non-empty string'],
  ])('refuses %s, saying what is wrong and never what it holds', (value, problem) => {
    let message = '';
    try {
      credentialsFromSecret(arn, value);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(`secret ${arn} ${problem}; it must be JSON: { "password": "…", "username": "…" (optional) }`);
    expect(message).not.toContain('hunter2');
  });
});

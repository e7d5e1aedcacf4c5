/**
 * @services redis, emulator
 */
// cache().connection() against the real Redis, and the emulator's Secrets Manager: a connection
// kept and reused, made again after a drop, bounded when Redis refuses, hangs or goes silent; IAM
// auth against a Redis ACL user (the signed token, its renewal on the open connection and on a
// reconnect); token auth from a secret, and its rotation; TLS; and, from the built package in both
// module systems, processes that end on their own without quit().
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import Redis from 'ioredis';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import {
  cache,
  CacheConnectionError,
  setSecretsManagerClient,
  type Cache,
  type CacheOptions,
} from '../../runtime/index';
import { parseCacheAddress } from '../../runtime/caches/cache-address';
import { NoAuth } from '../../runtime/caches/cache-auth';
import { CacheConnection } from '../../runtime/caches/connection';
import { IamAuth } from '../../runtime/caches/iam-auth';
import { environmentVariableName } from '../../runtime/environment';
import { awsClientConfig, endpointOf } from '../support/endpoints';
import { makeServiceDir, type ServiceDir } from '../support/service-dir';
import { refusingEndpoint, silentEndpoint, slowProxy } from '../support/wire';

const id = randomUUID().slice(0, 8);
const redisUrl = endpointOf('redis');
const { hostname: redisHost, port: redisPort } = new URL(redisUrl);
const admin = new Redis(redisUrl);
const declared: Cache[] = [];
const aclUsers: string[] = [];

/** A cache `name` whose variable holds `url`, disconnected after the tests. */
function declare(name: string, url: string, options?: CacheOptions): Cache {
  process.env[environmentVariableName('cache', name)] = url;
  const made = cache(name, options);
  declared.push(made);
  return made;
}

/** A Redis ACL user of this run with every right and `passwordRules` (`nopass`, `>secret`). */
async function aclUser(role: string, ...passwordRules: string[]): Promise<string> {
  const name = `stateful-${role}-${id}`;
  await admin.call('ACL', 'SETUSER', name, 'on', 'resetpass', ...passwordRules, '~*', '+@all');
  aclUsers.push(name);
  return name;
}

const clientId = (redis: Redis) => redis.client('ID');
const whoami = (redis: Redis) => redis.call('ACL', 'WHOAMI');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How `promise` settled, and after how long. */
async function timed(promise: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  try {
    await promise;
    return { error: undefined, ms: performance.now() - started };
  } catch (error) {
    return { error, ms: performance.now() - started };
  }
}

/**
 * A pass-through to the local Redis on `port` (a free one by default). `freeze()` makes the
 * connections open now go silent, as a network that forgot them would, while new ones pass.
 */
async function passThrough(port = 0) {
  const pairs = new Set<{ client: Socket; upstream: Socket; frozen: boolean }>();
  const server = createServer((client) => {
    const upstream = connect(Number(redisPort), redisHost);
    const pair = { client, upstream, frozen: false };
    pairs.add(pair);
    for (const socket of [client, upstream]) {
      socket.on('error', () => undefined);
      socket.on('close', () => {
        pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => pair.frozen || upstream.write(chunk));
    upstream.on('data', (chunk: Buffer) => pair.frozen || client.write(chunk));
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `redis://127.0.0.1:${(server.address() as AddressInfo).port}`,
    freeze: () => {
      for (const pair of pairs) pair.frozen = true;
    },
    close: async () => {
      for (const pair of pairs) pair.client.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

afterAll(async () => {
  for (const made of declared) made.disconnect();
  for (const user of aclUsers) await admin.call('ACL', 'DELUSER', user);
  admin.disconnect();
});

describe('a cache without AUTH', () => {
  it('connects through its variable once, and hands the same connection to every call', async () => {
    const catalog = declare(`plain${id}`, redisUrl);
    const redis = await catalog.connection();
    const key = `cache-test:${id}:plain`;
    await redis.set(key, 'value', 'PX', 10_000);
    expect(await redis.get(key)).toBe('value');
    const connected = await clientId(redis);
    expect(cache(`plain${id}`)).toBe(catalog);
    const again = await catalog.connection({ getRemainingTimeInMillis: () => 3000 });
    expect(again).toBe(redis);
    expect(await clientId(again)).toBe(connected);
  });

  it('reconnects on its own after its connection is killed mid-run: the next command succeeds', async () => {
    const sessions = declare(`dropped${id}`, redisUrl);
    const redis = await sessions.connection();
    const key = `cache-test:${id}:dropped`;

    // The next command right after the kill, on the client in hand.
    const first = await clientId(redis);
    await admin.client('KILL', 'ID', String(first));
    await expect(redis.set(key, 'after the first drop', 'PX', 10_000)).resolves.toBe('OK');
    const second = await clientId(redis);
    expect(second).not.toBe(first);

    // Once the client has seen the drop, through connection() as a handler would.
    const closed = once(redis, 'close');
    await admin.client('KILL', 'ID', String(second));
    await closed;
    const reconnected = await sessions.connection();
    expect(reconnected).toBe(redis);
    expect(await reconnected.get(key)).toBe('after the first drop');
    expect(await clientId(reconnected)).not.toBe(second);
  });
});

describe('a cache Redis does not answer', () => {
  it('fails connection() within connectTimeoutMs when the port is closed, naming cache and endpoint', async () => {
    const endpoint = (await refusingEndpoint()).replace('http:', 'redis:');
    const closed = declare(`closed${id}`, endpoint, { connectTimeoutMs: 300 });
    const { error, ms } = await timed(closed.connection());
    expect(error).toBeInstanceOf(CacheConnectionError);
    const failure = error as CacheConnectionError;
    expect(failure.cache).toBe(`closed${id}`);
    expect(failure.endpoint).toBe(new URL(endpoint).host);
    expect(failure.message).toMatch(
      new RegExp(
        `^cache closed${id} at ${failure.endpoint}: no ready connection within 300 ms: connect ECONNREFUSED .*` +
          'Can the function reach it \\(in the same VPC',
      ),
    );
    expect(ms).toBeLessThan(300 + 1500);
  });

  it('connects on a later connection() once Redis is back, after one that failed', async () => {
    const endpoint = (await refusingEndpoint()).replace('http:', 'redis:');
    const late = declare(`late${id}`, endpoint, { connectTimeoutMs: 300 });
    await expect(late.connection()).rejects.toThrow(CacheConnectionError);
    await sleep(500);
    // Redis comes up on that port.
    const redisBack = await passThrough(Number(new URL(endpoint).port));
    try {
      const redis = await late.connection();
      expect(await redis.ping()).toBe('PONG');
    } finally {
      late.disconnect();
      await redisBack.close();
    }
  });

  it('tries a connection idle for long with a PING before handing it out, and replaces it if the network forgot it', async () => {
    const proxy = await passThrough();
    const address = parseCacheAddress('thawed', 'STATEFUL_CACHE_THAWED', proxy.url);
    const timeouts = { connectTimeoutMs: 1000, commandTimeoutMs: 300 };
    const connection = new CacheConnection('thawed', address, timeouts, new NoAuth(), { idleProbeAfterMs: 200 });
    try {
      const redis = await connection.get(1000);
      const key = `cache-test:${id}:thawed`;
      await redis.set(key, 'before the freeze', 'PX', 10_000);
      const before = await clientId(redis);
      // A container frozen between invocations, and a network that dropped the connection meanwhile.
      await sleep(300);
      proxy.freeze();
      const { error, ms } = await timed(connection.get(1000));
      expect(error).toBeUndefined();
      expect(ms).toBeLessThan(1000 + 1500);
      const thawed = await connection.get(1000);
      expect(await thawed.get(key)).toBe('before the freeze');
      expect(await clientId(thawed)).not.toBe(before);
    } finally {
      connection.disconnect();
      await proxy.close();
    }
  });

  it('fails connection() within connectTimeoutMs when the port takes the connection and never answers', async () => {
    const silent = await silentEndpoint();
    try {
      const hanging = declare(`silent${id}`, `redis://${silent.address}`, { connectTimeoutMs: 300 });
      const { error, ms } = await timed(hanging.connection());
      expect(error).toBeInstanceOf(CacheConnectionError);
      expect((error as Error).message).toMatch(
        new RegExp(`^cache silent${id} at ${silent.address}: no ready connection within 300 ms: no answer\\.`),
      );
      expect(ms).toBeGreaterThanOrEqual(290);
      expect(ms).toBeLessThan(300 + 1500);
    } finally {
      await silent.close();
    }
  });

  it('fails a command within commandTimeoutMs when Redis goes silent mid-run, then replaces the connection', async () => {
    const proxy = await slowProxy(redisUrl.replace('redis:', 'http:'), 0);
    try {
      const slow = declare(`slow${id}`, proxy.endpoint.replace('http:', 'redis:'), { commandTimeoutMs: 300 });
      const redis = await slow.connection();
      const key = `cache-test:${id}:slow`;
      await redis.set(key, 'before', 'PX', 10_000);
      const before = await clientId(redis);

      proxy.delayMs = 5000;
      const { error, ms } = await timed(redis.get(key));
      proxy.delayMs = 0;
      expect((error as Error).message).toBe('Command timed out');
      expect(ms).toBeGreaterThanOrEqual(290);
      expect(ms).toBeLessThan(300 + 1500);

      // Silent for commandTimeoutMs after a command: the socket is dropped and a new one made.
      const replaced = await slow.connection();
      expect(await replaced.get(key)).toBe('before');
      expect(await clientId(replaced)).not.toBe(before);
    } finally {
      await proxy.close();
    }
  });

  it('fails commands within commandTimeoutMs when Redis is gone mid-run, and connection() within connectTimeoutMs', async () => {
    const proxy = await slowProxy(redisUrl.replace('redis:', 'http:'), 0);
    const gone = declare(`gone${id}`, proxy.endpoint.replace('http:', 'redis:'), {
      connectTimeoutMs: 400,
      commandTimeoutMs: 300,
    });
    const redis = await gone.connection();
    await proxy.close();
    const commands = await Promise.all([1, 2, 3].map(() => timed(redis.get(`cache-test:${id}:gone`))));
    for (const { error, ms } of commands) {
      expect(error).toBeInstanceOf(Error);
      expect(ms).toBeLessThan(300 + 1500);
    }
    const { error, ms } = await timed(gone.connection());
    expect(error).toBeInstanceOf(CacheConnectionError);
    expect((error as Error).message).toMatch(/no ready connection within 400 ms: connect ECONNREFUSED/);
    expect(ms).toBeLessThan(400 + 1500);
  });
});

/** The X-Amz-Date of an IAM auth token. */
const signedAt = (token: string | undefined) => new URL(`http://${token ?? ''}`).searchParams.get('X-Amz-Date') ?? '';

/** Redis's ACL LOG, each entry as an object. */
async function aclLog(): Promise<Record<string, unknown>[]> {
  const entries = (await admin.call('ACL', 'LOG', '128')) as unknown[][];
  return entries.map((entry) => {
    const fields: Record<string, unknown> = {};
    for (let at = 0; at < entry.length; at += 2) fields[String(entry[at])] = entry[at + 1];
    return fields;
  });
}

describe('IAM auth', () => {
  it('signs a token for the user and cache of its variable, and authenticates as that user', async () => {
    const user = await aclUser('iam', 'nopass');
    const catalog = declare(
      `iam${id}`,
      `redis://${user}@${redisHost}:${redisPort}?auth=iam&cache=catalog-${id}&serverless=true`,
    );
    const redis = await catalog.connection();
    expect(await whoami(redis)).toBe(user);
    expect(redis.options.username).toBe(user);
    expect(redis.options.password).toMatch(
      new RegExp(
        `^catalog-${id}/\\?Action=connect&ResourceType=ServerlessCache&User=${user}&X-Amz-Algorithm=AWS4-HMAC-SHA256` +
          '&X-Amz-Credential=test%2F\\d{8}%2Fus-east-1%2Felasticache%2Faws4_request&X-Amz-Date=\\d{8}T\\d{6}Z' +
          '&X-Amz-Expires=900&X-Amz-Signature=[0-9a-f]{64}&X-Amz-SignedHeaders=host$',
      ),
    );
  });

  it('renews the token on a timer: the open connection re-authenticates without a reconnect, and a reconnect uses it', async () => {
    const user = await aclUser('iamrenew', 'nopass');
    const address = parseCacheAddress(
      'sessions',
      'STATEFUL_CACHE_SESSIONS',
      `redis://${user}@${redisHost}:${redisPort}?auth=iam&cache=sessions-${id}&serverless=false`,
    );
    if (address.auth.kind !== 'iam') throw new Error('an IAM address was expected');
    const auth = new IamAuth(address.auth, { renewAfterMs: 1500 });
    const connection = new CacheConnection(
      'sessions',
      address,
      { connectTimeoutMs: 1000, commandTimeoutMs: 500 },
      auth,
    );
    try {
      const redis = await connection.get(1000);
      const connected = await clientId(redis);
      const firstToken = redis.options.password;
      // From now on only "only-this" opens a connection as this user; the open one stays as it is.
      await admin.call('ACL', 'SETUSER', user, 'resetpass', '>only-this');

      // Commands keep flowing while the token is renewed.
      let commands = 0;
      const deadline = Date.now() + 5000;
      while (redis.options.password === firstToken && Date.now() < deadline) {
        await redis.ping();
        commands += 1;
        await sleep(25);
      }
      const renewedToken = redis.options.password;
      auth.stop();
      expect(renewedToken).not.toBe(firstToken);
      expect(signedAt(renewedToken) > signedAt(firstToken)).toBe(true);
      expect(commands).toBeGreaterThan(10);
      expect(await clientId(redis)).toBe(connected);

      // The renewed token went to Redis over the open connection, as AUTH: Redis (which now takes
      // only "only-this") refused it and logged the refusal against this very connection, which
      // stays authenticated.
      const refusals = (await aclLog()).filter((entry) => entry.username === user && entry.reason === 'auth');
      expect(refusals.some((entry) => String(entry['client-info']).includes(`id=${connected} `))).toBe(true);
      expect(await whoami(redis)).toBe(user);

      // A reconnect authenticates with the renewed token.
      await admin.call('ACL', 'SETUSER', user, 'resetpass', `>${String(renewedToken)}`);
      await admin.client('KILL', 'ID', String(connected));
      expect(await redis.ping()).toBe('PONG');
      expect(await whoami(redis)).toBe(user);
      expect(await clientId(redis)).not.toBe(connected);
    } finally {
      connection.disconnect();
    }
  });

  it('fails connection() naming the grant it needs when Redis refuses the token, and never shows the token', async () => {
    const user = await aclUser('iamrefused', '>not-a-token');
    const refused = declare(
      `iamrefused${id}`,
      `redis://${user}@${redisHost}:${redisPort}?auth=iam&cache=refused-${id}&serverless=false`,
      { connectTimeoutMs: 500 },
    );
    const { error } = await timed(refused.connection());
    expect(error).toBeInstanceOf(CacheConnectionError);
    const message = (error as Error).message;
    expect(message).toMatch(
      new RegExp(
        `^cache iamrefused${id} at ${redisHost}:${redisPort}: no ready connection within 500 ms: WRONGPASS .*\\. ` +
          `Redis refused the IAM auth token: the function's role needs elasticache:Connect on cache refused-${id} ` +
          `and on user ${user}`,
      ),
    );
    expect(message).not.toContain('X-Amz-Signature');
  });
});

describe('token auth', () => {
  const secrets = new SecretsManagerClient(awsClientConfig('emulator'));
  let reads = 0;
  secrets.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'GetSecretValueCommand') reads += 1;
      return next(args);
    },
    { step: 'initialize' },
  );
  const secretArns: string[] = [];

  beforeAll(() => {
    setSecretsManagerClient(secrets);
  });
  afterAll(async () => {
    setSecretsManagerClient(undefined);
    for (const arn of secretArns) {
      await secrets.send(new DeleteSecretCommand({ SecretId: arn, ForceDeleteWithoutRecovery: true }));
    }
  });

  it('reads the password from its secret once per container, and once more after a rotation', async () => {
    const logged = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      jest.spyOn(console, level).mockImplementation(() => undefined),
    );
    try {
      const firstPassword = randomBytes(24).toString('base64url');
      const user = await aclUser('token', `>${firstPassword}`);
      const created = await secrets.send(
        new CreateSecretCommand({
          Name: `cache-test-${id}`,
          SecretString: JSON.stringify({ username: user, password: firstPassword }),
        }),
      );
      const arn = created.ARN ?? '';
      secretArns.push(arn);
      const sessions = declare(
        `token${id}`,
        `redis://${redisHost}:${redisPort}?auth=token&secret=${encodeURIComponent(arn)}`,
      );

      reads = 0;
      const redis = await sessions.connection();
      expect(await whoami(redis)).toBe(user);
      await sessions.connection();
      expect(reads).toBe(1);

      // Rotation: a new password for the user and in the secret; the connection drops.
      const secondPassword = randomBytes(24).toString('base64url');
      await admin.call('ACL', 'SETUSER', user, 'resetpass', `>${secondPassword}`);
      await secrets.send(
        new PutSecretValueCommand({
          SecretId: arn,
          SecretString: JSON.stringify({ username: user, password: secondPassword }),
        }),
      );
      const closed = once(redis, 'close');
      await admin.client('KILL', 'USER', user);
      await closed;

      // Redis refuses the old password; the secret is read again, once, and the next reconnect is in.
      const reconnected = await sessions.connection();
      expect(reconnected).toBe(redis);
      expect(await whoami(reconnected)).toBe(user);
      expect(reads).toBe(2);
      expect(redis.options.password).toBe(secondPassword);

      const output = logged.flatMap((spy) => spy.mock.calls.map((call) => call.map(String).join(' ')));
      expect(output.filter((line) => line.includes(firstPassword) || line.includes(secondPassword))).toEqual([]);
    } finally {
      for (const spy of logged) spy.mockRestore();
    }
  });

  it('names the secret when it cannot be read', async () => {
    const missing = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:no-such-secret-AbCdEf';
    const orphan = declare(`nosecret${id}`, `redis://${redisHost}:${redisPort}?auth=token&secret=${missing}`);
    const { error } = await timed(orphan.connection());
    expect(error).toBeInstanceOf(CacheConnectionError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^cache nosecret${id} at ${redisHost}:${redisPort}: could not read the cache's password from ` +
          `Secrets Manager secret ${missing}: .*can't find`,
      ),
    );
  });
});

/**
 * Runs `file` in `cwd` with `env`. A process that does not end on its own (a socket or a timer
 * holding it) is killed after `limitMs`, and its code is null.
 */
function runNode(
  cwd: string,
  file: string,
  env: Record<string, string>,
  limitMs = 15_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file], { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout: stdout.trim(), stderr });
    });
  });
}

const handlerMjs = `import { cache } from '@serverless-stateful/runtime';
const redis = await cache('catalog').connection();
await redis.set(process.env.KEY, 'from esm', 'PX', 10000);
console.log(await redis.get(process.env.KEY));
`;
const handlerCjs = `const { cache } = require('@serverless-stateful/runtime');
cache('catalog').connection().then(
  async (redis) => {
    await redis.set(process.env.KEY, 'from cjs', 'PX', 10000);
    console.log(await redis.get(process.env.KEY));
  },
  (error) => {
    console.log(error.name + ': ' + error.message);
    process.exitCode = 1;
  },
);
`;

const unreachableCjs = `const { cache } = require('@serverless-stateful/runtime');
cache('catalog', { connectTimeoutMs: 300 }).connection().catch((error) => {
  console.log(error.name);
  console.log(Date.now());
});
`;

describe('the built package', () => {
  let project: ServiceDir;
  beforeAll(() => {
    project = makeServiceDir({
      'handler.mjs': handlerMjs,
      'handler.cjs': handlerCjs,
      'unreachable.cjs': unreachableCjs,
    });
  });
  afterAll(() => project.remove());

  it.each(['handler.mjs', 'handler.cjs'])(
    'serves %s a connection, and the process ends on its own without quit()',
    async (file) => {
      const ran = await runNode(project.path, file, {
        STATEFUL_CACHE_CATALOG: redisUrl,
        KEY: `cache-test:${id}:${file}`,
      });
      expect(ran).toMatchObject({ code: 0, stdout: file === 'handler.mjs' ? 'from esm' : 'from cjs' });
    },
  );

  it('ends on its own with IAM auth too: the renewal timer keeps nothing alive', async () => {
    const user = await aclUser('iamprocess', 'nopass');
    const ran = await runNode(project.path, 'handler.cjs', {
      STATEFUL_CACHE_CATALOG: `redis://${user}@${redisHost}:${redisPort}?auth=iam&cache=c-${id}&serverless=true`,
      KEY: `cache-test:${id}:iam-process`,
    });
    expect(ran).toMatchObject({ code: 0, stdout: 'from cjs' });
  });

  it('leaves nothing running after connection() fails: the process ends at once', async () => {
    const endpoint = (await refusingEndpoint()).replace('http:', 'redis:');
    const ran = await runNode(project.path, 'unreachable.cjs', { STATEFUL_CACHE_CATALOG: endpoint });
    const ended = Date.now();
    const [name, failedAt] = ran.stdout.split('\n');
    expect({ code: ran.code, name }).toEqual({ code: 0, name: 'CacheConnectionError' });
    // ioredis on its own holds a closing socket's process up to 2 s.
    expect(ended - Number(failedAt)).toBeLessThan(1000);
  });

  describe('over TLS', () => {
    let tlsServer: TlsServer;
    let port = 0;
    let certificate = '';

    beforeAll(async () => {
      // A certificate for localhost only, and a TLS front for the local Redis that presents it.
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=localhost',
          '-addext',
          'subjectAltName=DNS:localhost',
          '-keyout',
          join(project.path, 'key.pem'),
          '-out',
          join(project.path, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      certificate = join(project.path, 'cert.pem');
      const sockets = new Set<Socket>();
      tlsServer = createTlsServer(
        { key: readFileSync(join(project.path, 'key.pem')), cert: readFileSync(certificate) },
        (client) => {
          const upstream = connect(Number(redisPort), redisHost);
          for (const socket of [client, upstream]) {
            sockets.add(socket);
            socket.on('error', () => undefined);
            socket.on('close', () => sockets.delete(socket));
          }
          client.pipe(upstream).pipe(client);
        },
      );
      tlsServer.on('close', () => {
        for (const socket of sockets) socket.destroy();
      });
      tlsServer.listen(0, '127.0.0.1');
      await once(tlsServer, 'listening');
      port = (tlsServer.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => tlsServer.close(() => resolve())));

    it("connects with rediss://, checking the certificate against Node's trusted CAs and the host", async () => {
      const key = `cache-test:${id}:tls`;
      const trusted = await runNode(project.path, 'handler.cjs', {
        STATEFUL_CACHE_CATALOG: `rediss://localhost:${port}`,
        NODE_EXTRA_CA_CERTS: certificate,
        KEY: key,
      });
      expect(trusted).toMatchObject({ code: 0, stdout: 'from cjs' });

      const untrusted = await runNode(project.path, 'handler.cjs', {
        STATEFUL_CACHE_CATALOG: `rediss://localhost:${port}`,
        KEY: key,
      });
      expect(untrusted.stdout).toMatch(
        new RegExp(
          `^CacheConnectionError: cache catalog at localhost:${port}: no ready connection within 1000 ms: self[- ]signed certificate`,
        ),
      );

      const otherHost = await runNode(project.path, 'handler.cjs', {
        STATEFUL_CACHE_CATALOG: `rediss://127.0.0.1:${port}`,
        NODE_EXTRA_CA_CERTS: certificate,
        KEY: key,
      });
      expect(otherHost.stdout).toMatch(/^CacheConnectionError: .*Hostname\/IP does not match certificate's altnames/);
    });
  });
});

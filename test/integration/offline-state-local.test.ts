/**
 * @services dynamodb
 */
// Local tools see the state tables: `serverless state:local` creates them in DynamoDB Local
// under the names a deploy of the stage gives them, and a handler served by serverless-offline
// (under osls) reads and writes them through the STATEFUL_TABLE_* variable the plugin injects.
import {
  DeleteTableCommand,
  DynamoDBClient,
  GetItemCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { runServerless } from '../../testing/local-aws/serverless-cli';
import { awsClientConfig, endpointOf } from '../support/endpoints';
import { frameworks } from '../support/package-service';
import { makeServiceDir, type ServiceDir } from '../support/service-dir';

jest.setTimeout(180_000);

const fixtureDir = join(__dirname, '..', 'fixtures', 'offline-service');
// Its exports hold no package.json: the folder is the one above its entry point, src/index.js.
const offlinePackage = resolve(dirname(require.resolve('serverless-offline')), '..');
const stage = `offline-${process.pid}`;
const tableName = `offline-visits-${stage}-visits`;
const client = new DynamoDBClient(awsClientConfig('dynamodb'));

/** A port nothing listens on now, from the system. */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** `serverless offline`, in a process group of its own; resolves once it serves, with its output so far. */
function startOffline(cwd: string, httpPort: number, lambdaPort: number) {
  const child = spawn(
    process.execPath,
    [
      frameworks['osls 4'],
      'offline',
      '--stage',
      stage,
      '--httpPort',
      String(httpPort),
      '--lambdaPort',
      String(lambdaPort),
    ],
    {
      cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        // The handler's SDK, in serverless-offline's process, reaches DynamoDB Local.
        AWS_ENDPOINT_URL_DYNAMODB: endpointOf('dynamodb'),
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
      },
    },
  );
  let output = '';
  const ready = new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`serverless offline did not start in 90 s:\n${output}`)), 90_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Server ready')) {
        clearTimeout(timer);
        resolveReady();
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serverless offline exited with ${code}:\n${output}`));
    });
  });
  return { child, ready, output: () => output };
}

/** Ends the process group; SIGKILL if it is still there after 10 s. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function stateLocal(cwd: string, ...args: string[]): Promise<string> {
  const run = await runServerless(['state:local', '--stage', stage, ...args], { cwd });
  if (run.code !== 0) throw new Error(`serverless state:local failed:\n${run.output}`);
  return run.output;
}

const storedCount = async (page: string) => {
  const { Item } = await client.send(
    new GetItemCommand({ TableName: tableName, Key: { page: { S: page } }, ConsistentRead: true }),
  );
  return Item?.count?.N;
};

let service: ServiceDir | undefined;

beforeAll(() => {
  const files = ['serverless.yml', 'handler.js', 'seed.yml'];
  const dir = makeServiceDir(
    Object.fromEntries(files.map((file) => [file, readFileSync(join(fixtureDir, file), 'utf8')])),
  );
  symlinkSync(offlinePackage, join(dir.path, 'node_modules', 'serverless-offline'), 'dir');
  service = dir;
});

afterAll(async () => {
  service?.remove();
  await client.send(new DeleteTableCommand({ TableName: tableName })).catch((error: unknown) => {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  });
  client.destroy();
});

test('a handler served by serverless-offline reads and writes the table state:local created', async () => {
  if (!service) throw new Error('the service folder was not made');
  // The endpoint comes from the harness's STATEFUL_LOCAL_DYNAMODB_ENDPOINT, in the environment.
  const created = await stateLocal(service.path, '--seed', 'seed.yml');
  expect(created).toContain(`visits (${tableName}): created at ${endpointOf('dynamodb')}`);
  expect(created).toContain(`put 1 item(s) from ${join(service.path, 'seed.yml')}`);

  const httpPort = await freePort();
  let lambdaPort = await freePort();
  while (lambdaPort === httpPort) lambdaPort = await freePort(); // the system may hand the same one out again
  const offline = startOffline(service.path, httpPort, lambdaPort);
  try {
    await offline.ready;
    const visit = async () => {
      const response = await fetch(`http://127.0.0.1:${httpPort}/visits/home`, {
        method: 'POST',
        signal: AbortSignal.timeout(30_000),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { page: string; count: number };
    };
    // The handler reads the seeded count, then what its first call wrote, from DynamoDB Local.
    expect(await visit()).toEqual({ page: 'home', count: 41 });
    expect(await visit()).toEqual({ page: 'home', count: 42 });
    expect(await storedCount('home')).toBe('42');
  } finally {
    await stop(offline.child);
  }

  // Again: the table is left as it is, with its items; --reset drops and recreates it, empty.
  expect(await stateLocal(service.path)).toContain(`visits (${tableName}): exists, left as it is`);
  expect(await storedCount('home')).toBe('42');
  expect(await stateLocal(service.path, '--reset')).toContain(`visits (${tableName}): dropped and created again`);
  expect(await storedCount('home')).toBeUndefined();
});

// What a function's zip carries when its service is packaged without a bundler: a 10-line handler
// reading one DynamoDB item, in throwaway projects installed from the workspace's tarballs and
// packaged by osls as `serverless package` does (devDependencies left out). Beside it, in the same
// run: Powertools idempotency and the bare SDK clients, each installed as their users do; the
// shape before the split (plugin and runtime in one production dependency); and each with the AWS
// SDK's scopes left out by `package.patterns`, as Lambda's Node.js runtimes provide them.
//
//   npm run bench:function-zip
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');
const osls = join(root, 'node_modules', 'osls', 'bin', 'serverless.js');

/** The version of `name` this repository locked: what was tested, and what npm's cache holds. */
function locked(name: string): string {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version?: string }>;
  };
  const version = lock.packages[`node_modules/${name}`]?.version;
  if (!version) throw new Error(`${name} is not in package-lock.json`);
  return version;
}

const sdk = ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb', '@aws-sdk/util-dynamodb'];

const handlers = {
  runtime: `const { table } = require('@serverless-stateful/runtime');

const carts = table('carts');

exports.handler = async (event) => {
  const cart = await carts.get({ cartId: event.cartId });
  return cart
    ? { statusCode: 200, body: JSON.stringify(cart) }
    : { statusCode: 404, body: JSON.stringify({ message: 'no such cart' }) };
};
`,
  powertools: `const { makeIdempotent } = require('@aws-lambda-powertools/idempotency');
const { DynamoDBPersistenceLayer } = require('@aws-lambda-powertools/idempotency/dynamodb');

const persistenceStore = new DynamoDBPersistenceLayer({ tableName: process.env.IDEMPOTENCY_TABLE });

exports.handler = makeIdempotent(async (event) => {
  return { statusCode: 200, body: JSON.stringify({ charged: event.orderId }) };
}, { persistenceStore });
`,
  sdk: `const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient, GetCommand } = require('@aws-sdk/lib-dynamodb');

const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));

exports.handler = async (event) => {
  const { Item } = await client.send(new GetCommand({ TableName: process.env.CARTS, Key: { cartId: event.cartId } }));
  return Item ? { statusCode: 200, body: JSON.stringify(Item) } : { statusCode: 404, body: '{}' };
};
`,
} as const;

interface Scenario {
  readonly handler: keyof typeof handlers;
  readonly dependencies: Record<string, string>;
  readonly devDependencies: Record<string, string>;
  /** Whether the service declares its state with the plugin. */
  readonly plugin: boolean;
  /** Whether `package.patterns` leaves the AWS SDK's scopes out, as Lambda's Node.js runtimes have it. */
  readonly sdkFromLambda: boolean;
}

const versions = (names: readonly string[]) => Object.fromEntries(names.map((name) => [name, locked(name)]));

/** The AWS SDK v3's own scopes: what a service packaged without a bundler may leave to Lambda. */
export const sdkScopes = ['@aws-sdk', '@smithy', '@aws-crypto'];

function scenarios(tarballs: { plugin: string; runtime: string }): Record<string, Scenario> {
  // As the README says: the runtime in dependencies, the plugin in devDependencies.
  const runtime = {
    handler: 'runtime',
    dependencies: { '@serverless-stateful/runtime': `file:${tarballs.runtime}` },
    devDependencies: { 'serverless-stateful': `file:${tarballs.plugin}` },
    plugin: true,
  } as const;
  // Powertools' SDK clients are optional peers: its users install those they use.
  const powertools = {
    handler: 'powertools',
    dependencies: versions(['@aws-lambda-powertools/idempotency', ...sdk]),
    devDependencies: {},
    plugin: false,
  } as const;
  const bare = { handler: 'sdk', dependencies: versions(sdk), devDependencies: {}, plugin: false } as const;
  return {
    runtime: { ...runtime, sdkFromLambda: false },
    'runtime, SDK left to Lambda': { ...runtime, sdkFromLambda: true },
    // One package carried the plugin, the runtime and the kit: a production dependency of every
    // function that used the runtime.
    'before the split: one package in dependencies': {
      handler: 'runtime',
      dependencies: {
        'serverless-stateful': `file:${tarballs.plugin}`,
        '@serverless-stateful/runtime': `file:${tarballs.runtime}`,
      },
      devDependencies: {},
      plugin: true,
      sdkFromLambda: false,
    },
    'Powertools idempotency': { ...powertools, sdkFromLambda: false },
    'Powertools idempotency, SDK left to Lambda': { ...powertools, sdkFromLambda: true },
    'bare SDK': { ...bare, sdkFromLambda: false },
    'bare SDK, SDK left to Lambda': { ...bare, sdkFromLambda: true },
  };
}

const serverlessYml = ({ plugin, sdkFromLambda }: Scenario) =>
  [
    'service: zipbench',
    'provider: { name: aws, runtime: nodejs22.x, region: us-east-1 }',
    ...(sdkFromLambda
      ? ['package:', '  patterns:', ...sdkScopes.map((scope) => `    - '!node_modules/${scope}/**'`)]
      : []),
    ...(plugin ? ['plugins: [serverless-stateful]', 'state:', '  tables:', '    carts: { partitionKey: cartId }'] : []),
    'functions:',
    '  getCart:',
    '    handler: handler.handler',
    ...(plugin ? ['    state: { carts: read }'] : []),
    '',
  ].join('\n');

interface ZipFigures {
  zipBytes: number;
  files: number;
  unpackedBytes: number;
  /** The packages under node_modules in the zip, by name. */
  packages: string[];
  installMs: number;
}

function packageScenario(dir: string, scenario: Scenario): ZipFigures {
  mkdirSync(dir);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: 'zipbench',
        private: true,
        dependencies: scenario.dependencies,
        devDependencies: scenario.devDependencies,
      },
      null,
      2,
    ),
  );
  writeFileSync(join(dir, 'handler.js'), handlers[scenario.handler]);
  writeFileSync(join(dir, 'serverless.yml'), serverlessYml(scenario));
  const installStarted = Date.now();
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: dir,
    stdio: 'pipe',
  });
  const installMs = Date.now() - installStarted;
  const env = {
    ...process.env,
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_REGION: 'us-east-1',
    SLS_TELEMETRY_DISABLED: '1',
  };
  const run = spawnSync(process.execPath, [osls, 'package'], { cwd: dir, env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`osls package failed in ${dir}:\n${run.stdout}\n${run.stderr}`);
  const zip = join(dir, '.serverless', 'zipbench.zip');
  const listing = execFileSync('zipinfo', ['-l', zip], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 })
    .split('\n')
    .filter((line) => /^[-l]/.test(line));
  const names = listing.map((line) => line.split(/\s+/).slice(9).join(' '));
  const packages = new Set<string>();
  for (const name of names) {
    const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(name);
    if (match?.[1]) packages.add(match[1]);
  }
  return {
    zipBytes: statSync(zip).size,
    files: names.length,
    unpackedBytes: listing.reduce((sum, line) => sum + Number(line.split(/\s+/)[3] ?? 0), 0),
    packages: [...packages].sort(),
    installMs,
  };
}

function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'stateful-function-zip-'));
  try {
    const packed = (folder: string) => {
      const [result] = JSON.parse(
        execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], {
          cwd: join(root, folder),
          encoding: 'utf8',
        }),
      ) as { filename: string }[];
      if (!result) throw new Error(`npm pack in ${folder} listed no tarball`);
      return join(work, result.filename);
    };
    const tarballs = { plugin: packed('.'), runtime: packed('runtime') };
    const results: Record<string, ZipFigures> = {};
    for (const [name, scenario] of Object.entries(scenarios(tarballs))) {
      results[name] = packageScenario(join(work, name.replace(/\W+/g, '-')), scenario);
      const { zipBytes, files, packages } = results[name];
      console.log(`${name}: ${(zipBytes / 1024).toFixed(0)} KiB zip, ${files} files, ${packages.length} packages`);
    }
    const figures = (name: string) => {
      const found = results[name];
      if (!found) throw new Error(`no results for ${name}`);
      return found;
    };
    const ratio = (a: string, b: string, measure: 'zipBytes' | 'files') => figures(a)[measure] / figures(b)[measure];
    const ratios = {
      'runtime vs before the split (zip bytes)': ratio(
        'runtime',
        'before the split: one package in dependencies',
        'zipBytes',
      ),
      'runtime vs before the split (files)': ratio('runtime', 'before the split: one package in dependencies', 'files'),
      'runtime vs Powertools idempotency (zip bytes)': ratio('runtime', 'Powertools idempotency', 'zipBytes'),
      'runtime vs bare SDK (zip bytes)': ratio('runtime', 'bare SDK', 'zipBytes'),
      'SDK left to Lambda: runtime vs Powertools idempotency (zip bytes)': ratio(
        'runtime, SDK left to Lambda',
        'Powertools idempotency, SDK left to Lambda',
        'zipBytes',
      ),
    };
    for (const [name, ratio] of Object.entries(ratios)) console.log(`${name}: x${ratio.toFixed(3)}`);
    mkdirSync(join(root, 'bench', 'results'), { recursive: true });
    writeFileSync(
      join(root, 'bench', 'results', 'function-zip.json'),
      JSON.stringify({ date: new Date().toISOString(), node: process.version, results, ratios }, null, 2) + '\n',
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();

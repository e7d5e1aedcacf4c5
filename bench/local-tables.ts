// The fast path, timed on the shop: localTables() (read serverless.yml, create its 7 tables in
// DynamoDB Local, seed them), then a handler test against them (reset() and one invocation of the
// shop's getCart handler), beside what resolving the same serverless.yml with the framework's
// `serverless print` costs, the alternative localTables does without.
//
//   npm run bench:local-tables          (RUNS=10 localTables calls, CALLS=200 handler calls)
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startLocalAws } from '../testing/local-aws';
import { localTables } from '../testing/local-tables';
import { ms, percentile } from './stats';

const runs = Number(process.env.RUNS ?? 10);
const calls = Number(process.env.CALLS ?? 200);
const shopDir = resolve(__dirname, '..');

const timed = async <T>(action: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await action();
  return [result, performance.now() - started];
};

const summary = (samples: number[]) => ({ p50: percentile(samples, 50), max: Math.max(...samples) });

function printTimes(): number[] {
  const osls = require.resolve('osls/bin/serverless.js');
  const samples: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [osls, 'print', '--format', 'json', '--stage', 'test'], {
      cwd: shopDir,
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`serverless print failed:\n${result.stderr}`);
    samples.push(performance.now() - started);
  }
  return samples;
}

/**
 * A test file's first call, as a user's runs it: a new node process loading the compiled package
 * (npm run build), then calling localTables once. Prints [load ms, first call ms].
 */
function coldStart(endpoint: string): [number, number] {
  const script = `
    const started = performance.now();
    const { localTables } = require(${JSON.stringify(join(shopDir, 'dist', 'cjs', 'testing'))});
    const loaded = performance.now();
    localTables(${JSON.stringify(shopDir)}, { endpoint: ${JSON.stringify(endpoint)} }).then(async (tables) => {
      const called = performance.now();
      await tables.drop();
      console.log(JSON.stringify([loaded - started, called - loaded]));
    });`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`the cold start failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as [number, number];
}

async function main() {
  const localAws = await startLocalAws({ services: ['dynamodb'], log: () => undefined });
  try {
    const seed = { carts: [{ cartId: 'c-1', items: [{ sku: 'tea', quantity: 2 }], version: 1 }] };
    // The first call loads the plugin's compiler and the YAML parser (here through tsx, which compiles
    // them too); later ones in a process do not.
    const [first, firstMs] = await timed(() => localTables(shopDir, { seed }));
    await first.drop();
    const create: number[] = [];
    const drop: number[] = [];
    for (let run = 0; run < runs; run++) {
      const [tables, created] = await timed(() => localTables(shopDir, { seed }));
      create.push(created);
      drop.push((await timed(() => tables.drop()))[1]);
    }

    const tables = await localTables(shopDir, { seed });
    const handlerCalls: number[] = [];
    const resets: number[] = [];
    try {
      // The shop's handler as written: it imports @serverless-stateful/runtime.
      const { handler } = (await import(join(shopDir, 'functions', 'cart', 'get-cart'))) as {
        handler: (event: object) => Promise<{ statusCode: number }>;
      };
      const event = { pathParameters: { id: 'c-1' }, requestContext: { http: { method: 'GET' } } };
      for (let call = 0; call < calls; call++) {
        resets.push((await timed(() => tables.reset()))[1]);
        const [response, elapsed] = await timed(() => handler(event));
        if (response.statusCode !== 200) throw new Error(`getCart answered ${response.statusCode}`);
        handlerCalls.push(elapsed);
      }
    } finally {
      await tables.drop();
    }

    const cold = Array.from({ length: 5 }, () => coldStart(localAws.endpoints.dynamodb ?? ''));
    const print = printTimes();
    const results = {
      'load serverless-stateful/testing (dist)': summary(cold.map(([load]) => load)),
      'localTables, first call in a process (dist)': summary(cold.map(([, call]) => call)),
      'localTables, first call in a process (tsx)': { p50: firstMs, max: firstMs },
      localTables: summary(create),
      drop: summary(drop),
      reset: summary(resets),
      'getCart handler call': summary(handlerCalls),
      'serverless print (osls), for comparison': summary(print),
    };
    for (const [name, { p50, max }] of Object.entries(results)) {
      console.log(`${name.padEnd(46)} p50 ${ms(p50).padStart(8)}   max ${ms(max).padStart(8)}`);
    }
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    writeFileSync(
      join(__dirname, 'results', 'local-tables.json'),
      JSON.stringify({ date: new Date().toISOString(), node: process.version, runs, calls, results }, null, 2) + '\n',
    );
  } finally {
    await localAws.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

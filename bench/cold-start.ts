// What importing the runtime costs a handler's cold start, beside what it would cost without it.
// Each sample is a fresh node process that imports one handler and waits for the modules its
// declared helpers started loading (table('carts') at top level starts DynamoDB's): the time from
// the import to that point, the CPU time it took (less blurred than wall time on a busy machine),
// the whole process's wall time, and its peak memory. Handlers using
// only table(), only idempotent(), only bus(), and all of them (with transact() and workflow()),
// unbundled (the runtime package's dist/cjs) and bundled with esbuild as for Lambda (platform node, CJS,
// the AWS SDK external). Beside them: Powertools idempotency with its DynamoDB layer, and
// @aws-sdk/client-dynamodb with @aws-sdk/lib-dynamodb alone. Variants run in turn within each
// round, the order rotating, so machine noise hits all alike.
//
//   npm run bench:cold-start            (RUNS=15 by default)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildSync } from 'esbuild';
import { ms, percentile } from './stats';

const root = resolve(__dirname, '..');
const runs = Number(process.env.RUNS ?? 15);
const runtime = '@serverless-stateful/runtime';
/** Resolves the started loads of the very runtime instance the handler imported. */
const startedModules = (format: 'cjs' | 'esm') => join(root, 'runtime', 'dist', format, 'lazy-module.js');

/** Handler sources, as a user writes them (ES modules); `settle` is how the bench knows it is ready. */
const handlers = {
  table: `import { table } from '${runtime}';
const carts = table('carts');
export const handler = async (event) => carts.get({ cartId: event.cartId });`,
  idempotent: `import { idempotent } from '${runtime}';
export const handler = idempotent(async (event) => ({ charged: event.orderId }), { key: 'orderId' });`,
  bus: `import { bus } from '${runtime}';
const shop = bus('shop');
export const handler = async (event) => shop.publish('CartUpdated', event);`,
  all: `import { bus, idempotent, table, transact, workflow } from '${runtime}';
const carts = table('carts');
const orders = table('orders');
const shop = bus('shop');
const orderProcessing = workflow('orderProcessing');
export const handler = idempotent(async (event) => {
  await transact((tx) => tx.put(orders, event));
  await shop.publish('OrderPlaced', event);
  await orderProcessing.start(event, { name: event.orderId });
  return carts.get({ cartId: event.cartId });
}, { key: 'orderId' });`,
} as const;

const baselines = {
  powertools: `import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
const persistenceStore = new DynamoDBPersistenceLayer({ tableName: 'idempotency' });
export const handler = makeIdempotent(async (event) => ({ charged: event.orderId }), {
  persistenceStore,
  config: new IdempotencyConfig({ eventKeyJmesPath: 'orderId' }),
});`,
  sdk: `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
export { DynamoDBClient, DynamoDBDocumentClient, GetCommand };`,
} as const;

/** The child: imports the handler, waits for what it started loading, reports. */
const probe = `const { performance } = require('node:perf_hooks');
const started = performance.now();
const cpu = process.cpuUsage();
const handler = require(process.argv[2]);
const imported = performance.now();
Promise.resolve(handler.settle && handler.settle()).then(() => {
  const ready = performance.now();
  const used = process.cpuUsage(cpu);
  process.stdout.write(JSON.stringify({
    importMs: imported - started,
    readyMs: ready - started,
    cpuMs: (used.user + used.system) / 1000,
    rssMiB: process.memoryUsage().rss / 2 ** 20,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  }));
});
`;

interface Sample {
  importMs: number;
  readyMs: number;
  /** CPU time (user + system, all threads) from the import to ready: less blurred by a busy machine. */
  cpuMs: number;
  processMs: number;
  rssMiB: number;
  maxRssMiB: number;
}

/** The fixtures: each handler as the package's CJS build runs it, and as esbuild bundles it. */
function makeFixtures(dir: string): Record<string, string> {
  mkdirSync(join(dir, 'node_modules', '@serverless-stateful'), { recursive: true });
  symlinkSync(join(root, 'runtime'), join(dir, 'node_modules', '@serverless-stateful', 'runtime'), 'dir');
  writeFileSync(join(dir, 'probe.cjs'), probe);
  const files: Record<string, string> = {};
  const write = (name: string, source: string) => {
    writeFileSync(join(dir, `${name}.mjs`), source);
    return join(dir, `${name}.mjs`);
  };
  for (const [name, source] of Object.entries({ ...handlers, ...baselines })) {
    const ours = name in handlers;
    // Unbundled: the same source as CommonJS, requiring the runtime package's dist/cjs.
    const entry = write(
      `${name}-entry`,
      source + (ours ? `\nexport { startedModules as settle } from '${startedModules('esm')}';` : ''),
    );
    const cjs = buildSync({
      stdin: {
        contents: source + (ours ? `\nexport { startedModules as settle } from '${startedModules('cjs')}';` : ''),
        resolveDir: dir,
        loader: 'js',
      },
      format: 'cjs',
      platform: 'node',
      bundle: false,
      write: false,
    });
    writeFileSync(join(dir, `${name}-unbundled.cjs`), cjs.outputFiles[0]?.text ?? '');
    files[`${name} unbundled`] = join(dir, `${name}-unbundled.cjs`);
    if (name === 'sdk') continue; // all external: its bundle is the same imports
    buildSync({
      entryPoints: [entry],
      outfile: join(dir, `${name}-bundled.cjs`),
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      external: ['@aws-sdk/*'],
      logLevel: 'error',
    });
    files[`${name} bundled`] = join(dir, `${name}-bundled.cjs`);
  }
  return files;
}

function measure(dir: string, file: string): Sample {
  const started = performance.now();
  const child = spawnSync(process.execPath, [join(dir, 'probe.cjs'), file], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      AWS_REGION: 'us-east-1',
      STATEFUL_TABLE_CARTS: 'bench-carts',
      STATEFUL_TABLE_ORDERS: 'bench-orders',
      STATEFUL_TABLE_IDEMPOTENCY: 'bench-idempotency',
      STATEFUL_BUS_SHOP: 'bench-shop',
      STATEFUL_WORKFLOW_ORDERPROCESSING: 'arn:aws:states:us-east-1:000000000000:stateMachine:bench',
    },
  });
  const processMs = performance.now() - started;
  if (child.status !== 0) throw new Error(`${file} failed: ${child.stderr}`);
  return { ...(JSON.parse(child.stdout) as Omit<Sample, 'processMs'>), processMs };
}

function summary(samples: readonly Sample[]) {
  const of = (field: keyof Sample) => samples.map((sample) => sample[field]);
  return {
    readyMs: { p50: percentile(of('readyMs'), 50), p90: percentile(of('readyMs'), 90) },
    importMs: { p50: percentile(of('importMs'), 50), p90: percentile(of('importMs'), 90) },
    cpuMs: { p50: percentile(of('cpuMs'), 50), p90: percentile(of('cpuMs'), 90) },
    processMs: { p50: percentile(of('processMs'), 50), p90: percentile(of('processMs'), 90) },
    maxRssMiB: { p50: percentile(of('maxRssMiB'), 50), p90: percentile(of('maxRssMiB'), 90) },
  };
}

function main(): void {
  const dir = mkdtempSync(join(root, 'bench', '.cold-start-'));
  const loadBefore = loadavg();
  let files: Record<string, string>;
  const samples: Record<string, Sample[]> = {};
  try {
    files = makeFixtures(dir);
    const variants = Object.keys(files);
    for (const variant of variants) {
      samples[variant] = [];
      measure(dir, files[variant] as string); // warm-up: the first run pays for filesystem caches
    }
    for (let run = 0; run < runs; run++) {
      for (let turn = 0; turn < variants.length; turn++) {
        const variant = variants[(run + turn) % variants.length] as string;
        samples[variant]?.push(measure(dir, files[variant] as string));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const loadAfter = loadavg();

  const results = Object.fromEntries(Object.entries(samples).map(([variant, list]) => [variant, summary(list)]));
  const at = (variant: string, measure: 'readyMs' | 'cpuMs' | 'maxRssMiB') => results[variant]?.[measure].p50 ?? NaN;
  const modes = ['unbundled', 'bundled'] as const;
  const targets = {
    /** A table()-only handler ready no later than the bare DynamoDB clients plus 5 ms (wall, and CPU). */
    tableOnly: modes.map((mode) => {
      const added = (measure: 'readyMs' | 'cpuMs') => at(`table ${mode}`, measure) - at('sdk unbundled', measure);
      return {
        mode,
        addedMs: added('readyMs'),
        addedCpuMs: added('cpuMs'),
        met: added('readyMs') <= 5,
        metOnCpu: added('cpuMs') <= 5,
      };
    }),
    /** An idempotent()-only handler ready no later than Powertools' (packaged alike). */
    idempotentOnly: modes.map((mode) => {
      const ratio = (measure: 'readyMs' | 'cpuMs') =>
        at(`idempotent ${mode}`, measure) / at(`powertools ${mode}`, measure);
      return {
        mode,
        ratio: ratio('readyMs'),
        cpuRatio: ratio('cpuMs'),
        met: ratio('readyMs') <= 1,
        metOnCpu: ratio('cpuMs') <= 1,
      };
    }),
  };
  const result = {
    benchmark: 'cold start: import a handler and load what its helpers need, in a fresh node process',
    date: new Date().toISOString(),
    node: process.version,
    runs,
    loadAverage: { before: loadBefore, after: loadAfter },
    results,
    targets,
    samples,
  };
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(join(__dirname, 'results', 'cold-start.json'), JSON.stringify(result, null, 2) + '\n');

  const load = (value: number | undefined) => (value ?? NaN).toFixed(2);
  console.log(result.benchmark);
  console.log(
    `runs: ${runs} each, rotating, after one warm-up each; load average ${load(loadBefore[0])} → ${load(loadAfter[0])}`,
  );
  console.log(
    'variant                ready p50 / p90     CPU p50   process p50   peak RSS   ready vs SDK / Powertools',
  );
  for (const [variant, summary] of Object.entries(results)) {
    const mode = variant.endsWith(' bundled') ? 'bundled' : 'unbundled';
    console.log(
      `${variant.padEnd(21)} ${ms(summary.readyMs.p50).padStart(7)} / ${ms(summary.readyMs.p90).padEnd(7)}` +
        ` ${ms(summary.cpuMs.p50).padStart(8)}  ${ms(summary.processMs.p50).padStart(11)}` +
        `   ${summary.maxRssMiB.p50.toFixed(0).padStart(4)} MiB` +
        `   ×${(summary.readyMs.p50 / at('sdk unbundled', 'readyMs')).toFixed(2)} / ×${(summary.readyMs.p50 / at(`powertools ${mode}`, 'readyMs')).toFixed(2)}`,
    );
  }
  const verdict = ({ met, metOnCpu }: { met: boolean; metOnCpu: boolean }) =>
    `${met ? 'met' : 'MISSED'} in wall time, ${metOnCpu ? 'met' : 'MISSED'} in CPU time`;
  const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(1)} ms`;
  for (const target of targets.tableOnly) {
    console.log(
      `table() only, ${target.mode}: ${signed(target.addedMs)} over the bare clients, CPU ${signed(target.addedCpuMs)}; ` +
        `target ≤ +5 ms: ${verdict(target)}`,
    );
  }
  for (const target of targets.idempotentOnly) {
    console.log(
      `idempotent() only, ${target.mode}: ×${target.ratio.toFixed(2)} Powertools' time, CPU ×${target.cpuRatio.toFixed(2)}; ` +
        `target ≤ ×1: ${verdict(target)}`,
    );
  }
}

main();

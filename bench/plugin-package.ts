// How much time the plugin adds to `serverless package` on a large service: 40 tables, 4 caches
// (two serverless, two clusters, one of each with token auth) and the network they need, and 60
// functions, each naming 2 tables, and every third one a cache. The baseline is the same 60 functions packaged
// without the plugin. Both run alternately in one process, so machine noise hits both alike.
//
//   npm run bench:package            (RUNS=9 by default)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ms, percentile } from './stats';

const root = resolve(__dirname, '..');
const runs = Number(process.env.RUNS ?? 9);
const tableCount = 40;
const cacheCount = 4;
const functionCount = 60;
const osls = require.resolve('osls/bin/serverless.js');

function serviceYaml(withPlugin: boolean): string {
  const lines = [
    'service: bench',
    "frameworkVersion: '>=3'",
    'provider: { name: aws, runtime: nodejs22.x, region: us-east-1 }',
    "package: { patterns: ['!node_modules/**'] }",
  ];
  if (withPlugin) {
    lines.push('plugins: [serverless-stateful]', 'state:', '  tables:');
    for (let t = 0; t < tableCount; t++) {
      lines.push(
        `    table${t}:`,
        '      partitionKey: pk',
        '      sortKey: { name: sk, type: S }',
        `      indexes: { byOwner: { partitionKey: owner, sortKey: { name: at, type: N } } }`,
        t % 4 === 0 ? '      stream: new-and-old' : '      ttl: expiresAt',
      );
    }
    lines.push('  caches:');
    for (let c = 0; c < cacheCount; c++) {
      const mode = c % 2 === 0 ? 'mode: serverless' : 'mode: cluster, replicas: 1, multiAz: true';
      lines.push(`    cache${c}: { ${mode}${c >= 2 ? ', auth: token' : ''} }`);
    }
  }
  lines.push('functions:');
  for (let f = 0; f < functionCount; f++) {
    lines.push(`  fn${f}:`, '    handler: handler.main');
    if (withPlugin) {
      const first = f % tableCount;
      const second = (f * 7 + 3) % tableCount;
      const cache = f % 3 === 0 ? `, cache${f % cacheCount}: ${f % 2 === 0 ? 'readwrite' : 'read'}` : '';
      lines.push(`    state: { table${first}: readwrite, table${second}: read${cache} }`);
    }
  }
  return lines.join('\n') + '\n';
}

function makeService(withPlugin: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), `bench-${withPlugin ? 'plugin' : 'baseline'}-`));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'serverless-stateful'), 'dir');
  writeFileSync(join(dir, 'serverless.yml'), serviceYaml(withPlugin));
  writeFileSync(join(dir, 'handler.js'), 'exports.main = async () => ({});\n');
  return dir;
}

function timePackage(dir: string): number {
  const started = performance.now();
  execFileSync(process.execPath, [osls, 'package'], {
    cwd: dir,
    stdio: 'ignore',
    env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off', CI: 'true' },
  });
  return performance.now() - started;
}

function main(): void {
  const dirs = { plugin: makeService(true), baseline: makeService(false) };
  const samples: Record<keyof typeof dirs, number[]> = { plugin: [], baseline: [] };
  try {
    // One warm-up each: the first run pays for filesystem caches.
    timePackage(dirs.baseline);
    timePackage(dirs.plugin);
    for (let run = 0; run < runs; run++) {
      const order = run % 2 === 0 ? (['baseline', 'plugin'] as const) : (['plugin', 'baseline'] as const);
      for (const variant of order) samples[variant].push(timePackage(dirs[variant]));
    }
  } finally {
    for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true });
  }

  const summary = (variant: keyof typeof dirs) => ({
    p50: percentile(samples[variant], 50),
    p90: percentile(samples[variant], 90),
    min: Math.min(...samples[variant]),
  });
  const plugin = summary('plugin');
  const baseline = summary('baseline');
  const result = {
    benchmark: 'serverless package, 40 tables / 4 caches / 60 functions, with the plugin vs without',
    date: new Date().toISOString(),
    node: process.version,
    runs,
    baseline,
    plugin,
    addedAtP50Ms: plugin.p50 - baseline.p50,
    ratioAtP50: plugin.p50 / baseline.p50,
    samples,
  };
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(join(__dirname, 'results', 'plugin-package.json'), JSON.stringify(result, null, 2) + '\n');

  console.log(result.benchmark);
  console.log(`runs: ${runs} each, alternating, after one warm-up each`);
  console.log(`baseline (no plugin)  p50 ${ms(baseline.p50)}  p90 ${ms(baseline.p90)}  min ${ms(baseline.min)}`);
  console.log(`with the plugin       p50 ${ms(plugin.p50)}  p90 ${ms(plugin.p90)}  min ${ms(plugin.min)}`);
  console.log(`added at p50: ${ms(result.addedAtP50Ms)} (×${result.ratioAtP50.toFixed(2)}); target: under 1000 ms`);
}

main();

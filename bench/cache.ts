// cache().getOrLoad beside its anchors, all measured in this one run, against the same Redis:
//
// 1. Hit path: a raw ioredis GET + JSON.parse of the same value; ours with Redis alone
//    (local: false) and with the in-container tier; bentocache's getOrSet with Redis alone and
//    with its memory tier in front. Interleaved call by call (the order rotating), after a
//    warm-up, in rounds; each round's mean latency divided by raw's, the median of those ratios
//    reported, because one GC pause moves a single round by several percent.
// 2. Stampede: 10 processes × 50 concurrent callers miss one key, for ours, bentocache and a naive
//    get-then-set; the loader calls of the whole fleet counted in Redis. Modes interleaved.
// 3. Redis down: reads while our own redis-server is killed (connections refused) and while it is
//    stopped with SIGSTOP (it takes connections and answers nothing): the latency of reads before
//    the breaker opens and while it is open, beside the command timeout a read with nothing to
//    serve would otherwise wait (the defaults, without the in-container tier).
//
//   npm run bench:cache     (builds first; PARTS=hits,stampede,down WARM=3000 ROUNDS=9 CALLS=2000 STAMPEDES=5 PROCESSES=10 CALLERS=50 DOWN_READS=2000)
import { BentoCache, bentostore } from 'bentocache';
import { memoryDriver } from 'bentocache/drivers/memory';
import { redisDriver } from 'bentocache/drivers/redis';
import Redis from 'ioredis';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';
import { startLocalAws } from '../testing/local-aws';
import { freePort } from '../testing/local-aws/processes';
import { redisAnswers, waitUntil } from '../testing/local-aws/probes';
import { percentile } from './stats';

const warm = Number(process.env.WARM ?? 3000);
const rounds = Number(process.env.ROUNDS ?? 9);
const calls = Number(process.env.CALLS ?? 2000);
const stampedes = Number(process.env.STAMPEDES ?? 5);
const processes = Number(process.env.PROCESSES ?? 10);
const callers = Number(process.env.CALLERS ?? 50);
const downReads = Number(process.env.DOWN_READS ?? 2000);
/** Which parts to run: all three by default (the results file holds what ran). */
const parts = new Set((process.env.PARTS ?? 'hits,stampede,down').split(','));
const run = randomUUID().slice(0, 8);
// The built runtime, as a function ships it (and as bentocache comes): the TypeScript sources under
// tsx carry helpers of its own that would be counted against ours.
const { cache } = createRequire(__filename)('@serverless-stateful/runtime') as typeof import('../runtime/index');
type Cache = ReturnType<typeof cache>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A catalog product of about 600 bytes of JSON.
const product = {
  id: 'p-000123',
  name: 'Stainless steel water bottle, 750 ml',
  description:
    'Double-walled, vacuum-insulated bottle that keeps drinks cold for 24 hours and hot for 12. ' +
    'Leak-proof lid, powder-coated finish, fits most cup holders.',
  price: { amount: 2499, currency: 'EUR' },
  stock: 42,
  categories: ['kitchen', 'outdoor', 'drinkware'],
  attributes: { colour: 'forest green', capacityMl: 750, weightG: 340, material: 'steel 18/8' },
  rating: { average: 4.6, count: 1289 },
  updatedAt: '2026-11-29T10:00:00.000Z',
};

interface Summary {
  p50: number;
  p99: number;
  mean: number;
}

const summary = (values: readonly number[]): Summary => ({
  p50: percentile(values, 50),
  p99: percentile(values, 99),
  mean: values.reduce((sum, value) => sum + value, 0) / values.length,
});

const micro = (value: number) => `${(value * 1000).toFixed(1)} µs`;

async function hitPath(redisUrl: string) {
  const url = new URL(redisUrl);
  const raw = new Redis(redisUrl);
  const rawKey = `bench-raw:${run}`;
  await raw.set(rawKey, JSON.stringify(product), 'EX', 3600);
  process.env.STATEFUL_CACHE_BENCHREDIS = `redis://${url.host}?namespace=bench-${run}`;
  process.env.STATEFUL_CACHE_BENCHTWO = `redis://${url.host}?namespace=bench-${run}`;
  const oursRedis = cache('benchRedis', { local: false });
  const oursTwo = cache('benchTwo', { local: { ttl: 3600 } });
  const connection = { host: url.hostname, port: Number(url.port) };
  const bento = new BentoCache({
    default: 'l2',
    prefix: `bentocache-${run}`,
    stores: {
      l2: bentostore().useL2Layer(redisDriver({ connection })),
      two: bentostore()
        .useL1Layer(memoryDriver({ maxItems: 1000 }))
        .useL2Layer(redisDriver({ connection })),
    },
  });
  const bentoRedis = bento.use('l2');
  const bentoTwo = bento.use('two');
  const key = 'product:p-000123';
  const loader = () => product;
  // The same GET + JSON.parse on our cache's own connection (its command and socket timeouts set):
  // what getOrLoad adds is measured against this, what the connection's settings add against raw.
  await oursRedis.getOrLoad(key, loader, { ttl: 3600 });
  const ourConnection = await oursRedis.connection();

  const contenders = {
    raw: async () => JSON.parse((await raw.get(rawKey)) ?? 'null') as unknown,
    rawOnOurConnection: async () => JSON.parse((await ourConnection.get(rawKey)) ?? 'null') as unknown,
    oursRedis: () => oursRedis.getOrLoad(key, loader, { ttl: 3600 }),
    oursTwoTiers: () => oursTwo.getOrLoad(key, loader, { ttl: 3600 }),
    bentoRedis: () => bentoRedis.getOrSet({ key, factory: loader, ttl: '1h' }),
    bentoTwoTiers: () => bentoTwo.getOrSet({ key, factory: loader, ttl: '1h' }),
  };
  type Name = keyof typeof contenders;
  const names = Object.keys(contenders) as Name[];
  for (const name of names) {
    const value = (await contenders[name]()) as typeof product;
    if (value.id !== product.id) throw new Error(`${name} did not return the product`);
  }

  const measure = async (count: number): Promise<Record<Name, number[]>> => {
    const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
    for (let index = 0; index < count; index++) {
      // Each contender goes first, second, … in turn, so none always follows another.
      for (let offset = 0; offset < names.length; offset++) {
        const name = names[(index + offset) % names.length] as Name;
        const started = performance.now();
        await contenders[name]();
        samples[name].push(performance.now() - started);
      }
    }
    return samples;
  };

  await measure(warm);
  const measured: Record<Name, number[]>[] = [];
  for (let round = 0; round < rounds; round++) measured.push(await measure(calls));

  const ratios = Object.fromEntries(
    names
      .filter((name) => name !== 'raw')
      .map((name) => {
        const perRound = measured
          .map((samples) => summary(samples[name]).mean / summary(samples.raw).mean)
          .sort((a, b) => a - b);
        return [name, { median: percentile(perRound, 50), min: perRound[0], max: perRound.at(-1), perRound }];
      }),
  );
  const all = Object.fromEntries(
    names.map((name) => [name, summary(measured.flatMap((samples) => samples[name]))]),
  ) as Record<Name, Summary>;

  oursRedis.disconnect();
  oursTwo.disconnect();
  await bento.clear();
  await bento.disconnectAll();
  await raw.del(rawKey, `bench-${run}:{${key}}`);
  raw.disconnect();
  return {
    warmUp: warm,
    rounds,
    callsPerRound: calls,
    valueBytes: JSON.stringify(product).length,
    latency: all,
    ratioToRaw: ratios,
  };
}

interface Worker {
  readonly child: ChildProcessWithoutNullStreams;
  readonly lines: AsyncIterator<string>;
}

async function stampede(redisUrl: string) {
  const admin = new Redis(redisUrl);
  const workers: Worker[] = [];
  for (let index = 0; index < processes; index++) {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'cache-stampede-worker.ts')], {
      env: { ...process.env, REDIS_URL: redisUrl },
    });
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    workers.push({ child, lines: createInterface({ input: child.stdout })[Symbol.asyncIterator]() });
  }
  const expect = async (worker: Worker, line: string) => {
    const next = await worker.lines.next();
    if (next.value !== line) throw new Error(`a stampede worker said ${String(next.value)}, not ${line}`);
  };
  await Promise.all(workers.map((worker) => expect(worker, 'ready')));

  const modes = ['ours', 'bentocache', 'naive'] as const;
  const loaderCalls: Record<(typeof modes)[number], number[]> = { ours: [], bentocache: [], naive: [] };
  for (let round = 0; round < stampedes; round++) {
    for (let offset = 0; offset < modes.length; offset++) {
      const mode = modes[(round + offset) % modes.length] as (typeof modes)[number];
      const key = `stampede-${run}-${mode}-${round}`;
      const counter = `bench-stampede-count:${key}`;
      const order = JSON.stringify({ mode, key, counter, callers, loadMs: 100 });
      for (const worker of workers) worker.child.stdin.write(`${order}\n`);
      await Promise.all(workers.map((worker) => expect(worker, 'done')));
      loaderCalls[mode].push(Number(await admin.get(counter)));
      await admin.del(counter, `bench-naive:${key}`, `bench-stampede:{${key}}`, `bentocache:${key}`);
    }
  }
  for (const worker of workers) worker.child.stdin.end('quit\n');
  await Promise.all(workers.map((worker) => once(worker.child, 'exit')));
  admin.disconnect();
  return { processes, callersPerProcess: callers, loadMs: 100, rounds: stampedes, loaderCalls };
}

async function redisDown() {
  const port = await freePort();
  const address = `redis://127.0.0.1:${port}`;
  let server: ChildProcessWithoutNullStreams | undefined;
  const startServer = async () => {
    server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']);
    server.stdout.resume();
    server.stderr.resume();
    if (!(await waitUntil(() => redisAnswers(address), 10_000, 50))) throw new Error('our redis-server did not start');
  };

  const scenario = async (name: string, fail: () => Promise<void>) => {
    await startServer();
    const cacheName = `down${name}`;
    process.env[`STATEFUL_CACHE_${cacheName.toUpperCase()}`] = `${address}?namespace=bench-down`;
    // The defaults (soft timeout 100 ms, 5 failures, 1 s cool-down), without the in-container tier,
    // so that every read would go to Redis.
    const down: Cache = cache(cacheName, { local: false });
    for (let index = 0; index < 100; index++) await down.getOrLoad(`warm-${index}`, () => index);
    await fail();
    const before: number[] = [];
    const open: number[] = [];
    for (let index = 0; before.length + open.length < downReads; index++) {
      const wasOpen = down.metrics().breaker !== 'closed';
      const started = performance.now();
      const value = await down.getOrLoad(`key-${index}`, () => index);
      (wasOpen ? open : before).push(performance.now() - started);
      if (value !== index) throw new Error('a read while Redis was down returned the wrong value');
      // A handler's pace: half-open probes happen (every cool-down) among the reads.
      await sleep(1);
    }
    const metrics = down.metrics();
    down.disconnect();
    return {
      readsBeforeOpen: before.length,
      beforeOpen: before.length > 0 ? { ...summary(before), max: Math.max(...before) } : undefined,
      readsWhileOpen: open.length,
      whileOpen: { ...summary(open), max: Math.max(...open) },
      probes: metrics.breakerHalfOpened,
      softTimeouts: metrics.softTimeouts,
      redisErrors: metrics.redisErrors,
    };
  };

  const stop = async (signal: NodeJS.Signals) => {
    if (!server) return;
    if (signal === 'SIGKILL') {
      const exited = once(server, 'exit');
      server.kill(signal);
      await exited;
    } else server.kill(signal);
  };
  const killed = await scenario('Killed', () => stop('SIGKILL'));
  const hung = await scenario('Hung', () => stop('SIGSTOP'));
  server?.kill('SIGCONT');
  await stop('SIGKILL');
  return { softTimeoutMs: 100, commandTimeoutMs: 500, killed, hung };
}

async function main(): Promise<void> {
  const localAws = await startLocalAws({ services: ['redis'], log: () => undefined });
  const redisUrl = localAws.endpoints.redis ?? 'redis://127.0.0.1:6379';
  const load: { before: number[]; after?: number[] } = { before: loadavg() };
  console.log(
    `cache benchmarks on ${redisUrl}, load average ${load.before.map((value) => value.toFixed(2)).join(' ')}`,
  );

  const hits = parts.has('hits') ? await hitPath(redisUrl) : undefined;
  if (hits) {
    console.log(`hit path: ${hits.valueBytes} bytes of JSON; ${rounds} rounds of ${calls} calls each, after ${warm}`);
    for (const [name, latency] of Object.entries(hits.latency)) {
      const ratio = (hits.ratioToRaw as Record<string, { median: number; min: number; max: number } | undefined>)[name];
      console.log(
        `  ${name.padEnd(18)} p50 ${micro(latency.p50).padStart(9)}  p99 ${micro(latency.p99).padStart(9)}  mean ${micro(latency.mean).padStart(9)}` +
          (ratio ? `   ×${ratio.median.toFixed(3)} raw (rounds ${ratio.min.toFixed(3)}–${ratio.max.toFixed(3)})` : ''),
      );
    }
    console.log('  targets: oursRedis ≤ ×1.10, oursTwoTiers ≤ ×0.10');
  }

  const herd = parts.has('stampede') ? await stampede(redisUrl) : undefined;
  if (herd) {
    console.log(
      `stampede: ${processes} processes × ${callers} callers miss one key, ${stampedes} rounds; loader calls:`,
    );
    for (const [mode, counts] of Object.entries(herd.loaderCalls))
      console.log(`  ${mode.padEnd(10)} ${counts.join(' ')}`);
    console.log('  target: ours 1');
  }

  const down = parts.has('down') ? await redisDown() : undefined;
  if (down) {
    for (const [name, result] of [
      ['killed (refused)', down.killed],
      ['hung (SIGSTOP)', down.hung],
    ] as const) {
      console.log(
        `Redis ${name}: ${result.readsBeforeOpen} reads before the breaker opened (p99 ${result.beforeOpen ? micro(result.beforeOpen.p99) : '-'}), ` +
          `${result.readsWhileOpen} while open: p50 ${micro(result.whileOpen.p50)}, p99 ${micro(result.whileOpen.p99)}, max ${micro(result.whileOpen.max)} ` +
          `(${result.probes} probes); a read with nothing to serve waits up to the ${down.commandTimeoutMs} ms command timeout ` +
          `without the breaker: p99 ×${(result.whileOpen.p99 / down.commandTimeoutMs).toFixed(5)} of it`,
      );
    }
  }
  load.after = loadavg();
  console.log(`load average after: ${load.after.map((value) => value.toFixed(2)).join(' ')}`);
  await localAws.stop();

  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(
    join(__dirname, 'results', 'cache.json'),
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        loadAverage: load,
        hitPath: hits,
        stampede: herd,
        redisDown: down,
      },
      null,
      2,
    ) + '\n',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

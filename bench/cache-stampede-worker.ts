// One container of bench/cache.ts's stampede: a process that, for each line it reads
// ({ mode, key, counter, callers, loadMs }), runs `callers` concurrent reads of `key` that all miss,
// with our getOrLoad, bentocache's getOrSet, or a naive get-then-set, and answers `done`. Every
// loader call counts itself in Redis (INCR counter), so the parent reads the fleet's total there.
import { BentoCache, bentostore } from 'bentocache';
import { redisDriver } from 'bentocache/drivers/redis';
import Redis from 'ioredis';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';

interface Order {
  readonly mode: 'ours' | 'bentocache' | 'naive';
  readonly key: string;
  readonly counter: string;
  readonly callers: number;
  readonly loadMs: number;
}

// The built runtime, as a function ships it.
const { cache } = createRequire(__filename)('@serverless-stateful/runtime') as typeof import('../runtime/index');
const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const redis = new Redis(url.toString());
process.env.STATEFUL_CACHE_STAMPEDE = `redis://${url.host}?namespace=bench-stampede`;
const ours = cache('stampede');
const bento = new BentoCache({
  default: 'redis',
  stores: {
    redis: bentostore().useL2Layer(redisDriver({ connection: { host: url.hostname, port: Number(url.port) } })),
  },
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function read(order: Order): Promise<unknown> {
  const loader = async () => {
    await redis.incr(order.counter);
    await sleep(order.loadMs);
    return { id: order.key, loadedBy: process.pid };
  };
  switch (order.mode) {
    case 'ours':
      return ours.getOrLoad(order.key, loader, { ttl: 300 });
    case 'bentocache':
      return bento.getOrSet({ key: order.key, factory: loader, ttl: '5m' });
    case 'naive': {
      const hit = await redis.get(`bench-naive:${order.key}`);
      if (hit !== null) return JSON.parse(hit) as unknown;
      const value = await loader();
      await redis.set(`bench-naive:${order.key}`, JSON.stringify(value), 'EX', 300);
      return value;
    }
  }
}

async function main(): Promise<void> {
  // Connections made before the first order, as a warm container's are.
  await Promise.all([redis.ping(), ours.connection(), bento.has({ key: 'warm-up' })]);
  process.stdout.write('ready\n');
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'quit') break;
    const order = JSON.parse(line) as Order;
    await Promise.all(Array.from({ length: order.callers }, () => read(order)));
    process.stdout.write('done\n');
  }
  ours.disconnect();
  redis.disconnect();
  await bento.disconnectAll();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

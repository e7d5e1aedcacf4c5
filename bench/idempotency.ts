// idempotent() beside Powertools' makeIdempotent, on the same DynamoDB Local and the same Redis,
// in one run: latency of a first call and of a duplicate (p50, p99) and round trips per call.
// Round trips are counted where they happen: SDK middleware for DynamoDB, Redis's own
// INFO commandstats for Redis.
//
//   npm run bench:idempotency          (CALLS=600 by default)
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { CachePersistenceLayer } from '@aws-lambda-powertools/idempotency/cache';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { createClient } from '@redis/client';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DynamoDBPersistence, idempotent, setDynamoDBClient } from '../runtime/index';
import { RedisPersistence } from '../runtime/redis';
import { startLocalAws } from '../testing/local-aws';
import { percentile } from './stats';

const calls = Number(process.env.CALLS ?? 600);
const context = { getRemainingTimeInMillis: () => 30_000 } as never;

type Invoke = (event: { orderId: string }) => Promise<unknown>;
interface Measured {
  p50: number;
  p99: number;
  roundTrips: number;
}

interface Contender {
  readonly invoke: Invoke;
  readonly keys: readonly string[];
  readonly countRoundTrips: () => Promise<number>;
}

/** Latency of each contender, calls interleaved one by one so drift hits both alike. */
async function latencies(contenders: readonly Contender[]): Promise<number[][]> {
  const samples = contenders.map(() => [] as number[]);
  const rounds = Math.min(...contenders.map((contender) => contender.keys.length));
  for (let index = 0; index < rounds; index++) {
    for (const [position, contender] of contenders.entries()) {
      const started = performance.now();
      await contender.invoke({ orderId: contender.keys[index] ?? '' });
      samples[position]?.push(performance.now() - started);
    }
  }
  return samples;
}

/** Round trips per call of one contender, on its own: counters see only its traffic then. */
async function roundTrips(contender: Contender, keys: readonly string[]): Promise<number> {
  const before = await contender.countRoundTrips();
  for (const orderId of keys) await contender.invoke({ orderId });
  return ((await contender.countRoundTrips()) - before) / keys.length;
}

const row = (samples: number[], perCall: number): Measured => ({
  p50: percentile(samples, 50),
  p99: percentile(samples, 99),
  roundTrips: perCall,
});

/** First calls and duplicates of both contenders: latency interleaved, round trips apart. */
async function compare(ours: Contender, theirs: Contender): Promise<Record<string, Measured>> {
  const tripKeys = (label: string) => Array.from({ length: 20 }, () => `${label}-${randomUUID()}`);
  const ourTripKeys = tripKeys('ours-trips');
  const theirTripKeys = tripKeys('theirs-trips');
  const trips = {
    oursFirst: await roundTrips(ours, ourTripKeys),
    theirsFirst: await roundTrips(theirs, theirTripKeys),
    oursDuplicate: await roundTrips(ours, ourTripKeys),
    theirsDuplicate: await roundTrips(theirs, theirTripKeys),
  };
  const [oursFirst = [], theirsFirst = []] = await latencies([ours, theirs]);
  const [oursDuplicate = [], theirsDuplicate = []] = await latencies([ours, theirs]);
  return {
    'ours first': row(oursFirst, trips.oursFirst),
    'powertools first': row(theirsFirst, trips.theirsFirst),
    'ours duplicate': row(oursDuplicate, trips.oursDuplicate),
    'powertools duplicate': row(theirsDuplicate, trips.theirsDuplicate),
  };
}

async function measure(contender: Contender): Promise<Measured> {
  const [samples = []] = await latencies([contender]);
  return row(samples, await roundTrips(contender, contender.keys.slice(0, 20)));
}

/**
 * Counts the commands clients send to Redis, as Redis's MONITOR sees them: one per round trip.
 * Commands a Lua script runs inside Redis (source "lua") are not round trips and are left out.
 */
async function redisRoundTrips(redis: Redis): Promise<{ count: () => Promise<number>; stop: () => void }> {
  const monitor = await redis.monitor();
  let count = 0;
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    if (source !== 'lua' && args[0]?.toLowerCase() !== 'ping') count++;
  });
  return {
    // MONITOR reports asynchronously: a PING through the same server flushes what came before.
    count: async () => {
      await redis.ping();
      await new Promise((resolve) => setTimeout(resolve, 50));
      return count;
    },
    stop: () => {
      monitor.disconnect();
    },
  };
}

function countingDynamoDB(endpoint: string) {
  const counter = { sends: 0 };
  const client = new DynamoDBClient({ endpoint });
  client.middlewareStack.add((next) => (args) => (counter.sends++, next(args)), { step: 'initialize' });
  return { client, counter };
}

async function main(): Promise<void> {
  const localAws = await startLocalAws({ services: ['redis', 'dynamodb'], log: () => undefined });
  const dynamodbEndpoint = localAws.endpoints.dynamodb ?? '';
  const redisUrl = localAws.endpoints.redis ?? '';
  process.env.AWS_REGION = 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'test';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'test';
  const admin = new DynamoDBClient({ endpoint: dynamodbEndpoint });
  const ours = `bench-ours-${randomUUID()}`;
  const theirs = `bench-powertools-${randomUUID()}`;
  for (const [TableName, key] of [
    [ours, 'key'],
    [theirs, 'id'],
  ] as const) {
    await admin.send(
      new CreateTableCommand({
        TableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: key, AttributeType: 'S' }],
        KeySchema: [{ AttributeName: key, KeyType: 'HASH' }],
      }),
    );
  }
  process.env.STATEFUL_TABLE_IDEMPOTENCY = ours;
  const redis = new Redis(redisUrl);
  const powertoolsRedis = createClient({ url: redisUrl });
  await powertoolsRedis.connect();

  const handler = (event: { orderId: string }, _context: unknown) => Promise.resolve({ charged: event.orderId });
  const keys = (label: string) => Array.from({ length: calls }, (_, index) => `${label}-${randomUUID()}-${index}`);
  const results: Record<string, Record<string, Measured>> = {};

  // DynamoDB
  {
    const mine = countingDynamoDB(dynamodbEndpoint);
    setDynamoDBClient(mine.client);
    const theirsClient = countingDynamoDB(dynamodbEndpoint);
    const oursFn = idempotent(handler, { key: 'orderId', persistence: new DynamoDBPersistence(), localCache: false });
    const theirsFn = makeIdempotent(handler, {
      persistenceStore: new DynamoDBPersistenceLayer({ tableName: theirs, awsSdkV3Client: theirsClient.client }),
      config: new IdempotencyConfig({ eventKeyJmesPath: 'orderId' }),
    });
    const ourKeys = keys('ours');
    const theirKeys = keys('theirs');
    // Warm both paths (connections, JIT) before measuring.
    await oursFn({ orderId: 'warm' }, context);
    await theirsFn({ orderId: 'warm' }, context);
    results.dynamodb = await compare(
      {
        invoke: (event) => oursFn(event, context),
        keys: ourKeys,
        countRoundTrips: () => Promise.resolve(mine.counter.sends),
      },
      {
        invoke: (event) => theirsFn(event, context),
        keys: theirKeys,
        countRoundTrips: () => Promise.resolve(theirsClient.counter.sends),
      },
    );
    const cached = idempotent(handler, { key: 'orderId', persistence: new DynamoDBPersistence() });
    // Within the cache's 256 entries: a cyclic scan over more keys misses an LRU every time.
    const cachedKeys = keys('cached').slice(0, 200);
    for (const orderId of cachedKeys) await cached({ orderId }, context);
    results.dynamodb['ours duplicate, cached'] = await measure({
      invoke: (event) => cached(event, context),
      keys: cachedKeys,
      countRoundTrips: () => Promise.resolve(mine.counter.sends),
    });
  }

  // Redis
  {
    const prefix = `bench:${randomUUID()}:`;
    const oursLayer = new RedisPersistence({ url: redisUrl, prefix });
    const oursFn = idempotent(handler, { key: 'orderId', persistence: oursLayer, localCache: false });
    const theirsFn = makeIdempotent(handler, {
      persistenceStore: new CachePersistenceLayer({ client: powertoolsRedis as never }),
      config: new IdempotencyConfig({ eventKeyJmesPath: 'orderId' }),
    });
    const ourKeys = keys('ours');
    const theirKeys = keys('theirs');
    await oursFn({ orderId: 'warm' }, context);
    await theirsFn({ orderId: 'warm' }, context);
    const trips = await redisRoundTrips(redis);
    const count = trips.count;
    results.redis = await compare(
      { invoke: (event) => oursFn(event, context), keys: ourKeys, countRoundTrips: count },
      { invoke: (event) => theirsFn(event, context), keys: theirKeys, countRoundTrips: count },
    );
    trips.stop();
    await oursLayer.close();
  }

  await powertoolsRedis.quit();
  redis.disconnect();
  for (const TableName of [ours, theirs]) await admin.send(new DeleteTableCommand({ TableName }));
  await localAws.stop();

  const lines = [
    `idempotency: ${calls} calls per row, ours and Powertools interleaved call by call, one process; round trips per call measured apart`,
  ];
  for (const [store, rows] of Object.entries(results)) {
    lines.push(`\n${store}`);
    for (const [row, measured] of Object.entries(rows)) {
      lines.push(
        `  ${row.padEnd(24)} p50 ${measured.p50.toFixed(2)} ms  p99 ${measured.p99.toFixed(2)} ms  round trips ${measured.roundTrips.toFixed(2)}`,
      );
    }
    for (const phase of ['first', 'duplicate']) {
      const mine = rows[`ours ${phase}`];
      const theirs = rows[`powertools ${phase}`];
      if (mine && theirs) lines.push(`  ${phase}: ours/powertools at p50 = ×${(mine.p50 / theirs.p50).toFixed(2)}`);
    }
  }
  console.log(lines.join('\n'));
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(
    join(__dirname, 'results', 'idempotency.json'),
    JSON.stringify({ date: new Date().toISOString(), node: process.version, calls, results }, null, 2) + '\n',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

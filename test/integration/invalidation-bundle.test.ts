/**
 * @services redis
 */
// The zip the plugin gives the generated invalidation function (dist/lambda/invalidation.zip, built
// by `npm run build`), as Lambda runs it: extracted by another zip reader (Python's, as the emulator
// extracts it) into a folder with nothing beside it, its `index.handler` called in a node process of
// its own with the variables the plugin sets, against the real Redis. Run `npm run build` first.
import Redis from 'ioredis';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cache } from '../../runtime/index';
import { environmentVariableName, invalidationRulesVariable } from '../../runtime/environment';
import { bundledHandlerPath } from '../../plugin/bundled-handlers';
import { endpointOf } from '../support/endpoints';

const id = randomUUID().slice(0, 8);
const namespace = `invalidation-bundle-${id}`;
const redisUrl = endpointOf('redis');
const admin = new Redis(redisUrl);
const cacheName = `catalog${id}`;
const cacheVariable = environmentVariableName('cache', cacheName);
process.env[cacheVariable] = `${redisUrl}?namespace=${namespace}`;

const rules = [{ cache: cacheName, keys: ['product:${productId}'], tags: ['category:${categoryId}'] }];
const valueKey = (key: string) => `${namespace}:{${key}}`;
const exists = async (key: string) => (await admin.exists(valueKey(key))) === 1;

/** A stream record as Lambda delivers it. */
const record = (sequence: string, keys: object, images: { OldImage?: object; NewImage?: object }) => ({
  eventID: `event-${sequence}`,
  eventName: images.OldImage && images.NewImage ? 'MODIFY' : images.NewImage ? 'INSERT' : 'REMOVE',
  eventSource: 'aws:dynamodb',
  dynamodb: { Keys: keys, SequenceNumber: sequence, StreamViewType: 'NEW_AND_OLD_IMAGES', ...images },
});

describe('the bundled invalidation handler', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'invalidation-bundle-'));
    execFileSync('python3', ['-m', 'zipfile', '-e', bundledHandlerPath('invalidation'), folder]);
    writeFileSync(
      join(folder, 'invoke.js'),
      [
        "const { handler } = require('./index.js');",
        'handler(JSON.parse(process.argv[2])).then(',
        '  (result) => { process.stdout.write(JSON.stringify(result)); process.exit(0); },',
        '  (error) => { console.error(error); process.exit(1); },',
        ');',
        '',
      ].join('\n'),
    );
  });

  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    const left = await admin.keys(`${namespace}:*`);
    if (left.length > 0) await admin.del(...left);
    cache(cacheName).disconnect();
    admin.disconnect();
  });

  /** Calls the extracted handler in a node process that sees only the folder and the variables. */
  function invoke(event: object): { batchItemFailures: { itemIdentifier: string }[] } {
    const output = execFileSync(process.execPath, ['invoke.js', JSON.stringify(event)], {
      cwd: folder,
      encoding: 'utf8',
      // The handler logs the record it could not do; the test reads the response instead.
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        [cacheVariable]: `${redisUrl}?namespace=${namespace}`,
        [invalidationRulesVariable]: JSON.stringify(rules),
      },
    });
    return JSON.parse(output) as { batchItemFailures: { itemIdentifier: string }[] };
  }

  it('holds one file, index.js, which needs nothing installed beside it', () => {
    expect(readdirSync(folder).filter((file) => file !== 'invoke.js')).toEqual(['index.js']);
  });

  it("deletes the keys of a changed item under its old image and its new one, and its tags' keys", async () => {
    const catalog = cache(cacheName);
    await catalog.set('product:p1', { name: 'old' }, { ttl: 300 });
    await catalog.set('product:p2', { name: 'new' }, { ttl: 300 });
    await catalog.set('listing:c1', ['p1'], { ttl: 300, tags: ['category:c1'] });
    await catalog.set('product:p3', { name: 'untouched' }, { ttl: 300 });
    expect(await Promise.all(['product:p1', 'product:p2', 'listing:c1', 'product:p3'].map(exists))).toEqual([
      true,
      true,
      true,
      true,
    ]);

    const result = invoke({
      Records: [
        record(
          '100',
          { sku: { S: 's1' } },
          {
            OldImage: { sku: { S: 's1' }, productId: { S: 'p1' }, categoryId: { S: 'c1' } },
            NewImage: { sku: { S: 's1' }, productId: { S: 'p2' }, categoryId: { S: 'c1' } },
          },
        ),
      ],
    });

    expect(result).toEqual({ batchItemFailures: [] });
    expect(await Promise.all(['product:p1', 'product:p2', 'listing:c1', 'product:p3'].map(exists))).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });

  it('reports a record whose key it cannot make by its sequence number, and still does the others', async () => {
    const catalog = cache(cacheName);
    await catalog.set('product:p4', { name: 'four' }, { ttl: 300 });
    const result = invoke({
      Records: [
        record('200', { sku: { S: 's2' } }, { NewImage: { sku: { S: 's2' } } }),
        record(
          '201',
          { sku: { S: 's4' } },
          { OldImage: { sku: { S: 's4' }, productId: { S: 'p4' }, categoryId: { S: 'c4' } } },
        ),
      ],
    });
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '200' }] });
    expect(await exists('product:p4')).toBe(false);
  });
});

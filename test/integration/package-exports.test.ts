/**
 * @services
 */
// The package as a user's project sees it: the plugin through require(), the runtime through
// import and require, and the runtime bundled by esbuild. Its types: package-types.test.ts.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { makeServiceDir, type ServiceDir } from '../support/service-dir';

const esmRequireBanner = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

const node = (cwd: string, args: string[]) => execFileSync(process.execPath, args, { cwd, encoding: 'utf8' }).trim();

describe('the published entry points', () => {
  let project: ServiceDir;

  beforeAll(() => {
    project = makeServiceDir({
      'handler.mjs': [
        "import { environmentVariableName } from '@serverless-stateful/runtime';",
        "export const handler = async () => environmentVariableName('table', 'carts');",
        'console.log(await handler());',
        '',
      ].join('\n'),
      'handler.cjs': [
        "const { environmentVariableName } = require('@serverless-stateful/runtime');",
        "console.log(environmentVariableName('workflow', 'orderProcessing'));",
        '',
      ].join('\n'),
    });
  });
  afterAll(() => project.remove());

  it('gives Serverless a plugin constructor through require()', () => {
    const script = "const P = require('serverless-stateful'); console.log(typeof P, P.name);";
    expect(node(project.path, ['-e', script])).toBe('function StatefulPlugin');
  });

  it('carries the validators of state: prebuilt, so loading the plugin and validating compiles no schema', () => {
    const script = [
      "const { dirname, join } = require('node:path');",
      "const dist = join(dirname(require.resolve('serverless-stateful/package.json')), 'dist/cjs/plugin');",
      "require('serverless-stateful');",
      "const { prebuiltValidator } = require(join(dist, 'prebuilt-validators.js'));",
      "const { functionStateSchema, stateSchema } = require(join(dist, 'schema.js'));",
      'const valid = prebuiltValidator(stateSchema)({ tables: { carts: { partitionKey: "id" } } });',
      'const loaded = (name) => Object.keys(require.cache).some((f) => f.includes(`/${name}/`));',
      "console.log(valid, typeof prebuiltValidator(functionStateSchema), loaded('ajv/dist/compile'), loaded('asl-validator'));",
    ].join(' ');
    expect(node(project.path, ['-e', script])).toBe('true function false false');
  });

  it('serves the Redis store from its own subpath, so other handlers do not load ioredis', () => {
    const esm =
      "import { RedisPersistence } from '@serverless-stateful/runtime/redis'; console.log(typeof RedisPersistence);";
    expect(node(project.path, ['--input-type=module', '-e', esm])).toBe('function');
    const cjs =
      "const r = require('@serverless-stateful/runtime'); console.log('RedisPersistence' in r, Object.keys(require.cache).some((f) => f.includes('/ioredis/')));";
    expect(node(project.path, ['-e', cjs])).toBe('false false');
  });

  it('gives cache() without loading ioredis or the Secrets Manager client until a cache is used', () => {
    const loaded =
      'Object.keys(require.cache).filter((f) => /[/\\\\](ioredis|client-secrets-manager)[/\\\\]/.test(f)).length';
    const cjs = `const r = require('@serverless-stateful/runtime'); console.log(typeof r.cache, ${loaded});`;
    expect(node(project.path, ['-e', cjs])).toBe('function 0');
    const esm = [
      "import { cache } from '@serverless-stateful/runtime';",
      "import { createRequire } from 'node:module';",
      'const require = createRequire(import.meta.url);',
      `console.log(typeof cache, ${loaded});`,
    ].join(' ');
    expect(node(project.path, ['--input-type=module', '-e', esm])).toBe('function 0');
  });

  it('loads each AWS SDK client, and JMESPath, only once a handler declares what needs it', () => {
    const loaded =
      "['client-dynamodb', 'lib-dynamodb', 'client-eventbridge', 'client-sfn', 'jmespath'].filter((name) => Object.keys(require.cache).some((f) => f.includes(`/${name}/`))).join(' ') || 'none'";
    const cjs = [
      "const r = require('@serverless-stateful/runtime');",
      `const steps = [${loaded}];`,
      "r.table('carts');",
      `steps.push(${loaded});`,
      "r.bus('shop');",
      `steps.push(${loaded});`,
      "r.workflow('orderProcessing');",
      `steps.push(${loaded});`,
      "r.idempotent(async () => 1, { key: 'orderId' });",
      `setImmediate(() => console.log([...steps, ${loaded}].join('\\n')));`,
    ].join(' ');
    expect(node(project.path, ['-e', cjs]).split('\n')).toEqual([
      'none',
      'client-dynamodb lib-dynamodb',
      'client-dynamodb lib-dynamodb client-eventbridge',
      'client-dynamodb lib-dynamodb client-eventbridge client-sfn',
      'client-dynamodb lib-dynamodb client-eventbridge client-sfn jmespath',
    ]);
    // A CommonJS handler loads only the runtime's modules it reads: table()'s, not the caches',
    // idempotency's, events', the outbox's or workflows'.
    const subsystems =
      'new Set(Object.keys(require.cache).map((f) => /runtime[\\\\/]dist[\\\\/]cjs[\\\\/](\\w+)[\\\\/]/.exec(f)?.[1]).filter(Boolean))';
    const tableOnly = `const { table } = require('@serverless-stateful/runtime'); table('carts'); console.log([...${subsystems}].join(' '));`;
    expect(node(project.path, ['-e', tableOnly])).toBe('tables');
    const everything = `const r = require('@serverless-stateful/runtime'); Object.values(r); console.log([...${subsystems}].sort().join(' '));`;
    expect(node(project.path, ['-e', everything])).toBe(
      'caches durable events idempotency outbox tables transactions workflows',
    );
    // An ES module handler loads them through import(): the first call waits for them.
    const esm = [
      "import { table } from '@serverless-stateful/runtime';",
      "import { createRequire } from 'node:module';",
      'const require = createRequire(import.meta.url);',
      `const before = ${loaded};`,
      "const failure = await table('carts').get({ cartId: 'c1' }).catch((error) => error.name);",
      `console.log(before, '|', ${loaded}, '|', failure);`,
    ].join(' ');
    const env = {
      ...process.env,
      STATEFUL_TABLE_CARTS: 'carts',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:9', // nothing listens: the call fails once its client is made
      AWS_MAX_ATTEMPTS: '1',
    };
    const printed = execFileSync(process.execPath, ['--input-type=module', '-e', esm], {
      cwd: project.path,
      encoding: 'utf8',
      env,
    });
    expect(printed.trim()).toMatch(/^none \| client-dynamodb lib-dynamodb \| \w+$/);
  });

  it('serves the MessagePack codec from its own subpath, so JSON-only handlers never load msgpackr', () => {
    const loaded = "Object.keys(require.cache).some((f) => f.includes('/msgpackr/'))";
    const cjs = `const r = require('@serverless-stateful/runtime'); console.log('msgpackCodec' in r, ${loaded});`;
    expect(node(project.path, ['-e', cjs])).toBe('false false');
    const codec =
      "const { msgpackCodec } = require('@serverless-stateful/runtime/msgpack'); const c = msgpackCodec(); console.log(c.name, JSON.stringify(c.decode(c.encode({ a: 1 }))));";
    expect(node(project.path, ['-e', codec])).toBe('msgpack {"a":1}');
    const esm =
      "import { msgpackCodec } from '@serverless-stateful/runtime/msgpack'; console.log(msgpackCodec().binary);";
    expect(node(project.path, ['--input-type=module', '-e', esm])).toBe('true');
  });

  it('serves the invalidation handler from its own subpath, for the function the plugin generates', () => {
    const cjs =
      "const { handler, invalidationHandler } = require('@serverless-stateful/runtime/invalidation'); console.log(typeof handler, typeof invalidationHandler);";
    expect(node(project.path, ['-e', cjs])).toBe('function function');
    const esm =
      "import { handler } from '@serverless-stateful/runtime/invalidation'; await handler({ Records: [] }).catch((e) => console.log(e.name));";
    expect(node(project.path, ['--input-type=module', '-e', esm])).toBe('InvalidationRuleError');
  });

  it('serves the runtime to ES module and CommonJS handlers', () => {
    expect(node(project.path, ['handler.mjs'])).toBe('STATEFUL_TABLE_CARTS');
    expect(node(project.path, ['handler.cjs'])).toBe('STATEFUL_WORKFLOW_ORDERPROCESSING');
  });

  it.each(['esm', 'cjs'] as const)('bundles the runtime with esbuild as %s', async (format) => {
    const outfile = join(project.path, `bundle.${format === 'esm' ? 'mjs' : 'cjs'}`);
    await build({
      entryPoints: [join(project.path, format === 'esm' ? 'handler.mjs' : 'handler.cjs')],
      bundle: true,
      platform: 'node',
      format,
      outfile,
      logLevel: 'silent',
      // The AWS SDK is CommonJS; an ES module bundle gives it a require(), as docs/runtime.md says.
      ...(format === 'esm' ? { banner: { js: esmRequireBanner } } : {}),
    });
    const expected = format === 'esm' ? 'STATEFUL_TABLE_CARTS' : 'STATEFUL_WORKFLOW_ORDERPROCESSING';
    expect(node(project.path, [outfile])).toBe(expected);
  });
});

/**
 * @services
 */
// The packages' declarations as a user's TypeScript project finds them, from the tarballs npm
// would publish: every public subpath, under each module resolution such a project may use —
// node10 (the default with `module: commonjs`, which reads `typesVersions` and ignores
// `exports`), node16 and nodenext (`exports` and its `types` conditions, for CommonJS and ES
// module files) and bundler. The declarations themselves are checked too (no skipLibCheck).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makePackedProject } from '../support/packed-project';
import type { ServiceDir } from '../support/service-dir';

const packageRoot = resolve(__dirname, '..', '..');

/**
 * How a consumer file sees a CommonJS module's default export: `interop` as compilers and
 * bundlers do (`exports.default`), `node-esm` as Node gives it to an ES module (the whole
 * `module.exports`).
 */
type ImportInterop = 'interop' | 'node-esm';

/**
 * What a consumer writes with each subpath of the two packages (the plugin with its testing kit,
 * and the runtime): values and types it imports and uses, and one misuse
 * the declarations must refuse (so a subpath typed as `any` fails too).
 */
const usesBySpecifier: Record<string, (interop: ImportInterop) => string[]> = {
  'serverless-stateful': () => [
    "import StatefulPlugin from 'serverless-stateful';",
    'export const pluginName: string = StatefulPlugin.name;',
    "// @ts-expect-error: the framework's serverless object is required",
    'new StatefulPlugin();',
  ],
  '@serverless-stateful/runtime': (interop) => [
    "import { environmentVariableName, table, TableNotFoundError, type Item, type TableOptions } from '@serverless-stateful/runtime';",
    "export const carts = table('carts');",
    'export const isNotFound = (error: unknown): boolean => error instanceof TableNotFoundError;',
    'export type Options = TableOptions;',
    "export const item: Item = { cartId: 'c1' };",
    '// @ts-expect-error: not a kind of state',
    "environmentVariableName('queue', 'jobs');",
    "import { onEvent, transact, type OutboxEventDetail, type TransactResult } from '@serverless-stateful/runtime';",
    "export const published: Promise<TransactResult> = transact((tx) => tx.publish('shop', 'Seen', {}, { aggregate: 'a' }));",
    'export const consumer = onEvent(async (event: { detail: OutboxEventDetail<{ n: number }> }) => event.detail.n);',
    "const publish = { bus: 'shop', detailType: 'Seen', detail: {} };",
    '// @ts-expect-error: an update that publishes is a transaction, which returns no item',
    "export const updated: Promise<Item> = carts.update({ cartId: 'c1' }, { set: { n: 1 }, publish });",
    // An ES module file must read the ES module declarations (dist/esm), not CommonJS ones
    // masquerading as them: only the latter would have a default export here.
    ...(interop === 'node-esm'
      ? [
          '// @ts-expect-error: an ES module without a default export',
          "import runtimeModule from '@serverless-stateful/runtime';",
          'export const unused = runtimeModule;',
        ]
      : []),
  ],
  '@serverless-stateful/runtime/redis': () => [
    "import { RedisPersistence, type RedisPersistenceOptions } from '@serverless-stateful/runtime/redis';",
    "const redisOptions: RedisPersistenceOptions = { url: 'redis://127.0.0.1:6379' };",
    'export const persistence = new RedisPersistence(redisOptions);',
    '// @ts-expect-error: a URL is a string',
    'new RedisPersistence({ url: 6379 });',
  ],
  '@serverless-stateful/runtime/msgpack': () => [
    "import { msgpackCodec } from '@serverless-stateful/runtime/msgpack';",
    'export const encoded: string | Buffer = msgpackCodec().encode({ a: 1 });',
    '// @ts-expect-error: a codec decodes what it encoded, not numbers',
    'msgpackCodec().decode(1);',
  ],
  '@serverless-stateful/runtime/invalidation': () => [
    "import { handler, type InvalidationRule } from '@serverless-stateful/runtime/invalidation';",
    'export const rules: InvalidationRule[] = [];',
    'export const handled = handler({ Records: [] });',
    '// @ts-expect-error: a stream event has Records',
    'handler({});',
  ],
  'serverless-stateful/testing': () => [
    "import { localTables, startLocalAws, type LocalTablesErrorCode } from 'serverless-stateful/testing';",
    "export const started = startLocalAws({ services: ['redis'] });",
    'export const tables = localTables;',
    'export type Code = LocalTablesErrorCode;',
    '// @ts-expect-error: not a service the kit runs',
    "startLocalAws({ services: ['postgres'] });",
  ],
  'serverless-stateful/testing/jest-environment': (interop) => [
    ...defaultImport(interop, 'LocalAwsEnvironment', 'serverless-stateful/testing/jest-environment'),
    'export const environmentName: string = LocalAwsEnvironment.name;',
    "// @ts-expect-error: Jest constructs it with the project's config and the file's context",
    'new LocalAwsEnvironment();',
  ],
  'serverless-stateful/testing/jest-global-setup': (interop) => [
    ...defaultImport(interop, 'globalSetup', 'serverless-stateful/testing/jest-global-setup'),
    'export const setUp: Promise<void> = globalSetup();',
    '// @ts-expect-error: it resolves to nothing',
    'export const setUpTo: Promise<string> = globalSetup();',
  ],
  'serverless-stateful/testing/jest-global-teardown': (interop) => [
    ...defaultImport(interop, 'globalTeardown', 'serverless-stateful/testing/jest-global-teardown'),
    'export const tornDown: Promise<void> = globalTeardown();',
    '// @ts-expect-error: it resolves to nothing',
    'export const tornDownTo: Promise<string> = globalTeardown();',
  ],
};

/** The default export of a CommonJS module with `exports.default`, as `name`. */
function defaultImport(interop: ImportInterop, name: string, specifier: string): string[] {
  if (interop === 'interop') return [`import ${name} from '${specifier}';`];
  // Node gives an ES module the whole module.exports as the default: the function is under it.
  return [`import ${name}Module from '${specifier}';`, `const ${name} = ${name}Module.default;`];
}

const consumer = (interop: ImportInterop) =>
  Object.values(usesBySpecifier)
    .flatMap((uses) => uses(interop))
    .join('\n') + '\n';

/** A project per resolution: its compiler options and its files, each with the interop it gets. */
const projects = {
  node10: {
    compilerOptions: { module: 'commonjs', moduleResolution: 'node10', esModuleInterop: true },
    files: { 'consumer.ts': 'interop' },
  },
  node16: {
    compilerOptions: { module: 'node16', moduleResolution: 'node16' },
    files: { 'consumer.cts': 'interop', 'consumer.mts': 'node-esm' },
  },
  nodenext: {
    compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' },
    files: { 'consumer.cts': 'interop', 'consumer.mts': 'node-esm' },
  },
  bundler: {
    compilerOptions: { module: 'preserve', moduleResolution: 'bundler' },
    files: { 'consumer.ts': 'interop' },
  },
} as const satisfies Record<string, { compilerOptions: Record<string, unknown>; files: Record<string, ImportInterop> }>;

describe('the package types every public subpath', () => {
  let project: ServiceDir;

  beforeAll(() => {
    const files: Record<string, string> = { 'package.json': '{ "private": true }\n' };
    for (const [name, { compilerOptions, files: consumers }] of Object.entries(projects)) {
      files[`${name}/tsconfig.json`] = JSON.stringify({
        compilerOptions: {
          ...compilerOptions,
          target: 'ES2022',
          lib: ['ES2022'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          // A Lambda project has Node's types; this one borrows ours.
          typeRoots: [join(packageRoot, 'node_modules', '@types')],
          types: ['node'],
        },
        files: Object.keys(consumers),
      });
      for (const [file, interop] of Object.entries(consumers)) files[`${name}/${file}`] = consumer(interop);
    }
    project = makePackedProject(files);
  });
  afterAll(() => project.remove());

  it('names every subpath the packages export', () => {
    const specifiers = ['.', 'runtime'].flatMap((dir) => {
      const { name, exports } = JSON.parse(readFileSync(join(packageRoot, dir, 'package.json'), 'utf8')) as {
        name: string;
        exports: Record<string, unknown>;
      };
      const subpaths = Object.keys(exports).filter((subpath) => subpath !== './package.json');
      return subpaths.map((subpath) => name + subpath.slice(1));
    });
    expect(Object.keys(usesBySpecifier).sort()).toEqual(specifiers.sort());
  });

  it.each(Object.keys(projects))('under moduleResolution %s', (name) => {
    const tsc = require.resolve('typescript/bin/tsc');
    const check = spawnSync(process.execPath, [tsc, '-p', join(project.path, name), '--pretty', 'false'], {
      encoding: 'utf8',
    });
    expect({ status: check.status, diagnostics: check.stdout }).toEqual({ status: 0, diagnostics: '' });
  });
});

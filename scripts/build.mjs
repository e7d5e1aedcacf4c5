// Builds both packages of the workspace. The plugin (this package, with the testing kit) in
// CommonJS, as Serverless loads plugins with require. The runtime (runtime/, published as
// @serverless-stateful/runtime) in CommonJS and as ES modules, each tree with its own declarations
// so that TypeScript reads the right module format for `import` and for `require`. Then the zipped
// handlers the plugin deploys as functions of their own. The testing kit's pinned Python tools ship beside the
// module that installs them.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bundleHandlers } from './bundle-handlers.mjs';
import { makeBarrelLazy } from './lazy-barrel.mjs';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
rmSync('dist', { recursive: true, force: true });
rmSync('runtime/dist', { recursive: true, force: true });
for (const [project, outDir, type] of [
  ['tsconfig.build.json', 'dist/cjs', 'commonjs'],
  ['tsconfig.runtime.json', 'runtime/dist/cjs', 'commonjs'],
  ['tsconfig.esm.json', 'runtime/dist/esm', 'module'],
]) {
  execFileSync(process.execPath, [tsc, '-p', project], { stdio: 'inherit' });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(`${outDir}/package.json`, JSON.stringify({ type }) + '\n');
}
copyFileSync('testing/local-aws/requirements.txt', 'dist/cjs/testing/local-aws/requirements.txt');
makeBarrelLazy('runtime/dist/cjs/index.js');
// The validators of `state:`, of a function's `state:` and `permissions:` and of the fast path's tables, generated once here rather than
// compiled on every run (plugin/prebuilt-validators.ts).
const {
  functionDurableSchema,
  functionPermissionsSchema,
  functionStateSchema,
  stateSchema,
} = require('../dist/cjs/plugin/schema.js');
const { tableStateSchema } = require('../dist/cjs/plugin/table-definitions.js');
const { prebuiltValidatorsModule, prebuiltValidatorsModuleName } = require('../dist/cjs/plugin/prebuilt-validators.js');
writeFileSync(
  `dist/cjs/plugin/${prebuiltValidatorsModuleName}.js`,
  prebuiltValidatorsModule([
    stateSchema,
    functionStateSchema,
    functionPermissionsSchema,
    functionDurableSchema,
    tableStateSchema,
  ]),
);
await bundleHandlers();

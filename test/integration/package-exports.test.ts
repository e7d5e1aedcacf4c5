/**
 * @services
 */
// The package as a user's project sees it: the plugin through require(), the runtime through
// import and require with its types, and the runtime bundled by esbuild.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { makeServiceDir, type ServiceDir } from '../support/service-dir';

const node = (cwd: string, args: string[]) => execFileSync(process.execPath, args, { cwd, encoding: 'utf8' }).trim();

describe('the published entry points', () => {
  let project: ServiceDir;

  beforeAll(() => {
    project = makeServiceDir({
      'handler.mjs': [
        "import { environmentVariableName } from 'serverless-stateful/runtime';",
        "export const handler = async () => environmentVariableName('table', 'carts');",
        'console.log(await handler());',
        '',
      ].join('\n'),
      'handler.cjs': [
        "const { environmentVariableName } = require('serverless-stateful/runtime');",
        "console.log(environmentVariableName('workflow', 'orderProcessing'));",
        '',
      ].join('\n'),
      'consumer.mts': [
        "import { environmentVariableName } from 'serverless-stateful/runtime';",
        "export const name: string = environmentVariableName('bus', 'shop');",
        '// @ts-expect-error: not a kind of state; the declarations must say so',
        "environmentVariableName('queue', 'jobs');",
        '',
      ].join('\n'),
      'consumer.cts': [
        "import runtime = require('serverless-stateful/runtime');",
        "export const name: string = runtime.environmentVariableName('cache', 'catalog');",
        '// @ts-expect-error: not a kind of state; the declarations must say so',
        "runtime.environmentVariableName('queue', 'jobs');",
        '',
      ].join('\n'),
    });
  });
  afterAll(() => project.remove());

  it('gives Serverless a plugin constructor through require()', () => {
    const script = "const P = require('serverless-stateful'); console.log(typeof P, P.name);";
    expect(node(project.path, ['-e', script])).toBe('function StatefulPlugin');
  });

  it('serves the runtime to ES module and CommonJS handlers', () => {
    expect(node(project.path, ['handler.mjs'])).toBe('STATEFUL_TABLE_CARTS');
    expect(node(project.path, ['handler.cjs'])).toBe('STATEFUL_WORKFLOW_ORDERPROCESSING');
  });

  it('types the runtime for both module systems', () => {
    const tsc = require.resolve('typescript/bin/tsc');
    const args = ['--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16'];
    const check = spawnSync(process.execPath, [tsc, ...args, 'consumer.mts', 'consumer.cts'], {
      cwd: project.path,
      encoding: 'utf8',
    });
    expect({ status: check.status, diagnostics: check.stdout }).toEqual({ status: 0, diagnostics: '' });
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
    });
    const expected = format === 'esm' ? 'STATEFUL_TABLE_CARTS' : 'STATEFUL_WORKFLOW_ORDERPROCESSING';
    expect(node(project.path, [outfile])).toBe(expected);
  });
});

/**
 * @services redis, dynamodb, emulator
 */
// Proof from the outside: examples/user-service is a user's project with a package.json of its
// own. It installs this package from the tarball `npm pack` makes, not from the source tree, and
// runs its own tests with serverless-stateful/testing: on the fast path, and deployed to the
// emulator and driven by an event and a workflow. This run's local AWS reaches the sample's run
// through the environment (STATEFUL_LOCAL_*), so nothing is started twice.
import { lstatSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { localAwsDir } from '../../testing/local-aws';
import { childEnvironment, npm, installOutsideProject, type OutsideProject } from '../support/outside-project';

const sampleDir = resolve(__dirname, '..', '..', 'examples', 'user-service');
const testCaseTimes = resolve(__dirname, '..', 'support', 'test-case-times.js');

interface TestCaseTime {
  readonly file: string;
  readonly title: string;
  readonly status: string;
  readonly endedAt: number;
}

interface JestResults {
  readonly numFailedTests: number;
  readonly numPassedTests: number;
  readonly testResults: readonly {
    readonly name: string;
    readonly assertionResults: readonly { readonly title: string; readonly status: string }[];
  }[];
}

const tail = (output: string) => output.trim().split('\n').slice(-60).join('\n');

describe('a user service outside the source, with the package installed from its tarball', () => {
  let installed: OutsideProject | undefined;
  const project = () => {
    if (!installed) throw new Error('the sample was not installed (see beforeAll)');
    return installed;
  };

  beforeAll(async () => {
    installed = await installOutsideProject(sampleDir);
    const { packMs, installMs } = installed.timings;
    console.log(`outside sample: npm pack ${packMs} ms, npm install ${installMs} ms`);
  }, 600_000);
  afterAll(() => installed?.remove());

  it('installs the packed packages, with what the kit needs at run time, not links to the source tree', () => {
    const { path, plugin, runtime } = project();
    expect(lstatSync(join(path, 'node_modules', 'serverless-stateful')).isSymbolicLink()).toBe(false);
    expect(lstatSync(join(path, 'node_modules', '@serverless-stateful', 'runtime')).isSymbolicLink()).toBe(false);
    const manifest = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    // The plugin is a deploy-time tool; the runtime ships in the functions.
    expect(manifest.devDependencies['serverless-stateful']).toBe(`file:../${basename(plugin.tarball)}`);
    expect(manifest.dependencies['@serverless-stateful/runtime']).toBe(`file:../${basename(runtime.tarball)}`);
    expect(runtime.files.map(({ path }) => path)).toEqual(
      expect.arrayContaining(['package.json', 'dist/cjs/index.js', 'dist/cjs/index.d.ts', 'dist/esm/index.js']),
    );
    // Neither carries the other's code.
    expect(runtime.files.filter(({ path }) => /plugin|testing/.test(path))).toEqual([]);
    expect(plugin.files.filter(({ path }) => path.startsWith('dist/esm/'))).toEqual([]);
    const packed = plugin.files.map(({ path }) => path);
    expect(packed).toEqual(
      expect.arrayContaining([
        'package.json',
        'dist/cjs/testing/index.js',
        'dist/cjs/testing/index.d.ts',
        'dist/cjs/testing/jest-environment.js',
        'dist/cjs/testing/jest-global-setup.js',
        'dist/cjs/testing/jest-global-teardown.js',
        // What a first run installs MiniStack from, and the handlers the plugin deploys for caches
        // and for outboxes.
        'dist/cjs/testing/local-aws/requirements.txt',
        'dist/lambda/invalidation.zip',
        'dist/lambda/outbox-relay.zip',
      ]),
    );
  });

  it('type-checks its handlers and tests against the declarations the package publishes', async () => {
    const run = await npm(['run', 'typecheck'], { cwd: project().path });
    expect({ code: run.code, output: tail(run.output) }).toEqual({ code: 0, output: expect.any(String) });
  }, 120_000);

  it('passes its own tests: three on the fast path, two against the service deployed to the emulator', async () => {
    const { path } = project();
    const resultsFile = join(path, 'jest-results.json');
    const timesFile = join(path, 'test-case-times.json');
    const startedAt = Date.now();
    const run = await npm(
      ['test', '--', '--json', `--outputFile=${resultsFile}`, '--reporters=default', `--reporters=${testCaseTimes}`],
      // The sample's harness keeps its state where this run's does, so it reuses these servers.
      { cwd: path, env: childEnvironment({ TEST_CASE_TIMES: timesFile, STATEFUL_LOCAL_AWS_DIR: localAwsDir() }) },
    );
    let results: JestResults;
    try {
      results = JSON.parse(readFileSync(resultsFile, 'utf8')) as JestResults;
    } catch {
      throw new Error(`the sample's npm test wrote no results (exit ${run.code}):\n${tail(run.output)}`);
    }
    const outcomes = Object.fromEntries(
      results.testResults.map(({ name, assertionResults }) => [
        relative(path, name),
        assertionResults.map(({ status }) => status),
      ]),
    );
    if (run.code !== 0) console.log(`the sample's npm test exited with ${run.code}:\n${tail(run.output)}`);
    expect({ code: run.code, outcomes }).toEqual({
      code: 0,
      outcomes: {
        'test/users.test.ts': ['passed', 'passed', 'passed'],
        'test/deployed.test.ts': ['passed', 'passed'],
      },
    });

    // Its harness found this run's servers and started none (a MiniStack of its own would cost
    // a virtualenv and minutes).
    const harnessLines = run.output.split('\n').filter((line) => line.startsWith('local AWS:'));
    expect(harnessLines).toHaveLength(3);
    expect(harnessLines.filter((line) => line.includes('(started'))).toEqual([]);

    // How long a user waits from `npm test` to a first green test, on each path.
    const times = JSON.parse(readFileSync(timesFile, 'utf8')) as TestCaseTime[];
    const firstPass = (file: string) =>
      Math.min(...times.filter((time) => time.file === file && time.status === 'passed').map((time) => time.endedAt)) -
      startedAt;
    console.log(
      [
        `outside sample: npm test to the first passing test: fast path ${firstPass('test/users.test.ts')} ms,`,
        `deployed ${firstPass('test/deployed.test.ts')} ms; whole run ${run.durationMs} ms`,
      ].join(' '),
    );
  }, 900_000);
});

/**
 * @services redis, dynamodb
 */
// serverless-stateful/testing as a user's project takes it: the built entries by their public
// names, the CLI keeping its state in the user's project, and node's own test runner.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { TestEnvironment } from 'jest-environment-node';
import { localAwsDir } from '../../testing/local-aws';
import { sectionSnippets } from '../support/doc-snippets';

const repo = resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { bin: Record<string, string> };

function run(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('the built testing kit', () => {
  it('has a Jest environment that Jest can load: a class extending its node environment', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(join(repo, 'dist/cjs/testing/jest-environment.js')) as { default: unknown };
    expect(typeof loaded.default).toBe('function');
    expect((loaded.default as { prototype: unknown }).prototype).toBeInstanceOf(TestEnvironment);
  });

  it('ships the pinned Python tools beside the module that installs them', () => {
    expect(readFileSync(join(repo, 'dist/cjs/testing/local-aws/requirements.txt'), 'utf8')).toBe(
      readFileSync(join(repo, 'testing/local-aws/requirements.txt'), 'utf8'),
    );
  });

  it("runs docs/testing.md's first test in a Jest set up as the page says, by the package's names", () => {
    const snippets = sectionSnippets(
      readFileSync(join(repo, 'docs/testing.md'), 'utf8'),
      '## From an empty folder to a green test',
    );
    const files = new Map(snippets.flatMap(({ file, code }) => (file ? [[file, code] as const] : [])));
    const testFile = [...files.keys()].find((file) => file.endsWith('.test.js'));
    // The page shows the whole project: the service, its handler, Jest's configuration and the test.
    expect([...files.keys()]).toEqual(expect.arrayContaining(['serverless.yml', 'jest.config.js']));
    expect(files.size).toBeGreaterThanOrEqual(4);
    expect(testFile).toBeDefined();

    // What the page installs, and nothing else, is in the project's node_modules: the workspace's
    // two packages as they build, the others as this repository installed them.
    const installed = snippets
      .filter(({ lang }) => lang === 'sh')
      .flatMap(({ code }) => code.split('\n'))
      .flatMap((line) => /^npm install (.+)$/.exec(line)?.[1]?.split(/\s+/) ?? [])
      .filter((word) => !word.startsWith('-'));
    expect(installed).toEqual(expect.arrayContaining(['@serverless-stateful/runtime', 'serverless-stateful', 'jest']));
    const project = realpathSync(mkdtempSync(join(tmpdir(), 'docs-first-test-')));
    try {
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'orders' }));
      for (const name of installed) {
        const workspaceFolder = { 'serverless-stateful': '.', '@serverless-stateful/runtime': 'runtime' }[name];
        const source = workspaceFolder ? join(repo, workspaceFolder) : join(repo, 'node_modules', name);
        expect({ name, installedHere: existsSync(source) }).toEqual({ name, installedHere: true });
        const link = join(project, 'node_modules', name);
        mkdirSync(dirname(link), { recursive: true }); // node_modules/, or a scope's folder in it
        symlinkSync(source, link, 'dir');
      }
      for (const [file, code] of files) writeFileSync(join(project, file), code);

      const jest = run([join(project, 'node_modules/jest/bin/jest.js'), '--ci'], project, {
        // This run's DynamoDB Local, rather than one of the project's own.
        STATEFUL_LOCAL_AWS_DIR: localAwsDir(),
        STATEFUL_LOCAL_SERVICES: 'dynamodb',
      });
      expect(jest.output).toContain(`PASS ./${testFile}`);
      expect(jest.output).toMatch(/Tests: +(\d+) passed, \1 total/);
      expect(jest.output).toMatch(/local AWS: DynamoDB Local at http:\/\/\S+ \((reused|already running)/);
      // STATEFUL_LOCAL_SERVICES names DynamoDB Local only.
      expect(jest.output).not.toMatch(/local AWS: (Redis|MiniStack)/);
      expect(jest.status).toBe(0);
    } finally {
      rmSync(project, { recursive: true });
    }
  });

  it('runs under node --test, importing serverless-stateful/testing', () => {
    const node = run(['--test', 'local-aws.node-test.mjs'], join(repo, 'test/fixtures/node-test-runner'));
    expect(node.output).toContain('# pass 1');
    expect(node.status).toBe(0);
  });

  describe('its CLI, in a project of its own', () => {
    const project = realpathSync(mkdtempSync(join(tmpdir(), 'user-project-')));
    const cli = join(repo, manifest.bin['stateful-local'] ?? 'missing bin');
    beforeAll(() => writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'shop' })));
    afterAll(() => rmSync(project, { recursive: true }));

    it('is a node script', () => {
      expect(readFileSync(cli, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    });

    it("keeps its state in the user's project, not in the package", () => {
      const status = run([cli, 'status'], project, { STATEFUL_LOCAL_AWS_DIR: undefined });
      expect(status.output).toContain(`local AWS: state in ${join(project, '.local-aws')}`);
      expect(status.output).toContain('DynamoDB Local: not started by the harness');
      expect(status.status).toBe(0);
    });

    it('keeps it where STATEFUL_LOCAL_AWS_DIR says: here, the servers this run uses', () => {
      const status = run([cli, 'status'], project, { STATEFUL_LOCAL_AWS_DIR: join(repo, '.local-aws') });
      expect(status.output).toContain(`DynamoDB Local: ${process.env.STATEFUL_LOCAL_DYNAMODB_ENDPOINT ?? 'unset'}`);
      expect(existsSync(join(project, '.local-aws'))).toBe(false);
    });

    it('names its commands, as a user runs them, when given another', () => {
      const wrong = run([cli, 'start'], project);
      expect(wrong.output).toContain('unknown command "start"; use `npx stateful-local up`');
      expect(wrong.status).toBe(1);
    });
  });
});

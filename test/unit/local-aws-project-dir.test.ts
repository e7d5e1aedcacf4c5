// The harness keeps its state in the project whose tests run, wherever the package is installed.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { handlerNodePath } from '../../testing/local-aws/ministack';
import { localAwsCommand, localAwsDir, projectDir } from '../../testing/local-aws/project-dir';

const repo = resolve(__dirname, '..', '..');

describe("the local AWS's folder", () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'user-project-')));
  const project = join(root, 'shop');
  const handlers = join(project, 'src', 'handlers');
  beforeAll(() => {
    mkdirSync(handlers, { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'shop' }));
  });
  afterAll(() => rmSync(root, { recursive: true }));

  it('is .local-aws in the nearest folder with a package.json, from where the tests run', () => {
    expect(projectDir(handlers)).toBe(project);
    expect(localAwsDir({}, handlers)).toBe(join(project, '.local-aws'));
  });

  it('is the folder STATEFUL_LOCAL_AWS_DIR names, relative to where the tests run', () => {
    expect(localAwsDir({ STATEFUL_LOCAL_AWS_DIR: '/srv/local-aws' }, handlers)).toBe('/srv/local-aws');
    expect(localAwsDir({ STATEFUL_LOCAL_AWS_DIR: '../shared' }, handlers)).toBe(join(project, 'src', 'shared'));
  });

  it("is this repository's own .local-aws here, where tests, demo and CI share it", () => {
    expect(localAwsDir({}, join(repo, 'test', 'unit'))).toBe(join(repo, '.local-aws'));
  });

  it("names the CLI as a user runs it, and as this repository's script here", () => {
    expect(localAwsCommand(handlers)).toBe('npx stateful-local');
    expect(localAwsCommand(repo)).toBe('npm run local --');
  });

  it("gives the emulator's handlers the project's node_modules first, then the package's, those that exist", () => {
    mkdirSync(join(project, 'node_modules'), { recursive: true });
    const packageModules = join(root, 'store', 'node_modules');
    mkdirSync(packageModules, { recursive: true });
    const missing = join(root, 'nowhere', 'node_modules');
    expect(handlerNodePath(project, [missing, packageModules, join(project, 'node_modules')])).toBe(
      [join(project, 'node_modules'), packageModules].join(delimiter),
    );
  });
});

// A throwaway project with the workspace's packages (the plugin and the runtime) installed from
// their tarballs: `npm pack` ships what `files` lists, so a declaration the build leaves out of
// it (or a path that points outside it) shows here, where a symlink to the repository would hide
// it. The packages' own dependencies are this repository's node_modules, nested as npm nests
// dependencies it does not hoist.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { ServiceDir } from './service-dir';

const repositoryRoot = resolve(__dirname, '..', '..');

/** Where each package of the workspace goes in a project's node_modules, by its folder here. */
const workspacePackages = { '.': 'serverless-stateful', runtime: '@serverless-stateful/runtime' } as const;

export function makePackedProject(files: Readonly<Record<string, string>>): ServiceDir {
  const path = mkdtempSync(join(tmpdir(), 'stateful-packed-'));
  for (const [folder, name] of Object.entries(workspacePackages)) {
    const [packed]: [{ filename: string }] = JSON.parse(
      execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', path], {
        cwd: join(repositoryRoot, folder),
        encoding: 'utf8',
      }),
    );
    const tarball = join(path, packed.filename);
    execFileSync('tar', ['-xzf', tarball, '-C', path]);
    rmSync(tarball);
    const installed = join(path, 'node_modules', name);
    mkdirSync(dirname(installed), { recursive: true });
    renameSync(join(path, 'package'), installed);
    symlinkSync(join(repositoryRoot, 'node_modules'), join(installed, 'node_modules'), 'dir');
  }
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(path, name)), { recursive: true });
    writeFileSync(join(path, name), content);
  }
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

// A throwaway project with this package installed from its tarball: `npm pack` ships what `files`
// lists, so a declaration the build leaves out of it (or a path that points outside it) shows
// here, where a symlink to the repository would hide it. The package's own dependencies are this
// repository's node_modules, nested as npm nests dependencies it does not hoist.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { ServiceDir } from './service-dir';

const packageRoot = resolve(__dirname, '..', '..');

export function makePackedProject(files: Readonly<Record<string, string>>): ServiceDir {
  const path = mkdtempSync(join(tmpdir(), 'stateful-packed-'));
  const [packed]: [{ filename: string }] = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', path], {
      cwd: packageRoot,
      encoding: 'utf8',
    }),
  );
  const tarball = join(path, packed.filename);
  execFileSync('tar', ['-xzf', tarball, '-C', path]);
  rmSync(tarball);
  const installed = join(path, 'node_modules', 'serverless-stateful');
  mkdirSync(dirname(installed), { recursive: true });
  renameSync(join(path, 'package'), installed);
  symlinkSync(join(packageRoot, 'node_modules'), join(installed, 'node_modules'), 'dir');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(path, name)), { recursive: true });
    writeFileSync(join(path, name), content);
  }
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

// Type-checks files of a throwaway project the way a Lambda project would (strict, node16
// modules), with the type packages it names borrowed from ours.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export function typeCheck(cwd: string, files: readonly string[], types: readonly string[] = ['node']) {
  const tsc = require.resolve('typescript/bin/tsc');
  const typeRoots = join(__dirname, '..', '..', 'node_modules', '@types');
  const args = ['--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16'];
  const check = spawnSync(
    process.execPath,
    [tsc, ...args, '--typeRoots', typeRoots, '--types', types.join(','), ...files],
    { cwd, encoding: 'utf8' },
  );
  return { status: check.status, diagnostics: check.stdout };
}

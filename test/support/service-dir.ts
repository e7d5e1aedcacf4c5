// A throwaway service folder, laid out as a user's would be: serverless.yml beside a
// node_modules/serverless-stateful that is this package and a node_modules/@serverless-stateful/runtime
// that is the runtime's (as `npm install` or `npm link` leaves them), and any other plugin the
// service lists, linked from this repository's node_modules.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const packageRoot = resolve(__dirname, '..', '..');

export interface ServiceDir {
  readonly path: string;
  remove(): void;
}

/** `packages`: names under this repository's node_modules to link into the service's, such as a plugin it lists. */
export function makeServiceDir(files: Readonly<Record<string, string>>, packages: readonly string[] = []): ServiceDir {
  const path = mkdtempSync(join(tmpdir(), 'stateful-service-'));
  mkdirSync(join(path, 'node_modules'));
  symlinkSync(packageRoot, join(path, 'node_modules', 'serverless-stateful'), 'dir');
  mkdirSync(join(path, 'node_modules', '@serverless-stateful'));
  symlinkSync(join(packageRoot, 'runtime'), join(path, 'node_modules', '@serverless-stateful', 'runtime'), 'dir');
  for (const name of packages) {
    symlinkSync(join(packageRoot, 'node_modules', name), join(path, 'node_modules', name), 'dir');
  }
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(path, name)), { recursive: true });
    writeFileSync(join(path, name), content);
  }
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

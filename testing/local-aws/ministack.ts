// The AWS emulator on port 4566: the user's LocalStack when LOCALSTACK_ENDPOINT is set, else a
// MiniStack already answering there, else a pinned MiniStack of ours from the project virtualenv.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ServiceUnavailableError } from './errors';
import { logTail } from './log-tail';
import { lambdaNode, pathWithNodeFirst } from './lambda-node';
import { isAlive, spawnDetached, stopProcessGroup } from './processes';
import { httpJson, tcpOpen, waitUntil } from './probes';
import type { LocalService } from './service';
import { localAwsDir, projectDir } from './project-dir';
import { readState } from './state-file';
import { venvProgram } from './python-venv';

export const emulatorPort = 4566;
const ministackEndpoint = `http://127.0.0.1:${emulatorPort}`;

/**
 * NODE_PATH for the handlers MiniStack runs. AWS's Node.js runtimes provide AWS SDK v3 to
 * handlers; here the project's node_modules plays that part, then the folders this package
 * resolves its own dependencies from (the SDK clients it depends on, wherever the package manager
 * put them: hoisted beside it, nested in it, or in pnpm's store).
 */
export function handlerNodePath(
  project: string = projectDir(),
  packagePaths: readonly string[] = module.paths,
): string {
  const folders = [join(project, 'node_modules'), ...packagePaths].filter((dir) => existsSync(dir));
  return [...new Set(folders)].join(delimiter);
}

// MiniStack serves LocalStack's health path too, so one probe fits both.
async function emulatorAnswers(endpoint: string): Promise<boolean> {
  const body = await httpJson(`${endpoint}/_localstack/health`);
  return typeof body === 'object' && body !== null && 'services' in body;
}

export const ministack: LocalService = {
  name: 'emulator',

  async findExternal() {
    const localstack = process.env.LOCALSTACK_ENDPOINT;
    if (localstack) {
      const endpoint = localstack.replace(/\/+$/, '');
      if (!(await emulatorAnswers(endpoint))) {
        throw new ServiceUnavailableError(
          'emulator',
          endpoint,
          'is named by LOCALSTACK_ENDPOINT but does not answer /_localstack/health',
        );
      }
      return endpoint;
    }
    // Ours from an earlier run is reused through the state file; any other answering here
    // (a MiniStack or LocalStack the user started) is used as it is.
    const known = readState().emulator;
    const ours = known !== undefined && isAlive(known.pid);
    if (await emulatorAnswers(ministackEndpoint)) return ours ? undefined : ministackEndpoint;
    if (await tcpOpen('127.0.0.1', emulatorPort)) {
      throw new ServiceUnavailableError(
        'emulator',
        ministackEndpoint,
        `is held by something that is not an AWS emulator; free port ${emulatorPort} or set LOCALSTACK_ENDPOINT`,
      );
    }
    return undefined;
  },

  answers: emulatorAnswers,

  async start(context) {
    const program = await venvProgram('emulator', 'ministack', context.log);
    const redisUrl = new URL(context.endpoints.redis ?? 'redis://127.0.0.1:6379');
    const node = lambdaNode();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GATEWAY_PORT: String(emulatorPort),
      BIND_HOST: '127.0.0.1',
      MINISTACK_REGION: 'us-east-1',
      // MiniStack's emulated ElastiCache points at our Redis.
      REDIS_HOST: redisUrl.hostname,
      REDIS_PORT: redisUrl.port || '6379',
      // Step Functions Wait states pass at once: tests assert on paths, not on clocks.
      SFN_WAIT_SCALE: '0',
      // Handlers run on the first node on this PATH: Node 22 when one is at hand (lambda-node.ts).
      PATH: pathWithNodeFirst(node),
      NODE_PATH: handlerNodePath(),
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    };
    const started = spawnDetached(program, [], { env, logFile: join(localAwsDir(), 'logs', 'ministack.log') });
    if (!(await waitUntil(() => emulatorAnswers(ministackEndpoint), 60_000))) {
      await stopProcessGroup(started.pid);
      throw new ServiceUnavailableError('emulator', ministackEndpoint, `did not start:\n${logTail(started.logFile)}`);
    }
    context.log(
      node
        ? `local AWS: MiniStack runs Node.js handlers on node ${node.version} (${node.path})`
        : 'local AWS: MiniStack found no node to run Node.js handlers on',
    );
    return { ...started, endpoint: ministackEndpoint, ...(node ? { handlerNode: node.version } : {}) };
  },
};

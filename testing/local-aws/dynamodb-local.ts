// DynamoDB Local, AWS's own emulator: the jar shipped inside the npm package
// amplify-dynamodb-simulator, run in memory with the machine's Java on a free port.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MissingPrerequisiteError, ServiceUnavailableError } from './errors';
import { logTail } from './log-tail';
import { resolveOptional } from './optional-dependency';
import { freePort, spawnDetached, stopProcessGroup, which } from './processes';
import { dynamodbAnswers, waitUntil } from './probes';
import type { LocalService } from './service';
import { localAwsDir } from './project-dir';

const installJava = 'apt-get install openjdk-17-jre-headless';

function emulatorDir(): string {
  const simulator = resolveOptional('amplify-dynamodb-simulator/package.json', 'DynamoDB Local');
  const dir = join(dirname(simulator), 'emulator');
  if (!existsSync(join(dir, 'DynamoDBLocal.jar'))) {
    throw new MissingPrerequisiteError(
      'dynamodb',
      `DynamoDBLocal.jar in ${dir}`,
      'npm install -D amplify-dynamodb-simulator',
    );
  }
  return dir;
}

/** The major version of the `java` on PATH, or undefined when there is none. */
function javaMajorVersion(java: string): number | undefined {
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major; // "1.8" means Java 8
}

export const dynamodbLocal: LocalService = {
  name: 'dynamodb',

  // DynamoDB Local has no well-known system instance; only ours are reused.
  findExternal: () => Promise.resolve(undefined),

  answers: (endpoint) => dynamodbAnswers(endpoint),

  async start() {
    const java = which('java');
    if (!java) throw new MissingPrerequisiteError('dynamodb', 'Java 17 (java)', installJava);
    const major = javaMajorVersion(java);
    if (major !== undefined && major < 17) {
      throw new MissingPrerequisiteError('dynamodb', `Java 17 or newer (found Java ${major})`, installJava);
    }
    const dir = emulatorDir();
    const port = await freePort();
    const endpoint = `http://127.0.0.1:${port}`;
    const args = [
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      '-inMemory',
      '-sharedDb', // one database whatever the credentials and region: tests and tools agree
      '-disableTelemetry',
      '-port',
      String(port),
    ];
    const started = spawnDetached(java, args, { cwd: dir, logFile: join(localAwsDir(), 'logs', 'dynamodb.log') });
    if (!(await waitUntil(() => dynamodbAnswers(endpoint), 30_000))) {
      await stopProcessGroup(started.pid);
      throw new ServiceUnavailableError('dynamodb', endpoint, `did not start:\n${logTail(started.logFile)}`);
    }
    return { ...started, endpoint };
  },
};

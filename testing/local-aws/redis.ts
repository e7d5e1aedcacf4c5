// Redis: the machine's own on 127.0.0.1:6379 when it answers, else a redis-server of ours on a
// free port that keeps nothing on disk.
import { join } from 'node:path';
import { MissingPrerequisiteError, ServiceUnavailableError } from './errors';
import { logTail } from './log-tail';
import { freePort, spawnDetached, stopProcessGroup, which } from './processes';
import { redisAnswers, waitUntil } from './probes';
import type { LocalService } from './service';
import { localAwsDir } from './project-dir';

const systemRedis = 'redis://127.0.0.1:6379';

export const redis: LocalService = {
  name: 'redis',

  async findExternal() {
    return (await redisAnswers(systemRedis)) ? systemRedis : undefined;
  },

  answers: (endpoint) => redisAnswers(endpoint),

  async start() {
    const server = which('redis-server');
    if (!server) throw new MissingPrerequisiteError('redis', 'redis-server', 'apt-get install redis-server');
    const port = await freePort();
    const endpoint = `redis://127.0.0.1:${port}`;
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    const started = spawnDetached(server, args, { logFile: join(localAwsDir(), 'logs', 'redis.log') });
    if (!(await waitUntil(() => redisAnswers(endpoint), 10_000))) {
      await stopProcessGroup(started.pid);
      throw new ServiceUnavailableError('redis', endpoint, `did not start:\n${logTail(started.logFile)}`);
    }
    return { ...started, endpoint };
  },
};

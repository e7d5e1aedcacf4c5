// One serverless run in a service folder at a time, across processes: a command that packages
// deletes the folder's .serverless/ first and writes its package and serverless-state.json there,
// so two test files working on one service (two stages, or a deploy beside a package) would
// delete or read each other's. A lock file per folder, holding the
// owner's pid, in the system's temporary folder (not the user's tree); a dead owner's is taken over.
import { createHash } from 'node:crypto';
import { open, readFile, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAlive } from './local-aws/processes';

const isCode = (error: unknown, code: string) =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === code;

async function ownerOf(lockFile: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(await readFile(lockFile, 'utf8'), 10);
    return Number.isInteger(pid) ? pid : undefined;
  } catch (error) {
    if (isCode(error, 'ENOENT')) return undefined;
    throw error;
  }
}

/** Runs `work` once no other process is deploying `serviceDir`; waits at most `timeoutMs` for it. */
export async function withServiceLock<T>(serviceDir: string, timeoutMs: number, work: () => Promise<T>): Promise<T> {
  const id = createHash('sha256').update(serviceDir).digest('hex').slice(0, 16);
  const lockFile = join(tmpdir(), `serverless-stateful-deploy-${id}.lock`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
      const owner = await ownerOf(lockFile);
      // An owner that died (or had not written its pid yet, if the file stays empty) holds nothing.
      if (owner !== undefined && !isAlive(owner)) await unlink(lockFile).catch(() => undefined);
      else if (Date.now() > deadline) {
        throw new Error(
          `another serverless run in ${serviceDir} (pid ${owner ?? '?'}) still runs after ${timeoutMs} ms`,
        );
      } else await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    return await work();
  } finally {
    await unlink(lockFile).catch(() => undefined);
  }
}

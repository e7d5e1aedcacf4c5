// Serverless runs in one service folder take turns across processes: the lock file, its
// takeover, and runServerless taking it.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runServerless } from '../../testing/local-aws/serverless-cli';
import { withServiceLock } from '../../testing/service-lock';

const lockFileOf = (serviceDir: string) =>
  join(
    tmpdir(),
    `serverless-stateful-deploy-${createHash('sha256').update(serviceDir).digest('hex').slice(0, 16)}.lock`,
  );

describe('withServiceLock', () => {
  const serviceDir = join(tmpdir(), `service-${process.pid}-${Date.now()}`);

  it('runs two deploys of one folder one after the other, and releases the lock', async () => {
    const steps: string[] = [];
    const work = (name: string) => async () => {
      steps.push(`${name} starts`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      steps.push(`${name} ends`);
      return name;
    };
    await expect(
      Promise.all([withServiceLock(serviceDir, 10_000, work('a')), withServiceLock(serviceDir, 10_000, work('b'))]),
    ).resolves.toEqual(['a', 'b']);
    // Either may win the lock (the file system decides, and a busy machine reorders them); the
    // other starts only once the first has ended.
    const first = steps[0]?.[0] ?? '?';
    const second = first === 'a' ? 'b' : 'a';
    expect(steps).toEqual([`${first} starts`, `${first} ends`, `${second} starts`, `${second} ends`]);
    expect(existsSync(lockFileOf(serviceDir))).toBe(false);
  });

  it('releases the lock when the work fails', async () => {
    await expect(withServiceLock(serviceDir, 10_000, () => Promise.reject(new Error('deploy failed')))).rejects.toThrow(
      'deploy failed',
    );
    expect(existsSync(lockFileOf(serviceDir))).toBe(false);
  });

  it('takes over the lock of a process that died', async () => {
    // No process has this pid: Linux pids stay below 2^22.
    writeFileSync(lockFileOf(serviceDir), String(2 ** 22 + 1));
    await expect(withServiceLock(serviceDir, 10_000, () => Promise.resolve('deployed'))).resolves.toBe('deployed');
  });

  it('names the folder and the owner when a live owner keeps it too long', async () => {
    writeFileSync(lockFileOf(serviceDir), String(process.pid));
    try {
      await expect(withServiceLock(serviceDir, 600, () => Promise.resolve('never'))).rejects.toThrow(
        `another serverless run in ${serviceDir} (pid ${process.pid}) still runs after 600 ms`,
      );
    } finally {
      unlinkSync(lockFileOf(serviceDir));
    }
  });

  it("makes two framework runs in one folder take turns, so a package cannot delete a deploy's .serverless", async () => {
    // A stand-in for the framework: it notes its start, works a while, notes its end.
    const folder = mkdtempSync(join(tmpdir(), 'stateful-turns-'));
    const bin = join(folder, 'fake-serverless.js');
    writeFileSync(
      bin,
      "const fs = require('fs'); const note = (w) => fs.appendFileSync('runs.log', `${process.argv[2]} ${w}\\n`);" +
        " note('starts'); setTimeout(() => note('ends'), 150);",
    );
    try {
      const runs = await Promise.all([
        runServerless(['deploy'], { cwd: folder, bin }),
        runServerless(['package'], { cwd: folder, bin }),
      ]);
      expect(runs.map((run) => run.code)).toEqual([0, 0]);
      const lines = readFileSync(join(folder, 'runs.log'), 'utf8').trim().split('\n');
      expect(lines).toHaveLength(4);
      // Whichever went first ended before the other started.
      expect(lines[0]?.split(' ')[0]).toBe(lines[1]?.split(' ')[0]);
      expect(lines.map((line) => line.split(' ')[1])).toEqual(['starts', 'ends', 'starts', 'ends']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

// The project-local virtualenv that holds the pinned Python tools (MiniStack, cfn-lint), in the
// harness's folder of the project (project-dir.ts). Created on first use from requirements.txt,
// which ships beside this module (the build copies it into dist), and brought up to date when
// that file changes.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MissingPrerequisiteError } from './errors';
import { logTail } from './log-tail';
import { which } from './processes';
import type { ServiceName } from './services';
import { localAwsDir } from './project-dir';

export const requirementsFile = join(__dirname, 'requirements.txt');

function run(command: string, args: readonly string[], logFile: string): Promise<number> {
  const log = openSync(logFile, 'a');
  return new Promise<number>((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', log, log] });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  }).finally(() => closeSync(log));
}

/** The path of `program` inside the virtualenv, installing the pinned requirements if needed. */
export async function venvProgram(service: ServiceName, program: string, log: (line: string) => void): Promise<string> {
  const venvDir = join(localAwsDir(), 'venv');
  const installedMarker = join(venvDir, 'requirements.installed');
  const wanted = readFileSync(requirementsFile, 'utf8');
  const installed = existsSync(installedMarker) ? readFileSync(installedMarker, 'utf8') : undefined;
  const path = join(venvDir, 'bin', program);
  if (installed === wanted && existsSync(path)) return path;

  const python = which('python3');
  if (!python) throw new MissingPrerequisiteError(service, 'python3', 'apt-get install python3 python3-venv');
  mkdirSync(join(localAwsDir(), 'logs'), { recursive: true });
  const logFile = join(localAwsDir(), 'logs', 'venv.log');
  log(`local AWS: installing ${requirementsFile} into ${venvDir} (log: ${logFile})`);
  if (!existsSync(join(venvDir, 'bin', 'pip'))) {
    if ((await run(python, ['-m', 'venv', venvDir], logFile)) !== 0) {
      throw new MissingPrerequisiteError(service, 'python3 with venv', 'apt-get install python3-venv');
    }
  }
  const pip = join(venvDir, 'bin', 'pip');
  const code = await run(pip, ['install', '--disable-pip-version-check', '-r', requirementsFile], logFile);
  if (code !== 0) throw new Error(`pip install -r ${requirementsFile} failed:\n${logTail(logFile)}`);
  writeFileSync(installedMarker, wanted);
  return path;
}

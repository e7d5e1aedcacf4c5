// The harness remembers the servers it started in .local-aws/state.json (in the project, see
// project-dir.ts), so a later run can reuse them and only their starter stops them.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { localAwsDir } from './project-dir';
import type { ServiceName } from './services';

const stateFile = () => join(localAwsDir(), 'state.json');

export interface StartedService {
  readonly pid: number;
  readonly endpoint: string;
  readonly logFile: string;
  /** The pid of the run that started it, or 'kept' when started to outlive any run. */
  readonly owner: number | 'kept';
  /** The emulator's: the version of the node its Node.js handlers run on, which it keeps. */
  readonly handlerNode?: string;
}

export type HarnessState = Partial<Record<ServiceName, StartedService>>;

export function readState(): HarnessState {
  try {
    return JSON.parse(readFileSync(stateFile(), 'utf8')) as HarnessState;
  } catch {
    return {};
  }
}

export function writeState(state: HarnessState): void {
  const file = stateFile();
  mkdirSync(localAwsDir(), { recursive: true });
  const temporary = `${file}.${process.pid}`;
  writeFileSync(temporary, JSON.stringify(state, null, 2) + '\n');
  renameSync(temporary, file);
}

export function updateState(change: (state: HarnessState) => HarnessState): void {
  writeState(change(readState()));
}

// Waiting on what a deployed service does: an item written, an execution finished. Contract
// seam: bodies are filled in by the kit's deploy work.
import type { ExecutionStatus } from '@aws-sdk/client-sfn';

export interface WaitOptions {
  /** How long to wait before failing with what was awaited (default 30 s). */
  readonly timeoutMs?: number;
}

/** Polls `probe` until it returns a value (not undefined) or the time runs out; then throws naming `what`. */
export function eventually<T>(what: string, probe: () => Promise<T | undefined>, options?: WaitOptions): Promise<T> {
  void what;
  void probe;
  void options;
  throw new Error('eventually: not built yet');
}

/** The item at `key` in `tableName` once it exists and `until` (if given) holds for it. */
export function waitForItem<T extends Record<string, unknown>>(
  tableName: string,
  key: Record<string, unknown>,
  options?: WaitOptions & { until?: (item: T) => boolean },
): Promise<T> {
  void tableName;
  void key;
  void options;
  throw new Error('waitForItem: not built yet');
}

export interface FinishedExecution {
  readonly status: ExecutionStatus;
  readonly error: string | undefined;
  readonly cause: string | undefined;
  readonly output: unknown;
  /** The states entered, in order. */
  readonly path: string[];
  /** Failed attempts by state name (a Retry's earlier attempts, or the one a Catch took). */
  readonly failures: Record<string, number>;
}

/** Waits for a Step Functions execution to leave RUNNING and reads its history. */
export function waitForExecution(executionArn: string, options?: WaitOptions): Promise<FinishedExecution> {
  void executionArn;
  void options;
  throw new Error('waitForExecution: not built yet');
}

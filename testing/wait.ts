// Waiting on what a deployed service does: an item written, an execution finished. Everything
// there happens asynchronously (events, streams, workflows), so a test polls until it holds.
import type { DescribeExecutionCommandOutput, ExecutionStatus, HistoryEvent } from '@aws-sdk/client-sfn';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { awsClients, stepFunctionsSdk } from './clients';

export interface WaitOptions {
  /** How long to wait before failing with what was awaited (default 30 s). */
  readonly timeoutMs?: number;
  /** Pause between two probes (default 250 ms). */
  readonly intervalMs?: number;
}

const defaultTimeoutMs = 30_000;

/** What a test waited for did not come in time. */
export class WaitTimeoutError extends Error {
  override readonly name = 'WaitTimeoutError';
  constructor(
    /** What was awaited, as the caller put it. */
    readonly what: string,
    readonly timeoutMs: number,
  ) {
    super(`timed out after ${timeoutMs} ms waiting for ${what}`);
  }
}

/**
 * Polls `probe` until it returns a value (not undefined) or the time runs out; then throws naming
 * `what`. An error the probe throws ends the wait at once: it is a failure, not a "not yet".
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  options: WaitOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) throw new WaitTimeoutError(what, timeoutMs);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
  }
}

/** The item at `key` in `tableName` once it exists and `until` (if given) holds for it. */
// `object`, not Record<string, unknown>: an interface (which has no index signature) fits too.
export function waitForItem<T extends object = Record<string, unknown>>(
  tableName: string,
  key: Record<string, unknown>,
  options: WaitOptions & { until?: (item: T) => boolean } = {},
): Promise<T> {
  const { until } = options;
  const what = `the item ${JSON.stringify(key)} in table ${tableName}${until ? ' to satisfy the condition given' : ''}`;
  return eventually(
    what,
    async () => {
      const { Item } = await awsClients().documents.send(
        new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
      );
      const item = Item as T | undefined;
      return item && (!until || until(item)) ? item : undefined;
    },
    options,
  );
}

export interface FinishedExecution {
  readonly status: ExecutionStatus;
  readonly error: string | undefined;
  readonly cause: string | undefined;
  /** The execution's output, parsed from JSON (undefined when it has none, as a failed one). */
  readonly output: unknown;
  /** The states entered, in order. */
  readonly path: string[];
  /** Failed attempts by state name (a Retry's earlier attempts, or the one a Catch took). */
  readonly failures: Record<string, number>;
  /** The whole history, for what path and failures do not tell. */
  readonly events: HistoryEvent[];
}

const failedAttempt = new Set(['TaskFailed', 'TaskTimedOut', 'LambdaFunctionFailed', 'LambdaFunctionTimedOut']);

async function historyOf(executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await awsClients().stepFunctions.send(
      new (stepFunctionsSdk().GetExecutionHistoryCommand)({ executionArn, nextToken, maxResults: 1000 }),
    );
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

function parsed(json: string | undefined): unknown {
  if (json === undefined) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

/** Waits for a Step Functions execution to leave RUNNING and reads its history. */
export async function waitForExecution(executionArn: string, options: WaitOptions = {}): Promise<FinishedExecution> {
  const execution = await eventually<DescribeExecutionCommandOutput>(
    `execution ${executionArn} to finish`,
    async () => {
      const { DescribeExecutionCommand } = stepFunctionsSdk();
      const described = await awsClients().stepFunctions.send(new DescribeExecutionCommand({ executionArn }));
      return described.status === 'RUNNING' || described.status === 'PENDING_REDRIVE' ? undefined : described;
    },
    options,
  );
  const events = await historyOf(executionArn);
  const path: string[] = [];
  const failures: Record<string, number> = {};
  for (const event of events) {
    const entered = event.stateEnteredEventDetails?.name;
    if (entered) path.push(entered);
    const current = path.at(-1);
    if (current && event.type && failedAttempt.has(event.type)) failures[current] = (failures[current] ?? 0) + 1;
  }
  return {
    // Left RUNNING, so DescribeExecution gave a status.
    status: execution.status as ExecutionStatus,
    error: execution.error,
    cause: execution.cause,
    output: parsed(execution.output),
    path,
    failures,
    events,
  };
}

// The order workflow's executions, read back: status, the states they went through, and how many
// times each task failed before it succeeded or was caught.
import { DescribeExecutionCommand, GetExecutionHistoryCommand, type HistoryEvent } from '@aws-sdk/client-sfn';
import { eventually } from './api';
import { shopClients } from './stack';

export interface FinishedExecution {
  readonly status: string;
  readonly error: string | undefined;
  readonly output: Record<string, unknown> | undefined;
  /** The states entered, in order. */
  readonly path: string[];
  /** Failed attempts by state name (a Retry's earlier attempts, or the last one a Catch took). */
  readonly failures: Record<string, number>;
  readonly events: HistoryEvent[];
}

async function history(executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await shopClients().stepFunctions.send(
      new GetExecutionHistoryCommand({ executionArn, nextToken, maxResults: 1000 }),
    );
    events.push(...(page.events ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

/** Waits for the execution to finish and reads its history. */
export async function finishedExecution(executionArn: string, timeoutMs = 90_000): Promise<FinishedExecution> {
  const execution = await eventually(
    `execution ${executionArn} to finish`,
    async () => {
      const described = await shopClients().stepFunctions.send(new DescribeExecutionCommand({ executionArn }));
      return described.status === 'RUNNING' ? undefined : described;
    },
    timeoutMs,
  );
  const events = await history(executionArn);
  const path: string[] = [];
  const failures: Record<string, number> = {};
  for (const event of events) {
    const entered = event.stateEnteredEventDetails?.name;
    if (entered) path.push(entered);
    const current = path.at(-1);
    if (current && (event.type === 'TaskFailed' || event.type === 'LambdaFunctionFailed')) {
      failures[current] = (failures[current] ?? 0) + 1;
    }
  }
  return {
    status: execution.status ?? 'UNKNOWN',
    error: execution.error,
    output: execution.output ? (JSON.parse(execution.output) as Record<string, unknown>) : undefined,
    path,
    failures,
    events,
  };
}

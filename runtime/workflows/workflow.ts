// workflow(name).start(): runs of the workflow the function declared. A deterministic name makes
// a start idempotent: starting again with the same input returns the run already started.
import type { ExecutionAlreadyExists, SFNClient } from '@aws-sdk/client-sfn';
import { createHash } from 'node:crypto';
import {
  isAwsError,
  preloadStepFunctions,
  stepFunctions,
  type Connected,
  type StepFunctionsModule,
} from '../clients.js';
import { resolveResource } from '../discovery.js';
import { StatefulRuntimeError } from '../errors.js';
import { jsonData } from '../json-data.js';
import { WorkflowInputError, workflowFailure } from './workflow-errors.js';

/** Step Functions takes at most 256 KB of input, in UTF-8 bytes. */
const maxInputBytes = 256 * 1024;

/** A run with this name exists and was started with another input. */
export class ExecutionInputMismatchError extends StatefulRuntimeError {
  override name = 'ExecutionInputMismatchError';
  constructor(
    readonly workflow: string,
    readonly executionArn: string,
  ) {
    super(`workflow ${workflow} already has a run named like this one with a different input: ${executionArn}`);
  }
}

export interface StartResult {
  readonly executionArn: string;
  readonly startDate: Date | undefined;
  /** The run existed already: this start changed nothing. */
  readonly alreadyStarted: boolean;
}

export interface SyncResult<O> {
  readonly status: string | undefined;
  readonly output: O | undefined;
  readonly error: string | undefined;
  readonly cause: string | undefined;
}

/** Step Functions takes names of 1–80 characters from a limited set; others are hashed to fit. */
export function executionName(name: string): string {
  if (/^[A-Za-z0-9_-]{1,80}$/.test(name)) return name;
  return `h-${createHash('sha256').update(name).digest('base64url').slice(0, 43)}`;
}

/** The ARN of run `name` of the state machine (or its alias or version) `stateMachineArn`. */
export function executionArn(stateMachineArn: string, name: string): string {
  const [prefix, machine] = stateMachineArn.split(':stateMachine:') as [string, string | undefined];
  const machineName = (machine ?? '').split(':')[0];
  return `${prefix}:execution:${machineName}:${name}`;
}

export class Workflow {
  private arn: string | undefined;

  constructor(readonly name: string) {
    preloadStepFunctions();
  }

  /** The ARN starts go to (the `live` alias, or the state machine on a local stage). */
  get stateMachineArn(): string {
    this.arn ??= resolveResource('workflow', this.name);
    return this.arn;
  }

  /**
   * Starts a run. With a `name`, a retry is safe: a run of that name started with the same input
   * is returned (`alreadyStarted`), one with another input is an ExecutionInputMismatchError.
   */
  async start(input: unknown, options: { name?: string } = {}): Promise<StartResult> {
    const name = options.name !== undefined ? executionName(options.name) : undefined;
    const body = this.inputText(input);
    try {
      const started = await this.call('StartExecution', ({ client, commands }) =>
        client.send(new commands.StartExecutionCommand({ stateMachineArn: this.stateMachineArn, input: body, name })),
      );
      return { executionArn: started.executionArn ?? '', startDate: started.startDate, alreadyStarted: false };
    } catch (error) {
      if (!isAwsError<ExecutionAlreadyExists>(error, 'ExecutionAlreadyExists') || name === undefined) throw error;
      const existingArn = executionArn(this.stateMachineArn, name);
      const existing = await this.call('DescribeExecution', ({ client, commands }) =>
        client.send(new commands.DescribeExecutionCommand({ executionArn: existingArn })),
      );
      if (sortedJson(JSON.parse(existing.input ?? '{}')) !== sortedJson(JSON.parse(body))) {
        throw new ExecutionInputMismatchError(this.name, existingArn);
      }
      return { executionArn: existingArn, startDate: existing.startDate, alreadyStarted: true };
    }
  }

  /** Runs an express workflow to its end and returns its output. */
  async startSync<O = unknown>(input: unknown, options: { name?: string } = {}): Promise<SyncResult<O>> {
    const result = await this.call('StartSyncExecution', ({ client, commands }) =>
      client.send(
        new commands.StartSyncExecutionCommand({
          stateMachineArn: this.stateMachineArn,
          input: this.inputText(input),
          name: options.name !== undefined ? executionName(options.name) : undefined,
        }),
      ),
    );
    return {
      status: result.status,
      output: result.output !== undefined ? (JSON.parse(result.output) as O) : undefined,
      error: result.error,
      cause: result.cause,
    };
  }

  /** The input as Step Functions takes it (none is `{}`), or a WorkflowInputError saying why it cannot be. */
  private inputText(input: unknown): string {
    const json = jsonData(input ?? {});
    if ('problem' in json) {
      const { path, reason } = json.problem;
      throw new WorkflowInputError(
        this.name,
        `its input cannot be sent: ${path === '(the value)' ? 'it' : path} is ${reason}`,
      );
    }
    const bytes = Buffer.byteLength(json.text, 'utf8');
    if (bytes > maxInputBytes) {
      throw new WorkflowInputError(
        this.name,
        `its input is ${bytes} bytes; Step Functions takes at most ${maxInputBytes} (256 KB)`,
      );
    }
    return json.text;
  }

  /** Runs one Step Functions call; a missing workflow or a refused permission is said in its terms. */
  private async call<R>(
    operation: string,
    run: (connected: Connected<SFNClient, StepFunctionsModule>) => Promise<R>,
  ): Promise<R> {
    const connected = await stepFunctions();
    try {
      return await run(connected);
    } catch (error) {
      throw workflowFailure(error, this.name, this.stateMachineArn, operation);
    }
  }
}

/** JSON text with object keys sorted: equal inputs give equal text whatever their key order. */
function sortedJson(value: unknown): string | undefined {
  const json = jsonData(value, true);
  return 'text' in json ? json.text : undefined;
}

/** `workflow('orderProcessing')`: the workflow the function declared as `orderProcessing`. */
export function workflow(name: string): Workflow {
  return new Workflow(name);
}

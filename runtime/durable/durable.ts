// durable(name): starts executions of the durable function a function declared (`state:
// { reminder: start }`), and completes the callbacks they wait for (`callback`). A key makes a start
// idempotent, as a workflow's name does: the execution is named after it, and Lambda refuses a
// second execution of that name.
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { createHash } from 'node:crypto';
import { isAwsError, lambda, preloadLambda, type Connected, type LambdaModule } from '../clients.js';
import { resolveResource } from '../discovery.js';
import { jsonData } from '../json-data.js';
import {
  DurableCallbackClosedError,
  DurableExecutionConflictError,
  DurableInputError,
  DurableStartTimeoutError,
  durableFailure,
} from './durable-errors.js';

/** An asynchronous invocation takes at most 1 MB of payload (Invoke's API reference). */
const maxInputBytes = 1024 * 1024;

/** A callback's result is at most 256 KB (SendDurableExecutionCallbackSuccess). */
const maxResultBytes = 256 * 1024;

/**
 * The execution name for `key`: Lambda takes 1–64 characters of letters, digits, `-` and `_`
 * (API_Execution); another key is hashed to fit, so equal keys always give equal names.
 */
export function durableExecutionName(key: string): string {
  if (/^[A-Za-z0-9_-]{1,64}$/.test(key)) return key;
  return `h-${createHash('sha256').update(key).digest('base64url')}`;
}

export interface DurableStartOptions {
  /** The caller's idempotency key (an order id): the same key never starts a second execution. */
  readonly key?: string;
  /** How long to wait for Lambda to accept the start; the SDK's own retries happen within it. Default 10 s. */
  readonly timeoutMs?: number;
}

export interface DurableStartResult {
  /** The execution's ARN, as Lambda returns it (an emulator may not). */
  readonly executionArn: string | undefined;
  /** The execution's name: from the key, or Lambda's own when no key was given. */
  readonly executionName: string | undefined;
}

export class Durable {
  private qualifiedName: string | undefined;

  constructor(readonly name: string) {
    preloadLambda();
  }

  /** The name starts invoke: the function's `durable` alias (`service-stage-fn:durable`). */
  get functionName(): string {
    this.qualifiedName ??= resolveResource('durable', this.name);
    return this.qualifiedName;
  }

  /**
   * Starts an execution, asynchronously: it may run up to the function's execution timeout (a
   * synchronous invoke would be cut at 15 minutes). With a `key`, a retry is safe: Lambda refuses
   * a second execution of the same name, said as a DurableExecutionConflictError when it is not
   * the same start.
   */
  async start(input: unknown, options: DurableStartOptions = {}): Promise<DurableStartResult> {
    const executionName = options.key !== undefined ? durableExecutionName(options.key) : undefined;
    const payload = this.inputBytes(input);
    const timeoutMs = options.timeoutMs ?? 10_000;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    timer.unref();
    try {
      const response = await this.call(
        'Invoke',
        'start',
        ({ client, commands }) =>
          client.send(
            new commands.InvokeCommand({
              FunctionName: this.functionName,
              InvocationType: 'Event',
              Payload: payload,
              DurableExecutionName: executionName,
            }),
            { abortSignal: abort.signal },
          ),
        executionName,
      );
      return { executionArn: response.DurableExecutionArn, executionName };
    } catch (error) {
      if (abort.signal.aborted) {
        throw new DurableStartTimeoutError(this.name, executionName, timeoutMs, { cause: error });
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Completes callback `callbackId` with `result`: the execution waiting on it resumes with it. */
  async succeed(callbackId: string, result: unknown): Promise<void> {
    const json = jsonData(result ?? null);
    if ('problem' in json) {
      throw new DurableInputError(this.name, `the callback result cannot be sent: ${json.problem.reason}`);
    }
    const bytes = Buffer.from(json.text, 'utf8');
    if (bytes.length > maxResultBytes) {
      throw new DurableInputError(
        this.name,
        `the callback result is ${bytes.length} bytes; Lambda takes at most ${maxResultBytes} (256 KB)`,
      );
    }
    await this.callback(callbackId, 'SendDurableExecutionCallbackSuccess', ({ client, commands }) =>
      client.send(new commands.SendDurableExecutionCallbackSuccessCommand({ CallbackId: callbackId, Result: bytes })),
    );
  }

  /** Fails callback `callbackId`: the execution waiting on it resumes with an error. */
  async fail(callbackId: string, error: { type?: string; message: string }): Promise<void> {
    await this.callback(callbackId, 'SendDurableExecutionCallbackFailure', ({ client, commands }) =>
      client.send(
        new commands.SendDurableExecutionCallbackFailureCommand({
          CallbackId: callbackId,
          Error: { ErrorType: error.type ?? 'CallbackFailed', ErrorMessage: error.message },
        }),
      ),
    );
  }

  /** Tells Lambda the work behind callback `callbackId` goes on, for a callback with a heartbeat timeout. */
  async heartbeat(callbackId: string): Promise<void> {
    await this.callback(callbackId, 'SendDurableExecutionCallbackHeartbeat', ({ client, commands }) =>
      client.send(new commands.SendDurableExecutionCallbackHeartbeatCommand({ CallbackId: callbackId })),
    );
  }

  private async callback(
    callbackId: string,
    operation: string,
    run: (connected: Connected<LambdaClient, LambdaModule>) => Promise<unknown>,
  ): Promise<void> {
    try {
      await this.call(operation, 'callback', run);
    } catch (error) {
      if (isAwsError(error, 'CallbackTimeoutException')) {
        throw new DurableCallbackClosedError(this.name, callbackId, { cause: error });
      }
      throw error;
    }
  }

  /** The input as Invoke takes it (none is `{}`), or a DurableInputError saying why it cannot be. */
  private inputBytes(input: unknown): Uint8Array {
    const json = jsonData(input ?? {});
    if ('problem' in json) {
      const { path, reason } = json.problem;
      throw new DurableInputError(
        this.name,
        `its input cannot be sent: ${path === '(the value)' ? 'it' : path} is ${reason}`,
      );
    }
    const bytes = Buffer.from(json.text, 'utf8');
    if (bytes.length > maxInputBytes) {
      throw new DurableInputError(
        this.name,
        `its input is ${bytes.length} bytes; an asynchronous start takes at most ${maxInputBytes} (1 MB)`,
      );
    }
    return bytes;
  }

  /** Runs one Lambda call; a missing function, a refused permission or a taken name is said in its terms. */
  private async call<R>(
    operation: string,
    grant: 'start' | 'callback',
    run: (connected: Connected<LambdaClient, LambdaModule>) => Promise<R>,
    executionName?: string,
  ): Promise<R> {
    const connected = await lambda();
    try {
      return await run(connected);
    } catch (error) {
      if (isAwsError(error, 'DurableExecutionAlreadyStartedException')) {
        throw new DurableExecutionConflictError(this.name, executionName ?? '(unnamed)', { cause: error });
      }
      throw durableFailure(error, this.name, grant === 'start' ? this.functionName : '', operation, grant);
    }
  }
}

/** `durable('reminder')`: the durable function the function declared as `reminder`. */
export function durable(name: string): Durable {
  return new Durable(name);
}

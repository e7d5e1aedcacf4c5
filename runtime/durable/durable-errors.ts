// Lambda's answers to starts and callbacks of a durable function, in the terms of serverless.yml:
// the durable function's key, the name it is invoked by, and the grant the call needs.
import { accessDeniedMessage, awsWhere, StatefulRuntimeError } from '../errors.js';

/** Lambda has no function (or no `durable` alias) under the name the variable holds. */
export class DurableFunctionNotFoundError extends StatefulRuntimeError {
  override name = 'DurableFunctionNotFoundError';
  constructor(
    readonly durable: string,
    readonly functionName: string,
    options: { cause: unknown },
  ) {
    super(
      `durable function ${durable} (${functionName}) does not exist ${awsWhere('LAMBDA')}. Is the stack deployed to this stage and region?`,
      options,
    );
  }
}

/** The function's role does not allow this call on the durable function. */
export class DurableAccessDeniedError extends StatefulRuntimeError {
  override name = 'DurableAccessDeniedError';
  constructor(
    readonly durable: string,
    readonly operation: string,
    grant: 'start' | 'callback',
    options: { cause: unknown },
  ) {
    super(accessDeniedMessage(operation, `durable function ${durable}`, grant, options.cause), options);
  }
}

/** The input cannot be sent as it is: JSON would change or refuse it, or it is over 1 MB. Nothing was started. */
export class DurableInputError extends StatefulRuntimeError {
  override name = 'DurableInputError';
  constructor(
    readonly durable: string,
    readonly reason: string,
  ) {
    super(`durable function ${durable}: ${reason}. Nothing was started.`);
  }
}

/**
 * An execution of this name exists that this start cannot be the retry of: Lambda keeps a name
 * for the function's executions, and one with another input (or one that ended) holds it.
 */
export class DurableExecutionConflictError extends StatefulRuntimeError {
  override name = 'DurableExecutionConflictError';
  constructor(
    readonly durable: string,
    readonly executionName: string,
    options: { cause: unknown },
  ) {
    super(
      `durable function ${durable} already has an execution named ${executionName} that this start is not a retry of (another input, or it has ended). Start with another key, or look the execution up.`,
      options,
    );
  }
}

/**
 * Lambda did not answer the start in time. The execution may or may not have started; starting
 * again with the same key is safe, as its name makes the start idempotent.
 */
export class DurableStartTimeoutError extends StatefulRuntimeError {
  override name = 'DurableStartTimeoutError';
  constructor(
    readonly durable: string,
    readonly executionName: string | undefined,
    readonly timeoutMs: number,
    options: { cause: unknown },
  ) {
    super(
      `durable function ${durable}: Lambda did not answer the start within ${timeoutMs} ms; the execution ${executionName ?? '(unnamed)'} may or may not have started. ${executionName !== undefined ? 'Start again with the same key: it is idempotent.' : 'Give a key to make a retry safe.'}`,
      options,
    );
  }
}

/** The callback was completed already, or timed out: the execution no longer waits for it. */
export class DurableCallbackClosedError extends StatefulRuntimeError {
  override name = 'DurableCallbackClosedError';
  constructor(
    readonly durable: string,
    readonly callbackId: string,
    options: { cause: unknown },
  ) {
    super(
      `durable function ${durable}: callback ${callbackId.slice(0, 24)}… is closed (completed already, or timed out); nothing was sent.`,
      options,
    );
  }
}

const notFound = new Set(['ResourceNotFoundException', 'ResourceNotFound']);

/** The error to throw for `error`, raised by `operation` on durable function `durable`. */
export function durableFailure(
  error: unknown,
  durable: string,
  functionName: string,
  operation: string,
  grant: 'start' | 'callback',
): unknown {
  if (!(error instanceof Error)) return error;
  if (notFound.has(error.name) && grant === 'start')
    return new DurableFunctionNotFoundError(durable, functionName, { cause: error });
  if (error.name === 'AccessDeniedException' || error.name === 'AccessDenied')
    return new DurableAccessDeniedError(durable, operation, grant, { cause: error });
  return error;
}

// Step Functions' answers for a missing state machine or a refused call, in the workflow's terms:
// its name in serverless.yml, its ARN, and the grant the call needs.
import { accessDeniedMessage, awsWhere, StatefulRuntimeError } from '../errors.js';

const notFound = new Set(['StateMachineDoesNotExist', 'ResourceNotFound', 'ResourceNotFoundException']);

/** Step Functions has no state machine (or alias) where the function's variable points. */
export class WorkflowNotFoundError extends StatefulRuntimeError {
  override name = 'WorkflowNotFoundError';
  constructor(
    readonly workflow: string,
    readonly stateMachineArn: string,
    options: { cause: unknown },
  ) {
    super(
      `workflow ${workflow} (${stateMachineArn}) does not exist ${awsWhere('SFN')}. Is the stack deployed to this stage and region?`,
      options,
    );
  }
}

/** The function's role does not allow this call on the workflow. */
export class WorkflowAccessDeniedError extends StatefulRuntimeError {
  override name = 'WorkflowAccessDeniedError';
  constructor(
    readonly workflow: string,
    readonly operation: string,
    options: { cause: unknown },
  ) {
    super(accessDeniedMessage(operation, `workflow ${workflow}`, 'start', options.cause), options);
  }
}

/** The input cannot be sent as it is: JSON would change or refuse it, or it is over 256 KB. Nothing was started. */
export class WorkflowInputError extends StatefulRuntimeError {
  override name = 'WorkflowInputError';
  constructor(
    readonly workflow: string,
    readonly reason: string,
  ) {
    super(`workflow ${workflow}: ${reason}. Nothing was started.`);
  }
}

/** The error to throw for `error`, raised by `operation` on workflow `workflow`. */
export function workflowFailure(error: unknown, workflow: string, stateMachineArn: string, operation: string): unknown {
  if (!(error instanceof Error)) return error;
  if (notFound.has(error.name)) return new WorkflowNotFoundError(workflow, stateMachineArn, { cause: error });
  if (error.name === 'AccessDeniedException')
    return new WorkflowAccessDeniedError(workflow, operation, { cause: error });
  return error;
}

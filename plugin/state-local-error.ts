// The errors of `serverless state:local` that are the user's to fix, each with a stable code.
// Not configuration errors (those are StatefulConfigError): what the command is pointed at.
import { CodedError } from './errors';

export const stateLocalErrorCodes = [
  /** No local endpoint: neither --endpoint, AWS_ENDPOINT_URL_DYNAMODB nor STATEFUL_LOCAL_DYNAMODB_ENDPOINT. */
  'STATE_LOCAL_NO_ENDPOINT',
  /** The endpoint is AWS's own, or not a URL: the command only writes to a local DynamoDB. */
  'STATE_LOCAL_ENDPOINT_NOT_LOCAL',
  /** Nothing answers at the endpoint. */
  'STATE_LOCAL_UNREACHABLE',
] as const;
export type StateLocalErrorCode = (typeof stateLocalErrorCodes)[number];

export class StateLocalError extends CodedError<StateLocalErrorCode> {
  // As StatefulConfigError: the framework prints a ServerlessError as the user's to fix, without a stack.
  override readonly name = 'ServerlessError';
}
Object.defineProperty(StateLocalError, 'name', { value: 'ServerlessError' });

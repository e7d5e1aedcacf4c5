// The errors of the fast path (localTables) that are the user's to fix: each has a stable code,
// says where the problem is, and lists what would be valid. A `state:` block the plugin would
// refuse fails with the plugin's own StatefulConfigError instead, as `serverless package` would.
import { CodedError } from '../plugin/errors';

export const localTablesErrorCodes = [
  /** No serverless.yml (or .yaml, .json) in the directory given. */
  'SERVICE_FILE_NOT_FOUND',
  /** The service declares no table: neither `state.tables` nor `state.idempotency: true`. */
  'NO_TABLES_DECLARED',
  /** A variable the tables need comes from a source only the framework can resolve (ssm, cf, …). */
  'VARIABLE_NOT_SUPPORTED',
  /** A variable the tables need has no value and no fallback. */
  'VARIABLE_NOT_RESOLVED',
  /** The seed names a table the service does not declare. */
  'SEED_UNKNOWN_TABLE',
  /** The seed is not `{ <table>: [items] }`, or an item lacks its key. */
  'SEED_INVALID',
  /** With `resolver: 'framework'`: the framework is not installed, or `serverless print` failed. */
  'FRAMEWORK_PRINT_FAILED',
] as const;
export type LocalTablesErrorCode = (typeof localTablesErrorCodes)[number];

export class LocalTablesError extends CodedError<LocalTablesErrorCode> {
  override readonly name = 'LocalTablesError';
}

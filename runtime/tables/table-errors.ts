// DynamoDB's two least helpful answers, made to say which table: "Requested resource not found"
// names none, and AccessDeniedException speaks in ARNs and IAM actions. Everything else passes
// through untouched, so callers keep catching the SDK's own errors.
import { ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { accessDeniedMessage, awsWhere, StatefulRuntimeError } from '../errors.js';

/** What a failed call was about: the table's name in serverless.yml and the one on AWS. */
export interface TableRef {
  readonly name: string;
  readonly tableName: string;
}

const reads = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);

const named = (tables: readonly TableRef[]) => tables.map((table) => `${table.name} (${table.tableName})`).join(', ');

/** DynamoDB has no table of that name where the function looks. */
export class TableNotFoundError extends StatefulRuntimeError {
  override name = 'TableNotFoundError';
  constructor(
    readonly tables: readonly TableRef[],
    readonly operation: string,
    options: { cause: unknown },
  ) {
    super(
      `${operation}: ${tables.length === 1 ? 'table' : 'one of the tables'} ${named(tables)} does not exist ${awsWhere('DYNAMODB')}. ` +
        'Is the stack deployed to this stage and region?',
      options,
    );
  }
}

/** The function's role does not allow this call on the table. */
export class TableAccessDeniedError extends StatefulRuntimeError {
  override name = 'TableAccessDeniedError';
  constructor(
    readonly tables: readonly TableRef[],
    readonly operation: string,
    options: { cause: unknown },
  ) {
    const grant = reads.has(operation) ? 'read (or readwrite)' : 'write (or readwrite)';
    super(accessDeniedMessage(operation, `table ${named(tables)}`, grant, options.cause), options);
  }
}

/**
 * The error to throw for `error`, raised by `operation` on `tables`. When AWS names the table's ARN
 * (access denied does), only that table is named.
 */
export function tableFailure(error: unknown, tables: readonly TableRef[], operation: string): unknown {
  if (!(error instanceof Error)) return error;
  const notFound = error instanceof ResourceNotFoundException;
  if (!notFound && error.name !== 'AccessDeniedException') return error;
  const concerned = tables.filter((table) => error.message.includes(`:table/${table.tableName}`));
  const subjects =
    concerned.length > 0 ? concerned : [...new Map(tables.map((table) => [table.tableName, table])).values()];
  return notFound
    ? new TableNotFoundError(subjects, operation, { cause: error })
    : new TableAccessDeniedError(subjects, operation, { cause: error });
}

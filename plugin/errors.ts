// The errors the plugin raises for a configuration it cannot honour. Each has a stable code,
// says where the problem is, and lists what would be valid.

/** Codes are stable: tests, docs and users' scripts may rely on them. */
export const errorCodes = [
  'STATE_CONFIG_INVALID',
  'STATE_UNKNOWN_RESOURCE',
  'STATE_NAME_TAKEN',
  'STATE_ACCESS_NOT_ALLOWED',
  'STATE_KEY_TYPE_CONFLICT',
  'STATE_LOCAL_INDEX_PARTITION_KEY',
  'STATE_LOCAL_INDEX_NEEDS_SORT_KEY',
  'STATE_CAPACITY_MISSING',
  'STATE_CAPACITY_NOT_PROVISIONED',
  'STATE_STREAM_NOT_ENABLED',
  'STATE_UNKNOWN_VARIABLE',
  'STATE_UNKNOWN_REFERENCE',
  'STATE_WORKFLOW_DEFINITION_INVALID',
  'STATE_WORKFLOW_PERMISSIONS_UNKNOWN',
  'STATE_EVENT_PATTERN_INVALID',
  'STATE_FUNCTION_HAS_ROLE',
  'STATE_EVENT_PERMISSIONS_UNKNOWN',
  'STATE_NAME_TOO_LONG',
  'STATE_TABLE_INDEX_LIMIT',
  'STATE_SORT_KEY_IS_PARTITION_KEY',
  'STATE_RULE_TARGET_REPEATED',
  'STATE_TARGET_INPUT_CONFLICT',
  'STATE_WORKFLOW_CYCLE',
  'STATE_DEPENDENCY_CYCLE',
  'STATE_KEY_TEMPLATE_INVALID',
  'STATE_STREAM_VIEW_TOO_NARROW',
  'STATE_NETWORK_CIDR_INVALID',
  'STATE_NETWORK_CONFLICT',
  'STATE_CACHE_ENGINE_VERSION',
  'STATE_CACHE_OPTION_NOT_IN_MODE',
  'STATE_CACHE_OPTION_CONFLICT',
  'STATE_CACHE_WINDOW_INVALID',
  'STATE_WORKFLOW_NAME_INVALID',
  'STATE_WORKFLOW_SCHEDULE_INVALID',
  'STATE_WORKFLOW_ROUTE_INVALID',
  'STATE_HTTP_API_MISSING',
  'STATE_DURABLE_OUT_OF_RANGE',
  'STATE_DURABLE_RUNTIME',
  'STATE_DURABLE_CONFLICT',
  'STATE_DURABLE_CHANGED',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** An error that is the user's to fix: a stable code, also at the end of the message. */
export class CodedError<Code extends string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${message} (${code})`, options);
  }
}

export class StatefulConfigError extends CodedError<ErrorCode> {
  // The Serverless Framework prints errors named ServerlessError as the user's to fix: message
  // and code, no stack trace. Our type is still StatefulConfigError.
  override readonly name = 'ServerlessError';
}
// The variables resolver (osls, serverless 3) tells the user's errors from bugs by the name of
// their class, error.constructor.name, not by error.name; under another class name it prints the
// stack of a ${state:…} error. So the class answers to that name too.
Object.defineProperty(StatefulConfigError, 'name', { value: 'ServerlessError' });

/** "a, b or c" for messages that list the valid options. */
export function listOf(options: readonly string[], conjunction = 'or'): string {
  if (options.length === 0) return '(none)';
  if (options.length === 1) return String(options[0]);
  return `${options.slice(0, -1).join(', ')} ${conjunction} ${String(options[options.length - 1])}`;
}

// IAM statements and the per-function role that carries them.
import type { CfnResource, CfnValue } from './cloudformation';

export interface Statement {
  Effect: 'Allow' | 'Deny';
  Action: string[];
  Resource: CfnValue[];
  Condition?: Record<string, unknown>;
}

export function allow(actions: readonly string[], resources: readonly CfnValue[]): Statement {
  return { Effect: 'Allow', Action: [...actions], Resource: [...resources] };
}

/** The AWS service that assumes a role: Lambda, Step Functions, EventBridge, EventBridge Scheduler. */
export type RolePrincipal =
  | 'lambda.amazonaws.com'
  | 'states.amazonaws.com'
  | 'events.amazonaws.com'
  | 'scheduler.amazonaws.com'
  | 'apigateway.amazonaws.com';

export interface RoleParts {
  /** The service that assumes the role, or several (a function's role may also be the scheduler's). */
  readonly principal: RolePrincipal | readonly RolePrincipal[];
  readonly statements: readonly Statement[];
  readonly managedPolicyArns?: readonly CfnValue[];
  readonly permissionsBoundary?: CfnValue;
  readonly tags?: Readonly<Record<string, string>>;
  readonly path?: string;
  readonly policyName: CfnValue;
}

/** A one-element list as its element, as IAM reads it alike. */
const single = (value: unknown) => (Array.isArray(value) && value.length === 1 ? (value[0] as unknown) : value);

/**
 * `statement` as the policy holds it: a single action or resource without a list around it.
 * Osls writes the template into serverless-state.json with a serializer that costs ~25 µs per
 * value (a template of 60 roles: about a third of a second), so the roles leave out what IAM
 * does not need.
 */
function written(statement: Statement): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(statement).map(([key, value]) =>
      ['Action', 'NotAction', 'Resource', 'NotResource'].includes(key) ? [key, single(value)] : [key, value],
    ),
  );
}

/** `value`, or the string it makes when it joins literal strings only (Serverless' policy name). */
function literal(value: CfnValue): CfnValue {
  const join = (value as { 'Fn::Join'?: unknown })['Fn::Join'];
  if (!Array.isArray(join) || Object.keys(value).length !== 1) return value;
  const [separator, parts] = join as unknown[];
  const strings = Array.isArray(parts) && parts.every((part) => typeof part === 'string');
  return typeof separator === 'string' && strings ? parts.join(separator) : value;
}

export function roleResource(parts: RoleParts): CfnResource {
  const properties: Record<string, unknown> = {
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: single([parts.principal].flat()) }, Action: 'sts:AssumeRole' },
      ],
    },
    Policies: [
      {
        PolicyName: literal(parts.policyName),
        PolicyDocument: { Version: '2012-10-17', Statement: parts.statements.map(written) },
      },
    ],
  };
  if (parts.path) properties.Path = parts.path;
  if (parts.managedPolicyArns?.length) properties.ManagedPolicyArns = parts.managedPolicyArns;
  if (parts.permissionsBoundary !== undefined) properties.PermissionsBoundary = parts.permissionsBoundary;
  if (parts.tags) properties.Tags = Object.entries(parts.tags).map(([Key, Value]) => ({ Key, Value }));
  return { Type: 'AWS::IAM::Role', Properties: properties };
}

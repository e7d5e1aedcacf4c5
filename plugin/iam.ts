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
  readonly policyName: string;
}

export function roleResource(parts: RoleParts): CfnResource {
  const properties: Record<string, unknown> = {
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: [parts.principal].flat() }, Action: ['sts:AssumeRole'] }],
    },
    Policies: [
      { PolicyName: parts.policyName, PolicyDocument: { Version: '2012-10-17', Statement: parts.statements } },
    ],
  };
  if (parts.path) properties.Path = parts.path;
  if (parts.managedPolicyArns?.length) properties.ManagedPolicyArns = parts.managedPolicyArns;
  if (parts.permissionsBoundary !== undefined) properties.PermissionsBoundary = parts.permissionsBoundary;
  if (parts.tags) properties.Tags = Object.entries(parts.tags).map(([Key, Value]) => ({ Key, Value }));
  return { Type: 'AWS::IAM::Role', Properties: properties };
}

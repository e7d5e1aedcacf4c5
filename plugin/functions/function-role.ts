// The role of a function that declared `state:` or `permissions:`: exactly its log permissions,
// what Serverless would have given it for its own configuration, the statements the user declared
// for the provider, the grants its `state:` block names and the statements it declares itself.
// Nothing for other functions' resources.
import { sub, type CfnResource, type CfnValue } from '../cloudformation';
import { allow, roleResource, type Statement } from '../iam';
import type { AwsNaming, FunctionDefinition, IamRoleConfig, ProviderConfig } from '../serverless';
import type { OwnConfiguration } from './event-permissions';

/**
 * Named the way Serverless names the function's own resources ("order-sync" → OrderDashsync), so
 * two functions Serverless keeps apart never share a role.
 */
export const functionRoleLogicalId = (naming: AwsNaming, functionName: string) =>
  `StatefulRole${naming.getNormalizedFunctionName(functionName)}`;

// A function in a VPC needs to manage its network interfaces. This managed policy holds exactly
// those actions (EC2 takes no resource for them); AWSLambdaVPCAccessExecutionRole, which osls
// uses, adds logs:* on every log group, and this role already writes to its own.
const networkInterfacesPolicy = sub('arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaENIManagementAccess');

export function providerRoleConfig(provider: ProviderConfig): IamRoleConfig {
  const role = provider.iam?.role;
  return typeof role === 'object' ? role : {};
}

/** The statements the user declared for the provider's role, in either of Serverless' forms. */
export function providerStatements(provider: ProviderConfig): Statement[] {
  return (providerRoleConfig(provider).statements ?? provider.iamRoleStatements ?? []) as Statement[];
}

function logStatements(naming: AwsNaming, definition: FunctionDefinition): Statement[] {
  if (definition.disableLogs || !definition.name) return [];
  const logGroup = naming.getLogGroupName(definition.name);
  const arn = `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:${logGroup}`;
  return [
    allow(['logs:CreateLogStream', 'logs:CreateLogGroup', 'logs:TagResource'], [sub(`${arn}:*`)]),
    allow(['logs:PutLogEvents'], [sub(`${arn}:*:*`)]),
  ];
}

export interface FunctionRoleInput {
  readonly naming: AwsNaming;
  readonly provider: ProviderConfig;
  readonly definition: FunctionDefinition;
  /** The compiled AWS::Lambda::Function: the ground truth for VPC attachment. */
  readonly compiledFunction: CfnResource | undefined;
  readonly ownConfiguration: OwnConfiguration;
  readonly grants: readonly Statement[];
  /** The function's `permissions:` (and serverless-iam-roles-per-function's `iamRoleStatements`). */
  readonly declared?: readonly Statement[];
  /** The function's own boundary (`iamPermissionsBoundary`), in place of the provider's. */
  readonly permissionsBoundary?: CfnValue;
  /**
   * Whether the statements and managed policies declared for the provider's role apply (to every
   * function the user wrote). The permissions boundary applies to every role.
   */
  readonly inheritsProviderRole?: boolean;
}

export function functionRole(input: FunctionRoleInput): CfnResource {
  const { provider, naming } = input;
  const roleConfig = providerRoleConfig(provider);
  const inherits = input.inheritsProviderRole ?? true;
  const managedPolicyArns: CfnValue[] = inherits
    ? [...(roleConfig.managedPolicies ?? provider.iamManagedPolicies ?? [])]
    : [];
  if (input.compiledFunction?.Properties?.VpcConfig) managedPolicyArns.push(networkInterfacesPolicy);
  const permissionsBoundary =
    input.permissionsBoundary ??
    roleConfig.permissionsBoundary ??
    roleConfig.permissionBoundary ??
    provider.rolePermissionsBoundary;
  return roleResource({
    principal: ['lambda.amazonaws.com', ...input.ownConfiguration.principals],
    policyName: naming.getPolicyName(),
    path: roleConfig.path ?? naming.getRolePath(),
    statements: [
      ...logStatements(naming, input.definition),
      ...input.ownConfiguration.statements,
      ...(inherits ? providerStatements(provider) : []),
      ...input.grants,
      ...(input.declared ?? []),
    ],
    managedPolicyArns,
    ...(permissionsBoundary !== undefined ? { permissionsBoundary } : {}),
    ...(roleConfig.tags ? { tags: roleConfig.tags } : {}),
  });
}

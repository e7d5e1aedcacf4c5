// The CloudFormation shapes the plugin reads and writes.

/** A value in a template: a literal or an intrinsic function such as { Ref } or { Fn::GetAtt }. */
export type CfnValue = string | number | boolean | { readonly [intrinsic: string]: unknown } | readonly unknown[];

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  Condition?: string;
}

export interface CfnOutput {
  Description?: string;
  Value: CfnValue;
}

export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, CfnOutput>;
}

export const ref = (logicalId: string) => ({ Ref: logicalId });
export const getAtt = (logicalId: string, attribute: string) => ({ 'Fn::GetAtt': [logicalId, attribute] });
export const sub = (template: string) => ({ 'Fn::Sub': template });

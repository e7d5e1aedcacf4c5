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

/** The logical ids `${X}` and `${X.Attr}` of an Fn::Sub string name (`${!X}` is a literal). */
function subReferences(text: string): string[] {
  return [...text.matchAll(/\$\{([^!}][^}]*)\}/g)].map((match) => (match[1] as string).split('.')[0] as string);
}

/**
 * Every logical id `value` references through Ref, Fn::GetAtt and (unless `throughSub` is
 * false) Fn::Sub, at any depth.
 */
export function referencedLogicalIds(
  value: unknown,
  { throughSub = true }: { throughSub?: boolean } = {},
  found: Set<string> = new Set(),
): Set<string> {
  const references = (inner: unknown, into: Set<string>) => referencedLogicalIds(inner, { throughSub }, into);
  if (Array.isArray(value)) {
    for (const item of value) references(item, found);
    return found;
  }
  if (typeof value !== 'object' || value === null) return found;
  for (const [key, inner] of Object.entries(value) as [string, unknown][]) {
    if (key === 'Ref' && typeof inner === 'string') found.add(inner);
    else if (key === 'Fn::GetAtt') {
      const target: unknown = Array.isArray(inner)
        ? (inner as unknown[])[0]
        : typeof inner === 'string'
          ? inner.split('.')[0]
          : undefined;
      if (typeof target === 'string') found.add(target);
      else references(inner, found);
    } else if (key === 'Fn::Sub' && throughSub) {
      const [text, variables] = Array.isArray(inner) ? (inner as unknown[]) : [inner, {}];
      const local = new Set(Object.keys((variables ?? {}) as object));
      if (typeof text === 'string') {
        for (const name of subReferences(text)) if (!local.has(name)) found.add(name);
      }
      references(variables, found);
    } else references(inner, found);
  }
  return found;
}

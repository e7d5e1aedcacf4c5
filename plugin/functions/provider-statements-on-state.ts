// Statements declared for the provider's role reach every function's role, those with a role of
// their own included: one that names a state resource (often left over from before the service
// moved to state:) undoes the least privilege a function's state: block asks for. They are kept,
// as the user wrote them; this finds them, so the plugin can say so.
import { listOf } from '../errors';
import type { Statement } from '../iam';
import type { ProviderConfig } from '../serverless';
import { providerRoleConfig } from './function-role';

/** A state resource as a provider statement may name it. */
export interface StateTarget {
  /** "table carts". */
  readonly label: string;
  /** Where it is declared: `state.tables.carts`. */
  readonly source: string;
  /** The logical ids of the resources it compiles to (Ref, Fn::GetAtt, ${Id} in Fn::Sub). */
  readonly logicalIds: readonly string[];
  /** The resource part of its ARN when its name is known before deploy: `table/shop-dev-carts`. */
  readonly arnResources: readonly string[];
  /** The service its ARN and actions name (`dynamodb`), for statements with wildcards. */
  readonly service?: string;
}

export interface ProviderStatementOnState {
  /** `provider.iam.role.statements.0` or `provider.iamRoleStatements.0`. */
  readonly path: string;
  readonly actions: readonly string[];
  /** The state resources it names: by reference, or by an ARN with their name. */
  readonly named: readonly StateTarget[];
  /** Those it reaches only through a wildcard (`table/*`, or `*` with their service's actions). */
  readonly covered: readonly StateTarget[];
}

/** How each kind's ARN names it: arn:…:dynamodb:…:table/<name>. */
export const arnResourceTypes: Readonly<Record<string, { service: string; prefix: string }>> = {
  table: { service: 'dynamodb', prefix: 'table/' },
  bus: { service: 'events', prefix: 'event-bus/' },
  workflow: { service: 'states', prefix: 'stateMachine:' },
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** IAM's wildcards, `*` and `?`, as a RegExp matching the whole text. */
const glob = (pattern: string) =>
  new RegExp(
    `^${pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : escape(c)))
      .join('')}$`,
  );

/** Every string, Ref and Fn::GetAtt target inside `value`. */
function namesIn(value: unknown, strings: string[] = [], ids: string[] = []): { strings: string[]; ids: string[] } {
  if (typeof value === 'string') strings.push(value);
  else if (Array.isArray(value)) for (const item of value) namesIn(item, strings, ids);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string') ids.push(inner);
      else if (key === 'Fn::GetAtt') {
        const target: unknown = Array.isArray(inner)
          ? inner[0]
          : typeof inner === 'string'
            ? inner.split('.')[0]
            : undefined;
        if (typeof target === 'string') ids.push(target);
      } else namesIn(inner, strings, ids);
    }
  }
  return { strings, ids };
}

function names(statement: Statement, target: StateTarget): boolean {
  const { strings, ids } = namesIn([statement.Resource]);
  if (ids.some((id) => target.logicalIds.includes(id))) return true;
  const patterns = [
    ...target.logicalIds.map((id) => new RegExp(`\\$\\{${escape(id)}(\\.[^}]*)?\\}`)),
    // Followed by the end, a sub-resource (/index/…) or a wildcard: `table/carts` is not `table/carts-archive`.
    ...target.arnResources.map((resource) => new RegExp(`${escape(resource)}(?=$|[/:*])`)),
  ];
  return strings.some((text) => patterns.some((pattern) => pattern.test(text)));
}

/** Whether `statement` reaches `target` through a wildcard in a Resource string. */
function covers(statement: Statement, target: StateTarget): boolean {
  const { service } = target;
  if (service === undefined) return false;
  const actions = [statement.Action].flat().map(String);
  return namesIn([statement.Resource]).strings.some((text) => {
    if (!/[*?]/.test(text)) return false;
    if (text === '*') return actions.some((action) => glob(action.split(':')[0] ?? '').test(service));
    // ${AWS::Region} and the like hold colons of their own.
    const parts = text.replace(/\$\{[^}]*\}/g, 'x').split(':');
    if (parts[0] !== 'arn' || parts.length < 6 || !glob(parts[2] ?? '').test(service)) return false;
    const resource = glob(parts.slice(5).join(':'));
    return target.arnResources.some((arnResource) => resource.test(arnResource));
  });
}

/** The provider's statements that name or cover one of `targets`, one finding per statement. */
export function providerStatementsOnState(
  provider: ProviderConfig,
  targets: readonly StateTarget[],
): ProviderStatementOnState[] {
  const declared = providerRoleConfig(provider).statements;
  const [path, statements] = declared
    ? ['provider.iam.role.statements', declared]
    : ['provider.iamRoleStatements', provider.iamRoleStatements ?? []];
  return statements.flatMap((statement, index) => {
    // The framework has validated the statements' shape, unless configValidationMode is off.
    if (typeof statement !== 'object' || statement === null) return [];
    const written = statement as Statement;
    const named = targets.filter((target) => names(written, target));
    const covered = targets.filter((target) => !named.includes(target) && covers(written, target));
    if (named.length + covered.length === 0) return [];
    return [{ path: `${path}.${index}`, actions: [written.Action].flat().map(String), named, covered }];
  });
}

/** What the plugin logs for `finding`. */
export function providerStatementWarning({ path, actions, named, covered }: ProviderStatementOnState): string {
  const list = (targets: readonly StateTarget[]) =>
    listOf(
      targets.map((target) => `${target.label} (${target.source})`),
      'and',
    );
  const reach = [
    ...(named.length > 0 ? [`names ${list(named)}`] : []),
    ...(covered.length > 0 ? [`covers ${list(covered)} with a wildcard`] : []),
  ].join(' and ');
  const it = named.length + covered.length > 1 ? 'them' : 'it';
  return (
    `${path} (${actions.join(', ')}) ${reach}. Every function's role inherits the provider's statements, ` +
    `those of functions whose state: block limits their access to ${it} included. Grant ${it} in the state: block of the functions that use ${it}, ` +
    `or in their permissions:, and remove it from ${path.replace(/\.\d+$/, '')}.`
  );
}

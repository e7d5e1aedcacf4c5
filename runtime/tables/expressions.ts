// Building DynamoDB expressions with generated placeholders, so attribute names never clash with
// reserved words and values never reach the expression text.
import { StatefulRuntimeError } from '../errors.js';

/** Placeholders the builder generates start with these; a caller's own must not. */
const namePrefix = '#s';
const valuePrefix = ':s';

export interface ConditionOptions {
  /** A condition expression, with the caller's own placeholders. */
  readonly when?: string;
  /** Values for the placeholders in `when`: `{ ':qty': 2 }`. */
  readonly values?: Readonly<Record<string, unknown>>;
  /** Names for the `#placeholders` in `when`. */
  readonly names?: Readonly<Record<string, string>>;
  /** Optimistic locking: the version the item must have; 0 means it must not exist yet. */
  readonly expectVersion?: number;
}

export interface UpdateSpec extends ConditionOptions {
  readonly set?: Readonly<Record<string, unknown>>;
  readonly remove?: readonly string[];
  /** Numbers to add (negative to subtract), or sets to add elements to. */
  readonly add?: Readonly<Record<string, number | Set<unknown>>>;
  /** Lists to append to; a missing list is created. */
  readonly append?: Readonly<Record<string, readonly unknown[]>>;
}

export interface Expression {
  UpdateExpression?: string;
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

export class Placeholders {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, unknown> = {};
  private nameCount = 0;
  private valueCount = 0;
  private readonly nameOf = new Map<string, string>();

  /** `address.city` → `#s0.#s1`: each segment of a document path gets its own placeholder. */
  name(path: string): string {
    return path
      .split('.')
      .map((segment) => {
        let placeholder = this.nameOf.get(segment);
        if (!placeholder) {
          placeholder = `${namePrefix}${this.nameCount++}`;
          this.nameOf.set(segment, placeholder);
          this.names[placeholder] = segment;
        }
        return placeholder;
      })
      .join('.');
  }

  value(value: unknown): string {
    const placeholder = `${valuePrefix}${this.valueCount++}`;
    this.values[placeholder] = value;
    return placeholder;
  }

  /** Adds the caller's own placeholders, refusing any that look like ours. */
  adopt(options: ConditionOptions): void {
    for (const [key, value] of Object.entries(options.names ?? {})) {
      if (key.startsWith(namePrefix) && /^#s\d+$/.test(key)) {
        throw new StatefulRuntimeError(`name placeholder ${key} is reserved for generated ones; use another`);
      }
      this.names[key] = value;
    }
    for (const [key, value] of Object.entries(options.values ?? {})) {
      if (/^:s\d+$/.test(key)) {
        throw new StatefulRuntimeError(`value placeholder ${key} is reserved for generated ones; use another`);
      }
      this.values[key] = value;
    }
  }

  toExpression(parts: { update?: string; condition?: string }): Expression {
    const expression: Expression = {};
    if (parts.update) expression.UpdateExpression = parts.update;
    if (parts.condition) expression.ConditionExpression = parts.condition;
    if (Object.keys(this.names).length > 0) expression.ExpressionAttributeNames = this.names;
    if (Object.keys(this.values).length > 0) expression.ExpressionAttributeValues = this.values;
    return expression;
  }
}

/** The condition of `options` (and of `expectVersion`), joined with `extra`. */
export function conditionOf(
  placeholders: Placeholders,
  options: ConditionOptions,
  versionAttribute: string,
  extra: readonly string[] = [],
): string | undefined {
  placeholders.adopt(options);
  const clauses = [...extra];
  if (options.when) clauses.push(`(${options.when})`);
  if (options.expectVersion !== undefined) {
    const version = placeholders.name(versionAttribute);
    clauses.push(
      options.expectVersion === 0
        ? `attribute_not_exists(${version})`
        : `${version} = ${placeholders.value(options.expectVersion)}`,
    );
  }
  return clauses.length > 0 ? clauses.join(' AND ') : undefined;
}

/** SET, REMOVE and ADD clauses of `spec`, plus the version bump of `expectVersion`. */
export function updateExpression(spec: UpdateSpec, versionAttribute: string): Expression {
  const placeholders = new Placeholders();
  const set: string[] = [];
  for (const [path, value] of Object.entries(spec.set ?? {})) {
    set.push(`${placeholders.name(path)} = ${placeholders.value(value)}`);
  }
  for (const [path, items] of Object.entries(spec.append ?? {})) {
    const name = placeholders.name(path);
    set.push(`${name} = list_append(if_not_exists(${name}, ${placeholders.value([])}), ${placeholders.value(items)})`);
  }
  if (spec.expectVersion !== undefined) {
    set.push(`${placeholders.name(versionAttribute)} = ${placeholders.value(spec.expectVersion + 1)}`);
  }
  const remove = (spec.remove ?? []).map((path) => placeholders.name(path));
  const add = Object.entries(spec.add ?? {}).map(
    ([path, value]) => `${placeholders.name(path)} ${placeholders.value(value)}`,
  );
  const clauses = [
    set.length > 0 ? `SET ${set.join(', ')}` : '',
    remove.length > 0 ? `REMOVE ${remove.join(', ')}` : '',
    add.length > 0 ? `ADD ${add.join(', ')}` : '',
  ].filter(Boolean);
  if (clauses.length === 0)
    throw new StatefulRuntimeError('an update needs at least one of set, remove, add or append');
  const condition = conditionOf(placeholders, spec, versionAttribute);
  return placeholders.toExpression({ update: clauses.join(' '), ...(condition ? { condition } : {}) });
}

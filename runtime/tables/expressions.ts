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

/** Whether `map` has an entry, without listing its keys (this runs on every write). */
function hasEntries(map: Record<string, unknown>): boolean {
  for (const _ in map) return true;
  return false;
}

export class Placeholders {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, unknown> = {};
  private nameCount = 0;
  private valueCount = 0;
  private readonly nameOf = new Map<string, string>();

  /** `address.city` → `#s0.#s1`: each segment of a document path gets its own placeholder. */
  name(path: string): string {
    if (!path.includes('.')) return this.segment(path);
    return path
      .split('.')
      .map((segment) => this.segment(segment))
      .join('.');
  }

  private segment(segment: string): string {
    let placeholder = this.nameOf.get(segment);
    if (!placeholder) {
      placeholder = `${namePrefix}${this.nameCount++}`;
      this.nameOf.set(segment, placeholder);
      this.names[placeholder] = segment;
    }
    return placeholder;
  }

  value(value: unknown): string {
    const placeholder = `${valuePrefix}${this.valueCount++}`;
    this.values[placeholder] = value;
    return placeholder;
  }

  /** Adds the caller's own placeholders, refusing any that look like ours. */
  adopt(options: ConditionOptions): void {
    for (const key in options.names) {
      if (/^#s\d+$/.test(key)) {
        throw new StatefulRuntimeError(`name placeholder ${key} is reserved for generated ones; use another`);
      }
      this.names[key] = options.names[key] as string;
    }
    for (const key in options.values) {
      if (/^:s\d+$/.test(key)) {
        throw new StatefulRuntimeError(`value placeholder ${key} is reserved for generated ones; use another`);
      }
      this.values[key] = options.values[key];
    }
  }

  toExpression(parts: { update?: string; condition?: string }): Expression {
    const expression: Expression = {};
    if (parts.update) expression.UpdateExpression = parts.update;
    if (parts.condition) expression.ConditionExpression = parts.condition;
    if (hasEntries(this.names)) expression.ExpressionAttributeNames = this.names;
    if (hasEntries(this.values)) expression.ExpressionAttributeValues = this.values;
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
  const { expectVersion } = options;
  if (expectVersion !== undefined && !(Number.isSafeInteger(expectVersion) && expectVersion >= 0)) {
    throw new StatefulRuntimeError(
      `expectVersion must be a whole number, 0 or more (0: the item must not exist yet); got ${typeof expectVersion === 'string' ? JSON.stringify(expectVersion) : String(expectVersion)}`,
    );
  }
  const clauses = [...extra];
  if (options.when) clauses.push(options.when);
  if (options.expectVersion !== undefined) {
    const version = placeholders.name(versionAttribute);
    clauses.push(
      options.expectVersion === 0
        ? `attribute_not_exists(${version})`
        : `${version} = ${placeholders.value(options.expectVersion)}`,
    );
  }
  if (clauses.length <= 1) return clauses[0];
  // Each clause in parentheses, so an OR inside one cannot bind across the AND.
  return clauses.map((clause) => `(${clause})`).join(' AND ');
}

/** SET, REMOVE and ADD clauses of `spec`, plus the version bump of `expectVersion`. */
export function updateExpression(spec: UpdateSpec, versionAttribute: string): Expression {
  const placeholders = new Placeholders();
  const set: string[] = [];
  const remove: string[] = [];
  const add: string[] = [];
  // for…in over what the caller passed: this runs on every update and transaction, so no copies.
  for (const path in spec.set) {
    const value = spec.set[path];
    if (value === undefined) {
      throw new StatefulRuntimeError(
        `an update cannot set ${path} to undefined, which DynamoDB has no value for: to delete the attribute, use remove: ['${path}']`,
      );
    }
    set.push(`${placeholders.name(path)} = ${placeholders.value(value)}`);
  }
  for (const path in spec.append) {
    const name = placeholders.name(path);
    const empty = placeholders.value([]);
    set.push(`${name} = list_append(if_not_exists(${name}, ${empty}), ${placeholders.value(spec.append[path])})`);
  }
  if (spec.expectVersion !== undefined) {
    set.push(`${placeholders.name(versionAttribute)} = ${placeholders.value(spec.expectVersion + 1)}`);
  }
  for (const path of spec.remove ?? []) remove.push(placeholders.name(path));
  for (const path in spec.add) add.push(`${placeholders.name(path)} ${placeholders.value(spec.add[path])}`);
  let update = set.length > 0 ? `SET ${set.join(', ')}` : '';
  if (remove.length > 0) update += `${update ? ' ' : ''}REMOVE ${remove.join(', ')}`;
  if (add.length > 0) update += `${update ? ' ' : ''}ADD ${add.join(', ')}`;
  if (!update) throw new StatefulRuntimeError('an update needs at least one of set, remove, add or append');
  return placeholders.toExpression({ update, condition: conditionOf(placeholders, spec, versionAttribute) });
}

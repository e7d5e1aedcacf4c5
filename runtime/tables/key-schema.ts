// A table's key, as DynamoDB describes it: the runtime reads it only to explain a request DynamoDB
// refused, or to check a batch before its first write, never on a single item's way. One
// DescribeTable per table per container; a failed one is not kept, so the next need asks again.
import type { KeySchemaElement } from '@aws-sdk/client-dynamodb';
import { dynamodbClient } from '../clients.js';

export interface KeyAttribute {
  readonly name: string;
  /** S, N or B. */
  readonly type: string;
}

export interface KeySchema {
  /** The partition key, then the sort key if there is one. */
  readonly key: readonly KeyAttribute[];
  /** The key of each index, by its name. */
  readonly indexes: Readonly<Record<string, readonly KeyAttribute[]>>;
}

const schemas = new Map<string, Promise<KeySchema>>();

async function describe(tableName: string): Promise<KeySchema> {
  const { client, commands } = await dynamodbClient();
  const { Table } = await client.send(new commands.DescribeTableCommand({ TableName: tableName }));
  const types = new Map((Table?.AttributeDefinitions ?? []).map((d) => [d.AttributeName, d.AttributeType]));
  const attributes = (elements: readonly KeySchemaElement[] = []) =>
    [...elements]
      .sort((a, b) => (a.KeyType === 'HASH' ? -1 : b.KeyType === 'HASH' ? 1 : 0))
      .map((element) => ({ name: element.AttributeName ?? '', type: types.get(element.AttributeName) ?? '?' }));
  const indexes: Record<string, readonly KeyAttribute[]> = {};
  for (const index of [...(Table?.GlobalSecondaryIndexes ?? []), ...(Table?.LocalSecondaryIndexes ?? [])]) {
    if (index.IndexName) indexes[index.IndexName] = attributes(index.KeySchema);
  }
  return { key: attributes(Table?.KeySchema), indexes };
}

/** The key schema of DynamoDB table `tableName`, described once per container. */
export function keySchemaOf(tableName: string): Promise<KeySchema> {
  let schema = schemas.get(tableName);
  if (!schema) {
    schema = describe(tableName);
    schemas.set(tableName, schema);
    schema.catch(() => schemas.delete(tableName));
  }
  return schema;
}

/** `cartId (S)`, `customerId (S) and createdAt (N)`. */
export function showKey(key: readonly KeyAttribute[]): string {
  return key.map((attribute) => `${attribute.name} (${attribute.type})`).join(' and ');
}

/** The DynamoDB type a JavaScript value is stored as, or how the value shows when it has none. */
function typeOf(value: unknown): string {
  if (typeof value === 'string') return 'S';
  if (typeof value === 'number' || typeof value === 'bigint') return 'N';
  if (value instanceof Uint8Array) return 'B';
  if (value === null) return 'null';
  if (value instanceof Date) return 'a Date';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Set) return 'a set';
  return typeof value === 'object' ? 'a map' : `a ${typeof value}`;
}

/**
 * What is wrong with `key` for a table keyed `schema`: attributes missing, of another type, empty,
 * or not part of the key. For a query, the sort key may be left out.
 */
export function keyProblems(
  key: Readonly<Record<string, unknown>>,
  schema: readonly KeyAttribute[],
  query = false,
): string[] {
  const problems: string[] = [];
  schema.forEach((attribute, position) => {
    const value = key[attribute.name];
    if (value === undefined) {
      if (!(query && position > 0)) problems.push(`${attribute.name} is missing`);
      return;
    }
    const type = typeOf(value);
    if (type !== attribute.type)
      problems.push(
        `${attribute.name} is ${type === 'S' || type === 'N' || type === 'B' ? `of type ${type}` : type}, not ${attribute.type}`,
      );
    else if ((type === 'S' && value === '') || (type === 'B' && (value as Uint8Array).byteLength === 0)) {
      problems.push(`${attribute.name} is empty, which DynamoDB refuses in a key`);
    }
  });
  const names = new Set(schema.map((attribute) => attribute.name));
  for (const name of Object.keys(key)) {
    if (!names.has(name) && key[name] !== undefined) problems.push(`${name} is not part of the key`);
  }
  return problems;
}

/** The key attributes of `item` for a table keyed `schema`. */
export function keyOfItem(
  item: Readonly<Record<string, unknown>>,
  schema: readonly KeyAttribute[],
): Record<string, unknown> {
  const key: Record<string, unknown> = {};
  for (const attribute of schema) key[attribute.name] = item[attribute.name];
  return key;
}

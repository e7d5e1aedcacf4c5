// The items a test starts from: `{ <table>: [items] }` in a JSON or YAML file or given inline,
// checked against the declared tables before anything is written, so a typo in a table's name or
// an item without its key fails naming what would be valid.
import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { listOf } from '../plugin/errors';
import { didYouMean } from '../plugin/suggest';
import type { TableDefinition } from '../plugin/table-definitions';
import { toAttributeMap } from '../runtime/tables/marshal';
import { LocalTablesError } from './local-tables-error';

// A JSON file is YAML too; the parser comes with asl-validator (see service-config.ts).
const yaml = createRequire(require.resolve('asl-validator'))('yaml') as typeof import('yaml');

export type SeedItem = Readonly<Record<string, unknown>>;
export type Seed = Readonly<Record<string, readonly SeedItem[]>>;

/** The seed given as a path (relative to `baseDir`) or as the object itself. */
export function readSeed(seed: string | Seed | undefined, baseDir: string): unknown {
  if (seed === undefined) return {};
  if (typeof seed !== 'string') return seed;
  const file = resolve(baseDir, seed);
  if (!existsSync(file)) {
    throw new LocalTablesError('SEED_INVALID', `The seed file ${file} does not exist.`);
  }
  let parsed: unknown;
  try {
    parsed = yaml.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new LocalTablesError('SEED_INVALID', `${file} is not JSON or YAML: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return parsed ?? {};
}

const typeMatches = (value: unknown, type: string | undefined) =>
  type === 'S'
    ? typeof value === 'string'
    : type === 'N'
      ? typeof value === 'number' || typeof value === 'bigint'
      : value instanceof Uint8Array;

const typeNames: Readonly<Record<string, string>> = { S: 'a string', N: 'a number', B: 'binary' };

/** Throws naming the table, the item and the attribute when `seed` would not go into the tables. */
export function checkSeed(seed: unknown, definitions: readonly TableDefinition[], from: string): asserts seed is Seed {
  if (typeof seed !== 'object' || seed === null || Array.isArray(seed)) {
    throw new LocalTablesError('SEED_INVALID', `${from}: a seed is { <table>: [items] }, not ${JSON.stringify(seed)}.`);
  }
  const declared = definitions.map((definition) => definition.name);
  for (const [table, items] of Object.entries(seed)) {
    const definition = definitions.find((candidate) => candidate.name === table);
    if (!definition) {
      throw new LocalTablesError(
        'SEED_UNKNOWN_TABLE',
        `${from}: the service declares no table "${table}"${didYouMean(table, declared)}. Its tables: ${listOf(declared, 'and')}.`,
      );
    }
    if (!Array.isArray(items)) {
      throw new LocalTablesError(
        'SEED_INVALID',
        `${from}: ${table} is ${JSON.stringify(items)}; give it a list of items.`,
      );
    }
    const keys = definition.createTable.KeySchema ?? [];
    const types = new Map(
      (definition.createTable.AttributeDefinitions ?? []).map((attribute) => [
        attribute.AttributeName,
        attribute.AttributeType,
      ]),
    );
    (items as unknown[]).forEach((item, index) => {
      const at = `${from}: ${table}[${index}]`;
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        throw new LocalTablesError('SEED_INVALID', `${at} is ${JSON.stringify(item)}, not an item (an object).`);
      }
      for (const { AttributeName: name = '' } of keys) {
        const type = types.get(name);
        const value = (item as Record<string, unknown>)[name];
        if (!typeMatches(value, type)) {
          throw new LocalTablesError(
            'SEED_INVALID',
            `${at}: its key attribute "${name}" is ${value === undefined ? 'missing' : JSON.stringify(value)}; ${table}'s key needs ${typeNames[type ?? 'S'] ?? type} there.`,
          );
        }
      }
    });
  }
}

// BatchWriteItem takes 25 requests; what DynamoDB leaves unprocessed is sent again.
export async function writeAll(client: DynamoDBClient, tableName: string, requests: WriteRequest[]): Promise<void> {
  for (let start = 0; start < requests.length; start += 25) {
    let pending: WriteRequest[] = requests.slice(start, start + 25);
    while (pending.length > 0) {
      const { UnprocessedItems } = await client.send(
        new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }),
      );
      pending = UnprocessedItems?.[tableName] ?? [];
    }
  }
}

/** Puts the items of `seed` into the tables, named `tableNames[<declared name>]`. */
export async function putSeed(client: DynamoDBClient, seed: Seed, tableNames: Readonly<Record<string, string>>) {
  await Promise.all(
    Object.entries(seed).map(([table, items]) =>
      writeAll(
        client,
        tableNames[table] as string,
        items.map((item) => ({ PutRequest: { Item: toAttributeMap(item) } })),
      ),
    ),
  );
}

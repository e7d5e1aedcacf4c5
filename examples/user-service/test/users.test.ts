/**
 * @services dynamodb
 */
// The fast path: the tables serverless.yml declares, created in DynamoDB Local and seeded, and
// the handlers called as plain functions. Nothing is deployed.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { join } from 'node:path';
import { ConditionFailedError } from '@serverless-stateful/runtime';
import { localTables, type LocalTables } from 'serverless-stateful/testing';
import { handler as findUser } from '../src/handlers/find-user';
import { handler as renameUser } from '../src/handlers/rename-user';

let tables: LocalTables;
let documents: DynamoDBDocumentClient;

/** The user as stored, read past the handlers. */
async function storedUser(userId: string) {
  const { Item } = await documents.send(
    new GetCommand({ TableName: tables.tableNames.users, Key: { userId }, ConsistentRead: true }),
  );
  return Item;
}

beforeAll(async () => {
  tables = await localTables(join(__dirname, '..'), { seed: join(__dirname, 'seed.json') });
  // Made after localTables, which points the SDK at DynamoDB Local.
  documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
});
// Every test starts from the seed.
afterEach(() => tables?.reset());
afterAll(async () => {
  documents?.destroy();
  await tables?.drop();
});

it('renames a user nobody changed since it was read, and bumps its version', async () => {
  await expect(renameUser({ userId: 'u-ada', name: 'Ada King', version: 1 })).resolves.toMatchObject({
    name: 'Ada King',
    version: 2,
  });
  await expect(storedUser('u-ada')).resolves.toEqual({
    userId: 'u-ada',
    email: 'ada@example.com',
    name: 'Ada King',
    status: 'ACTIVE',
    version: 2,
  });
});

it('refuses a rename made from a stale read, and leaves the user as it was', async () => {
  await expect(renameUser({ userId: 'u-grace', name: 'Amazing Grace', version: 2 })).rejects.toBeInstanceOf(
    ConditionFailedError,
  );
  await expect(storedUser('u-grace')).resolves.toMatchObject({ name: 'Grace Hopper', version: 3 });
});

it('finds a user by email through the byEmail index', async () => {
  await expect(findUser({ email: 'Grace@Example.org' })).resolves.toMatchObject({ userId: 'u-grace' });
  await expect(findUser({ email: 'nobody@example.org' })).resolves.toBeUndefined();
});

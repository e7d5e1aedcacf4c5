/**
 * @services emulator
 */
// The line `serverless deploy` prints for a table that gets point-in-time recovery by default:
// asked of DynamoDB (the emulator's here: DynamoDB Local has no continuous backups API) for the table as it is now, printed only when the deploy turns
// recovery on for a table that exists without it, and never a reason for the deploy to fail.
import {
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBClient,
  UpdateContinuousBackupsCommand,
} from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { recoveryDeployNotices, recoveryNow } from '../../plugin/kinds/tables/recovery';
import type { TableConfig } from '../../plugin/kinds/tables/schema';
import { awsClientConfig } from '../support/endpoints';

const implicit: TableConfig = { partitionKey: 'id' };
const adopting: TableConfig = { partitionKey: 'id', logicalId: 'TodosTable', tableName: 'todo-api-dev' };
// Nothing listens on the discard port: DynamoDB cannot be asked.
const unreachable = { ...awsClientConfig('emulator'), endpoint: 'http://127.0.0.1:9' };

describe('the deploy line for point-in-time recovery on by default', () => {
  const aws = awsClientConfig('emulator');
  const client = new DynamoDBClient(aws);
  const tableName = `recovery-${randomUUID()}`;

  beforeAll(async () => {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      }),
    );
  });

  afterAll(async () => {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
    client.destroy();
  });

  it('is printed for a table that exists without recovery, and not when the config chose', async () => {
    await expect(recoveryNow(tableName, aws)).resolves.toBe('off');
    await expect(recoveryDeployNotices('todos', implicit, tableName, aws)).resolves.toEqual([
      `table todos gets point-in-time recovery (on by default; ${tableName} has none now); it is billed per GB-month: set pointInTimeRecovery: false to keep it off`,
    ]);
    for (const chosen of [true, false]) {
      await expect(
        recoveryDeployNotices('todos', { ...implicit, pointInTimeRecovery: chosen }, tableName, aws),
      ).resolves.toEqual([]);
    }
  });

  it('is not printed for a table that does not exist yet: a new table changes no bill already paid', async () => {
    await expect(recoveryNow(`absent-${randomUUID()}`, aws)).resolves.toBe('no table');
    await expect(recoveryDeployNotices('todos', adopting, `absent-${randomUUID()}`, aws)).resolves.toEqual([]);
  });

  it('is printed, saying so, for a table that keeps existing names when DynamoDB cannot be asked; not for others', async () => {
    await expect(recoveryNow(tableName, unreachable)).resolves.toBe('unknown');
    await expect(recoveryDeployNotices('todos', adopting, 'todo-api-dev', unreachable)).resolves.toEqual([
      'table todos gets point-in-time recovery (on by default; whether todo-api-dev has it now could not be read); it is billed per GB-month: set pointInTimeRecovery: false to keep it off',
    ]);
    await expect(recoveryDeployNotices('todos', implicit, tableName, unreachable)).resolves.toEqual([]);
  });

  it('is not printed once the table has recovery', async () => {
    await client.send(
      new UpdateContinuousBackupsCommand({
        TableName: tableName,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      }),
    );
    await expect(recoveryNow(tableName, aws)).resolves.toBe('on');
    await expect(recoveryDeployNotices('todos', implicit, tableName, aws)).resolves.toEqual([]);
  });
});

/**
 * @services emulator
 */
// Moving a service to state: without losing data. The old service (a table under resources:, no
// plugin) is deployed, items are written, and the ported service (same name, so the same stack;
// the table keeps its logicalId and tableName) is deployed over it: the items are still there, in
// the same table, read by the ported function through its injected variable. No new table is made.
import {
  BatchWriteItemCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  ListTablesCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { DescribeStacksCommand, DescribeStackResourceCommand } from '@aws-sdk/client-cloudformation';
import { join } from 'node:path';
import { runServerless, serverless } from '../../testing/local-aws/serverless-cli';
import { awsClients } from '../../testing';
import { invoke } from '../support/invoke';

const fixtures = join(__dirname, '..', 'fixtures', 'table-adoption');
const old = join(fixtures, 'old');
const ported = join(fixtures, 'ported');
// The branch's own stage: other work deploys to the same emulator.
const stage = 'table-adoption';
const service = 'stateful-todo-api';
const stackName = `${service}-${stage}`;
const tableName = `${service}-${stage}`;
const todos = [
  { id: 't-1', title: 'write the migration guide' },
  { id: 't-2', title: 'deploy over the old stack' },
  { id: 't-3', title: 'read everything back' },
];

const dynamodb = () => awsClients().dynamodb;
const cloudFormation = () => awsClients().cloudFormation;

async function tableNames(): Promise<string[]> {
  return (await dynamodb().send(new ListTablesCommand({}))).TableNames ?? [];
}

async function items(): Promise<{ id: string; title: string }[]> {
  const { Items = [] } = await dynamodb().send(new ScanCommand({ TableName: tableName, ConsistentRead: true }));
  return Items.map((item) => ({ id: item.id?.S ?? '', title: item.title?.S ?? '' })).sort((a, b) =>
    a.id.localeCompare(b.id),
  );
}

async function tableResource() {
  const { StackResourceDetail } = await cloudFormation().send(
    new DescribeStackResourceCommand({ StackName: stackName, LogicalResourceId: 'TodosTable' }),
  );
  return StackResourceDetail;
}

/** Removes what an earlier run may have left: the stack, then the table its Retain policy kept. */
async function cleanUp(): Promise<void> {
  await runServerless(['remove', '--stage', stage], { cwd: ported });
  if ((await tableNames()).includes(tableName)) {
    await dynamodb().send(new DeleteTableCommand({ TableName: tableName }));
  }
}

describe('an old service moved to state: and deployed over its own stack', () => {
  let createdAt: Date | undefined;
  let portedDeploy: string;

  beforeAll(async () => {
    await cleanUp();
    await serverless(['deploy', '--stage', stage], { cwd: old });
    await dynamodb().send(
      new BatchWriteItemCommand({
        RequestItems: {
          [tableName]: todos.map((todo) => ({
            PutRequest: { Item: { id: { S: todo.id }, title: { S: todo.title } } },
          })),
        },
      }),
    );
    createdAt = (await dynamodb().send(new DescribeTableCommand({ TableName: tableName }))).Table?.CreationDateTime;
    portedDeploy = (await serverless(['deploy', '--stage', stage], { cwd: ported })).output;
  });

  afterAll(async () => {
    await cleanUp();
  });

  it('keeps every item, in the same table', async () => {
    await expect(items()).resolves.toEqual(todos);
    const { Table } = await dynamodb().send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.CreationDateTime).toEqual(createdAt);
  });

  it('creates no other table and keeps the table under its logical id in the stack', async () => {
    const names = await tableNames();
    expect(names.filter((name) => name.startsWith(`${service}-${stage}`))).toEqual([tableName]);
    await expect(tableResource()).resolves.toMatchObject({
      ResourceType: 'AWS::DynamoDB::Table',
      PhysicalResourceId: tableName,
    });
  });

  it('publishes the standard outputs, pointing at the kept table', async () => {
    const { Stacks } = await cloudFormation().send(new DescribeStacksCommand({ StackName: stackName }));
    const outputs = Object.fromEntries(
      (Stacks?.[0]?.Outputs ?? []).map((output) => [output.OutputKey, output.OutputValue]),
    );
    expect(outputs).toMatchObject({
      StatefulTableTodosName: tableName,
      StatefulTableTodosArn: expect.stringMatching(new RegExp(`:table/${tableName}$`)),
    });
  });

  it('lets the ported function read an old item through its injected variable', async () => {
    await expect(invoke('stateful-todo-api-table-adoption-getTodo', { id: 't-2' })).resolves.toEqual({
      table: tableName,
      title: 'deploy over the old stack',
    });
  });

  it('says at deploy that the table gets point-in-time recovery, which it did not have, and what it costs', () => {
    expect(portedDeploy).toContain(
      `state: table todos gets point-in-time recovery (on by default; ${tableName} has none now); it is billed per GB-month: set pointInTimeRecovery: false to keep it off`,
    );
  });
});

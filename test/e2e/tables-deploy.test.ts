/**
 * @services emulator
 */
// Tables on the emulator: `serverless deploy --stage local` creates the table; a function granted
// readwrite writes and reads it, finding it only through STATEFUL_TABLE_CARTS; info commands
// list it; the data survives `serverless remove` unless the stage is ephemeral.
import { DeleteTableCommand, DescribeTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverless } from '../../testing/local-aws/serverless-cli';
import { readState } from '../../testing/local-aws/state-file';
import { awsClients } from '../../testing';
import { invoke } from '../support/invoke';
import { roleStatements, type Template } from '../support/package-service';

const cwd = join(__dirname, '..', 'fixtures', 'tables-service');

async function tableNames(): Promise<string[]> {
  return (await awsClients().dynamodb.send(new ListTablesCommand({}))).TableNames ?? [];
}

describe('tables deployed with serverless deploy --stage local', () => {
  let template: Template;

  beforeAll(async () => {
    await serverless(['deploy', '--stage', 'local'], { cwd });
    template = JSON.parse(
      readFileSync(join(cwd, '.serverless', 'cloudformation-template-update-stack.json'), 'utf8'),
    ) as Template;
  });

  it('creates the table with its keys, index and stream', async () => {
    const { Table } = await awsClients().dynamodb.send(
      new DescribeTableCommand({ TableName: 'stateful-tables-local-carts' }),
    );
    expect(Table).toMatchObject({
      KeySchema: [
        { AttributeName: 'cartId', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
      GlobalSecondaryIndexes: [expect.objectContaining({ IndexName: 'byCustomer' })],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
  });

  it('lets the readwrite function write and read its table, found through its injected variable', async () => {
    const saved = await invoke<{ table: string; customerId: string; node: string }>('stateful-tables-local-saveCart', {
      cartId: 'c-1',
      customerId: 'u-7',
    });
    expect(saved).toEqual({ table: 'stateful-tables-local-carts', customerId: 'u-7', node: expect.any(String) });
    await expect(invoke('stateful-tables-local-readCart', { cartId: 'c-1' })).resolves.toEqual({
      table: 'stateful-tables-local-carts',
      customerId: 'u-7',
    });
  });

  it('runs the handlers on the node the harness gave the emulator (Node 22 when one is at hand)', async () => {
    const { node } = await invoke<{ node: string }>('stateful-tables-local-saveCart', {
      cartId: 'c-2',
      customerId: 'u-8',
    });
    // Recorded when the harness started the emulator; an emulator it did not start (LocalStack, or
    // a MiniStack started before the harness recorded this) runs handlers on a node of its own.
    const recorded = readState().emulator?.handlerNode;
    expect(node).toBe(recorded ?? node);
    expect(node).toMatch(/^v\d+\./);
  });

  it('gives the read function a role AWS would refuse a write with (checked statically: the emulator does not enforce IAM)', () => {
    const actions = roleStatements(template, 'StatefulRoleReadCart').flatMap((statement) => statement.Action);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    for (const write of ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem']) {
      expect(actions).not.toContain(write);
    }
  });

  it('lists the table in serverless info and serverless state:info', async () => {
    const info = await serverless(['info', '--stage', 'local'], { cwd });
    expect(info.output).toMatch(
      /state:\n\s+table carts: key cartId:S \+ sk:S, on-demand.*used by saveCart \(readwrite\), readCart \(read\)/,
    );
    const stateInfo = await serverless(['state:info', '--stage', 'local'], { cwd });
    expect(stateInfo.output).toMatch(/RESOURCE\s+KIND\s+SETTINGS\s+USED BY/);
    expect(stateInfo.output).toMatch(/carts\s+table\s+key cartId:S \+ sk:S.*saveCart \(readwrite\), readCart \(read\)/);
  });

  it('deletes the table with the stack on an ephemeral stage', async () => {
    await serverless(['remove', '--stage', 'local'], { cwd });
    expect(await tableNames()).not.toContain('stateful-tables-local-carts');
  });

  it('keeps the table, and what it holds, when the stack of another stage is removed', async () => {
    await serverless(['deploy', '--stage', 'kept'], { cwd });
    await invoke('stateful-tables-kept-saveCart', { cartId: 'c-9', customerId: 'u-9' });
    await serverless(['remove', '--stage', 'kept'], { cwd });
    try {
      expect(await tableNames()).toContain('stateful-tables-kept-carts');
      const { Table } = await awsClients().dynamodb.send(
        new DescribeTableCommand({ TableName: 'stateful-tables-kept-carts' }),
      );
      expect(Table?.ItemCount).toBe(1);
    } finally {
      await awsClients().dynamodb.send(new DeleteTableCommand({ TableName: 'stateful-tables-kept-carts' }));
    }
  });
});

// A table that keeps the names it had before it moved into `state:` (`tableName`, `logicalId`):
// every place that derives the table's id or name uses the kept ones, outputs keep their standard
// keys, and names that would meet are refused at package time. The same service packaged by the
// framework and deployed over an old stack: test/integration/plugin-table-adoption.test.ts and
// test/e2e/table-adoption.test.ts.
import { tables } from '../../plugin/kinds/tables';
import type { TableConfig } from '../../plugin/kinds/tables/schema';
import { stateInfoTable } from '../../plugin/info';
import type { FunctionDefinition } from '../../plugin/serverless';
import { compileTemplate, generatedFunctions, refusal, stateContext } from '../support/compile-state';

const todos: TableConfig = {
  partitionKey: 'id',
  logicalId: 'TodosTable',
  tableName: 'todo-api-dev',
  indexes: { byOwner: { partitionKey: 'owner' } },
  stream: 'new-and-old',
};
const kept = { tables: { todos } };

/** A refusal's message must name where the problem is, and its code. */
function expectRefused(state: unknown, code: string, ...parts: (string | RegExp)[]) {
  const refused = refusal(state);
  expect(refused.code).toBe(code);
  for (const part of parts) expect(refused.message).toMatch(part);
}

describe('a table that keeps its logical id and physical name', () => {
  it('compiles to an AWS::DynamoDB::Table under the kept logical id, with the kept name', () => {
    const { Resources } = compileTemplate(kept);
    expect(Object.keys(Resources)).toEqual(['TodosTable']);
    expect(Resources.TodosTable).toMatchObject({
      Type: 'AWS::DynamoDB::Table',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: { TableName: 'todo-api-dev', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] },
    });
  });

  it('keeps the standard output keys, pointing at the kept logical id', () => {
    const { Outputs } = compileTemplate(kept);
    expect(Outputs).toEqual({
      StatefulTableTodosName: { Description: 'Name of table todos', Value: { Ref: 'TodosTable' } },
      StatefulTableTodosArn: { Description: 'ARN of table todos', Value: { 'Fn::GetAtt': ['TodosTable', 'Arn'] } },
      StatefulTableTodosStreamArn: {
        Description: 'ARN of the stream of table todos',
        Value: { 'Fn::GetAtt': ['TodosTable', 'StreamArn'] },
      },
    });
  });

  it('grants on the exact ARN of the kept logical id and its indexes', () => {
    const { context } = stateContext(kept);
    expect(tables.grant('todos', todos, 'read', context, 'list')).toEqual([
      expect.objectContaining({ Resource: [{ 'Fn::GetAtt': ['TodosTable', 'Arn'] }] }),
      {
        Effect: 'Allow',
        Action: ['dynamodb:Query', 'dynamodb:Scan'],
        Resource: [{ 'Fn::Sub': '${TodosTable.Arn}/index/byOwner' }],
      },
    ]);
  });

  it('tells functions, and ${state:…}, the kept name and the kept id', () => {
    const { context } = stateContext(kept);
    expect(tables.environment('todos', todos, context, 'list')).toEqual({ STATEFUL_TABLE_TODOS: 'todo-api-dev' });
    const reference = (property: string) => context.lookup.reference('table', 'todos', property, 'here');
    expect(reference('name')).toBe('todo-api-dev');
    expect(reference('arn')).toEqual({ 'Fn::GetAtt': ['TodosTable', 'Arn'] });
    expect(reference('streamArn')).toEqual({ 'Fn::GetAtt': ['TodosTable', 'StreamArn'] });
  });

  it('keeps the default for what it does not set: the name alone, or the id alone', () => {
    const nameOnly = compileTemplate({ tables: { todos: { partitionKey: 'id', tableName: 'todo-api-dev' } } });
    expect(nameOnly.Resources.StatefulTableTodos?.Properties?.TableName).toBe('todo-api-dev');
    const idOnly = compileTemplate({ tables: { todos: { partitionKey: 'id', logicalId: 'TodosTable' } } });
    expect(idOnly.Resources.TodosTable?.Properties?.TableName).toBe('shop-dev-todos');
  });

  it('subscribes the invalidation function to the stream of the kept logical id', () => {
    const [generated] = generatedFunctions({
      network: { vpc: { subnetIds: ['subnet-0a1b2c3d'], securityGroupIds: ['sg-0123abcd'] } },
      caches: { catalog: {} },
      tables: { todos: { ...todos, stream: undefined, invalidates: [{ cache: 'catalog', keys: ['todo:${id}'] }] } },
    });
    expect(generated?.definition.events).toEqual([
      { stream: expect.objectContaining({ arn: { 'Fn::GetAtt': ['TodosTable', 'StreamArn'] } }) },
    ]);
  });

  it('counts a function whose events name the kept logical id as stateful, and not one naming a lookalike', () => {
    const functions: Record<string, FunctionDefinition> = {
      onChange: {
        handler: 'h.main',
        events: [{ stream: { type: 'dynamodb', arn: { 'Fn::GetAtt': ['TodosTable', 'StreamArn'] } } }],
      },
      other: {
        handler: 'h.main',
        events: [{ stream: { type: 'dynamodb', arn: { 'Fn::GetAtt': ['TodosTableX', 'StreamArn'] } } }],
      },
    };
    const { model } = stateContext(kept, functions);
    expect([...model.statefulFunctions]).toEqual(['onChange']);
  });

  it('lets a same-typed resource under resources: at the kept id merge, as any override does', () => {
    const userResources = { Resources: { TodosTable: { Type: 'AWS::DynamoDB::Table' } } };
    expect(() => compileTemplate(kept, {}, undefined, userResources)).not.toThrow();
  });
});

describe('names a kept table may not take', () => {
  it.each([
    ['two characters', 'ab'],
    ['a space', 'todo api'],
    ['256 characters', 'x'.repeat(256)],
  ])('refuses a tableName of %s, naming the path and the rule', (_what, tableName) => {
    expectRefused(
      { tables: { todos: { partitionKey: 'id', tableName } } },
      'STATE_CONFIG_INVALID',
      'state.tables.todos.tableName',
      /is not valid: use 3 to 255 letters, digits, _, \. or -, DynamoDB's rule for table names/,
    );
  });

  it.each([
    ['a dash', 'Todos-Table'],
    ['an underscore', 'Todos_Table'],
    ['no character', ''],
    ['256 characters', 'T'.repeat(256)],
  ])('refuses a logicalId of %s, naming the path and the rule', (_what, logicalId) => {
    expectRefused(
      { tables: { todos: { partitionKey: 'id', logicalId } } },
      'STATE_CONFIG_INVALID',
      'state.tables.todos.logicalId',
      /use 1 to 255 letters and digits, CloudFormation's rule for logical ids/,
    );
  });

  it('refuses two tables with one tableName', () => {
    expectRefused(
      { tables: { todos, archive: { partitionKey: 'id', tableName: 'todo-api-dev' } } },
      'STATE_NAME_TAKEN',
      'state.tables.todos.tableName and state.tables.archive.tableName both name the table "todo-api-dev"',
    );
  });

  it("refuses a tableName that is another table's default name", () => {
    expectRefused(
      { tables: { carts: { partitionKey: 'id' }, todos: { partitionKey: 'id', tableName: 'shop-dev-carts' } } },
      'STATE_NAME_TAKEN',
      'state.tables.carts (by default) and state.tables.todos.tableName both name the table "shop-dev-carts"',
    );
  });

  it("refuses a logicalId that is another table's logical id, saying which option to change", () => {
    expectRefused(
      { tables: { todos: { partitionKey: 'id', logicalId: 'StatefulTableCarts' }, carts: { partitionKey: 'id' } } },
      'STATE_NAME_TAKEN',
      'state.tables.todos.logicalId and state.tables.carts both compile to StatefulTableCarts',
      'Choose another state.tables.todos.logicalId.',
    );
    expectRefused(
      { tables: { todos, archive: { partitionKey: 'id', logicalId: 'TodosTable' } } },
      'STATE_NAME_TAKEN',
      'state.tables.todos.logicalId and state.tables.archive.logicalId both compile to TodosTable',
    );
  });

  it('refuses a logicalId the template already holds, or a resource of another type under resources:', () => {
    const template = { Resources: { ServerlessDeploymentBucket: { Type: 'AWS::S3::Bucket' } }, Outputs: {} };
    const bucket = { tables: { todos: { partitionKey: 'id', logicalId: 'ServerlessDeploymentBucket' } } };
    expect(() => compileTemplate(bucket, {}, template)).toThrow(
      /state\.tables\.todos\.logicalId compiles to ServerlessDeploymentBucket, which the template already holds \(AWS::S3::Bucket\).*Choose another state\.tables\.todos\.logicalId\..*\(STATE_NAME_TAKEN\)/,
    );
    const queue = { Resources: { TodosTable: { Type: 'AWS::SQS::Queue' } } };
    expect(() => compileTemplate(kept, {}, undefined, queue)).toThrow(
      /resources\.Resources\.TodosTable and state\.tables\.todos\.logicalId both compile to TodosTable: yours is a AWS::SQS::Queue.*\(STATE_NAME_TAKEN\)/,
    );
  });
});

describe('point-in-time recovery on by default, in state:info', () => {
  it('notes the cost for each table that has it by default, and for none that chose', () => {
    const { model } = stateContext({
      tables: {
        todos,
        ledger: { partitionKey: 'id', pointInTimeRecovery: true },
        scratch: { partitionKey: 'id', pointInTimeRecovery: false },
      },
    });
    const lines = stateInfoTable(model).split('\n');
    const notes = lines.filter((line) => line.startsWith('Note: '));
    expect(notes).toEqual([
      "Note: table todos: point-in-time recovery is on by default; AWS bills it per GB-month of the table's size (https://aws.amazon.com/dynamodb/pricing/on-demand/). Set pointInTimeRecovery: false to keep it off, or true to say you want it.",
    ]);
    expect(lines.find((line) => line.startsWith('todos'))).toMatch(/PITR.*name todo-api-dev, logical id TodosTable/);
  });
});

/**
 * @services
 */
// A table that keeps the names it had before it moved into state:, packaged by the real framework
// (osls): names written with Serverless variables, the function's role on the kept logical id, the
// injected variable and ${state:…} on the kept name, a stream subscriber recognised as stateful,
// outputs under their standard keys, resources: at the kept id, and state:info's cost note.
import { cfnLintErrors } from '../support/cfn-lint';
import { packageService, roleStatements, runOnService, serviceYaml, type Template } from '../support/package-service';

const todos = `
state:
  tables:
    todos:
      logicalId: TodosTable
      tableName: \${self:service}-\${sls:stage}
      partitionKey: id
      stream: new-and-old
      indexes:
        byOwner: { partitionKey: owner }`;

const service = serviceYaml(
  `${todos}
functions:
  getTodo:
    handler: handler.main
    state: { todos: read }
  onChange:
    handler: handler.main
    events:
      - stream: { type: dynamodb, arn: '\${state:todos.streamArn}' }
  health:
    handler: handler.main
    environment:
      TODOS: \${state:todos.name}
      TODOS_ARN: \${state:todos.arn}
`,
  { service: 'todo-api' },
);

describe('a table that keeps its logical id and name, packaged by osls', () => {
  let template: Template;

  beforeAll(async () => {
    ({ template } = await packageService(service));
  });

  it('compiles the table under the kept logical id and the name its variables resolve to, and nothing under the default id', () => {
    expect(template.Resources.TodosTable).toMatchObject({
      Type: 'AWS::DynamoDB::Table',
      DeletionPolicy: 'Retain',
      Properties: { TableName: 'todo-api-dev' },
    });
    expect(template.Resources.StatefulTableTodos).toBeUndefined();
  });

  it('grants the reading function the table and its index by the exact ARN of the kept logical id', () => {
    const statements = roleStatements(template, 'StatefulRoleGetTodo');
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']),
        Resource: [{ 'Fn::GetAtt': ['TodosTable', 'Arn'] }],
      }),
    );
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: ['dynamodb:Query', 'dynamodb:Scan'],
      Resource: [{ 'Fn::Sub': '${TodosTable.Arn}/index/byOwner' }],
    });
  });

  it('gives the functions the kept name: the injected variable and ${state:todos.name}', () => {
    const environment = (logicalId: string) =>
      (template.Resources[logicalId]?.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(environment('GetTodoLambdaFunction')).toEqual({ STATEFUL_TABLE_TODOS: 'todo-api-dev' });
    expect(environment('HealthLambdaFunction')).toEqual({
      TODOS: 'todo-api-dev',
      TODOS_ARN: { 'Fn::GetAtt': ['TodosTable', 'Arn'] },
    });
  });

  it('gives the stream subscriber on the kept table a role of its own, with the stream actions on its stream', () => {
    expect(template.Resources.OnChangeLambdaFunction?.Properties.Role).toEqual({
      'Fn::GetAtt': ['StatefulRoleOnChange', 'Arn'],
    });
    expect(roleStatements(template, 'StatefulRoleOnChange')).toContainEqual(
      expect.objectContaining({ Resource: [{ 'Fn::GetAtt': ['TodosTable', 'StreamArn'] }] }),
    );
  });

  it('keeps the standard output keys, so tooling reading the stack finds the table', () => {
    expect(template.Outputs.StatefulTableTodosName?.Value).toEqual({ Ref: 'TodosTable' });
    expect(template.Outputs.StatefulTableTodosArn?.Value).toEqual({ 'Fn::GetAtt': ['TodosTable', 'Arn'] });
    expect(template.Outputs.StatefulTableTodosStreamArn?.Value).toEqual({ 'Fn::GetAtt': ['TodosTable', 'StreamArn'] });
  });

  it('passes cfn-lint', async () => {
    await expect(cfnLintErrors(template)).resolves.toEqual([]);
  });

  it('refuses a resources: entry of another type at the kept id, at package time', async () => {
    const clash = serviceYaml(
      `${todos}
resources:
  Resources:
    TodosTable:
      Type: AWS::SQS::Queue
`,
    );
    const run = await runOnService(clash);
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(
      /resources\.Resources\.TodosTable and state\.tables\.todos\.logicalId both compile to TodosTable/,
    );
    expect(run.output).toContain('STATE_NAME_TAKEN');
  });

  it('notes in state:info that point-in-time recovery is on by default and billed', async () => {
    const run = await runOnService(service, ['state:info']);
    expect(run.code).toBe(0);
    expect(run.output).toMatch(/todos\s+table\s+key id:S.*PITR.*name todo-api-dev, logical id TodosTable/);
    expect(run.output).toContain(
      "Note: table todos: point-in-time recovery is on by default; AWS bills it per GB-month of the table's size",
    );
  });
});

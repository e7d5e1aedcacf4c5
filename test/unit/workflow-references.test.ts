// A string in a reference field that reads like a reference but is not one would be deployed as
// written and fail only when the task runs; it fails the build instead, naming the valid prefixes.
import { workflows } from '../../plugin/kinds/workflows';
import { compileContext } from '../../plugin/state-model';
import type { WorkflowConfig } from '../../plugin/kinds/workflows/schema';

const task = (state: Record<string, unknown>): WorkflowConfig => ({
  definition: { StartAt: 'T', States: { T: { Type: 'Task', End: true, ...state } } },
});
const dynamodb = (TableName: unknown) =>
  task({ Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName, Item: { id: { S: 'x' } } } });
const invoke = (FunctionName: unknown) =>
  task({ Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName, Payload: {} } });
const putEvents = (EventBusName: unknown) =>
  task({
    Resource: 'arn:aws:states:::events:putEvents',
    Parameters: { Entries: [{ EventBusName, Source: 's', DetailType: 'd', Detail: {} }] },
  });
const startExecution = (StateMachineArn: unknown) =>
  task({ Resource: 'arn:aws:states:::states:startExecution', Parameters: { StateMachineArn, Input: {} } });
const validate = (config: WorkflowConfig) => () => workflows.validate('flow', config);
const valid = 'References are function:<name>, table:<name>, bus:<name> and workflow:<name>';

describe('misspelt references in a workflow definition', () => {
  it.each([
    [
      'tabel:orders',
      'TableName',
      dynamodb('tabel:orders'),
      'Parameters.TableName: "tabel:orders"',
      'did you mean table:orders',
    ],
    [
      'Table:orders',
      'TableName',
      dynamodb('Table:orders'),
      'Parameters.TableName: "Table:orders"',
      'did you mean table:orders',
    ],
    [
      'tables:orders',
      'TableName',
      dynamodb('tables:orders'),
      'Parameters.TableName: "tables:orders"',
      'did you mean table:orders',
    ],
    [
      'fucntion:charge',
      'Resource',
      task({ Resource: 'fucntion:charge' }),
      'Resource: "fucntion:charge"',
      'did you mean function:charge',
    ],
    [
      'functon:charge',
      'FunctionName',
      invoke('functon:charge'),
      'Parameters.FunctionName: "functon:charge"',
      'did you mean function:charge',
    ],
    [
      'buss:shop',
      'EventBusName',
      putEvents('buss:shop'),
      'Parameters.Entries.0.EventBusName: "buss:shop"',
      'did you mean bus:shop',
    ],
    [
      'workflows:child',
      'StateMachineArn',
      startExecution('workflows:child'),
      'Parameters.StateMachineArn: "workflows:child"',
      'did you mean workflow:child',
    ],
    [
      'orders:live',
      'TableName',
      dynamodb('orders:live'),
      'Parameters.TableName: "orders:live"',
      'TableName takes table:<name>',
    ],
  ])('refuses %s in %s', (_value, _field, config, at, hint) => {
    expect(validate(config)).toThrow(`state.workflows.flow.definition.States.T.${at} reads like a reference`);
    expect(validate(config)).toThrow(hint);
    expect(validate(config)).toThrow(valid);
    expect(validate(config)).toThrow(/\(STATE_UNKNOWN_REFERENCE\)$/);
  });

  it.each([
    ['table: with no name', dynamodb('table:'), 'Parameters.TableName: "table:" has no name'],
    [
      'a name that is not one',
      dynamodb('table:orders.name'),
      'Parameters.TableName: "table:orders.name" has no valid name',
    ],
    ['a qualifier', task({ Resource: 'function:charge:live' }), 'Resource: "function:charge:live" has no valid name'],
  ])('refuses a reference with %s', (_title, config, message) => {
    expect(validate(config)).toThrow(`state.workflows.flow.definition.States.T.${message}`);
  });

  it('refuses a reference of the wrong kind for its field before the definition is checked as ASL', () => {
    expect(validate(task({ Resource: 'table:orders' }))).toThrow(
      'state.workflows.flow.definition.States.T.Resource: "table:orders" names a table, but Resource takes a function; write function:<name>.',
    );
  });

  it.each([
    ['a function name with its alias', invoke('chargePayment:live')],
    ['a function named like a kind, with its alias', invoke('tables:v1')],
    ['a function ARN', invoke('arn:aws:lambda:us-east-1:123456789012:function:charge')],
    ['a partial function ARN', invoke('123456789012:function:charge')],
    ['a table ARN', dynamodb('arn:aws:dynamodb:us-east-1:123456789012:table/orders')],
    ['a literal table name', dynamodb('orders-v2')],
    ['a bus ARN', putEvents('arn:aws:events:us-east-1:123456789012:event-bus/shop')],
    ['a state machine ARN', startExecution('arn:aws:states:us-east-1:123456789012:stateMachine:child')],
    [
      'an integration ARN',
      task({ Resource: 'arn:aws:states:::aws-sdk:s3:getObject', Parameters: { Bucket: 'b', Key: 'k' } }),
    ],
    ['a JSONPath', task({ Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 'FunctionName.$': '$.fn' } })],
    ['a JSONata expression', invoke('{% $states.input.fn %}')],
    ['an intrinsic function', invoke("States.Format('charge:{}', $.v)")],
    ['a reference', dynamodb('table:orders')],
  ])('accepts %s', (_title, config) => {
    expect(validate(config)).not.toThrow();
  });
});

describe('a reference to a resource that is not declared', () => {
  const lookup = compileContext({
    config: { tables: { orders: { partitionKey: 'id' } } },
    service: 'shop',
    stage: 'dev',
    functionNames: ['charge'],
    functionLogicalId: (name) => `${name}Fn`,
    normalizedFunctionName: (name) => name,
  }).lookup;

  it('names the nearest declared one and the kind in its plural', () => {
    expect(() => lookup.reference('table', 'order', 'name', 'at')).toThrow(
      'at: no table is named "order" (did you mean "orders"?). Declared tables: orders.',
    );
    expect(() => lookup.reference('bus', 'shop', 'name', 'at')).toThrow('Declared buses: (none).');
  });

  it("says how to use the account's default bus", () => {
    expect(() => lookup.reference('bus', 'default', 'arn', 'at')).toThrow(
      'at: no bus is named "default". Declared buses: (none). To use the account\'s default bus, declare it: state.buses.default: {}.',
    );
  });
});

// The role of a workflow, inferred from its definition: each Task state's integration and the
// resources it names. What cannot be inferred is reported, never skipped.
import { sub, type CfnValue } from '../../cloudformation';
import { allow, type Statement } from '../../iam';
import type { Lookup } from '../kind';
import { parseReference, taskInput, type Json, type JsonObject, type TaskState } from './definition';

export interface Inferred {
  readonly statements: Statement[];
  /** One line per task whose permissions could not be inferred: its path and why. */
  readonly unknown: string[];
}

const dynamodbActions: Record<string, string> = {
  getItem: 'dynamodb:GetItem',
  putItem: 'dynamodb:PutItem',
  updateItem: 'dynamodb:UpdateItem',
  deleteItem: 'dynamodb:DeleteItem',
};

const accountArn = (service: string, resource: string) =>
  sub(`arn:\${AWS::Partition}:${service}:\${AWS::Region}:\${AWS::AccountId}:${resource}`);

/** `arn` and every version and alias of it (`arn:*`). */
function withQualifiers(arn: CfnValue): CfnValue[] {
  if (typeof arn === 'string') return [arn, `${arn}:*`];
  const getAtt = (arn as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
  if (getAtt) return [arn, sub(`\${${getAtt[0]}.${getAtt[1]}}:*`)];
  const template = (arn as { 'Fn::Sub'?: string })['Fn::Sub'];
  if (typeof template === 'string') return [arn, sub(`${template}:*`)];
  return [arn];
}

/** A value fixed at package time: a literal, or a reference; not a JSONPath or JSONata one. */
export function staticField(input: JsonObject | undefined, field: string): Json | undefined {
  if (!input || `${field}.$` in input) return undefined;
  const value = input[field];
  if (typeof value === 'string' && value.startsWith('{%')) return undefined;
  return value;
}

export function inferPermissions(tasks: readonly TaskState[], lookup: Lookup, where: string): Inferred {
  const statements: Statement[] = [];
  const unknown: string[] = [];
  const grant = (actions: string[], resources: CfnValue[]) => statements.push(allow(actions, resources));

  const functionArn = (value: Json | undefined, at: string): CfnValue | undefined => {
    const reference = parseReference(value);
    if (reference?.kind === 'function') return lookup.functionArn(reference.name, at);
    if (typeof value !== 'string' || value === '') return undefined;
    return value.startsWith('arn:') ? value : accountArn('lambda', `function:${value}`);
  };

  for (const { path, state } of tasks) {
    const at = `${where}.${path}`;
    const resource = state.Resource;
    const input = taskInput(state)?.value;
    const inputAt = `${at}.${taskInput(state)?.key ?? 'Parameters'}`;
    const cannot = (why: string) => unknown.push(`${at}: ${why}`);
    if (typeof resource !== 'string') {
      cannot('its Resource is not a string');
      continue;
    }
    const direct = parseReference(resource);
    if (direct?.kind === 'function' || /^arn:aws[\w-]*:lambda:/.test(resource)) {
      grant(['lambda:InvokeFunction'], withQualifiers(functionArn(resource, `${at}.Resource`) as CfnValue));
      continue;
    }
    const integration = /^arn:aws[\w-]*:states:::([a-z0-9-]+):([a-zA-Z]+)(\.sync(?::2)?|\.waitForTaskToken)?$/.exec(
      resource,
    );
    if (!integration) {
      cannot(`no rule infers the permissions of Resource "${resource}"`);
      continue;
    }
    const [, service, action, pattern] = integration as unknown as [string, string, string, string | undefined];
    const key = `${service}:${action}`;
    if (key === 'lambda:invoke') {
      const arn = functionArn(staticField(input, 'FunctionName'), `${inputAt}.FunctionName`);
      if (arn === undefined) cannot('FunctionName is not fixed at package time');
      else grant(['lambda:InvokeFunction'], withQualifiers(arn));
    } else if (service === 'dynamodb' && dynamodbActions[action]) {
      const table = staticField(input, 'TableName');
      const reference = parseReference(table);
      if (reference?.kind === 'table') {
        grant([dynamodbActions[action]], [lookup.reference('table', reference.name, 'arn', `${inputAt}.TableName`)]);
      } else if (typeof table === 'string' && table !== '') {
        grant([dynamodbActions[action]], [accountArn('dynamodb', `table/${table}`)]);
      } else cannot('TableName is not fixed at package time');
    } else if (key === 'events:putEvents') {
      const entries = staticField(input, 'Entries');
      if (!Array.isArray(entries)) {
        cannot('Entries is not fixed at package time');
        continue;
      }
      const buses = entries.map((entry, index) => {
        const bus = staticField(entry as JsonObject, 'EventBusName');
        const reference = parseReference(bus);
        if (reference?.kind === 'bus')
          return lookup.reference('bus', reference.name, 'arn', `${inputAt}.Entries.${index}.EventBusName`);
        if (bus === undefined || bus === 'default') return accountArn('events', 'event-bus/default');
        if (typeof bus === 'string') return bus.startsWith('arn:') ? bus : accountArn('events', `event-bus/${bus}`);
        return undefined;
      });
      if (buses.some((bus) => bus === undefined)) cannot('an EventBusName is not fixed at package time');
      else grant(['events:PutEvents'], buses as CfnValue[]);
    } else if (key === 'states:startExecution') {
      const target = staticField(input, 'StateMachineArn');
      const reference = parseReference(target);
      let arn: CfnValue;
      let executions: CfnValue;
      if (reference?.kind === 'workflow') {
        arn = lookup.reference('workflow', reference.name, 'arn', `${inputAt}.StateMachineArn`);
        const nestedName = lookup.reference('workflow', reference.name, 'name', at) as string;
        executions = accountArn('states', `execution:${nestedName}:*`);
      } else if (typeof target === 'string' && target.startsWith('arn:')) {
        arn = target;
        executions = `${target.replace(':stateMachine:', ':execution:')}:*`;
      } else {
        cannot('StateMachineArn is not fixed at package time');
        continue;
      }
      grant(['states:StartExecution'], [arn]);
      if (pattern?.startsWith('.sync')) {
        grant(['states:DescribeExecution', 'states:StopExecution'], [executions]);
        grant(
          ['events:PutTargets', 'events:PutRule', 'events:DescribeRule'],
          [accountArn('events', 'rule/StepFunctionsGetEventsForStepFunctionsExecutionRule')],
        );
      }
    } else if (key === 'sqs:sendMessage') {
      const url = staticField(input, 'QueueUrl');
      const match =
        typeof url === 'string'
          ? /^https:\/\/sqs\.([a-z0-9-]+)\.amazonaws\.com\/(\d{12})\/([\w-]+(?:\.fifo)?)$/.exec(url)
          : null;
      if (!match) cannot('QueueUrl is not a literal queue URL, so its ARN is unknown');
      else grant(['sqs:SendMessage'], [sub(`arn:\${AWS::Partition}:sqs:${match[1]}:${match[2]}:${match[3]}`)]);
    } else if (key === 'sns:publish') {
      const topic = staticField(input, 'TopicArn');
      if (topic === undefined || topic === null) cannot('TopicArn is not fixed at package time');
      else grant(['sns:Publish'], [topic as CfnValue]);
    } else {
      cannot(`no rule infers the permissions of the ${key} integration`);
    }
  }
  return { statements: mergeStatements(statements), unknown };
}

/** One statement per action set and condition, resources deduplicated, in first-seen order. */
export function mergeStatements(statements: readonly Statement[]): Statement[] {
  const merged = new Map<string, Statement>();
  for (const statement of statements) {
    const key = `${[...statement.Action].sort().join(',')}|${JSON.stringify(statement.Condition ?? null)}`;
    const known = merged.get(key);
    if (!known) {
      const fresh = allow(statement.Action, []);
      merged.set(key, statement.Condition ? { ...fresh, Condition: statement.Condition } : fresh);
    }
    const target = merged.get(key) as Statement;
    for (const resource of statement.Resource) {
      if (!target.Resource.some((existing) => JSON.stringify(existing) === JSON.stringify(resource))) {
        target.Resource.push(resource);
      }
    }
  }
  return [...merged.values()];
}

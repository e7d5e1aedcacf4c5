// Workflows: `state.workflows.<name>` compiles to a Step Functions state machine whose
// definition names this service's functions, tables, buses and workflows by reference, with a
// role inferred from the definition, logging, tracing, and a published version behind a `live`
// alias that starters use.
import { getAtt, ref, sub, type CfnResource, type CfnValue } from '../../cloudformation';
import { StatefulConfigError, listOf } from '../../errors';
import { allow, roleResource, type Statement } from '../../iam';
import { physicalName, stateLogicalId } from '../../naming';
import { environmentVariableName } from '../../../runtime/environment';
import type { CompileContext, CompiledOutput, CompiledResource, StateKind } from '../kind';
import {
  fieldKinds,
  notAReference,
  parseReference,
  referenceKinds,
  taskInput,
  taskStates,
  visitReferenceFields,
  type JsonObject,
  type ReferenceKind,
} from './definition';
import { distributedMapPermissions } from './distributed-map';
import { checkRoutes, routeResources } from './http-api';
import { checkMachineName } from './machine-name';
import { checkSchedules, scheduleResources } from './schedule';
import { inferPermissions, mergeStatements } from './permissions';
import { workflowSchema, type WorkflowConfig } from './schema';
import { validateAsl } from './validate-asl';

export const workflowLogicalId = (name: string, suffix = '') => stateLogicalId('Workflow', name, suffix);
/** The state machine's name: its `name` option, or `<service>-<stage>-<name>`. */
const machineName = (context: CompileContext, name: string) => {
  const config = context.lookup.declared('workflow', name) as WorkflowConfig | undefined;
  return config?.name ?? physicalName(context, name, { max: 80, where: `state.workflows.${name}` });
};

/** What starters use: the `live` alias, or the state machine itself on a local emulator. */
const workflowArn = (name: string, context: CompileContext): CfnValue =>
  context.local ? ref(workflowLogicalId(name)) : ref(workflowLogicalId(name, 'Live'));

/**
 * The same ARN built from the state machine's name, which is known before deploy: it references
 * no resource, so a function the workflow runs can hold it without a dependency cycle.
 */
const knownWorkflowArn = (name: string, context: CompileContext): CfnValue =>
  sub(
    `arn:\${AWS::Partition}:states:\${AWS::Region}:\${AWS::AccountId}:stateMachine:${machineName(context, name)}${context.local ? '' : ':live'}`,
  );

/** The `workflow:` references of a definition's Task states, with where each stands. */
function workflowReferences(config: WorkflowConfig): string[] {
  const names: string[] = [];
  eachReferenceSlot(config.definition as JsonObject, (holder, field) => {
    const reference = parseReference(holder[field]);
    if (reference?.kind === 'workflow' && field === 'StateMachineArn') names.push(reference.name);
  });
  return names;
}

/** The workflow names that lead from `name` back to it, through workflow: references. */
function cycleThrough(name: string, context: CompileContext): string[] | undefined {
  const visit = (current: string, path: string[]): string[] | undefined => {
    const config = context.lookup.declared('workflow', current) as WorkflowConfig | undefined;
    for (const next of config ? workflowReferences(config) : []) {
      if (next === name) return [...path, next];
      if (path.includes(next)) continue;
      const found = visit(next, [...path, next]);
      if (found) return found;
    }
    return undefined;
  };
  return visit(name, [name]);
}

/**
 * Whether a run of workflow `name` may invoke function `functionName`: as one of its tasks, or
 * as a task of a workflow it starts. Such a function cannot reference the workflow's resources.
 */
function runsFunction(name: string, functionName: string, context: CompileContext, seen = new Set<string>()): boolean {
  const config = context.lookup.declared('workflow', name) as WorkflowConfig | undefined;
  if (!config || seen.has(name)) return false;
  seen.add(name);
  let found = false;
  eachReferenceSlot(config.definition as JsonObject, (holder, field) => {
    const reference = parseReference(holder[field]);
    if (reference?.kind === 'function' && reference.name === functionName) found = true;
    if (reference?.kind === 'workflow' && runsFunction(reference.name, functionName, context, seen)) found = true;
  });
  return found;
}

/** The ARN a function that starts workflow `name` holds: a reference, or the known name when a reference would be a cycle. */
const starterArn = (name: string, context: CompileContext, functionName: string): CfnValue =>
  runsFunction(name, functionName, context) ? knownWorkflowArn(name, context) : workflowArn(name, context);

/** What a function handing back a task token calls. */
export const callbackActions = ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'];

const waitForTaskToken = /^arn:aws[\w-]*:states:::lambda:invoke\.waitForTaskToken$/;

/** The functions of this service that the definition invokes with a task token, which they must hand back. */
function callbackFunctions(config: WorkflowConfig): string[] {
  const names = new Set<string>();
  for (const { state } of taskStates(config.definition as JsonObject)) {
    if (typeof state.Resource !== 'string' || !waitForTaskToken.test(state.Resource)) continue;
    const reference = parseReference(taskInput(state)?.value.FunctionName);
    if (reference?.kind === 'function') names.add(reference.name);
  }
  return [...names];
}

const logDeliveryActions = [
  'logs:CreateLogDelivery',
  'logs:GetLogDelivery',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:DescribeResourcePolicies',
  'logs:DescribeLogGroups',
];
const tracingActions = [
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
];

/** Calls `visit` on every place a reference may stand in the definition's Task states. */
function eachReferenceSlot(
  definition: JsonObject,
  visit: (holder: JsonObject, field: string, path: string) => void,
): void {
  for (const { path, state } of taskStates(definition)) {
    visit(state, 'Resource', `${path}.Resource`);
    const input = taskInput(state);
    if (input) visitReferenceFields(input.value, `${path}.${input.key}`, visit);
  }
}

/** A realistic stand-in for each reference, so asl-validator judges the state machine itself. */
function standIn(kind: ReferenceKind, name: string): string {
  switch (kind) {
    case 'function':
      return `arn:aws:lambda:us-east-1:123456789012:function:${name}`;
    case 'workflow':
      return `arn:aws:states:us-east-1:123456789012:stateMachine:${name}`;
    default:
      return name;
  }
}

/** Stands around a reference's key in the JSON until it becomes a ${Ref<n>} of Fn::Sub. */
const marker = '@@stateful@@';

interface Resolved {
  /** The definition as a DefinitionString: a string, or Fn::Sub when it holds template references. */
  readonly definitionString: CfnValue;
}

function resolveDefinition(name: string, config: WorkflowConfig, context: CompileContext): Resolved {
  const where = `state.workflows.${name}.definition`;
  const definition = structuredClone(config.definition) as JsonObject;
  const substitutions: Record<string, CfnValue> = {};
  const keys = new Map<string, string>(); // one ${Ref<n>} per distinct value
  eachReferenceSlot(definition, (holder, field, path) => {
    const reference = parseReference(holder[field]);
    if (!reference) return;
    const at = `${where}.${path}`;
    const value: CfnValue =
      reference.kind === 'function'
        ? context.lookup.functionArn(reference.name, at)
        : context.lookup.reference(reference.kind, reference.name, reference.kind === 'workflow' ? 'arn' : 'name', at);
    if (typeof value === 'string') {
      holder[field] = value;
    } else {
      const seen = JSON.stringify(value);
      const key = keys.get(seen) ?? `Ref${keys.size}`;
      keys.set(seen, key);
      substitutions[key] = value;
      holder[field] = `${marker}${key}${marker}`;
    }
  });
  const json = JSON.stringify(definition, null, 2);
  if (Object.keys(substitutions).length === 0) return { definitionString: json };
  // Fn::Sub reads ${…}: a literal one in the definition is escaped as ${!…}.
  const template = json.replace(/\$\{/g, '${!').replace(new RegExp(`${marker}(Ref\\d+)${marker}`, 'g'), '${$1}');
  return { definitionString: { 'Fn::Sub': [template, substitutions] } };
}

/**
 * Refuses a reference of the wrong kind for its field, and a value that reads like a reference
 * but is none: it would deploy as a literal and fail when the task runs.
 */
function checkReferenceSlot(holder: JsonObject, field: string, at: string): void {
  const expected = fieldKinds[field as keyof typeof fieldKinds];
  const reference = parseReference(holder[field]);
  if (reference && reference.kind !== expected) {
    throw new StatefulConfigError(
      'STATE_UNKNOWN_REFERENCE',
      `${at}: "${reference.kind}:${reference.name}" names a ${reference.kind}, but ${field} takes a ${expected}; write ${expected}:<name>.`,
    );
  }
  const mistake = notAReference(holder[field], field);
  if (!mistake) return;
  const valid = `References are ${listOf(
    referenceKinds.map((kind) => `${kind}:<name>`),
    'and',
  )}, and ${field} takes ${expected}:<name>.`;
  if (mistake.malformedName) {
    throw new StatefulConfigError(
      'STATE_UNKNOWN_REFERENCE',
      `${at}: "${mistake.value}" has ${mistake.name === '' ? 'no name' : 'no valid name'}. ${valid} A name starts with a letter and holds letters, digits, - and _; a function is named without a qualifier.`,
    );
  }
  const hint = mistake.nearest ? `; did you mean ${mistake.nearest}:${mistake.name}?` : '.';
  throw new StatefulConfigError(
    'STATE_UNKNOWN_REFERENCE',
    `${at}: "${mistake.value}" reads like a reference, but "${mistake.prefix}" is no kind of reference${hint} ${valid} Written as it is, it would be deployed literally and fail when the task runs.` +
      (field === 'FunctionName' ? ' (A function named by name and qualifier is written as its ARN.)' : ''),
  );
}

function validateDefinition(name: string, config: WorkflowConfig): void {
  const where = `state.workflows.${name}.definition`;
  const probe = structuredClone(config.definition) as JsonObject;
  eachReferenceSlot(probe, (holder, field, path) => {
    checkReferenceSlot(holder, field, `${where}.${path}`);
    const reference = parseReference(holder[field]);
    if (reference) holder[field] = standIn(reference.kind, reference.name);
  });
  validateAsl(probe, `state.workflows.${name}.definition`);
}

function roleStatements(name: string, config: WorkflowConfig, context: CompileContext): Statement[] {
  const where = `state.workflows.${name}.definition`;
  const tasks = inferPermissions(taskStates(config.definition as JsonObject), context.lookup, where);
  const maps = distributedMapPermissions(config.definition as JsonObject, machineName(context, name), where);
  const unknown = [...tasks.unknown, ...maps.unknown];
  if (unknown.length > 0 && !config.permissions?.length) {
    throw new StatefulConfigError(
      'STATE_WORKFLOW_PERMISSIONS_UNKNOWN',
      `The permissions of these states cannot be inferred:\n  - ${unknown.join('\n  - ')}\n` +
        `Add the statements they need under state.workflows.${name}.permissions, for example:\n` +
        `      permissions:\n        - Effect: Allow\n          Action: [<service>:<Action>]\n          Resource: [<exact ARN>]`,
    );
  }
  const statements = [...tasks.statements, ...maps.statements];
  if ((config.logging?.level ?? 'ERROR') !== 'OFF') statements.push(allow(logDeliveryActions, ['*']));
  if (config.tracing) statements.push(allow(tracingActions, ['*']));
  return [...mergeStatements(statements), ...((config.permissions ?? []) as unknown as Statement[])];
}

export const workflows: StateKind<WorkflowConfig> = {
  kind: 'workflow',
  schema: workflowSchema,
  accessLevels: ['start', 'read', 'callback'],

  validate(name, config) {
    if (config.name !== undefined) checkMachineName(config.name, `state.workflows.${name}.name`);
    validateDefinition(name, config);
    checkSchedules(name, config);
    checkRoutes(name, config);
  },

  compile(name, config, context) {
    const cycle = cycleThrough(name, context);
    if (cycle) {
      throw new StatefulConfigError(
        'STATE_WORKFLOW_CYCLE',
        `state.workflows.${name}.definition: workflows start each other in a cycle, ${cycle.join(' → ')}. ` +
          'CloudFormation cannot create that: each state machine needs the ARN of the next before it exists. ' +
          'Break the cycle by passing the ARN at run time (StateMachineArn.$ from the input, granting states:StartExecution under permissions), or by starting the workflow from a function.',
      );
    }
    const logicalId = workflowLogicalId(name);
    const stateMachineName = machineName(context, name);
    const level = config.logging?.level ?? 'ERROR';
    const resources: CompiledResource[] = [];
    const add = (logicalId: string, resource: CfnResource) => resources.push({ logicalId, resource });

    add(
      workflowLogicalId(name, 'Role'),
      roleResource({
        principal: 'states.amazonaws.com',
        policyName: `${stateMachineName}-workflow`.slice(0, 128),
        statements: roleStatements(name, config, context),
      }),
    );
    const properties: Record<string, unknown> = {
      StateMachineName: stateMachineName,
      StateMachineType: config.type === 'express' ? 'EXPRESS' : 'STANDARD',
      RoleArn: getAtt(workflowLogicalId(name, 'Role'), 'Arn'),
      DefinitionString: resolveDefinition(name, config, context).definitionString,
      TracingConfiguration: { Enabled: config.tracing ?? false },
    };
    if (level !== 'OFF') {
      add(workflowLogicalId(name, 'Logs'), {
        Type: 'AWS::Logs::LogGroup',
        DeletionPolicy: context.ephemeral ? 'Delete' : 'Retain',
        UpdateReplacePolicy: context.ephemeral ? 'Delete' : 'Retain',
        Properties: {
          LogGroupName: `/aws/vendedlogs/states/${stateMachineName}`,
          RetentionInDays: config.logging?.retentionDays ?? 30,
        },
      });
      properties.LoggingConfiguration = {
        Level: level,
        IncludeExecutionData: config.logging?.includeExecutionData ?? false,
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: getAtt(workflowLogicalId(name, 'Logs'), 'Arn') } }],
      };
    }
    if (config.tags) properties.Tags = Object.entries(config.tags).map(([Key, Value]) => ({ Key, Value }));
    add(logicalId, { Type: 'AWS::StepFunctions::StateMachine', Properties: properties });

    const outputs: CompiledOutput[] = [
      { logicalId: `${logicalId}Arn`, output: { Description: `ARN of workflow ${name}`, Value: ref(logicalId) } },
    ];
    // Each deploy publishes a version; `live` points at it, so a rollback is one alias move.
    // Versions are retained when replaced, or there would be nothing to move back to.
    // A local emulator has neither versions nor aliases: starters use the state machine there.
    if (!context.local) {
      add(workflowLogicalId(name, 'Version'), {
        Type: 'AWS::StepFunctions::StateMachineVersion',
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Properties: {
          StateMachineArn: ref(logicalId),
          StateMachineRevisionId: getAtt(logicalId, 'StateMachineRevisionId'),
          Description: `Published by serverless-stateful for stage ${context.stage}`,
        },
      });
      add(workflowLogicalId(name, 'Live'), {
        Type: 'AWS::StepFunctions::StateMachineAlias',
        Properties: {
          Name: 'live',
          RoutingConfiguration: [{ StateMachineVersionArn: ref(workflowLogicalId(name, 'Version')), Weight: 100 }],
        },
      });
      outputs.push({
        logicalId: `${logicalId}LiveArn`,
        output: {
          Description: `ARN of the live alias of workflow ${name}`,
          Value: ref(workflowLogicalId(name, 'Live')),
        },
      });
    }
    for (const entry of scheduleResources(name, config, workflowArn(name, context), {
      role: workflowLogicalId(name, 'ScheduleRole'),
      schedule: (index) => workflowLogicalId(name, `Schedule${index}`),
      policyName: `${stateMachineName}-schedule`.slice(0, 128),
    })) {
      add(entry.logicalId, entry.resource);
    }
    const routes = routeResources(name, config, workflowArn(name, context), (where) => context.httpApi(where), {
      role: workflowLogicalId(name, 'HttpApiRole'),
      integration: (index) => workflowLogicalId(name, `HttpApiIntegration${index}`),
      route: (index) => workflowLogicalId(name, `HttpApiRoute${index}`),
      policyName: `${stateMachineName}-http-api`.slice(0, 128),
    });
    for (const entry of routes) add(entry.logicalId, entry.resource);
    return { resources, outputs };
  },

  grant(name, config, access, context, functionName) {
    const executions = sub(
      `arn:\${AWS::Partition}:states:\${AWS::Region}:\${AWS::AccountId}:execution:${machineName(context, name)}:*`,
    );
    if (access === 'read') return [allow(['states:DescribeExecution', 'states:GetExecutionHistory'], [executions])];
    // The one data grant on "*": SendTask* take no resource (the Service Authorization Reference
    // lists no resource type for them); the task token alone names the task. See docs/workflows.md.
    if (access === 'callback') return [allow(callbackActions, ['*'])];
    // A starter may look at the runs it started: a retried start with the same name finds the
    // existing execution and compares its input.
    const start =
      config.type === 'express' ? ['states:StartExecution', 'states:StartSyncExecution'] : ['states:StartExecution'];
    return [allow(start, [starterArn(name, context, functionName)]), allow(['states:DescribeExecution'], [executions])];
  },

  impliedUses(_name, config) {
    return callbackFunctions(config).map((functionName) => ({ functionName, access: 'callback' as const }));
  },

  environment(name, _config, context, functionName) {
    return { [environmentVariableName('workflow', name)]: starterArn(name, context, functionName) };
  },

  references(name, _config, context) {
    const logicalId = workflowLogicalId(name);
    return {
      name: () => machineName(context, name),
      arn: () => workflowArn(name, context),
      stateMachineArn: () => ref(logicalId),
    };
  },

  reach: () => ({ awsServices: ['states'] }),

  describe(_name, config) {
    const tasks = taskStates(config.definition as JsonObject).length;
    const parts = [
      config.type ?? 'standard',
      `${tasks} task${tasks === 1 ? '' : 's'}`,
      `logging ${config.logging?.level ?? 'ERROR'}`,
    ];
    if (config.tracing) parts.push('tracing');
    if (config.name !== undefined) parts.push(`named ${config.name}`);
    for (const event of config.events ?? []) {
      if (event.schedule !== undefined)
        parts.push(`schedule ${typeof event.schedule === 'string' ? event.schedule : event.schedule.rate}`);
      else if (event.httpApi !== undefined)
        parts.push(
          `route ${typeof event.httpApi === 'string' ? event.httpApi : `${event.httpApi.method.toUpperCase()} ${event.httpApi.path}`}`,
        );
    }
    return parts.join(', ');
  },
};

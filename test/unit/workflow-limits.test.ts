// Workflows CloudFormation could not create, refused at package time; and the starter of a
// workflow that runs it, given the workflow's ARN without a dependency cycle.
import type { CompileContext } from '../../plugin/kinds/kind';
import { workflows } from '../../plugin/kinds/workflows';
import type { WorkflowConfig } from '../../plugin/kinds/workflows/schema';
import { buildStateModel, compileContext } from '../../plugin/state-model';
import { compileState, refusal } from '../support/compile-state';

const starts = (next: string) => ({
  definition: {
    StartAt: 'Start',
    States: {
      Start: {
        Type: 'Task',
        Resource: 'arn:aws:states:::states:startExecution',
        Parameters: { StateMachineArn: `workflow:${next}`, 'Input.$': '$' },
        End: true,
      },
    },
  },
});
const runs = (fn: string) => ({
  definition: { StartAt: 'Run', States: { Run: { Type: 'Task', Resource: `function:${fn}`, End: true } } },
});
const done = { definition: { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } } };
const fn = { handler: 'handler.main' };

describe('workflows that start each other', () => {
  it('refuses a workflow that starts itself, naming the cycle and how to break it', () => {
    expect(refusal({ workflows: { loop: starts('loop') } })).toEqual({
      code: 'STATE_WORKFLOW_CYCLE',
      message: expect.stringContaining(
        'state.workflows.loop.definition: workflows start each other in a cycle, loop → loop. CloudFormation cannot create that',
      ),
    });
    expect(refusal({ workflows: { loop: starts('loop') } }).message).toContain('passing the ARN at run time');
  });

  it('refuses a → b → c → a', () => {
    expect(refusal({ workflows: { a: starts('b'), b: starts('c'), c: starts('a') } })).toEqual({
      code: 'STATE_WORKFLOW_CYCLE',
      message: expect.stringContaining('in a cycle, a → b → c → a.'),
    });
  });

  it('accepts a chain and a diamond', () => {
    const resources = compileState({ workflows: { a: starts('b'), b: starts('c'), c: done, d: starts('c') } });
    expect(resources).toHaveProperty('StatefulWorkflowA');
    expect(resources).toHaveProperty('StatefulWorkflowD');
  });
});

describe('a function that starts a workflow that runs it', () => {
  const state = { workflows: { flow: runs('charge'), outer: starts('flow'), other: done } };
  const functions = { charge: { ...fn, state: { flow: 'start', outer: 'start', other: 'start' } }, checkout: fn };
  const known = (name: string) => ({
    'Fn::Sub': `arn:\${AWS::Partition}:states:\${AWS::Region}:\${AWS::AccountId}:stateMachine:shop-dev-${name}:live`,
  });
  let context: CompileContext;
  const config = (name: string) => (state.workflows as Record<string, unknown>)[name] as WorkflowConfig;

  beforeAll(() => {
    const model = buildStateModel(state, functions);
    context = compileContext({
      config: model.config,
      service: 'shop',
      stage: 'dev',
      functionNames: Object.keys(functions),
      functionLogicalId: (name) => `${name}Fn`,
      normalizedFunctionName: (name) => name,
    });
  });

  it('holds the ARN built from the known name, for the workflow and for one that starts it', () => {
    expect(workflows.environment('flow', config('flow'), context, 'charge')).toEqual({
      STATEFUL_WORKFLOW_FLOW: known('flow'),
    });
    expect(workflows.environment('outer', config('outer'), context, 'charge')).toEqual({
      STATEFUL_WORKFLOW_OUTER: known('outer'),
    });
    expect(workflows.grant('flow', config('flow'), 'start', context, 'charge')[0]?.Resource).toEqual([known('flow')]);
  });

  it('keeps the reference to the live alias everywhere else', () => {
    expect(workflows.environment('other', config('other'), context, 'charge')).toEqual({
      STATEFUL_WORKFLOW_OTHER: { Ref: 'StatefulWorkflowOtherLive' },
    });
    expect(workflows.environment('flow', config('flow'), context, 'checkout')).toEqual({
      STATEFUL_WORKFLOW_FLOW: { Ref: 'StatefulWorkflowFlowLive' },
    });
  });

  it('names the state machine itself on a local stage', () => {
    const local = { ...context, local: true };
    expect(workflows.environment('flow', config('flow'), local, 'charge')).toEqual({
      STATEFUL_WORKFLOW_FLOW: {
        'Fn::Sub': 'arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:shop-dev-flow',
      },
    });
  });
});

describe('definitions asl-validator misreads', () => {
  const machine = (definition: unknown) => compileState({ workflows: { flow: { definition } } });

  it('accepts payload fields named States, StartAt, Next or Default, which are data', () => {
    for (const field of ['States', 'StartAt', 'Next', 'Default']) {
      const definition = {
        StartAt: 'Shape',
        States: {
          Shape: { Type: 'Pass', Parameters: { [field]: { x: 1 }, [`${field}Name.$`]: '$.a' }, Next: 'Keep' },
          Keep: { Type: 'Pass', Result: { [field]: 'standard' }, End: true },
        },
      };
      expect(machine(definition)).toHaveProperty('StatefulWorkflowFlow');
    }
  });

  it('accepts states named Next, Default, StartAt and States, wherever they are reached from', () => {
    const definition = {
      StartAt: 'Next',
      States: {
        Next: { Type: 'Pass', Next: 'Default' },
        Default: {
          Type: 'Choice',
          Choices: [{ Variable: '$.done', IsPresent: true, Next: 'StartAt' }],
          Default: 'Done',
        },
        StartAt: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'States', States: { States: { Type: 'Succeed' } } },
          Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done' }],
          Next: 'Done',
        },
        Done: { Type: 'Succeed' },
      },
    };
    expect(machine(definition)).toHaveProperty('StatefulWorkflowFlow');
  });

  it('still refuses a transition to a state that does not exist, and a duplicate payload field', () => {
    expect(
      refusal({
        workflows: { flow: { definition: { StartAt: 'Next', States: { Next: { Type: 'Pass', Next: 'Nowhere' } } } } },
      }).message,
    ).toContain("Missing 'StartAt'|'Next'|'Default' target: Nowhere (MISSING_TRANSITION_TARGET)");
    const duplicate = {
      StartAt: 'A',
      States: { A: { Type: 'Pass', Parameters: { Next: 1, 'Next.$': '$.x' }, End: true } },
    };
    expect(refusal({ workflows: { flow: { definition: duplicate } } }).message).toContain('(DUPLICATE_FIELD_NAME)');
  });
});

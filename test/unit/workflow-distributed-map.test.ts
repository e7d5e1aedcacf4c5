// A workflow with a Map in distributed mode gets, on its own role, what running it takes: starting
// and watching its own child executions, and the S3 objects its ItemReader and ResultWriter name;
// a bucket chosen at run time is refused with the statements to declare.
import type { CfnResource } from '../../plugin/cloudformation';
import type { Statement } from '../../plugin/iam';
import { compileState, refusal } from '../support/compile-state';
import { assertAcyclic } from '../support/dependency-graph';

const sub = (text: string) => ({ 'Fn::Sub': text });
const own = (resource: string) => sub(`arn:\${AWS::Partition}:states:\${AWS::Region}:\${AWS::AccountId}:${resource}`);

/** A workflow whose Map state `Fan` runs distributed, with the given ItemReader/ResultWriter. */
const fan = (
  extra: Record<string, unknown> = {},
  wrap = (map: Record<string, unknown>): Record<string, unknown> => ({ Fan: { ...map, End: true } }),
) => ({
  definition: {
    StartAt: 'Fan',
    States: wrap({
      Type: 'Map',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: 'Each',
        States: { Each: { Type: 'Pass', End: true } },
      },
      ...extra,
    }),
  },
});

const statementsOf = (resources: Record<string, CfnResource>, logicalId = 'StatefulWorkflowFlowRole'): Statement[] => {
  const policies = resources[logicalId]?.Properties?.Policies as { PolicyDocument: { Statement: Statement[] } }[];
  return policies[0]?.PolicyDocument.Statement ?? [];
};

const runItself = [
  {
    Effect: 'Allow',
    Action: ['states:StartExecution'],
    Resource: [own('stateMachine:shop-dev-flow'), own('stateMachine:shop-dev-flow:*')],
  },
  {
    Effect: 'Allow',
    Action: ['states:DescribeExecution', 'states:StopExecution', 'states:RedriveExecution'],
    Resource: [own('execution:shop-dev-flow/*')],
  },
];

describe('a workflow with a distributed Map', () => {
  it('may start, describe, stop and redrive its own child executions, by ARNs built from its name', () => {
    const resources = compileState({ workflows: { flow: fan() } });
    expect(statementsOf(resources).slice(0, 2)).toEqual(runItself);
  });

  it('has no dependency cycle: the role names the state machine without referencing it', () => {
    const resources = compileState({ workflows: { flow: fan() } });
    expect(() => assertAcyclic({ Resources: resources })).not.toThrow();
    const role = JSON.stringify(resources.StatefulWorkflowFlowRole);
    expect(role).not.toContain('StatefulWorkflowFlow"');
    expect(role).not.toContain('StatefulWorkflowFlowLive');
  });

  it('finds a distributed Map inside a Parallel branch too', () => {
    const inBranch = fan({}, (map) => ({
      Fan: { Type: 'Parallel', Branches: [{ StartAt: 'Inner', States: { Inner: { ...map, End: true } } }], End: true },
    }));
    expect(statementsOf(compileState({ workflows: { flow: inBranch } })).slice(0, 2)).toEqual(runItself);
  });

  it('uses the name option in the ARNs when one is given', () => {
    const resources = compileState({ workflows: { flow: { ...fan(), name: 'LegacyFlow' } } });
    expect(statementsOf(resources)[0]?.Resource).toEqual([
      own('stateMachine:LegacyFlow'),
      own('stateMachine:LegacyFlow:*'),
    ]);
  });

  it('grants nothing of the kind to an inline Map or a workflow without a Map', () => {
    const inline = {
      definition: {
        StartAt: 'Fan',
        States: {
          Fan: { Type: 'Map', ItemProcessor: { StartAt: 'E', States: { E: { Type: 'Pass', End: true } } }, End: true },
        },
      },
    };
    const text = JSON.stringify(statementsOf(compileState({ workflows: { flow: inline } })));
    expect(text).not.toContain('states:StartExecution');
  });

  it('reads the exact object an ItemReader names, JSONPath or JSONata, with its version when pinned', () => {
    const reader = (input: Record<string, unknown>, key = 'Parameters') =>
      fan({
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' },
          [key]: input,
        },
      });
    expect(
      statementsOf(compileState({ workflows: { flow: reader({ Bucket: 'imports', Key: 'in/orders.csv' }) } }))[2],
    ).toEqual({
      Effect: 'Allow',
      Action: ['s3:GetObject'],
      Resource: [sub('arn:${AWS::Partition}:s3:::imports/in/orders.csv')],
    });
    const pinned = reader({ Bucket: 'imports', Key: 'in/orders.csv', VersionId: 'v1' }, 'Arguments');
    expect(statementsOf(compileState({ workflows: { flow: pinned } }))[2]?.Action).toEqual([
      's3:GetObject',
      's3:GetObjectVersion',
    ]);
  });

  it('lists only the prefix a listObjectsV2 reader names', () => {
    const lister = fan({
      ItemReader: {
        Resource: 'arn:aws:states:::s3:listObjectsV2',
        Parameters: { Bucket: 'imports', Prefix: 'daily/' },
      },
    });
    expect(statementsOf(compileState({ workflows: { flow: lister } }))[2]).toEqual({
      Effect: 'Allow',
      Action: ['s3:ListBucket'],
      Resource: [sub('arn:${AWS::Partition}:s3:::imports')],
      Condition: { StringLike: { 's3:prefix': ['daily/*'] } },
    });
  });

  it('writes results under the ResultWriter prefix only', () => {
    const writer = fan({
      ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'results', Prefix: 'runs' } },
    });
    expect(statementsOf(compileState({ workflows: { flow: writer } }))[2]).toEqual({
      Effect: 'Allow',
      Action: ['s3:PutObject', 's3:GetObject', 's3:ListMultipartUploadParts', 's3:AbortMultipartUpload'],
      Resource: [sub('arn:${AWS::Partition}:s3:::results/runs/*')],
    });
  });

  it('never grants an S3 or Step Functions data action on "*"', () => {
    const both = fan({
      ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'imports' } },
      ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'results' } },
    });
    const data = statementsOf(compileState({ workflows: { flow: both } })).filter((statement) =>
      statement.Action.some((action) => action.startsWith('s3:') || action.startsWith('states:')),
    );
    expect(data.length).toBeGreaterThan(0);
    for (const statement of data) expect(statement.Resource).not.toContain('*');
  });

  it('refuses a bucket, key or prefix chosen at run time, naming the state and the way out', () => {
    const dynamic = fan({
      ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { 'Bucket.$': '$.bucket', Key: 'k' } },
      ResultWriter: {
        Resource: 'arn:aws:states:::s3:putObject',
        Arguments: { Bucket: 'results', Prefix: '{% $states.input.run %}' },
      },
    });
    const { code, message } = refusal({ workflows: { flow: dynamic } });
    expect(code).toBe('STATE_WORKFLOW_PERMISSIONS_UNKNOWN');
    expect(message).toContain(
      'state.workflows.flow.definition.States.Fan.ItemReader: its Bucket is not fixed at package time',
    );
    expect(message).toContain(
      'state.workflows.flow.definition.States.Fan.ResultWriter: its Prefix is not fixed at package time',
    );
    expect(message).toContain('state.workflows.flow.permissions');
  });

  it('refuses a MANIFEST reader, whose objects are listed in the manifest', () => {
    const manifest = fan({
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'MANIFEST' },
        Parameters: { Bucket: 'inv', Key: 'manifest.json' },
      },
    });
    expect(refusal({ workflows: { flow: manifest } }).message).toContain(
      'a MANIFEST reader reads the objects its manifest lists',
    );
  });

  it('accepts a run-time bucket once the statements are declared under permissions, and keeps them as written', () => {
    const declared = {
      ...fan({
        ItemReader: {
          Resource: 'arn:aws:states:::s3:getObject',
          Parameters: { 'Bucket.$': '$.bucket', 'Key.$': '$.key' },
        },
      }),
      permissions: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::tenant-imports/*'] }],
    };
    const statements = statementsOf(compileState({ workflows: { flow: declared } }));
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: ['s3:GetObject'],
      Resource: ['arn:aws:s3:::tenant-imports/*'],
    });
    expect(statements.slice(0, 2)).toEqual(runItself);
  });
});

import type { Lookup } from '../../plugin/kinds/kind';
import { taskStates, type JsonObject } from '../../plugin/kinds/workflows/definition';
import { inferPermissions } from '../../plugin/kinds/workflows/permissions';

const lookup: Lookup = {
  reference: (kind, name, property) => ({ Ref: `${kind}:${name}:${property}` }),
  functionArn: (name) => ({ 'Fn::GetAtt': [`${name}Fn`, 'Arn'] }),
  functionLogicalId: (name) => `${name}Fn`,
  declared: () => undefined,
  names: () => [],
  normalizedFunctionName: (name) => name,
};

const infer = (states: Record<string, unknown>) =>
  inferPermissions(taskStates({ StartAt: 'A', States: states } as JsonObject), lookup, 'wf');

describe('inferPermissions', () => {
  it('grants SQS and SNS integrations on the exact queue and topic', () => {
    const { statements, unknown } = infer({
      Send: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sqs:sendMessage',
        Parameters: { QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/jobs', 'MessageBody.$': '$' },
        Next: 'Tell',
      },
      Tell: {
        Type: 'Task',
        Resource: 'arn:aws:states:::sns:publish',
        Parameters: { TopicArn: 'arn:aws:sns:eu-west-1:123456789012:news', 'Message.$': '$' },
        End: true,
      },
    });
    expect(unknown).toEqual([]);
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: ['sqs:SendMessage'],
        Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:sqs:eu-west-1:123456789012:jobs' }],
      },
      { Effect: 'Allow', Action: ['sns:Publish'], Resource: ['arn:aws:sns:eu-west-1:123456789012:news'] },
    ]);
  });

  it('reads references in JSONata Arguments too', () => {
    const { statements } = infer({
      Call: {
        Type: 'Task',
        QueryLanguage: 'JSONata',
        Resource: 'arn:aws:states:::lambda:invoke',
        Arguments: { FunctionName: 'function:charge', Payload: '{% $states.input %}' },
        End: true,
      },
    });
    expect(statements).toEqual([
      {
        Effect: 'Allow',
        Action: ['lambda:InvokeFunction'],
        Resource: [{ 'Fn::GetAtt': ['chargeFn', 'Arn'] }, { 'Fn::Sub': '${chargeFn.Arn}:*' }],
      },
    ]);
  });

  it('reports, with its path, every field that is only known at run time', () => {
    const { statements, unknown } = infer({
      Dynamic: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { 'FunctionName.$': '$.target' },
        Next: 'Jsonata',
      },
      Jsonata: {
        Type: 'Task',
        Resource: 'arn:aws:states:::dynamodb:getItem',
        Arguments: { TableName: '{% $states.input.table %}', Key: {} },
        Next: 'Fan',
      },
      Fan: {
        Type: 'Parallel',
        Branches: [
          {
            StartAt: 'Sdk',
            States: { Sdk: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:s3:listBuckets', End: true } },
          },
        ],
        End: true,
      },
    });
    expect(statements).toEqual([]);
    expect(unknown).toEqual([
      'wf.States.Dynamic: FunctionName is not fixed at package time',
      'wf.States.Jsonata: TableName is not fixed at package time',
      'wf.States.Fan.Branches.0.States.Sdk: no rule infers the permissions of Resource "arn:aws:states:::aws-sdk:s3:listBuckets"',
    ]);
  });
});

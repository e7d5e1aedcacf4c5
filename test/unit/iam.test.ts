import { sub } from '../../plugin/cloudformation';
import { allow, roleResource } from '../../plugin/iam';

type Policy = { PolicyName: unknown; PolicyDocument: { Statement: unknown[] } };

describe('roleResource', () => {
  it('writes a single action or resource without a list, and keeps lists of several as they are', () => {
    const role = roleResource({
      principal: 'lambda.amazonaws.com',
      policyName: 'shop-dev-lambda',
      statements: [
        allow(['dynamodb:GetItem'], [sub('${StatefulTableCarts.Arn}')]),
        allow(['dynamodb:Query', 'dynamodb:Scan'], [sub('${A.Arn}'), sub('${B.Arn}')]),
        {
          Effect: 'Allow',
          Action: ['s3:GetObject'],
          Resource: ['*'],
          Condition: { Bool: { 'aws:SecureTransport': 'true' } },
        },
      ],
    });
    const [policy] = role.Properties?.Policies as Policy[];
    expect(policy?.PolicyDocument.Statement).toEqual([
      { Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: { 'Fn::Sub': '${StatefulTableCarts.Arn}' } },
      {
        Effect: 'Allow',
        Action: ['dynamodb:Query', 'dynamodb:Scan'],
        Resource: [{ 'Fn::Sub': '${A.Arn}' }, { 'Fn::Sub': '${B.Arn}' }],
      },
      {
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: '*',
        Condition: { Bool: { 'aws:SecureTransport': 'true' } },
      },
    ]);
    expect(role.Properties?.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
  });

  it('lists the principals when several services assume the role', () => {
    const role = roleResource({
      principal: ['lambda.amazonaws.com', 'scheduler.amazonaws.com'],
      policyName: 'p',
      statements: [],
    });
    const document = role.Properties?.AssumeRolePolicyDocument as { Statement: { Principal: unknown }[] };
    expect(document.Statement[0]?.Principal).toEqual({ Service: ['lambda.amazonaws.com', 'scheduler.amazonaws.com'] });
  });

  it("writes Serverless' policy name, a join of literals, as the string it makes; a join with a reference stays", () => {
    const named = (policyName: Parameters<typeof roleResource>[0]['policyName']) =>
      (
        roleResource({ principal: 'lambda.amazonaws.com', policyName, statements: [] }).Properties?.Policies as Policy[]
      )[0]?.PolicyName;
    expect(named({ 'Fn::Join': ['-', ['shop', 'dev', 'lambda']] })).toBe('shop-dev-lambda');
    const withStage = { 'Fn::Join': ['-', ['shop', { Ref: 'Stage' }, 'lambda']] };
    expect(named(withStage)).toEqual(withStage);
  });
});

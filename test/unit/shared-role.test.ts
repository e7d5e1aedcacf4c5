import {
  dynamodbStreamActions,
  failureQueueActions,
  oslsFailureQueueActions,
  sqsConsumerActions,
  vpcNetworkingActions,
} from '../../plugin/functions/event-permissions';
import { scrubSharedRole } from '../../plugin/functions/shared-role';
import { allow, type Statement } from '../../plugin/iam';

const cartsStream = { 'Fn::GetAtt': ['StatefulTableCarts', 'StreamArn'] };
const ordersStream = { 'Fn::GetAtt': ['StatefulTableOrders', 'StreamArn'] };
const queue = 'arn:aws:sqs:us-east-1:123456789012:jobs';

function sharedRole(statements: Statement[]) {
  return { Type: 'AWS::IAM::Role', Properties: { Policies: [{ PolicyDocument: { Statement: statements } }] } };
}
const statementsOf = (role: ReturnType<typeof sharedRole>) => role.Properties.Policies[0]?.PolicyDocument.Statement;

describe('scrubSharedRole', () => {
  it('removes the stream and queue resources only functions with their own role use', () => {
    const role = sharedRole([
      allow(dynamodbStreamActions, [cartsStream]),
      allow(dynamodbStreamActions, [ordersStream]),
      allow(sqsConsumerActions, [queue]),
    ]);
    scrubSharedRole(role, [allow(dynamodbStreamActions, [cartsStream]), allow(sqsConsumerActions, [queue])], [], []);
    expect(statementsOf(role)).toEqual([allow(dynamodbStreamActions, [ordersStream])]);
  });

  it('removes the failure queue osls grants for a stream of a function with its own role, where that role has only SendMessage', () => {
    const dlq = { 'Fn::GetAtt': ['StatefulTableCartsInvalidationFailures', 'Arn'] };
    const other = 'arn:aws:sqs:us-east-1:123456789012:other-dlq';
    const role = sharedRole([allow(oslsFailureQueueActions, [dlq]), allow(oslsFailureQueueActions, [other])]);
    scrubSharedRole(role, [allow(failureQueueActions, [dlq])], [allow(failureQueueActions, [other])], []);
    expect(statementsOf(role)).toEqual([allow(oslsFailureQueueActions, [other])]);
  });

  it('keeps a resource that a function on the shared role still needs', () => {
    const role = sharedRole([allow(dynamodbStreamActions, [cartsStream, ordersStream])]);
    scrubSharedRole(
      role,
      [allow(dynamodbStreamActions, [cartsStream]), allow(dynamodbStreamActions, [ordersStream])],
      [allow(dynamodbStreamActions, [ordersStream])],
      [],
    );
    expect(statementsOf(role)).toEqual([allow(dynamodbStreamActions, [ordersStream])]);
  });

  it('never touches a statement the user wrote, nor statements of other kinds', () => {
    const written = allow(dynamodbStreamActions, [cartsStream]);
    const logs = allow(['logs:PutLogEvents'], ['arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/x:*:*']);
    const role = sharedRole([logs, written]);
    scrubSharedRole(role, [allow(dynamodbStreamActions, [cartsStream])], [], [written]);
    expect(statementsOf(role)).toEqual([logs, written]);
  });

  it('reads a Resource osls writes as a single value, and keeps it while a function on the shared role needs it', () => {
    const networking = { Effect: 'Allow' as const, Action: [...vpcNetworkingActions], Resource: '*' };
    const role = sharedRole([networking as unknown as Statement]);
    scrubSharedRole(role, [allow(vpcNetworkingActions, ['*'])], [allow(vpcNetworkingActions, ['*'])], []);
    expect(statementsOf(role)).toEqual([{ ...networking, Resource: ['*'] }]);
    scrubSharedRole(role, [allow(vpcNetworkingActions, ['*'])], [], []);
    expect(statementsOf(role)).toEqual([]);
  });

  it('does nothing when there is no shared role', () => {
    expect(() => scrubSharedRole(undefined, [], [], [])).not.toThrow();
  });
});

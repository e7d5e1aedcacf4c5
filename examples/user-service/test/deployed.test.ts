/**
 * @services emulator
 */
// The service deployed to the local emulator and driven from outside, as in production: a
// sign-up event on the bus, and the onboarding workflow started by hand.
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  awsClients,
  captureEvents,
  deploy,
  waitForExecution,
  waitForItem,
  type DeployedService,
  type EventCapture,
} from 'serverless-stateful/testing';
import type { AccountEvents, User } from '../src/users';

let service: DeployedService;
let announced: EventCapture;

beforeAll(async () => {
  service = await deploy(join(__dirname, '..'), { stage: 'test' });
  announced = await captureEvents(service.buses.accounts, { pattern: { 'detail-type': ['UserSignedUp'] } });
});
afterAll(async () => {
  await announced?.close();
  await service?.remove();
});

it('signs up a user from an event, announces it, and onboarding activates a trusted email', async () => {
  const userId = `u-${randomUUID()}`;
  const request: AccountEvents['SignUpRequested'] = { userId, email: 'Lin@Example.com', name: 'Lin' };
  const { FailedEntryCount } = await awsClients().eventBridge.send(
    new PutEventsCommand({
      Entries: [
        {
          EventBusName: service.buses.accounts,
          Source: 'web.signup',
          DetailType: 'SignUpRequested',
          Detail: JSON.stringify(request),
        },
      ],
    }),
  );
  expect(FailedEntryCount).toBe(0);

  const user = await waitForItem<User>(service.tables.users, { userId });
  expect(user).toMatchObject({ email: 'lin@example.com', name: 'Lin', version: 1 });
  const event = await announced.waitFor<AccountEvents['UserSignedUp']>(({ detail }) => detail.userId === userId);
  expect(event).toMatchObject({ source: 'users', detail: { userId, email: 'lin@example.com' } });
  // UserSignedUp starts onboarding through the bus; example.com is trusted.
  await expect(
    waitForItem<User>(service.tables.users, { userId }, { until: ({ status }) => status === 'ACTIVE' }),
  ).resolves.toMatchObject({ status: 'ACTIVE' });
});

it('onboards an untrusted email by holding the user for review', async () => {
  const { documents, stepFunctions } = awsClients();
  const user: User = {
    userId: `u-${randomUUID()}`,
    email: 'sam@unknown.test',
    name: 'Sam',
    status: 'PENDING',
    version: 1,
  };
  await documents.send(new PutCommand({ TableName: service.tables.users, Item: user }));

  const { executionArn } = await stepFunctions.send(
    new StartExecutionCommand({
      stateMachineArn: service.workflows.onboarding,
      input: JSON.stringify({ userId: user.userId, email: user.email }),
    }),
  );
  const execution = await waitForExecution(executionArn ?? '');
  expect(execution).toMatchObject({ status: 'SUCCEEDED', path: ['CheckEmail', 'Trusted?', 'HoldForReview'] });
  // The execution has ended: its write is there to read.
  const { Item } = await documents.send(
    new GetCommand({ TableName: service.tables.users, Key: { userId: user.userId }, ConsistentRead: true }),
  );
  expect(Item).toMatchObject({ status: 'IN_REVIEW' });
});

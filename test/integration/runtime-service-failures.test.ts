/**
 * @services dynamodb, emulator
 */
// What each runtime helper does when its service is down (nothing listens), slow (the answer
// comes after the client's timeout, though the service did the work) or refuses outright, against
// DynamoDB Local and the emulator. docs/runtime.md promises each of these.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import {
  CreateStateMachineCommand,
  DeleteStateMachineCommand,
  ListExecutionsCommand,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { randomUUID } from 'node:crypto';
import {
  bus,
  PublishError,
  setDynamoDBClient,
  setEventBridgeClient,
  setStepFunctionsClient,
  table,
  transact,
  TableAccessDeniedError,
  TableNotFoundError,
  TransactionCanceledError,
  workflow,
  WorkflowAccessDeniedError,
  WorkflowNotFoundError,
} from '../../runtime/index';
import { environmentVariableName } from '../../runtime/environment';
import { createDeclaredTable, useDynamoDBLocal } from '../support/dynamodb-tables';
import { createBusWithQueue, type BusWithQueue } from '../support/bus-queue';
import { awsClientConfig, endpointOf } from '../support/endpoints';
import { answeringHandler, operationOf, refusingEndpoint, slowProxy, type SlowProxy } from '../support/wire';

const emulator = awsClientConfig('emulator');
const id = randomUUID().slice(0, 8);
/**
 * Answers held back 5 s, a client that waits 200 ms: the service does the work, the caller never
 * hears. The gap is wide so that a busy machine's late timers cannot close it; nothing waits it out.
 */
const slow = { delayMs: 5000, timeoutMs: 200 };
const impatient = () => new NodeHttpHandler({ requestTimeout: slow.timeoutMs, throwOnRequestTimeout: true });

describe('when DynamoDB is down, slow or refuses', () => {
  const local = useDynamoDBLocal();
  const drops: (() => Promise<void>)[] = [];
  const orders = table('orders', { key: ['orderId'] });
  const inventory = table('inventory', { key: ['sku'] });
  let proxy: SlowProxy;

  beforeAll(async () => {
    drops.push(await createDeclaredTable(local, 'orders', { partitionKey: 'orderId' }));
    drops.push(await createDeclaredTable(local, 'inventory', { partitionKey: 'sku' }));
    proxy = await slowProxy(endpointOf('dynamodb'), slow.delayMs);
  });
  afterEach(() => setDynamoDBClient(undefined));
  afterAll(async () => {
    await proxy.close();
    await Promise.all(drops.map((drop) => drop()));
    local.destroy();
  });

  const reserve = (orderId: string, token?: string) =>
    transact(
      (tx) => {
        tx.put(orders, { orderId, sku: 'pear' }, { ifNotExists: true });
        tx.update(inventory, { sku: 'pear' }, { add: { stock: -1 } });
      },
      token ? { token } : {},
    );

  it('down: the network error reaches the caller after the SDK retries, and is not taken for a cancellation', async () => {
    setDynamoDBClient(
      new DynamoDBClient({ ...awsClientConfig('dynamodb'), endpoint: await refusingEndpoint(), maxAttempts: 2 }),
    );
    await expect(orders.get({ orderId: 'o1' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const error: unknown = await reserve('o1').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
    expect(error).not.toBeInstanceOf(TransactionCanceledError);
  });

  it('slow: a transaction that timed out may have landed, and a retry with its token does not apply it twice', async () => {
    await inventory.put({ sku: 'pear', stock: 10 });
    setDynamoDBClient(
      new DynamoDBClient({
        ...awsClientConfig('dynamodb'),
        endpoint: proxy.endpoint,
        requestHandler: impatient(),
        maxAttempts: 1,
      }),
    );
    // DynamoDB Local is shared by every run on the machine and remembers a token for 10 minutes.
    const token = `order-o2-${id}`;
    await expect(reserve('o2', token)).rejects.toMatchObject({ name: 'TimeoutError' });
    await proxy.answered();
    setDynamoDBClient(undefined);
    // It did land: the timeout hid the answer, not the work.
    await expect(inventory.get({ sku: 'pear' }, { consistent: true })).resolves.toEqual({ sku: 'pear', stock: 9 });
    await reserve('o2', token);
    await expect(inventory.get({ sku: 'pear' }, { consistent: true })).resolves.toEqual({ sku: 'pear', stock: 9 });
  });

  it('refuses: a missing table is named as serverless.yml and AWS know it, with where the function looked', async () => {
    process.env[environmentVariableName('table', 'ghosts')] = `ghosts-${id}`;
    const ghosts = table('ghosts', { key: ['id'] });
    const missing = ghosts.get({ id: 'g1' });
    await expect(missing).rejects.toBeInstanceOf(TableNotFoundError);
    await expect(missing).rejects.toThrow(
      `GetItem: table ghosts (ghosts-${id}) does not exist in region us-east-1 at ${endpointOf('dynamodb')}. Is the stack deployed`,
    );
    const inTransaction: unknown = await transact((tx) => {
      tx.put(orders, { orderId: 'o3' });
      tx.put(ghosts, { id: 'g1' });
    }).catch((caught: unknown) => caught);
    expect(inTransaction).toBeInstanceOf(TableNotFoundError);
    expect((inTransaction as Error).message).toMatch(
      /^TransactWriteItems: one of the tables orders \(orders-[^)]+\), ghosts \(ghosts-[^)]+\) does not exist/,
    );
    await expect(orders.get({ orderId: 'o3' })).resolves.toBeUndefined();
  });

  it('refuses: access denied names the table, the call, and the grant it needs', async () => {
    // DynamoDB Local has no IAM: the refusal is AWS's, word for word, for a role without PutItem.
    const { requestHandler } = answeringHandler((request) =>
      operationOf(request) === 'PutItem'
        ? {
            status: 400,
            body: {
              __type: 'com.amazon.coral.service#AccessDeniedException',
              Message:
                'User: arn:aws:sts::123456789012:assumed-role/shop-dev-summary/summary is not authorized to perform: ' +
                `dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/${orders.tableName} ` +
                'because no identity-based policy allows the dynamodb:PutItem action',
            },
          }
        : undefined,
    );
    setDynamoDBClient(new DynamoDBClient({ ...awsClientConfig('dynamodb'), requestHandler }));
    const error: unknown = await orders.put({ orderId: 'o4' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TableAccessDeniedError);
    expect((error as Error).message).toBe(
      `PutItem on table orders (${orders.tableName}) was refused: the function may do only what its state: block grants, ` +
        'and PutItem needs write (or readwrite). User: arn:aws:sts::123456789012:assumed-role/shop-dev-summary/summary ' +
        `is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-east-1:123456789012:table/${orders.tableName} ` +
        'because no identity-based policy allows the dynamodb:PutItem action',
    );
    await expect(orders.get({ orderId: 'o4' })).resolves.toBeUndefined();
  });
});

describe('when EventBridge is down, slow or refuses', () => {
  let queue: BusWithQueue;
  let proxy: SlowProxy;

  beforeAll(async () => {
    const busName = `failures-${id}`;
    queue = await createBusWithQueue(busName, { source: ['failures'] });
    process.env[environmentVariableName('bus', 'shop')] = busName;
    proxy = await slowProxy(emulator.endpoint, slow.delayMs);
  });
  afterEach(() => setEventBridgeClient(undefined));
  afterAll(async () => {
    await proxy.close();
    await queue.remove();
  });

  const numbered = (count: number, from = 0) => Array.from({ length: count }, (_, n) => ({ n: from + n }));
  const publish = (details: unknown[], maxAttempts: number) =>
    bus('shop').publish('Numbered', details, { source: 'failures', maxAttempts, baseDelayMs: 5 });

  it('down: every event comes back in failed, with the network error, after the retries', async () => {
    setEventBridgeClient(new EventBridgeClient({ ...emulator, endpoint: await refusingEndpoint(), maxAttempts: 1 }));
    const result = await publish(numbered(3), 2);
    expect(result.published).toBe(0);
    expect(result.failed).toEqual(
      [0, 1, 2].map((index) => ({
        index,
        detail: { n: index },
        errorCode: 'ECONNREFUSED',
        errorMessage: expect.any(String),
      })),
    );
  });

  it('refuses: a call refused outright stops the publish, and the error accounts for every event', async () => {
    // The second PutEvents is refused as AWS refuses a role without events:PutEvents on the bus.
    const { requestHandler, sent } = answeringHandler((request, previous) =>
      operationOf(request) === 'PutEvents' && previous === 1
        ? {
            status: 400,
            body: { __type: 'AccessDeniedException', message: 'not authorized to perform events:PutEvents' },
          }
        : undefined,
    );
    setEventBridgeClient(new EventBridgeClient({ ...emulator, requestHandler }));
    const error: unknown = await publish(numbered(25, 100), 4).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PublishError);
    const refused = error as PublishError;
    expect(refused.published).toBe(10);
    expect(refused.failed.map((event) => event.index)).toEqual(Array.from({ length: 15 }, (_, n) => 10 + n));
    expect(new Set(refused.failed.map((event) => event.errorCode))).toEqual(new Set(['AccessDeniedException']));
    expect(refused.message).toMatch(
      /^EventBridge refused to publish to bus shop: AccessDeniedException: not authorized .*\. The function may publish only to buses its state: block grants publish\. 10 event\(s\) were published; the 15 others are in error\.failed\.$/,
    );
    expect(sent).toHaveLength(2); // no retry of a refusal, no call after it
    await expect(queue.delivered(10)).resolves.toEqual(Array.from({ length: 10 }, (_, n) => 100 + n));
  });

  it('slow: a timed-out call is reported failed, though EventBridge may have delivered it', async () => {
    setEventBridgeClient(
      new EventBridgeClient({ ...emulator, endpoint: proxy.endpoint, requestHandler: impatient(), maxAttempts: 1 }),
    );
    const result = await publish(numbered(2, 200), 1);
    expect(result.published).toBe(0);
    expect(result.failed.map(({ index, errorCode }) => ({ index, errorCode }))).toEqual([
      { index: 0, errorCode: 'TimeoutError' },
      { index: 1, errorCode: 'TimeoutError' },
    ]);
    // At least once: the events went through. Consumers are made safe with idempotent().
    await expect(queue.delivered(2)).resolves.toEqual([200, 201]);
  });
});

describe('when Step Functions is down, slow or refuses', () => {
  const sfn = new SFNClient(emulator);
  let stateMachineArn = '';
  let proxy: SlowProxy;

  beforeAll(async () => {
    process.env.AWS_ENDPOINT_URL = emulator.endpoint;
    ({ stateMachineArn = '' } = await sfn.send(
      new CreateStateMachineCommand({
        name: `failures-${id}`,
        roleArn: 'arn:aws:iam::000000000000:role/failures',
        definition: JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } }),
      }),
    ));
    process.env[environmentVariableName('workflow', 'orders')] = stateMachineArn;
    proxy = await slowProxy(emulator.endpoint, slow.delayMs);
  });
  afterEach(() => setStepFunctionsClient(undefined));
  afterAll(async () => {
    await proxy.close();
    await sfn.send(new DeleteStateMachineCommand({ stateMachineArn }));
  });

  it('down: the network error reaches the caller after the SDK retries', async () => {
    setStepFunctionsClient(new SFNClient({ ...emulator, endpoint: await refusingEndpoint(), maxAttempts: 2 }));
    await expect(workflow('orders').start({ orderId: 'o1' }, { name: 'order-o1' })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });

  it('refuses: a workflow that is not there is named, with its ARN and region', async () => {
    process.env[environmentVariableName('workflow', 'gone')] = `${stateMachineArn}-gone`;
    const missing = workflow('gone').start({});
    await expect(missing).rejects.toBeInstanceOf(WorkflowNotFoundError);
    await expect(missing).rejects.toThrow(
      `workflow gone (${stateMachineArn}-gone) does not exist in region us-east-1 at ${emulator.endpoint}. Is the stack deployed`,
    );
    await expect(missing).rejects.toMatchObject({ cause: { name: 'StateMachineDoesNotExist' } });
  });

  it('refuses: access denied names the workflow, the call, and the grant it needs', async () => {
    // The emulator enforces no IAM: the refusal is AWS's, for a role without states:StartExecution.
    const { requestHandler } = answeringHandler((request) =>
      operationOf(request) === 'StartExecution'
        ? {
            status: 400,
            body: {
              __type: 'AccessDeniedException',
              message: `User: arn:aws:sts::123456789012:assumed-role/shop-dev-cart/cart is not authorized to perform: states:StartExecution on resource: ${stateMachineArn}`,
            },
          }
        : undefined,
    );
    setStepFunctionsClient(new SFNClient({ ...emulator, requestHandler }));
    const error: unknown = await workflow('orders')
      .start({ orderId: 'o3' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WorkflowAccessDeniedError);
    expect((error as Error).message).toMatch(
      /^StartExecution on workflow orders was refused: the function may do only what its state: block grants, and StartExecution needs start\. User: arn:aws:sts::/,
    );
  });

  it('slow: a start that timed out did start, and starting again by name returns that run', async () => {
    setStepFunctionsClient(
      new SFNClient({ ...emulator, endpoint: proxy.endpoint, requestHandler: impatient(), maxAttempts: 1 }),
    );
    await expect(workflow('orders').start({ orderId: 'o2' }, { name: 'order-o2' })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    await proxy.answered();
    setStepFunctionsClient(undefined);
    const again = await workflow('orders').start({ orderId: 'o2' }, { name: 'order-o2' });
    expect(again.alreadyStarted).toBe(true);
    const { executions = [] } = await sfn.send(new ListExecutionsCommand({ stateMachineArn }));
    expect(executions.filter((execution) => execution.name === 'order-o2')).toHaveLength(1);
  });
});

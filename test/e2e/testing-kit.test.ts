/**
 * @services redis, dynamodb, emulator
 */
// serverless-stateful/testing used as a user would: a service with a table, a bus and a workflow
// (test/fixtures/events-workflows) deployed on a stage of its own, read back by the names its
// serverless.yml declares, driven through its bus and workflow, and removed. Then what the kit
// says when a wait runs out or a deploy fails.
import { DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  awsClients,
  captureEvents,
  deploy,
  eventually,
  waitForExecution,
  waitForItem,
  type DeployedService,
} from '../../testing';

const fixtures = join(__dirname, '..', 'fixtures');
// A stage of this run's own: another run may deploy the same service at the same time (and
// events-workflows.test.ts deploys it on stage local; deploy() makes the two take turns).
const run = randomUUID().slice(0, 6);
const stage = `kit-${run}`;
const prefix = `stateful-flows-${stage}`;

describe('the testing kit on a deployed service', () => {
  let service: DeployedService;
  /** The stack still there to remove after the tests, if one was deployed. */
  let leftOver: DeployedService | undefined;

  beforeAll(async () => {
    service = await deploy(join(fixtures, 'events-workflows'), { stage });
    leftOver = service;
  });
  afterAll(async () => {
    // Normally done by the last test; a failure before it must not leave the stack behind.
    await leftOver?.remove();
  });

  it('reads back the stack, and the physical names by the names in serverless.yml', () => {
    expect(service).toMatchObject({
      stage,
      stackName: prefix,
      serviceDir: join(fixtures, 'events-workflows'),
      tables: { items: `${prefix}-items`, orders: `${prefix}-orders` },
      buses: { shop: `${prefix}-shop` },
      workflows: { orderFlow: `arn:aws:states:us-east-1:000000000000:stateMachine:${prefix}-orderFlow` },
      functions: {
        recordItem: `${prefix}-recordItem`,
        reserveStock: `${prefix}-reserveStock`,
        checkout: `${prefix}-checkout`,
      },
      caches: {},
      httpApiUrl: undefined,
    });
    expect(service.outputs).toMatchObject({
      StatefulTableItemsName: `${prefix}-items`,
      StatefulBusShopArn: expect.stringContaining(`event-bus/${prefix}-shop`),
    });
  });

  it('sees an event put on the bus, and the item its rule made a function write', async () => {
    const capture = await captureEvents(service.buses.shop ?? '', { pattern: { 'detail-type': ['ItemAddedToCart'] } });
    try {
      const itemId = `item-${run}`;
      const { FailedEntryCount } = await awsClients().eventBridge.send(
        new PutEventsCommand({
          Entries: [
            { EventBusName: service.buses.shop, Source: 'test', DetailType: 'Ignored', Detail: '{}' },
            {
              EventBusName: service.buses.shop,
              Source: 'shop.cart',
              DetailType: 'ItemAddedToCart',
              Detail: JSON.stringify({ itemId, cartId: 'cart-1' }),
            },
          ],
        }),
      );
      expect(FailedEntryCount).toBe(0);

      const event = await capture.waitFor<{ itemId: string }>((delivered) => delivered.detail.itemId === itemId);
      expect(event).toMatchObject({
        source: 'shop.cart',
        'detail-type': 'ItemAddedToCart',
        detail: { cartId: 'cart-1' },
      });
      // The rule's pattern kept the other event out.
      expect(capture.received().map((delivered) => delivered['detail-type'])).toEqual(['ItemAddedToCart']);
      await expect(waitForItem(service.tables.items ?? '', { itemId })).resolves.toEqual({ itemId, cartId: 'cart-1' });
    } finally {
      await capture.close();
    }
  });

  it('waits for an execution and reads its path, its failed attempts and its output', async () => {
    const orderId = `order-${run}`;
    const { executionArn = '' } = await awsClients().stepFunctions.send(
      new StartExecutionCommand({
        stateMachineArn: service.workflows.orderFlow,
        input: JSON.stringify({ orderId, amount: 10, express: false }),
      }),
    );
    const execution = await waitForExecution(executionArn, { timeoutMs: 90_000 });
    expect(execution).toMatchObject({
      status: 'SUCCEEDED',
      path: ['Reserve', 'Record', 'Route', 'ShipStandard'],
      failures: { Reserve: 1 },
      output: { orderId, shipping: 'standard', reservation: { attempt: 2 } },
    });
    await expect(
      waitForItem<{ status: string }>(
        service.tables.orders ?? '',
        { orderId },
        { until: (item) => item.status === 'RESERVED' },
      ),
    ).resolves.toEqual({ orderId, status: 'RESERVED' });
  });

  it('names the table and the key when an item never comes', async () => {
    await expect(waitForItem(service.tables.items ?? '', { itemId: 'never' }, { timeoutMs: 500 })).rejects.toThrow(
      `timed out after 500 ms waiting for the item {"itemId":"never"} in table ${prefix}-items`,
    );
  });

  it('removes the stack', async () => {
    leftOver = undefined;
    await service.remove();
    await expect(
      awsClients().cloudFormation.send(new DescribeStacksCommand({ StackName: service.stackName })),
    ).rejects.toThrow(/does not exist/);
  });
});

describe('what the testing kit says when something fails', () => {
  it('names what eventually waited for when the time runs out', async () => {
    let probes = 0;
    const never = eventually(
      'the moon to turn blue',
      () => {
        probes += 1;
        return Promise.resolve(undefined);
      },
      { timeoutMs: 300, intervalMs: 50 },
    );
    await expect(never).rejects.toThrow('timed out after 300 ms waiting for the moon to turn blue');
    expect(probes).toBeGreaterThan(1);
  });

  it('ends a wait at once when the probe throws', async () => {
    const broken = eventually('a probe that fails', () => Promise.reject(new Error('probe broke')), {
      timeoutMs: 60_000,
    });
    await expect(broken).rejects.toThrow('probe broke');
  });

  it("passes serverless's own message on when a deploy fails", async () => {
    const failed = deploy(join(fixtures, 'broken-state'), { stage: `kit-broken-${run}` });
    await expect(failed).rejects.toThrow(/serverless deploy --stage kit-broken-\S+ exited with 1/);
    await expect(failed).rejects.toThrow(/strem/);
  });

  it('refuses a folder with no serverless.yml', async () => {
    await expect(deploy(fixtures, { stage })).rejects.toThrow(`${fixtures} holds no serverless.yml`);
  });
});

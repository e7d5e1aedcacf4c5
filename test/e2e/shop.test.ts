/**
 * @services emulator
 */
// The reference shop (serverless.yml at the root) deployed with the testing kit (`serverless deploy
// --stage e2e`) onto the emulator and driven through its HTTP API and the SDK: the catalog read
// through its cache, duplicate requests, concurrent events on one cart, an order that completes
// after its payment failed twice, one out of stock, one whose card is declined, and the
// abandoned-cart reminder (a durable function) for a cart left alone and one checked out. Each is
// read back from the tables, the execution histories, the events on the bus, and the notifications
// they produced.
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import {
  awsClients,
  captureEvents,
  deploy,
  eventually,
  waitForExecution,
  waitForItem,
  type DeployedService,
  type EventCapture,
} from '../../testing';
import { ShopApi, type Cart, type CheckoutStarted, type Order } from '../../tools/shop/api';
import { notificationsOf, seedCatalog, shopDir, tableOf, type ShopTable } from '../../tools/shop/data';
import { countEvents, makeReminderDurable, reminderEnd, remindersOf, runReminder } from '../../tools/shop/reminder';

const stage = 'e2e';
// Names unique to this run: a stack left by an earlier run does not mix into this one.
const run = randomUUID().slice(0, 8);
const mug = { productId: `mug-${run}`, name: 'Mug', price: 1250, stock: 10 };
const pen = { productId: `pen-${run}`, name: 'Pen', price: 300, stock: 1 };
const cartId = (name: string) => `${name}-${run}`;

let shop: DeployedService;
let api: ShopApi;
/** Every event the shop's bus delivers while the tests run. */
let busEvents: EventCapture;
// Cold starts of a dozen functions, and twenty concurrent ones, take the emulator a while on a
// small machine: the waits here are longer than the kit's default.
const patiently = { timeoutMs: 60_000 };
const workflowTime = { timeoutMs: 90_000 };

/** The cart once its version reaches `version`. */
const cartAt = (id: string, version: number, timeoutMs = patiently.timeoutMs) =>
  eventually(
    `cart ${id} at version ${version}`,
    async () => {
      const { status, body } = await api.getCart(id);
      return status === 200 && (body as Cart).version >= version ? (body as Cart) : undefined;
    },
    { timeoutMs },
  );

const notification = (id: string, notificationId: string) =>
  eventually(
    `notification ${notificationId} of ${id}`,
    async () => (await notificationsOf(shop, id)).find((item) => item.notificationId === notificationId),
    patiently,
  );

/** The item of `table` at `key`, once it is there. */
const itemOf = <T extends object = Record<string, unknown>>(table: ShopTable, key: Record<string, string>) =>
  waitForItem<T>(tableOf(shop, table), key, patiently);

/** A cart holding `lines`, each added through the API; resolves once updateCart saved them all. */
async function cartWith(id: string, lines: { sku: string; qty: number }[]): Promise<Cart> {
  for (const [index, line] of lines.entries()) {
    const { status } = await api.addItem(id, line, `${id}-${index}`);
    expect(status).toBe(202);
  }
  return cartAt(id, lines.length);
}

async function checkout(id: string, paymentToken: string): Promise<CheckoutStarted> {
  const { status, body } = await api.checkout(id, paymentToken);
  expect(status).toBe(202);
  return body as CheckoutStarted;
}

const stockOf = async (sku: string) => (await itemOf<{ stock: number }>('inventory', { sku })).stock;

describe('the reference shop deployed with serverless deploy --stage e2e', () => {
  beforeAll(async () => {
    shop = await deploy(shopDir, { stage });
    // MiniStack's CloudFormation drops DurableConfig: set it as the template would on AWS.
    await makeReminderDurable(shop);
    api = ShopApi.of(shop);
    busEvents = await captureEvents(shop.buses.shop ?? '', { pattern: { source: ['shop.cart', 'shop.orders'] } });
    await seedCatalog(shop, [mug, pen]);
  });
  afterAll(async () => {
    await busEvents.close();
    await shop.remove();
  });

  it('reads a product through the catalog cache: a miss loads it, the next read is a hit', async () => {
    const first = await api.getProduct(mug.productId);
    expect(first).toMatchObject({ status: 200, body: { productId: mug.productId, name: 'Mug' } });
    expect(first.headers.get('x-cache')).toBe('miss');
    // Seeding wrote the product, so the table's stream also brings an invalidation of its key a
    // moment later; a read after it misses once more. A hit comes once that has gone through.
    const cached = await eventually(
      `a cached read of ${mug.productId}`,
      async () => {
        const reply = await api.getProduct(mug.productId);
        expect(reply).toMatchObject({ status: 200, body: { productId: mug.productId, name: 'Mug' } });
        return reply.headers.get('x-cache') === 'hit' ? reply : undefined;
      },
      patiently,
    );
    expect(cached.headers.get('x-cache')).toBe('hit');
    await expect(api.getProduct(`none-${run}`)).resolves.toMatchObject({ status: 404 });
  });

  it('drops a product from the catalog cache when the table changes, whoever writes it', async () => {
    await api.getProduct(mug.productId); // cached
    // A write with the plain SDK, as another service would make it: nothing calls the cache.
    await seedCatalog(shop, [{ ...mug, name: 'Mug, enamel' }]);
    const fresh = await eventually(
      `the new name of ${mug.productId}`,
      async () => {
        const reply = await api.getProduct(mug.productId);
        return (reply.body as { name?: string }).name === 'Mug, enamel' ? reply : undefined;
      },
      patiently,
    );
    expect(fresh.headers.get('x-cache')).toBe('miss');
  });

  it('adds an item once for a repeated request, and refuses its key for another item', async () => {
    const id = cartId('twice');
    const first = await api.addItem(id, { sku: mug.productId, qty: 2 }, 'key-1');
    const again = await api.addItem(id, { sku: mug.productId, qty: 2 }, 'key-1');
    expect(first.status).toBe(202);
    expect(again).toMatchObject({ status: 202, body: first.body });
    const reused = await api.addItem(id, { sku: mug.productId, qty: 5 }, 'key-1');
    expect(reused).toMatchObject({ status: 422, body: { message: 'Idempotency-Key key-1 was used for another item' } });
    await expect(api.addItem(id, { sku: mug.productId, qty: 1 }, '')).resolves.toMatchObject({ status: 400 });

    const cart = await cartAt(id, 1);
    expect(cart).toMatchObject({ version: 1, total: 2500, lines: [{ sku: mug.productId, qty: 2, unitPrice: 1250 }] });
    // CartUpdated reached sendCartSummary through the bus.
    await expect(notification(id, 'cart-v000001')).resolves.toMatchObject({
      kind: 'CartSummary',
      message: 'Your cart holds 2 items, 25.00 in all.',
    });
    // No second line ever lands: the duplicate published nothing.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await expect(api.getCart(id)).resolves.toMatchObject({ body: { version: 1 } });
    const added = busEvents
      .received()
      .filter((event) => event['detail-type'] === 'ItemAddedToCart' && event.detail.cartId === id);
    expect(added).toHaveLength(1);
  });

  it('loses none of 20 concurrent ItemAddedToCart on one cart (optimistic locking, retried)', async () => {
    const id = cartId('busy');
    const entries = Array.from({ length: 20 }, (_, index) => ({
      EventBusName: shop.buses.shop,
      Source: 'shop.cart',
      DetailType: 'ItemAddedToCart',
      Detail: JSON.stringify({
        cartId: id,
        line: { lineId: `line-${index}`, sku: mug.productId, qty: 1, unitPrice: 100 + index },
      }),
    }));
    const { eventBridge } = awsClients();
    const sent = await Promise.all(
      [entries.slice(0, 10), entries.slice(10)].map((batch) =>
        eventBridge.send(new PutEventsCommand({ Entries: batch })),
      ),
    );
    expect(sent.map(({ FailedEntryCount }) => FailedEntryCount)).toEqual([0, 0]);

    // Twenty cold starts at once take the emulator a while on a small machine.
    const cart = await cartAt(id, 20, 150_000);
    expect(cart.version).toBe(20);
    expect(cart.lines.map(({ lineId }) => lineId).sort()).toEqual(entries.map((_, index) => `line-${index}`).sort());
    expect(cart.total).toBe(Array.from({ length: 20 }, (_, index) => 100 + index).reduce((sum, price) => sum + price));
    await expect(notification(id, 'cart-v000020')).resolves.toMatchObject({
      message: expect.stringContaining('20 items'),
    });

    // Each saved version was announced once, by the event written in its save's transaction: 20
    // events, versions 1 to 20, one aggregate, each an item of the outbox that the relay marked
    // delivered. The saves that lost to another writer wrote, and so announced, nothing.
    type Announced = { version: number; stateful: { eventId: string; aggregate: string } };
    const announced = await eventually(
      `20 CartUpdated of ${id}`,
      async () => {
        const details = busEvents
          .received()
          .filter((event) => event['detail-type'] === 'CartUpdated' && event.detail.cartId === id)
          .map((event) => event.detail as unknown as Announced);
        const byId = new Map(details.map((detail) => [detail.stateful.eventId, detail]));
        return byId.size >= 20 ? byId : undefined;
      },
      patiently,
    );
    expect([...announced.values()].map(({ version }) => version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
    const aggregates = new Set([...announced.values()].map(({ stateful }) => stateful.aggregate));
    expect(aggregates.size).toBe(1);
    const outbox = await eventually(
      `the outbox items of ${id} marked delivered`,
      async () => {
        const { Items = [] } = await awsClients().documents.send(
          new QueryCommand({
            TableName: shop.outputs.StatefulBusShopOutboxName,
            KeyConditionExpression: 'pk = :aggregate',
            ExpressionAttributeValues: { ':aggregate': [...aggregates][0] },
            ConsistentRead: true,
          }),
        );
        return Items.length === 20 && Items.every((item) => typeof item.deliveredAt === 'string') ? Items : undefined;
      },
      patiently,
    );
    expect(outbox.map((item) => item.sk as string).sort()).toEqual([...announced.keys()].sort());
  });

  it('completes an order whose payment fails twice, then succeeds (Retry), and a double click starts it once', async () => {
    const id = cartId('retry');
    await cartWith(id, [{ sku: mug.productId, qty: 3 }]);
    const stockBefore = await stockOf(mug.productId);
    const started = await checkout(id, 'tok_fail_2');
    await expect(checkout(id, 'tok_fail_2')).resolves.toEqual({ ...started, alreadyStarted: true });
    expect(started).toMatchObject({ orderId: `${id}-v1`, alreadyStarted: false });

    const execution = await waitForExecution(started.executionArn, workflowTime);
    expect(execution.status).toBe('SUCCEEDED');
    expect(execution.path).toEqual([
      'ProcessPayment',
      'ReserveInventory',
      'InStock',
      'ShipOrder',
      'CompleteOrder',
      'PublishOrderCompleted',
    ]);
    expect(execution.failures).toEqual({ ProcessPayment: 2 });

    const order = await itemOf<Order & { chargeId: string }>('orders', { orderId: started.orderId });
    expect(order).toMatchObject({ status: 'COMPLETED', total: 3750, chargeId: `ch_${started.orderId}` });
    expect(order.trackingNumber).toMatch(/^TRK/);
    await expect(itemOf('payments', { orderId: started.orderId })).resolves.toMatchObject({
      status: 'CHARGED',
      amount: 3750,
      attempts: 3,
    });
    await expect(stockOf(mug.productId)).resolves.toBe(stockBefore - 3);
    // OrderCompleted, put on the bus by the workflow itself, reached sendOrderNotification.
    await expect(
      busEvents.waitFor(
        (event) => event['detail-type'] === 'OrderCompleted' && event.detail.orderId === started.orderId,
      ),
    ).resolves.toMatchObject({
      source: 'shop.orders',
      detail: { cartId: id, total: 3750, trackingNumber: order.trackingNumber },
    });
    await expect(notification(id, `order-${started.orderId}`)).resolves.toMatchObject({
      kind: 'OrderCompleted',
      message: expect.stringContaining(order.trackingNumber ?? 'TRK'),
    });
    await expect(api.getOrder(started.orderId)).resolves.toMatchObject({ status: 200, body: { status: 'COMPLETED' } });
  });

  it('refunds an order the stock cannot cover, naming the item, and reserves none of its lines', async () => {
    const id = cartId('short');
    await cartWith(id, [
      { sku: mug.productId, qty: 1 },
      { sku: pen.productId, qty: 2 },
    ]);
    const [mugs, pens] = [await stockOf(mug.productId), await stockOf(pen.productId)];
    const started = await checkout(id, 'tok_ok');

    const execution = await waitForExecution(started.executionArn, workflowTime);
    expect(execution).toMatchObject({ status: 'FAILED', error: 'OrderFailed' });
    expect(execution.path).toEqual([
      'ProcessPayment',
      'ReserveInventory',
      'InStock',
      'RefundPayment',
      'PublishOrderFailed',
      'OrderFailed',
    ]);
    const reason = `out of stock: ${pen.productId}: 1 in stock, 2 wanted`;
    await expect(itemOf('orders', { orderId: started.orderId })).resolves.toMatchObject({
      status: 'FAILED',
      reason,
      refunded: 1850,
    });
    await expect(itemOf('payments', { orderId: started.orderId })).resolves.toMatchObject({
      status: 'REFUNDED',
    });
    // One transaction: the mug that was in stock was not taken either.
    await expect(Promise.all([stockOf(mug.productId), stockOf(pen.productId)])).resolves.toEqual([mugs, pens]);
    await expect(notification(id, `order-${started.orderId}`)).resolves.toMatchObject({
      kind: 'OrderFailed',
      message: expect.stringContaining(reason),
    });
  });

  it('routes a payment that always fails through Catch to the refund, charging nothing', async () => {
    const id = cartId('declined');
    await cartWith(id, [{ sku: mug.productId, qty: 1 }]);
    const stockBefore = await stockOf(mug.productId);
    const started = await checkout(id, 'tok_decline');

    const execution = await waitForExecution(started.executionArn, workflowTime);
    expect(execution).toMatchObject({ status: 'FAILED', error: 'OrderFailed' });
    expect(execution.path).toEqual(['ProcessPayment', 'RefundPayment', 'PublishOrderFailed', 'OrderFailed']);
    // On AWS a PaymentDeclined is not retried; MiniStack names every handler error
    // Runtime.HandlerError, so there the States.ALL retrier runs it again. Every attempt the
    // workflow made is one the provider's ledger recorded, and none charged.
    const attempts = execution.failures.ProcessPayment ?? 0;
    expect(attempts).toBeGreaterThanOrEqual(1);
    const payment = await itemOf('payments', { orderId: started.orderId });
    expect(payment).toEqual({ orderId: started.orderId, attempts });
    await expect(itemOf('orders', { orderId: started.orderId })).resolves.toMatchObject({
      status: 'FAILED',
      refunded: 0,
      reason: expect.stringContaining(`the card for order ${started.orderId} was declined`),
    });
    await expect(stockOf(mug.productId)).resolves.toBe(stockBefore);
    await expect(notification(id, `order-${started.orderId}`)).resolves.toMatchObject({ kind: 'OrderFailed' });
  });

  it('reminds of a cart left alone, once, after its wait; waits again for one changed meanwhile; not of one checked out (a durable function)', async () => {
    const [left, bought] = [cartId('left'), cartId('bought')];
    await Promise.all([
      cartWith(left, [{ sku: mug.productId, qty: 2 }]),
      cartWith(bought, [{ sku: mug.productId, qty: 1 }]),
    ]);
    const order = await checkout(bought, 'tok_ok');

    // updateCart started the reminder of each new cart, asynchronously, through the alias; on
    // MiniStack it stays at its first wait, never resumed (tools/shop/reminder.ts).
    const [startedByCart] = await eventually(
      `the reminder updateCart started for ${left}`,
      async () => {
        const found = await remindersOf(shop, left);
        return found.length > 0 ? found : undefined;
      },
      patiently,
    );
    expect(startedByCart).toMatchObject({ Status: 'RUNNING' });

    // A cart saved again while its reminder waited: the check finds it changed and waits again,
    // from that save. Written directly, with its save 10 s ahead, so the first check (3 s into the
    // wait) finds it changed however long the emulator takes to resume.
    const changed = cartId('changed');
    const savedAt = new Date(Date.now() + 10_000).toISOString();
    await awsClients().documents.send(
      new PutCommand({
        TableName: tableOf(shop, 'carts'),
        Item: {
          cartId: changed,
          lines: [{ lineId: 'l1', sku: pen.productId, qty: 1, unitPrice: 300 }],
          total: 300,
          version: 1,
          updatedAt: savedAt,
        },
      }),
    );

    const [leftRun, boughtRun, changedRun] = await Promise.all([
      runReminder(shop, left),
      runReminder(shop, bought),
      runReminder(shop, changed),
    ]);
    const reminded = await reminderEnd(leftRun);
    expect(reminded).toMatchObject({ Status: 'SUCCEEDED' });
    expect(reminded.result).toEqual({ cartId: left, reminded: true, notificationId: 'reminder-v000001', rounds: 1 });
    await expect(notification(left, 'reminder-v000001')).resolves.toMatchObject({
      kind: 'CartReminder',
      message: 'You left 2 items in your cart, 25.00 in all.',
    });
    // Two invocations: the first ran up to the wait, the second replayed it from its checkpoint
    // (not started again) and ran the steps after it. Each step was recorded done once.
    expect(countEvents(reminded.events, 'InvocationCompleted')).toEqual({ '': 2 });
    expect(countEvents(reminded.events, 'WaitStarted')).toEqual({ 'wait-1': 1 });
    expect(countEvents(reminded.events, 'WaitSucceeded')).toEqual({ 'wait-1': 1 });
    expect(countEvents(reminded.events, 'StepSucceeded')).toEqual({ 'check-1': 1, remind: 1 });
    expect(countEvents(reminded.events, 'StepFailed')).toEqual({});

    const skipped = await reminderEnd(boughtRun);
    expect(skipped).toMatchObject({ Status: 'SUCCEEDED' });
    expect(skipped.result).toEqual({ cartId: bought, reminded: false, status: 'checkedOut', orderId: order.orderId });
    expect(countEvents(skipped.events, 'StepSucceeded')).toEqual({ 'check-1': 1 });
    const kinds = (await notificationsOf(shop, bought)).map(({ kind }) => kind);
    expect(kinds).not.toContain('CartReminder');

    const waitedAgain = await reminderEnd(changedRun, patiently.timeoutMs);
    expect(waitedAgain.result).toEqual({
      cartId: changed,
      reminded: true,
      notificationId: 'reminder-v000001',
      rounds: 2,
    });
    // Three invocations, each after a wait; the later ones replayed what came before from the
    // checkpoints: every wait started once, every step succeeded once.
    expect(countEvents(waitedAgain.events, 'InvocationCompleted')).toEqual({ '': 3 });
    expect(countEvents(waitedAgain.events, 'WaitStarted')).toEqual({ 'wait-1': 1, 'wait-2': 1 });
    expect(countEvents(waitedAgain.events, 'StepSucceeded')).toEqual({ 'check-1': 1, 'check-2': 1, remind: 1 });
    await expect(notification(changed, 'reminder-v000001')).resolves.toMatchObject({
      message: 'You left 1 item in your cart, 3.00 in all.',
    });
  });
});

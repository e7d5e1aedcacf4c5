// `npm run demo`: deploys the reference shop (serverless.yml at the root) to the local emulator
// with `serverless deploy --stage local` and drives it through its HTTP API, a few lines a step.
// The stack and the local AWS stay up for you to explore; `npm run demo -- --clean` removes the
// stack at the end and stops what the demo started.
import { randomUUID } from 'node:crypto';
import { deploy, eventually, startLocalAws, waitForExecution, waitForItem, type DeployedService } from '../testing';
import { ShopApi, type Cart, type CheckoutStarted, type Order } from '../tools/shop/api';
import { notificationsOf, seedCatalog, shopDir, tableOf } from '../tools/shop/data';
import { makeReminderDurable, reminderEnd, runReminder } from '../tools/shop/reminder';

const clean = process.argv.includes('--clean');
const stage = 'local';
const run = randomUUID().slice(0, 6);
const catalog = [
  { productId: 'mug', name: 'Enamel mug', price: 1250, stock: 50 },
  { productId: 'pen', name: 'Fountain pen', price: 3400, stock: 2 },
  { productId: 'notebook', name: 'Dot-grid notebook', price: 900, stock: 100 },
];

const started = Date.now();
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const cents = (amount: number) => `€${(amount / 100).toFixed(2)}`;
const step = (text: string) => console.log(`\n▶ ${text}`);
const line = (text: string) => console.log(`  ${text}`);

/** One line that counts the seconds while `work` runs, then gives way to the result. */
async function withProgress<T>(label: string, work: Promise<T>): Promise<T> {
  const since = Date.now();
  const interactive = process.stdout.isTTY;
  const show = () => interactive && process.stdout.write(`\r  ${label}… ${seconds(Date.now() - since)}`);
  const timer = setInterval(show, 500);
  try {
    return await work;
  } finally {
    clearInterval(timer);
    if (interactive) process.stdout.write('\r\x1b[2K');
  }
}

async function cartAt(api: ShopApi, cartId: string, version: number): Promise<Cart> {
  return eventually(
    `cart ${cartId} at version ${version}`,
    async () => {
      const { status, body } = await api.getCart(cartId);
      return status === 200 && (body as Cart).version >= version ? (body as Cart) : undefined;
    },
    { timeoutMs: 60_000 },
  );
}

async function addItems(api: ShopApi, cartId: string, items: { sku: string; qty: number }[]): Promise<Cart> {
  for (const [index, item] of items.entries()) {
    const reply = await api.addItem(cartId, item, `${cartId}-${index}`);
    if (reply.status !== 202) throw new Error(`POST /carts/${cartId}/items answered ${reply.status}`);
  }
  return cartAt(api, cartId, items.length);
}

async function checkout(shop: DeployedService, api: ShopApi, cartId: string, paymentToken: string) {
  const reply = await api.checkout(cartId, paymentToken);
  if (reply.status !== 202) throw new Error(`checkout answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  const { orderId, executionArn } = reply.body as CheckoutStarted;
  const since = Date.now();
  const execution = await withProgress(
    'the order workflow runs',
    waitForExecution(executionArn, { timeoutMs: 90_000 }),
  );
  const order = await waitForItem<Order>(tableOf(shop, 'orders'), { orderId });
  return { orderId, execution, order, ms: Date.now() - since };
}

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  step('Local AWS');
  const localAws = await startLocalAws({ services: ['emulator'], keep: !clean, log: line });
  try {
    step(`serverless deploy --stage ${stage} (${shopDir}/serverless.yml)`);
    const deployStarted = Date.now();
    const shop = await withProgress(
      'deploying: esbuild bundles the functions, then CloudFormation',
      deploy(shopDir, { stage }),
    );
    line(
      `deployed in ${seconds(Date.now() - deployStarted)}: stack ${shop.stackName}, 16 functions (two the plugin generates), 7 tables, a cache`,
    );
    // MiniStack's CloudFormation drops DurableConfig (docs/local-aws.md): set it as AWS would.
    await makeReminderDurable(shop);
    const api = ShopApi.of(shop);
    line(`HTTP API ${api.baseUrl}`);
    await seedCatalog(shop, catalog);
    line(`catalog seeded: ${catalog.map(({ productId, stock }) => `${productId} (${stock} in stock)`).join(', ')}`);

    step('GET /products/mug, twice: through the catalog cache');
    const first = await api.getProduct('mug');
    const second = await api.getProduct('mug');
    // The first call may start the function (a cold start).
    const served = (reply: { status: number; ms: number; headers: Headers }) =>
      `${reply.status} (cache ${reply.headers.get('x-cache') ?? '?'}) in ${reply.ms.toFixed(0)} ms`;
    line(`${served(first)}, then ${served(second)}`);
    line(JSON.stringify(second.body));

    const cartId = `cart-${run}`;
    step(`POST /carts/${cartId}/items: 2 mugs with Idempotency-Key k1, the same request again, then a notebook`);
    const added = await api.addItem(cartId, { sku: 'mug', qty: 2 }, 'k1');
    const repeated = await api.addItem(cartId, { sku: 'mug', qty: 2 }, 'k1');
    line(
      `${added.status} in ${added.ms.toFixed(0)} ms, then the repeat: ${repeated.status} in ${repeated.ms.toFixed(0)} ms, same answer: ${JSON.stringify(added.body) === JSON.stringify(repeated.body)}`,
    );
    await api.addItem(cartId, { sku: 'notebook', qty: 1 }, 'k2');
    const cartStarted = Date.now();
    const cart = await cartAt(api, cartId, 2);
    line(
      `ItemAddedToCart → updateCart (optimistic lock) → CartUpdated → sendCartSummary, ${seconds(Date.now() - cartStarted)}`,
    );
    line(
      `GET /carts/${cartId}: version ${cart.version}, ${cart.lines.length} lines (the repeat added none), ${cents(cart.total)}`,
    );

    step(`POST /carts/${cartId}/checkout, with a payment provider that fails twice first`);
    const ok = await checkout(shop, api, cartId, 'tok_fail_2');
    line(`order ${ok.orderId}: ${ok.order.status} in ${seconds(ok.ms)}, tracking ${ok.order.trackingNumber ?? '-'}`);
    line(`path: ${ok.execution.path.join(' → ')}`);
    line(
      `ProcessPayment failed ${ok.execution.failures.ProcessPayment ?? 0} times; Retry (backoff 1 s, ×2) charged on attempt 3`,
    );

    const shortCart = `short-${run}`;
    step(`POST /carts/${shortCart}/checkout: 3 fountain pens, 2 in stock`);
    await addItems(api, shortCart, [{ sku: 'pen', qty: 3 }]);
    const short = await checkout(shop, api, shortCart, 'tok_ok');
    line(`order ${short.orderId}: ${short.order.status} in ${seconds(short.ms)}: ${short.order.reason ?? ''}`);
    line(`path: ${short.execution.path.join(' → ')}`);
    line(`refunded ${cents(short.order.refunded ?? 0)}; OrderFailed went out on the bus`);

    const idleCart = `idle-${run}`;
    step(`The abandoned-cart reminder, a durable function: ${idleCart} left alone, ${cartId} checked out`);
    await addItems(api, idleCart, [{ sku: 'notebook', qty: 1 }]);
    // updateCart started a reminder for each new cart; MiniStack never resumes an asynchronous
    // start after its wait, so each is run here by a synchronous invoke of its alias.
    const reminderStarted = Date.now();
    const [idle, bought] = await withProgress(
      'each reminder waits until its cart was left alone 3 s (a day on AWS), then checks it',
      (async () => {
        const [idleRun, boughtRun] = await Promise.all([runReminder(shop, idleCart), runReminder(shop, cartId)]);
        return [await reminderEnd(idleRun), await reminderEnd(boughtRun)] as const;
      })(),
    );
    const reminder = (await notificationsOf(shop, idleCart)).find(({ kind }) => kind === 'CartReminder');
    line(`${idleCart}: "${reminder?.message ?? '(no reminder)'}", in ${seconds(Date.now() - reminderStarted)}`);
    const invocations = idle.events.filter(({ EventType }) => EventType === 'InvocationCompleted').length;
    line(`${invocations} invocations: the second replayed the wait and ran the check and the reminder steps`);
    line(`${cartId}: ${JSON.stringify(bought.result)}`);

    if (clean) {
      step(`serverless remove --stage ${stage}`);
      await withProgress('removing', shop.remove());
      line('removed');
    } else {
      step('The shop stays deployed. Try it:');
      // Quoted: the stage in the path, $default, is not a shell variable.
      const url = (path: string) => `'${api.baseUrl}${path}'`;
      line(`curl ${url('/products/pen')}`);
      line(`curl -X POST -H 'Idempotency-Key: k3' -d '{"sku":"notebook","qty":2}' ${url(`/carts/${cartId}/items`)}`);
      line(`curl ${url(`/carts/${cartId}`)}`);
      line(`curl -X POST -d '{"paymentToken":"tok_decline"}' ${url(`/carts/${cartId}/checkout`)}`);
      line(`curl ${url(`/orders/${cartId}-v3`)}`);
      line('Remove it with `npm run demo -- --clean` (deploys again, then removes), or');
      line(
        `AWS_ENDPOINT_URL=${new URL(api.baseUrl).origin} npx serverless remove --stage ${stage}; then \`npm run local -- down\``,
      );
    }
  } finally {
    await localAws.stop();
  }
  console.log(`\nDemo finished in ${seconds(Date.now() - started)}: every step ran against the local emulator.`);
}

main().catch((error: unknown) => {
  console.error(`\nDemo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

// The abandoned-cart reminder, a durable function: started by updateCart when a cart is first
// saved, it waits until the cart has been left alone for CART_REMINDER_DELAY_SECONDS (24 hours on
// AWS, seconds on the local stages), and reminds the shopper once, unless the cart was checked out.
// A cart changed during the wait is waited on again, from its last change: a loop in code, where
// the order workflow (statemachines/) is states in ASL. Each `wait` costs nothing while it lasts;
// Lambda replays the handler from the top after it, and every finished step hands back its stored
// result instead of running again.
import { withDurableExecution, type DurableContext } from '@aws/durable-execution-sdk-js';
import { table } from '@serverless-stateful/runtime';
import type { Cart, CartReminderInput, Notification, Order } from '../shared/model';

const carts = table<Cart>('carts');
const orders = table<Order>('orders', { key: ['orderId'] });
const notifications = table<Notification>('notifications');

/** How long a cart must be left alone before its reminder. Read once per process: config, not state. */
const delaySeconds = Number(process.env.CART_REMINDER_DELAY_SECONDS ?? 86_400);

/** What a check of the cart found, stored as the check step's result. */
type CartCheck =
  | { status: 'gone' }
  | { status: 'checkedOut'; orderId: string }
  | { status: 'changed'; waitSeconds: number }
  | { status: 'idle'; cart: Pick<Cart, 'version' | 'total' | 'lines'> };

/** Reads the cart and its order now: runs inside a step, so a replay gets the first answer back. */
async function checkCart(cartId: string): Promise<CartCheck> {
  const cart = await carts.get({ cartId }, { consistent: true });
  if (!cart) return { status: 'gone' };
  // checkout names the order after the cart's version: an order for this version is a checkout.
  const orderId = `${cartId}-v${cart.version}`;
  if (await orders.get({ orderId }, { consistent: true })) return { status: 'checkedOut', orderId };
  const idleSeconds = (Date.now() - Date.parse(cart.updatedAt)) / 1000;
  if (idleSeconds < delaySeconds) return { status: 'changed', waitSeconds: Math.ceil(delaySeconds - idleSeconds) };
  return { status: 'idle', cart: { version: cart.version, total: cart.total, lines: cart.lines } };
}

const cents = (amount: number) => (amount / 100).toFixed(2);

// Every operation is named, and the names depend only on the loop's count: the SDK checks them on
// replay (and MiniStack 1.5.33 breaks replay on unnamed ones, docs/local-aws.md).
export const handler = withDurableExecution(async (event: CartReminderInput, context: DurableContext) => {
  const { cartId } = event;
  let waitSeconds = delaySeconds;
  for (let round = 1; ; round++) {
    await context.wait(`wait-${round}`, { seconds: waitSeconds });
    const check = await context.step(`check-${round}`, () => checkCart(cartId));
    if (check.status === 'gone' || check.status === 'checkedOut') return { cartId, reminded: false, ...check };
    if (check.status === 'changed') {
      waitSeconds = check.waitSeconds;
      continue;
    }
    const { version, total, lines } = check.cart;
    const itemCount = lines.reduce((sum, { qty }) => sum + qty, 0);
    // Keyed by the cart's version: a step run again (its process died before the checkpoint)
    // writes the same notification, not a second one.
    const notificationId = `reminder-v${String(version).padStart(6, '0')}`;
    await context.step('remind', () =>
      notifications.put({
        recipient: cartId,
        notificationId,
        kind: 'CartReminder',
        message: `You left ${itemCount} item${itemCount === 1 ? '' : 's'} in your cart, ${cents(total)} in all.`,
        createdAt: new Date().toISOString(),
      }),
    );
    return { cartId, reminded: true, notificationId, rounds: round };
  }
});

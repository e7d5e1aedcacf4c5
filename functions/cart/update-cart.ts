// ItemAddedToCart (from the bus) → the cart with the line added and its total recomputed, saved
// under optimistic locking: a save that finds another writer got there first starts again from
// that writer's cart. CartUpdated is written in the same transaction as the cart, into the shop
// bus's outbox, and the relay puts it on the bus: a saved cart is always announced, and a save
// that failed never is. A line already in the cart (a redelivered event) is not added twice.
// A new cart (version 1) starts its abandoned-cart reminder, a durable function named after it.
import type { EventBridgeEvent } from 'aws-lambda';
import { ConditionFailedError, durable, table, type WriteEvent } from '@serverless-stateful/runtime';
import { cartSource, type Cart, type CartLine, type CartReminderInput, type ShopEvents } from '../shared/model';
import { jitteredDelay, sleep } from '../shared/retry';

const carts = table<Cart>('carts');
const cartReminder = durable('cartReminder');

/** Saves attempted before giving up; the bus then redelivers the event (see the rule's retry). */
const maxAttempts = 40;

const emptyCart = (cartId: string): Cart => ({ cartId, lines: [], total: 0, version: 0, updatedAt: '' });

function withLine(cart: Cart, line: CartLine): Cart {
  const lines = [...cart.lines, line];
  const total = lines.reduce((sum, { qty, unitPrice }) => sum + qty * unitPrice, 0);
  return { ...cart, lines, total, updatedAt: new Date().toISOString() };
}

/** CartUpdated for `cart` once it is saved as `version`. */
function cartUpdated(cart: Cart, version: number): WriteEvent {
  const itemCount = cart.lines.reduce((sum, { qty }) => sum + qty, 0);
  const detail: ShopEvents['CartUpdated'] = { cartId: cart.cartId, version, total: cart.total, itemCount };
  return { bus: 'shop', detailType: 'CartUpdated', detail, source: cartSource };
}

/** The cart with `line` in it, saved; `added` is false when it was there already. */
async function addLine(cartId: string, line: CartLine): Promise<{ cart: Cart; added: boolean }> {
  let cart = (await carts.get({ cartId }, { consistent: true })) ?? emptyCart(cartId);
  for (let attempt = 1; ; attempt++) {
    if (cart.lines.some(({ lineId }) => lineId === line.lineId)) return { cart, added: false };
    const next = withLine(cart, line);
    try {
      // expectVersion: the save holds only if nobody saved since this read; it stores version + 1,
      // with CartUpdated in the same transaction.
      return {
        cart: await carts.put(next, { expectVersion: cart.version, publish: cartUpdated(next, cart.version + 1) }),
        added: true,
      };
    } catch (error) {
      if (!(error instanceof ConditionFailedError) || attempt >= maxAttempts) throw error;
      cart = (error.current as Cart | undefined) ?? emptyCart(cartId);
      await sleep(jitteredDelay(attempt));
    }
  }
}

export async function handler(event: EventBridgeEvent<'ItemAddedToCart', ShopEvents['ItemAddedToCart']>) {
  const { cartId, line } = event.detail;
  const { cart, added } = await addLine(cartId, line);
  if (cart.version === 1) {
    // After the save: a start that fails fails the event, and the bus delivers it again; the line
    // is there already, and while the cart is still at version 1 the start is made again. The
    // execution is named after the cart, so on AWS a second start of one cart starts nothing new.
    const input: CartReminderInput = { cartId };
    await cartReminder.start(input, { key: `cart-${cartId}` });
  }
  return { cartId, version: cart.version, added };
}

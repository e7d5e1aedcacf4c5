// ItemAddedToCart (from the bus) → the cart with the line added and its total recomputed, saved
// under optimistic locking: a save that finds another writer got there first starts again from
// that writer's cart. Then CartUpdated. A line already in the cart (a redelivered event) is
// not added twice.
import type { EventBridgeEvent } from 'aws-lambda';
import { bus, ConditionFailedError, table } from '@serverless-stateful/runtime';
import { cartSource, type Cart, type CartLine, type ShopEvents } from '../shared/model';
import { jitteredDelay, sleep } from '../shared/retry';

const carts = table<Cart>('carts');
const shop = bus('shop');

/** Saves attempted before giving up; the bus then redelivers the event (see the rule's retry). */
const maxAttempts = 40;

const emptyCart = (cartId: string): Cart => ({ cartId, lines: [], total: 0, version: 0, updatedAt: '' });

function withLine(cart: Cart, line: CartLine): Cart {
  const lines = [...cart.lines, line];
  const total = lines.reduce((sum, { qty, unitPrice }) => sum + qty * unitPrice, 0);
  return { ...cart, lines, total, updatedAt: new Date().toISOString() };
}

export async function handler(event: EventBridgeEvent<'ItemAddedToCart', ShopEvents['ItemAddedToCart']>) {
  const { cartId, line } = event.detail;
  let cart = (await carts.get({ cartId }, { consistent: true })) ?? emptyCart(cartId);
  for (let attempt = 1; ; attempt++) {
    if (cart.lines.some(({ lineId }) => lineId === line.lineId)) return { cartId, version: cart.version, added: false };
    try {
      // expectVersion: the save holds only if nobody saved since this read; it stores version + 1.
      cart = await carts.put(withLine(cart, line), { expectVersion: cart.version });
      break;
    } catch (error) {
      if (!(error instanceof ConditionFailedError) || attempt >= maxAttempts) throw error;
      cart = (error.current as Cart | undefined) ?? emptyCart(cartId);
      await sleep(jitteredDelay(attempt));
    }
  }
  const itemCount = cart.lines.reduce((sum, { qty }) => sum + qty, 0);
  await publish({ cartId, version: cart.version, total: cart.total, itemCount });
  return { cartId, version: cart.version, added: true };
}

async function publish(detail: ShopEvents['CartUpdated']) {
  const { failed } = await shop.publish('CartUpdated', detail, { source: cartSource });
  if (failed.length > 0) throw new Error(`CartUpdated was not published: ${failed[0]?.errorMessage ?? ''}`);
}

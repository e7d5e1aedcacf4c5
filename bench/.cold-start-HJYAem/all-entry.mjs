import { bus, idempotent, table, transact, workflow } from '@serverless-stateful/runtime';
const carts = table('carts');
const orders = table('orders');
const shop = bus('shop');
const orderProcessing = workflow('orderProcessing');
export const handler = idempotent(async (event) => {
  await transact((tx) => tx.put(orders, event));
  await shop.publish('OrderPlaced', event);
  await orderProcessing.start(event, { name: event.orderId });
  return carts.get({ cartId: event.cartId });
}, { key: 'orderId' });
export { startedModules as settle } from '/work/main/runtime/dist/esm/lazy-module.js';
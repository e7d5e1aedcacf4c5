// POST /carts/{id}/checkout: places the order for the cart as it is now and starts the order
// workflow. The order and the execution are both named after the cart and its version, so a
// double click (or a retried request) starts one order, and a cart changed since is a new one.
import { ConditionFailedError, ExecutionInputMismatchError, table, workflow } from '@serverless-stateful/runtime';
import { HttpError, httpHandler, json, jsonBody, pathParameter } from '../shared/http';
import type { Cart, Order, OrderInput } from '../shared/model';

const carts = table<Cart>('carts');
const orders = table<Order>('orders', { key: ['orderId'] });
const orderProcessing = workflow('orderProcessing');

export const handler = httpHandler(async (event) => {
  const cartId = pathParameter(event, 'id');
  const { paymentToken = 'tok_ok' } = jsonBody(event);
  if (typeof paymentToken !== 'string') throw new HttpError(400, 'paymentToken must be a string');
  const cart = await carts.get({ cartId }, { consistent: true });
  if (!cart) throw new HttpError(404, `no cart ${cartId}`);
  if (cart.lines.length === 0) throw new HttpError(409, `cart ${cartId} is empty`);

  const orderId = `${cartId}-v${cart.version}`;
  const input: OrderInput = { orderId, cartId, lines: cart.lines, total: cart.total, paymentToken };
  try {
    await orders.put({ ...input, status: 'PLACED', createdAt: new Date().toISOString() }, { ifNotExists: true });
  } catch (error) {
    // Placed by an earlier request for the same cart version: the start below finds its run.
    if (!(error instanceof ConditionFailedError)) throw error;
  }
  try {
    const run = await orderProcessing.start(input, { name: orderId });
    return json(202, { orderId, executionArn: run.executionArn, alreadyStarted: run.alreadyStarted });
  } catch (error) {
    if (error instanceof ExecutionInputMismatchError) {
      throw new HttpError(409, `order ${orderId} was already placed with another payment`);
    }
    throw error;
  }
});

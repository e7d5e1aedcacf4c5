// GET /orders/{id}: the order and where the workflow has taken it.
import { table } from '@serverless-stateful/runtime';
import { HttpError, httpHandler, json, pathParameter } from '../shared/http';
import type { Order } from '../shared/model';

const orders = table<Order>('orders');

export const handler = httpHandler(async (event) => {
  const orderId = pathParameter(event, 'id');
  const order = await orders.get({ orderId }, { consistent: true });
  if (!order) throw new HttpError(404, `no order ${orderId}`);
  return json(200, order);
});

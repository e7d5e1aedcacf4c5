// GET /carts/{id}: the cart as updateCart last saved it.
import { table } from '@serverless-stateful/runtime';
import { HttpError, httpHandler, json, pathParameter } from '../shared/http';
import type { Cart } from '../shared/model';

const carts = table<Cart>('carts');

export const handler = httpHandler(async (event) => {
  const cartId = pathParameter(event, 'id');
  const cart = await carts.get({ cartId }, { consistent: true });
  if (!cart) throw new HttpError(404, `no cart ${cartId}`);
  return json(200, cart);
});

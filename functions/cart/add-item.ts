// POST /carts/{id}/items: prices the item from the catalog and publishes ItemAddedToCart.
// Idempotent on the Idempotency-Key header: a repeated request (a retry, a double click) gets
// the first answer and publishes nothing more; the same key with another item is refused.
import { createHash } from 'node:crypto';
import {
  bus,
  idempotent,
  IdempotencyInProgressError,
  IdempotencyPayloadMismatchError,
  table,
} from '@serverless-stateful/runtime';
import { HttpError, httpHandler, json, jsonBody, pathParameter } from '../shared/http';
import { cartSource, type CartLine, type Product } from '../shared/model';

const products = table<Product>('products');
const shop = bus('shop');

interface AddItem {
  cartId: string;
  idempotencyKey: string;
  sku: string;
  qty: number;
}

const addItem = idempotent(
  async (request: AddItem): Promise<CartLine> => {
    const product = await products.get({ productId: request.sku });
    if (!product) throw new HttpError(404, `no product ${request.sku}`);
    // The line's id comes from the request's key, so whatever redelivers it, the cart adds it once.
    const lineId = createHash('sha256')
      .update(`${request.cartId}\n${request.idempotencyKey}`)
      .digest('hex')
      .slice(0, 20);
    const line: CartLine = { lineId, sku: request.sku, qty: request.qty, unitPrice: product.price };
    const { failed } = await shop.publish('ItemAddedToCart', { cartId: request.cartId, line }, { source: cartSource });
    if (failed.length > 0) throw new Error(`ItemAddedToCart was not published: ${failed[0]?.errorMessage ?? ''}`);
    return line;
  },
  {
    key: (request) => `${request.cartId}/${request.idempotencyKey}`,
    payload: (request) => [request.sku, request.qty],
    ttl: 24 * 3600,
  },
);

export const handler = httpHandler(async (event, context) => {
  const cartId = pathParameter(event, 'id');
  const idempotencyKey = event.headers['idempotency-key'];
  if (!idempotencyKey)
    throw new HttpError(400, 'send an Idempotency-Key header: a retry with the same key adds nothing');
  const { sku, qty = 1 } = jsonBody(event);
  if (typeof sku !== 'string' || sku === '') throw new HttpError(400, 'sku must be a product id');
  if (typeof qty !== 'number' || !Number.isInteger(qty) || qty < 1 || qty > 100) {
    throw new HttpError(400, 'qty must be a whole number from 1 to 100');
  }
  try {
    const line = await addItem({ cartId, idempotencyKey, sku, qty }, context);
    return json(202, { cartId, line });
  } catch (error) {
    if (error instanceof IdempotencyPayloadMismatchError) {
      throw new HttpError(422, `Idempotency-Key ${idempotencyKey} was used for another item`);
    }
    if (error instanceof IdempotencyInProgressError) {
      throw new HttpError(409, `a request with Idempotency-Key ${idempotencyKey} is still running; retry`);
    }
    throw error;
  }
});

// GET /products/{id}: one product of the catalog, read through the catalog cache (cache-aside).
// The first read of a product in the whole fleet loads it from the table; every other container
// then finds it in Redis, and this one in its own memory. `X-Cache` says which.
import { cache, table } from '@serverless-stateful/runtime';
import { HttpError, httpHandler, json, pathParameter } from '../shared/http';
import type { Product } from '../shared/model';

const products = table<Product>('products');
const catalog = cache('catalog');

export const handler = httpHandler(async (event) => {
  const productId = pathParameter(event, 'id');
  const load = { ran: false };
  const product = await catalog.getOrLoad(
    `product:${productId}`,
    () => {
      load.ran = true;
      return products.get({ productId });
    },
    // Five minutes fresh, one more served stale while one caller refreshes; "no such product"
    // is remembered for 30 s. A change to a product deletes its key at once (products.invalidates).
    { ttl: 300, grace: 60, negativeTtl: 30, tags: ['catalog'] },
  );
  if (!product) throw new HttpError(404, `no product ${productId}`);
  return json(200, product, { 'x-cache': load.ran ? 'miss' : 'hit' });
});

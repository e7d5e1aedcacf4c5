// GET /products/{id}: one product of the catalog.
import { table } from 'serverless-stateful/runtime';
import { HttpError, httpHandler, json, pathParameter } from '../shared/http';
import type { Product } from '../shared/model';

const products = table<Product>('products');

export const handler = httpHandler(async (event) => {
  const productId = pathParameter(event, 'id');
  const product = await products.get({ productId });
  if (!product) throw new HttpError(404, `no product ${productId}`);
  return json(200, product);
});

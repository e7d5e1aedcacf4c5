import { table } from '@serverless-stateful/runtime';
const carts = table('carts');
export const handler = async (event) => carts.get({ cartId: event.cartId });
export { startedModules as settle } from '/work/main/runtime/dist/esm/lazy-module.js';
import { bus } from '@serverless-stateful/runtime';
const shop = bus('shop');
export const handler = async (event) => shop.publish('CartUpdated', event);
export { startedModules as settle } from '/work/main/runtime/dist/esm/lazy-module.js';
import { idempotent } from '@serverless-stateful/runtime';
export const handler = idempotent(async (event) => ({ charged: event.orderId }), { key: 'orderId' });
export { startedModules as settle } from '/work/main/runtime/dist/esm/lazy-module.js';
// ProcessPayment, the workflow's first task: charges the order through the payment provider.
// Idempotent on the order: a task Step Functions runs again after a charge went through (a
// timeout, a lost answer) gets the first charge back instead of charging twice. A failed charge
// leaves no record, so the workflow's Retry (exponential backoff) tries the provider again.
import { idempotent } from '@serverless-stateful/runtime';
import type { OrderInput } from '../shared/model';
import { charge } from '../payments/provider';

export const handler = idempotent(async (order: OrderInput) => charge(order.orderId, order.total, order.paymentToken), {
  key: 'orderId',
  payload: 'total',
  ttl: 24 * 3600,
});

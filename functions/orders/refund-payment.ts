// RefundPayment, the workflow's compensation: refunds what was charged, and records the order as
// failed with the reason, which OrderFailed then carries. Safe to run twice: the refund happens
// once, and the order's reason is written again as it was.
import { table } from '@serverless-stateful/runtime';
import type { Order } from '../shared/model';
import { refund } from '../payments/provider';
import type { Reservation } from './reserve-inventory';

const orders = table<Order>('orders');

interface FailedOrder {
  orderId: string;
  /** Set by a Catch: the error of the task that failed. */
  error?: { Error?: string; Cause?: string };
  reservation?: Reservation;
}

/** The reason in a person's words: the stock that lacked, or the failed task's error. */
function reasonOf(order: FailedOrder): string {
  if (order.reservation && !order.reservation.reserved) return `out of stock: ${order.reservation.reason}`;
  const { Error: name = 'Error', Cause: cause = '' } = order.error ?? {};
  // Lambda's Cause is the error as JSON ({ errorType, errorMessage, … }).
  let message = cause;
  try {
    message = (JSON.parse(cause) as { errorMessage?: string }).errorMessage ?? cause;
  } catch {
    // not JSON: keep it as it is
  }
  return `${name}: ${message}`.slice(0, 500);
}

export async function handler(order: FailedOrder): Promise<{ refunded: number; reason: string }> {
  const reason = reasonOf(order);
  const { refunded } = await refund(order.orderId);
  await orders.update({ orderId: order.orderId }, { set: { status: 'FAILED', reason, refunded } });
  return { refunded, reason };
}

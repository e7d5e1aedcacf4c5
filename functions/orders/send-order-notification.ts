// OrderCompleted and OrderFailed (from the bus) → a notification for the shopper.
import type { EventBridgeEvent } from 'aws-lambda';
import { table } from '@serverless-stateful/runtime';
import type { Notification, ShopEvents } from '../shared/model';

const notifications = table<Notification>('notifications');

type OrderEvent =
  | EventBridgeEvent<'OrderCompleted', ShopEvents['OrderCompleted']>
  | EventBridgeEvent<'OrderFailed', ShopEvents['OrderFailed']>;

export async function handler(event: OrderEvent) {
  const { orderId, cartId } = event.detail;
  const message =
    event['detail-type'] === 'OrderCompleted'
      ? `Order ${orderId} is on its way: tracking number ${event.detail.trackingNumber}.`
      : `Order ${orderId} could not be completed (${event.detail.reason}); any payment was refunded.`;
  await notifications.put({
    recipient: cartId,
    notificationId: `order-${orderId}`,
    kind: event['detail-type'],
    message,
    createdAt: event.time,
  });
}

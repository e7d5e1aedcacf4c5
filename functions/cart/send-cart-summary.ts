// CartUpdated (from the bus) → a notification for the shopper. Keyed by the cart's version, so
// a redelivered event writes the same notification again rather than a second one.
import type { EventBridgeEvent } from 'aws-lambda';
import { table } from '@serverless-stateful/runtime';
import type { Notification, ShopEvents } from '../shared/model';

const notifications = table<Notification>('notifications');

const cents = (amount: number) => (amount / 100).toFixed(2);

export async function handler(event: EventBridgeEvent<'CartUpdated', ShopEvents['CartUpdated']>) {
  const { cartId, version, total, itemCount } = event.detail;
  await notifications.put({
    recipient: cartId,
    notificationId: `cart-v${String(version).padStart(6, '0')}`,
    kind: 'CartSummary',
    message: `Your cart holds ${itemCount} item${itemCount === 1 ? '' : 's'}, ${cents(total)} in all.`,
    createdAt: event.time,
  });
}

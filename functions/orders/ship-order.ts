// ShipOrder: hands the order to the carrier (a stub) and returns its tracking number.
import { createHash } from 'node:crypto';

export async function handler(order: { orderId: string }): Promise<{ trackingNumber: string; carrier: string }> {
  await Promise.resolve();
  const trackingNumber = `TRK${createHash('sha256').update(order.orderId).digest('hex').slice(0, 12).toUpperCase()}`;
  return { trackingNumber, carrier: 'stub-post' };
}

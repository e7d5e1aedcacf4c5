// ReleaseInventory: gives back what ReserveInventory took, when the order fails after its stock
// was reserved (shipping or completing it failed). One transaction, like the reservation.
import { table, transact } from '@serverless-stateful/runtime';
import type { CartLine, Stock } from '../shared/model';
import { quantities } from './reserve-inventory';

const inventory = table<Stock>('inventory');

export async function handler(order: { orderId: string; lines: CartLine[] }): Promise<{ released: number }> {
  const wanted = quantities(order.lines);
  await transact(
    (tx) => {
      for (const [sku, qty] of wanted) tx.update(inventory, { sku }, { add: { stock: qty } });
    },
    // A task run again within 10 minutes (a lost answer) does not give the stock back twice.
    { token: `release-${order.orderId}` },
  );
  return { released: wanted.size };
}

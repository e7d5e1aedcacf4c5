// ReserveInventory: one transaction takes every line's quantity from stock, on the condition that
// the stock suffices; all lines are reserved or none. When one does not suffice, the answer names
// it, and the workflow's Choice sends the order to the refund.
import { table, transact, TransactionCanceledError } from '@serverless-stateful/runtime';
import type { CartLine, Stock } from '../shared/model';

const inventory = table<Stock>('inventory', { key: ['sku'] });

export type Reservation = { reserved: true } | { reserved: false; sku: string; reason: string };

/** A transaction takes one operation per item: lines of the same product are summed. */
export function quantities(lines: CartLine[]): Map<string, number> {
  const bySku = new Map<string, number>();
  for (const { sku, qty } of lines) bySku.set(sku, (bySku.get(sku) ?? 0) + qty);
  return bySku;
}

export async function handler(order: { orderId: string; lines: CartLine[] }): Promise<Reservation> {
  const wanted = quantities(order.lines);
  try {
    await transact(
      (tx) => {
        for (const [sku, qty] of wanted) {
          tx.update(inventory, { sku }, { add: { stock: -qty }, when: 'stock >= :qty', values: { ':qty': qty } });
        }
      },
      // A task run again within 10 minutes (a lost answer) does not take the stock twice.
      { token: `reserve-${order.orderId}`, returnCurrent: true },
    );
    return { reserved: true };
  } catch (error) {
    if (!(error instanceof TransactionCanceledError)) throw error;
    const short = error.reasons.find(({ code }) => code === 'ConditionalCheckFailed');
    if (!short) throw error;
    const sku = String(short.key.sku);
    const inStock = typeof short.current?.stock === 'number' ? short.current.stock : 0;
    return { reserved: false, sku, reason: `${sku}: ${inStock} in stock, ${wanted.get(sku) ?? 0} wanted` };
  }
}

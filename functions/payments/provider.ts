// A payment provider stub, inside the app, so that the workflow's retry and compensation paths
// can be driven. Its ledger (the payments table) records every attempt, charge and refund, as a
// provider's dashboard would. The payment token says how it behaves, like a provider's test cards:
//   tok_ok          charges at once
//   tok_fail_<n>    is unavailable for the first n attempts of an order, then charges
//   tok_decline     always declines
import { table } from '@serverless-stateful/runtime';

export interface PaymentRecord extends Record<string, unknown> {
  orderId: string;
  attempts: number;
  status?: 'CHARGED' | 'REFUNDED';
  amount?: number;
  chargeId?: string;
}

export interface Charge {
  chargeId: string;
  amount: number;
  attempts: number;
}

/** The provider could not be reached or answered 5xx: worth retrying. */
export class PaymentProviderUnavailable extends Error {
  override name = 'PaymentProviderUnavailable';
}

/** The card was declined: retrying changes nothing. */
export class PaymentDeclined extends Error {
  override name = 'PaymentDeclined';
}

const payments = table<PaymentRecord>('payments');

export async function charge(orderId: string, amount: number, token: string): Promise<Charge> {
  const { attempts } = await payments.update({ orderId }, { add: { attempts: 1 } });
  if (token === 'tok_decline') throw new PaymentDeclined(`the card for order ${orderId} was declined`);
  const failures = /^tok_fail_(\d+)$/.exec(token);
  if (failures && attempts <= Number(failures[1])) {
    throw new PaymentProviderUnavailable(`the payment provider is unavailable (attempt ${attempts} for ${orderId})`);
  }
  const chargeId = `ch_${orderId}`;
  await payments.update({ orderId }, { set: { status: 'CHARGED', amount, chargeId } });
  return { chargeId, amount, attempts };
}

/** Refunds what was charged for the order, once; an order never charged refunds 0. */
export async function refund(orderId: string): Promise<{ refunded: number }> {
  const record = await payments.get({ orderId }, { consistent: true });
  if (record?.status !== 'CHARGED') return { refunded: 0 };
  await payments.update(
    { orderId },
    {
      set: { status: 'REFUNDED' },
      when: '#status = :charged',
      names: { '#status': 'status' },
      values: { ':charged': 'CHARGED' },
    },
  );
  return { refunded: record.amount ?? 0 };
}

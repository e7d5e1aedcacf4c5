// The shop's HTTP API, called as a browser or curl would: JSON in, JSON out, with the status.
import type { DeployedService } from '../../testing';

export interface Reply<T> {
  readonly status: number;
  readonly body: T;
  /** Milliseconds from sending the request to reading the whole answer. */
  readonly ms: number;
  readonly headers: Headers;
}

export interface CartLine {
  lineId: string;
  sku: string;
  qty: number;
  unitPrice: number;
}

export interface Cart {
  cartId: string;
  lines: CartLine[];
  total: number;
  version: number;
}

export interface Order {
  orderId: string;
  cartId: string;
  status: 'PLACED' | 'COMPLETED' | 'FAILED';
  total: number;
  trackingNumber?: string;
  reason?: string;
  refunded?: number;
}

export interface CheckoutStarted {
  orderId: string;
  executionArn: string;
  alreadyStarted: boolean;
}

export type Message = { message: string };

export class ShopApi {
  constructor(readonly baseUrl: string) {}

  /** The API of the shop deployed as `shop`. */
  static of(shop: DeployedService): ShopApi {
    if (!shop.httpApiUrl) throw new Error(`stack ${shop.stackName} has no HTTP API`);
    return new ShopApi(shop.httpApiUrl);
  }

  async request<T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const started = performance.now();
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (an emulator's error page): keep the text
    }
    return { status: response.status, body: parsed as T, ms, headers: response.headers };
  }

  addItem(cartId: string, item: { sku: string; qty: number }, idempotencyKey: string) {
    return this.request<{ cartId: string; line: CartLine } | Message>('POST', `/carts/${cartId}/items`, item, {
      'idempotency-key': idempotencyKey,
    });
  }

  getCart(cartId: string) {
    return this.request<Cart | Message>('GET', `/carts/${cartId}`);
  }

  getProduct(productId: string) {
    return this.request<Record<string, unknown>>('GET', `/products/${productId}`);
  }

  checkout(cartId: string, paymentToken: string) {
    return this.request<CheckoutStarted | Message>('POST', `/carts/${cartId}/checkout`, { paymentToken });
  }

  getOrder(orderId: string) {
    return this.request<Order | Message>('GET', `/orders/${orderId}`);
  }
}

// The shop's data: what the tables hold and what the bus carries.

/** A product of the catalog (the products table). */
export interface Product extends Record<string, unknown> {
  productId: string;
  name: string;
  /** In cents. */
  price: number;
  currency: string;
}

/** Stock of one product (the inventory table); `sku` is the product's id. */
export interface Stock extends Record<string, unknown> {
  sku: string;
  stock: number;
}

/** One ItemAddedToCart: `lineId` names the request, so a redelivered event adds nothing. */
export interface CartLine {
  lineId: string;
  sku: string;
  qty: number;
  /** In cents, as the catalog priced it when the item was added. */
  unitPrice: number;
}

export interface Cart extends Record<string, unknown> {
  cartId: string;
  lines: CartLine[];
  /** In cents. */
  total: number;
  /** Optimistic lock: each save expects the version it read and stores the next. */
  version: number;
  updatedAt: string;
}

export type OrderStatus = 'PLACED' | 'COMPLETED' | 'FAILED';

export interface Order extends Record<string, unknown> {
  /** `<cartId>-v<cart version>`: also the workflow execution's name. */
  orderId: string;
  cartId: string;
  lines: CartLine[];
  total: number;
  status: OrderStatus;
  createdAt: string;
  reason?: string;
}

/** What the order workflow starts with. */
export interface OrderInput {
  orderId: string;
  cartId: string;
  lines: CartLine[];
  total: number;
  /** The payment provider stub reads it: see functions/payments/provider.ts. */
  paymentToken: string;
}

export interface Notification extends Record<string, unknown> {
  /** The cart the shopper is using: the shop has no accounts. */
  recipient: string;
  notificationId: string;
  kind: 'CartSummary' | 'CartReminder' | 'OrderCompleted' | 'OrderFailed';
  message: string;
  createdAt: string;
}

/** What the abandoned-cart reminder (a durable function) starts with. */
export interface CartReminderInput {
  cartId: string;
}

/** The source of the cart's events on the shop bus; the bus's rules match on it. */
export const cartSource = 'shop.cart';

/** Details of the events on the shop bus, by detail type. */
export interface ShopEvents {
  ItemAddedToCart: { cartId: string; line: CartLine };
  CartUpdated: { cartId: string; version: number; total: number; itemCount: number };
  OrderCompleted: { orderId: string; cartId: string; total: number; trackingNumber: string };
  OrderFailed: { orderId: string; cartId: string; reason: string };
}

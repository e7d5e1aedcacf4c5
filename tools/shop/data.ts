// The shop's data, read and seeded directly in its tables: products and their stock (which the
// demo and the tests bring), and the notifications the flows leave behind.
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { resolve } from 'node:path';
import { awsClients, type DeployedService } from '../../testing';

/** The shop's service folder: serverless.yml at the repository root. */
export const shopDir = resolve(__dirname, '..', '..');

/** The tables serverless.yml declares (state.tables, and state.idempotency's). */
export type ShopTable = 'carts' | 'products' | 'inventory' | 'orders' | 'notifications' | 'payments' | 'idempotency';

/** The physical name of one of the shop's tables in `shop`. */
export function tableOf(shop: DeployedService, table: ShopTable): string {
  const name = shop.tables[table];
  if (!name) throw new Error(`stack ${shop.stackName} has no table ${table}`);
  return name;
}

export interface SeedProduct {
  productId: string;
  name: string;
  /** In cents. */
  price: number;
  stock: number;
}

/** Puts the products in the catalog and their stock in the inventory. */
export async function seedCatalog(shop: DeployedService, products: readonly SeedProduct[]): Promise<void> {
  for (let start = 0; start < products.length; start += 12) {
    const batch = products.slice(start, start + 12);
    await awsClients().documents.send(
      new BatchWriteCommand({
        RequestItems: {
          [tableOf(shop, 'products')]: batch.map(({ productId, name, price }) => ({
            PutRequest: { Item: { productId, name, price, currency: 'EUR' } },
          })),
          [tableOf(shop, 'inventory')]: batch.map(({ productId, stock }) => ({
            PutRequest: { Item: { sku: productId, stock } },
          })),
        },
      }),
    );
  }
}

export interface Notification {
  recipient: string;
  notificationId: string;
  kind: string;
  message: string;
}

/** The notifications written for a cart, oldest first. */
export async function notificationsOf(shop: DeployedService, cartId: string): Promise<Notification[]> {
  const { Items = [] } = await awsClients().documents.send(
    new QueryCommand({
      TableName: tableOf(shop, 'notifications'),
      KeyConditionExpression: 'recipient = :cart',
      ExpressionAttributeValues: { ':cart': cartId },
      ConsistentRead: true,
    }),
  );
  return Items as Notification[];
}

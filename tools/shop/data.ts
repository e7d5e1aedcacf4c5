// The shop's data, read and seeded directly in its tables: products and their stock (which the
// demo and the tests bring), and what the flows leave behind (carts, orders, notifications, the
// payment stub's ledger).
import { BatchWriteItemCommand, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { shopClients, type ShopStack, type ShopTable } from './stack';

export interface SeedProduct {
  productId: string;
  name: string;
  /** In cents. */
  price: number;
  stock: number;
}

/** Puts the products in the catalog and their stock in the inventory. */
export async function seedCatalog(stack: ShopStack, products: readonly SeedProduct[]): Promise<void> {
  for (let start = 0; start < products.length; start += 12) {
    const batch = products.slice(start, start + 12);
    await shopClients().dynamodb.send(
      new BatchWriteItemCommand({
        RequestItems: {
          [stack.tableNames.products]: batch.map(({ productId, name, price }) => ({
            PutRequest: { Item: marshall({ productId, name, price, currency: 'EUR' }) },
          })),
          [stack.tableNames.inventory]: batch.map(({ productId, stock }) => ({
            PutRequest: { Item: marshall({ sku: productId, stock }) },
          })),
        },
      }),
    );
  }
}

/** The item of `table` with `key`, read consistently. */
export async function readItem<T>(stack: ShopStack, table: ShopTable, key: Record<string, string>) {
  const { Item } = await shopClients().dynamodb.send(
    new GetItemCommand({ TableName: stack.tableNames[table], Key: marshall(key), ConsistentRead: true }),
  );
  return Item ? (unmarshall(Item) as T) : undefined;
}

export interface Notification {
  recipient: string;
  notificationId: string;
  kind: string;
  message: string;
}

/** The notifications written for a cart, oldest first. */
export async function notificationsOf(stack: ShopStack, cartId: string): Promise<Notification[]> {
  const { Items = [] } = await shopClients().dynamodb.send(
    new QueryCommand({
      TableName: stack.tableNames.notifications,
      KeyConditionExpression: 'recipient = :cart',
      ExpressionAttributeValues: marshall({ ':cart': cartId }),
      ConsistentRead: true,
    }),
  );
  return Items.map((item) => unmarshall(item) as Notification);
}

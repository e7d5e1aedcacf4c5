import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
const persistenceStore = new DynamoDBPersistenceLayer({ tableName: 'idempotency' });
export const handler = makeIdempotent(async (event) => ({ charged: event.orderId }), {
  persistenceStore,
  config: new IdempotencyConfig({ eventKeyJmesPath: 'orderId' }),
});
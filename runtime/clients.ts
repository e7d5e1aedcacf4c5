// One client per service per container, made on first use and reused: cold starts pay only for
// the clients a handler touches. Endpoints and regions come from the standard AWS variables
// (AWS_REGION, AWS_ENDPOINT_URL…), so the same code runs on AWS and on an emulator.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

let documentClient: DynamoDBDocumentClient | undefined;

export function dynamodb(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: true },
    unmarshallOptions: { wrapNumbers: false },
  });
  return documentClient;
}

/** Replaces the DynamoDB client (tests, custom configuration). Returns the previous one. */
export function setDynamoDBClient(client: DynamoDBDocumentClient | undefined): DynamoDBDocumentClient | undefined {
  const previous = documentClient;
  documentClient = client;
  return previous;
}

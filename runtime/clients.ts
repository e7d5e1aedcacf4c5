// One client per service per container, made on first use and reused: cold starts pay only for
// the clients a handler touches. Endpoints and regions come from the standard AWS variables
// (AWS_REGION, AWS_ENDPOINT_URL…), so the same code runs on AWS and on an emulator.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { marshalOptions } from './tables/marshal.js';

let documentClient: DynamoDBDocumentClient | undefined;
let eventBridgeClient: EventBridgeClient | undefined;
let stepFunctionsClient: SFNClient | undefined;

export function eventBridge(): EventBridgeClient {
  eventBridgeClient ??= new EventBridgeClient({});
  return eventBridgeClient;
}

export function stepFunctions(): SFNClient {
  // StartSyncExecution goes to a `sync-` host on AWS; an emulator's endpoint has no such host.
  const emulated = Boolean(process.env.AWS_ENDPOINT_URL_SFN ?? process.env.AWS_ENDPOINT_URL);
  stepFunctionsClient ??= new SFNClient(emulated ? { disableHostPrefix: true } : {});
  return stepFunctionsClient;
}

/** Replaces the EventBridge client (custom configuration, fault injection in tests). */
export function setEventBridgeClient(client: EventBridgeClient | undefined): void {
  eventBridgeClient = client;
}

/** Replaces the Step Functions client. */
export function setStepFunctionsClient(client: SFNClient | undefined): void {
  stepFunctionsClient = client;
}

let lowLevelClient: DynamoDBClient | undefined;

/** The plain DynamoDB client: for hot paths that marshal their own requests. */
export function dynamodbClient(): DynamoDBClient {
  lowLevelClient ??= new DynamoDBClient({});
  return lowLevelClient;
}

/** The document client (plain JavaScript values in and out), over the same connection. */
export function dynamodb(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(dynamodbClient(), {
    marshallOptions: marshalOptions,
    unmarshallOptions: { wrapNumbers: false },
  });
  return documentClient;
}

/** Replaces the DynamoDB client (custom configuration, tests); undefined goes back to the default. */
export function setDynamoDBClient(client: DynamoDBClient | undefined): void {
  lowLevelClient = client;
  documentClient = undefined;
}

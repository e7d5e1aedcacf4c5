// One client per service per container, made on first use and reused. The SDK modules load on
// first use too (lazy-module.ts): importing the runtime loads none, and a handler pays only for the
// services it touches. Declaring a helper (`table('carts')` at a handler's top level) starts loading
// its service's modules, so they load during Lambda's init rather than in the first invocation.
// Endpoints and regions come from the standard AWS variables (AWS_REGION, AWS_ENDPOINT_URL…), so
// the same code runs on AWS and on an emulator.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { lazyModule, loadCommonJs } from './lazy-module.js';
import { marshalOptions } from './tables/marshal.js';

export type DynamoDBModule = typeof import('@aws-sdk/client-dynamodb');
export type DocumentModule = typeof import('@aws-sdk/lib-dynamodb');
export type EventBridgeModule = typeof import('@aws-sdk/client-eventbridge');
export type StepFunctionsModule = typeof import('@aws-sdk/client-sfn');
export type LambdaModule = typeof import('@aws-sdk/client-lambda');

/** A client, and the module whose commands it sends. */
export interface Connected<C, M> {
  readonly client: C;
  readonly commands: M;
}

// Each package named twice, in a literal require() and import(), so bundlers see both.
/* eslint-disable @typescript-eslint/no-require-imports */
const dynamodbModule = lazyModule('@aws-sdk/client-dynamodb', () =>
  loadCommonJs(
    () => require('@aws-sdk/client-dynamodb') as DynamoDBModule,
    () => import('@aws-sdk/client-dynamodb'),
  ),
);
const documentModule = lazyModule('@aws-sdk/lib-dynamodb', () =>
  loadCommonJs(
    () => require('@aws-sdk/lib-dynamodb') as DocumentModule,
    () => import('@aws-sdk/lib-dynamodb'),
  ),
);
const eventBridgeModule = lazyModule('@aws-sdk/client-eventbridge', () =>
  loadCommonJs(
    () => require('@aws-sdk/client-eventbridge') as EventBridgeModule,
    () => import('@aws-sdk/client-eventbridge'),
  ),
);
const stepFunctionsModule = lazyModule('@aws-sdk/client-sfn', () =>
  loadCommonJs(
    () => require('@aws-sdk/client-sfn') as StepFunctionsModule,
    () => import('@aws-sdk/client-sfn'),
  ),
);
const lambdaModule = lazyModule('@aws-sdk/client-lambda', () =>
  loadCommonJs(
    () => require('@aws-sdk/client-lambda') as LambdaModule,
    () => import('@aws-sdk/client-lambda'),
  ),
);
/* eslint-enable @typescript-eslint/no-require-imports */

/** Starts loading DynamoDB's modules (table(), transact(), idempotent()), without waiting for them. */
export function preloadDynamoDB(): void {
  dynamodbModule.start();
  documentModule.start();
}

/** Starts loading EventBridge's module (bus()). */
export const preloadEventBridge = (): void => eventBridgeModule.start();

/** Starts loading Step Functions' module (workflow()). */
export const preloadStepFunctions = (): void => stepFunctionsModule.start();

let documentClient: DynamoDBDocumentClient | undefined;
let lowLevelClient: DynamoDBClient | undefined;
let eventBridgeClient: EventBridgeClient | undefined;
let stepFunctionsClient: SFNClient | undefined;
let lambdaClient: LambdaClient | undefined;

/** Starts loading Lambda's module (durable()). */
export const preloadLambda = (): void => lambdaModule.start();

export async function lambda(): Promise<Connected<LambdaClient, LambdaModule>> {
  const commands = await lambdaModule();
  lambdaClient ??= new commands.LambdaClient({});
  return { client: lambdaClient, commands };
}

/** Replaces the Lambda client (custom configuration, fault injection in tests). */
export function setLambdaClient(client: LambdaClient | undefined): void {
  lambdaClient = client;
}

export async function eventBridge(): Promise<Connected<EventBridgeClient, EventBridgeModule>> {
  const commands = await eventBridgeModule();
  eventBridgeClient ??= new commands.EventBridgeClient({});
  return { client: eventBridgeClient, commands };
}

export async function stepFunctions(): Promise<Connected<SFNClient, StepFunctionsModule>> {
  const commands = await stepFunctionsModule();
  // StartSyncExecution goes to a `sync-` host on AWS; an emulator's endpoint has no such host.
  const emulated = Boolean(process.env.AWS_ENDPOINT_URL_SFN ?? process.env.AWS_ENDPOINT_URL);
  stepFunctionsClient ??= new commands.SFNClient(emulated ? { disableHostPrefix: true } : {});
  return { client: stepFunctionsClient, commands };
}

/** Replaces the EventBridge client (custom configuration, fault injection in tests). */
export function setEventBridgeClient(client: EventBridgeClient | undefined): void {
  eventBridgeClient = client;
}

/** Replaces the Step Functions client. */
export function setStepFunctionsClient(client: SFNClient | undefined): void {
  stepFunctionsClient = client;
}

/** The plain DynamoDB client: for hot paths that marshal their own requests. */
export async function dynamodbClient(): Promise<Connected<DynamoDBClient, DynamoDBModule>> {
  const commands = await dynamodbModule();
  lowLevelClient ??= new commands.DynamoDBClient({});
  return { client: lowLevelClient, commands };
}

/** The document client (plain JavaScript values in and out), over the same connection. */
export async function dynamodb(): Promise<Connected<DynamoDBDocumentClient, DocumentModule>> {
  const [{ client }, commands] = await Promise.all([dynamodbClient(), documentModule()]);
  documentClient ??= commands.DynamoDBDocumentClient.from(client, {
    marshallOptions: marshalOptions,
    unmarshallOptions: { wrapNumbers: false },
  });
  return { client: documentClient, commands };
}

/** Replaces the DynamoDB client (custom configuration, tests); undefined goes back to the default. */
export function setDynamoDBClient(client: DynamoDBClient | undefined): void {
  lowLevelClient = client;
  documentClient = undefined;
}

/** Whether `error` is the AWS error named `name`: the SDK's class is not loaded to test it with instanceof. */
export function isAwsError<E extends Error>(error: unknown, name: E['name']): error is E {
  return error instanceof Error && error.name === name;
}

/** Runs `use` with the document client and lib-dynamodb's commands, both loaded on first use. */
export async function documents<R>(
  use: (connected: Connected<DynamoDBDocumentClient, DocumentModule>) => Promise<R>,
): Promise<R> {
  return use(await dynamodb());
}

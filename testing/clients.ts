// SDK clients aimed at the emulator a deployed service runs on (MiniStack, or a LocalStack), made
// once per process and reused: tests make many calls, and a client holds its connections.
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { requireOptional } from './local-aws/optional-dependency';
import { endpointVariables } from './local-aws/services';

export interface LocalAwsClients {
  readonly cloudFormation: CloudFormationClient;
  readonly dynamodb: DynamoDBClient;
  /** The document client over `dynamodb`: plain JavaScript values in and out. */
  readonly documents: DynamoDBDocumentClient;
  readonly eventBridge: EventBridgeClient;
  readonly lambda: LambdaClient;
  readonly stepFunctions: SFNClient;
  readonly sqs: SQSClient;
}

/** The emulator's endpoint is not in the environment: the local AWS was not started. */
export class EmulatorEndpointMissingError extends Error {
  override readonly name = 'EmulatorEndpointMissingError';
  constructor() {
    super(
      `${endpointVariables.emulator} is not set, so there is no emulator to talk to. Start the local AWS first: ` +
        '`npx stateful-local up` (it prints the variables to export), or `await startLocalAws()` from ' +
        "'serverless-stateful/testing' in your test runner's global setup; or set LOCALSTACK_ENDPOINT to use a LocalStack.",
    );
  }
}

/** Where the emulator answers: the harness publishes it; LOCALSTACK_ENDPOINT names a LocalStack. */
export function emulatorEndpoint(env: NodeJS.ProcessEnv = process.env): string {
  const endpoint = env[endpointVariables.emulator] || env.LOCALSTACK_ENDPOINT;
  if (!endpoint) throw new EmulatorEndpointMissingError();
  return endpoint;
}

/**
 * The configuration every kit client takes. The credentials are the fixed pair MiniStack and
 * LocalStack accept, never the caller's own: a test must not reach a real account by accident.
 */
export function emulatorClientConfig(endpoint: string = emulatorEndpoint()) {
  return {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  };
}

// Optional peers of serverless-stateful (a Lambda bundle of the runtime must not carry them):
// loaded when a test first uses them, and named with their install command when missing.
export const cloudFormationSdk = () =>
  requireOptional(
    '@aws-sdk/client-cloudformation',
    'deploying to the local AWS',
  ) as typeof import('@aws-sdk/client-cloudformation');
export const lambdaSdk = () =>
  requireOptional(
    '@aws-sdk/client-lambda',
    'invoking functions on the local AWS',
  ) as typeof import('@aws-sdk/client-lambda');
export const eventBridgeSdk = () =>
  requireOptional(
    '@aws-sdk/client-eventbridge',
    'reaching buses on the local AWS',
  ) as typeof import('@aws-sdk/client-eventbridge');
export const stepFunctionsSdk = () =>
  requireOptional('@aws-sdk/client-sfn', 'reaching workflows on the local AWS') as typeof import('@aws-sdk/client-sfn');
export const sqsSdk = () =>
  requireOptional('@aws-sdk/client-sqs', 'capturing events on the local AWS') as typeof import('@aws-sdk/client-sqs');

/** Made on first use: a missing optional package fails only the test that needs it. */
function lazily<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

function createClients(endpoint: string): LocalAwsClients {
  const config = emulatorClientConfig(endpoint);
  const dynamodb = new DynamoDBClient(config);
  const cloudFormation = lazily(() => new (cloudFormationSdk().CloudFormationClient)(config));
  const lambda = lazily(() => new (lambdaSdk().LambdaClient)(config));
  const sqs = lazily(() => new (sqsSdk().SQSClient)(config));
  const eventBridge = lazily(() => new (eventBridgeSdk().EventBridgeClient)(config));
  const stepFunctions = lazily(() => new (stepFunctionsSdk().SFNClient)(config));
  return {
    get cloudFormation() {
      return cloudFormation();
    },
    dynamodb,
    documents: DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } }),
    get eventBridge() {
      return eventBridge();
    },
    get lambda() {
      return lambda();
    },
    get stepFunctions() {
      return stepFunctions();
    },
    get sqs() {
      return sqs();
    },
  };
}

let made: { endpoint: string; clients: LocalAwsClients } | undefined;

/** Clients pointed at the emulator (STATEFUL_LOCAL_AWS_ENDPOINT, or LOCALSTACK_ENDPOINT). */
export function awsClients(): LocalAwsClients {
  const endpoint = emulatorEndpoint();
  // A process that moves to another emulator (a test of the harness) gets clients for it.
  if (made?.endpoint !== endpoint) made = { endpoint, clients: createClients(endpoint) };
  return made.clients;
}

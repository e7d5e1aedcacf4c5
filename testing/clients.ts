// SDK clients aimed at the emulator a deployed service runs on (MiniStack, or a LocalStack), made
// once per process and reused: tests make many calls, and a client holds its connections.
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SQSClient } from '@aws-sdk/client-sqs';
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

let made: { endpoint: string; clients: LocalAwsClients } | undefined;

/** Clients pointed at the emulator (STATEFUL_LOCAL_AWS_ENDPOINT, or LOCALSTACK_ENDPOINT). */
export function awsClients(): LocalAwsClients {
  const endpoint = emulatorEndpoint();
  // A process that moves to another emulator (a test of the harness) gets clients for it.
  if (made?.endpoint !== endpoint) {
    const config = emulatorClientConfig(endpoint);
    const dynamodb = new DynamoDBClient(config);
    made = {
      endpoint,
      clients: {
        cloudFormation: new CloudFormationClient(config),
        dynamodb,
        documents: DynamoDBDocumentClient.from(dynamodb, { marshallOptions: { removeUndefinedValues: true } }),
        eventBridge: new EventBridgeClient(config),
        lambda: new LambdaClient(config),
        stepFunctions: new SFNClient(config),
        sqs: new SQSClient(config),
      },
    };
  }
  return made.clients;
}

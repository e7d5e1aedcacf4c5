// SDK clients aimed at the local AWS (the emulator, or DynamoDB Local for `dynamodb` on the fast
// path), made once per process. Contract seam: bodies are filled in by the kit's deploy work.
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { SQSClient } from '@aws-sdk/client-sqs';

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

/** Clients pointed at the emulator (STATEFUL_LOCAL_AWS_ENDPOINT, or LOCALSTACK_ENDPOINT). */
export function awsClients(): LocalAwsClients {
  throw new Error('awsClients: not built yet');
}

// AWS SDK clients aimed at the emulator, made once per test file.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda';
import { awsClientConfig } from './endpoints';

let clients: { dynamodb: DynamoDBClient; lambda: LambdaClient } | undefined;

export function emulatorClients() {
  clients ??= {
    dynamodb: new DynamoDBClient(awsClientConfig('emulator')),
    lambda: new LambdaClient(awsClientConfig('emulator')),
  };
  return clients;
}

/** Invokes a deployed function and returns its JSON result; a function error becomes a throw. */
export async function invoke<T>(functionName: string, payload: unknown): Promise<T> {
  const result = await emulatorClients().lambda.send(
    new InvokeCommand({ FunctionName: functionName, Payload: Buffer.from(JSON.stringify(payload)) }),
  );
  const body = result.Payload ? Buffer.from(result.Payload).toString('utf8') : '';
  if (result.FunctionError) throw new Error(`${functionName} failed: ${body}`);
  return JSON.parse(body) as T;
}

// AWS SDK clients aimed at the emulator, made once per test file.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda';
import { SFNClient } from '@aws-sdk/client-sfn';
import { awsClientConfig } from './endpoints';

let clients: ReturnType<typeof createClients> | undefined;

function createClients() {
  const config = awsClientConfig('emulator');
  return {
    dynamodb: new DynamoDBClient(config),
    eventBridge: new EventBridgeClient(config),
    lambda: new LambdaClient(config),
    stepFunctions: new SFNClient(config),
  };
}

export function emulatorClients() {
  clients ??= createClients();
  return clients;
}

/** Polls `probe` until it returns a value or `timeoutMs` passes; then throws `what`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
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

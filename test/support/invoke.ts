// Calling a deployed function from a test, through the testing kit's clients.
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { awsClients } from '../../testing';

/** Invokes a deployed function and returns its JSON result; a function error becomes a throw. */
export async function invoke<T>(functionName: string, payload: unknown): Promise<T> {
  const result = await awsClients().lambda.send(
    new InvokeCommand({ FunctionName: functionName, Payload: Buffer.from(JSON.stringify(payload)) }),
  );
  const body = result.Payload ? Buffer.from(result.Payload).toString('utf8') : '';
  if (result.FunctionError) throw new Error(`${functionName} failed: ${body}`);
  return JSON.parse(body) as T;
}

// Lambda sets durability only when it creates a function: CloudFormation would try to add
// DurableConfig to a function already deployed and fail mid-deploy. Asked before the stack update,
// Lambda says which of the durable functions exist without it, and the deploy stops there.
import { StatefulConfigError, listOf } from '../errors';
import type { AwsClientConfig } from '../kinds/kind';
import type { DurableFunction } from './durable';

/** What Lambda says of a function: deployed with or without durability, not deployed, or nothing. */
type Deployed = 'not durable' | 'durable' | 'absent' | 'unknown';

async function deployedAs(ask: () => Promise<{ DurableConfig?: unknown }>): Promise<Deployed> {
  try {
    return (await ask()).DurableConfig ? 'durable' : 'not durable';
  } catch (error) {
    return (error as { name?: unknown }).name === 'ResourceNotFoundException' ? 'absent' : 'unknown';
  }
}

/**
 * Throws STATE_DURABLE_CHANGED when a function declared durable is deployed without durability.
 * Never fails on a question Lambda cannot answer (no client, no permission): CloudFormation then
 * says it. Four requests at a time.
 */
export async function refuseDurabilityAdded(targets: readonly DurableFunction[], aws: AwsClientConfig): Promise<void> {
  if (targets.length === 0) return;
  let sdk: typeof import('@aws-sdk/client-lambda');
  try {
    sdk = await import('@aws-sdk/client-lambda');
  } catch {
    return;
  }
  const client = new sdk.LambdaClient({ ...aws, maxAttempts: 2 });
  const found: DurableFunction[] = [];
  try {
    for (let start = 0; start < targets.length; start += 4) {
      const batch = targets.slice(start, start + 4);
      const states = await Promise.all(
        batch.map((target) =>
          deployedAs(() => client.send(new sdk.GetFunctionConfigurationCommand({ FunctionName: target.physicalName }))),
        ),
      );
      batch.forEach((target, index) => {
        if (states[index] === 'not durable') found.push(target);
      });
    }
  } finally {
    client.destroy();
  }
  if (found.length === 0) return;
  const names = found.map((target) => `${target.physicalName} (${target.source})`);
  throw new StatefulConfigError(
    'STATE_DURABLE_CHANGED',
    `${listOf(names, 'and')} ${found.length === 1 ? 'is deployed as a plain function' : 'are deployed as plain functions'}, and Lambda makes a function durable only when it creates it: the stack update would fail. Give the durable function a new key under functions: (a new function; move its callers to it), or remove the function from the stack first. Nothing was deployed.`,
  );
}

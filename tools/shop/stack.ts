// The reference shop (serverless.yml at the repository root) deployed onto the local AWS: deploy,
// read the stack's outputs, remove. Shared by `npm run demo` and test/e2e/shop.test.ts.
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SFNClient } from '@aws-sdk/client-sfn';
import { resolve } from 'node:path';
import { serverless } from '../../testing/local-aws/serverless-cli';
import { endpointVariables } from '../../testing/local-aws/services';

export const shopDir = resolve(__dirname, '..', '..');

/** The tables serverless.yml declares (state.tables, and state.idempotency's). */
export const shopTables = [
  'carts',
  'products',
  'inventory',
  'orders',
  'notifications',
  'payments',
  'idempotency',
] as const;
export type ShopTable = (typeof shopTables)[number];

export interface ShopStack {
  readonly stage: string;
  readonly stackName: string;
  /** The HTTP API's base URL on the emulator, without a trailing slash. */
  readonly apiUrl: string;
  readonly busName: string;
  readonly stateMachineArn: string;
  readonly tableNames: Readonly<Record<ShopTable, string>>;
}

/** Where the emulator answers: the harness publishes it; LOCALSTACK_ENDPOINT names a LocalStack. */
export function emulatorEndpoint(): string {
  const endpoint = process.env[endpointVariables.emulator];
  if (!endpoint) throw new Error(`${endpointVariables.emulator} is not set: start the local AWS first`);
  return endpoint;
}

let clients: ReturnType<typeof createClients> | undefined;

function createClients() {
  const config = {
    endpoint: emulatorEndpoint(),
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  };
  return {
    cloudFormation: new CloudFormationClient(config),
    dynamodb: new DynamoDBClient(config),
    eventBridge: new EventBridgeClient(config),
    stepFunctions: new SFNClient(config),
  };
}

/** SDK clients aimed at the emulator, made once. */
export function shopClients() {
  return (clients ??= createClients());
}

/**
 * The emulator serves an HTTP API (API Gateway v2) under /_aws/execute-api/<api id>/<stage>; the
 * shop's API has only the `$default` stage. (With a Host header `<api id>.execute-api.localhost`,
 * it also answers at the root, as the URL `serverless deploy` prints would on AWS.)
 */
export function apiUrlOf(apiId: string): string {
  return `${emulatorEndpoint()}/_aws/execute-api/${apiId}/$default`;
}

export interface DeployOptions {
  /** Output of `serverless deploy` as it comes. */
  readonly onOutput?: (chunk: string) => void;
}

/** `serverless deploy --stage <stage>` of the shop, then its outputs. */
export async function deployShop(stage: string, options: DeployOptions = {}): Promise<ShopStack> {
  await serverless(['deploy', '--stage', stage], { cwd: shopDir, onOutput: options.onOutput, timeoutMs: 600_000 });
  return describeShop(stage);
}

/** The outputs of the deployed shop. */
export async function describeShop(stage: string): Promise<ShopStack> {
  const stackName = `shop-${stage}`;
  const { Stacks } = await shopClients().cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }));
  const outputs = new Map((Stacks?.[0]?.Outputs ?? []).map((output) => [output.OutputKey, output.OutputValue]));
  const output = (key: string) => {
    const value = outputs.get(key);
    if (!value) throw new Error(`stack ${stackName} has no output ${key}`);
    return value;
  };
  const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
  return {
    stage,
    stackName,
    apiUrl: apiUrlOf(output('HttpApiId')),
    busName: output('StatefulBusShopName'),
    stateMachineArn: output('StatefulWorkflowOrderProcessingArn'),
    tableNames: Object.fromEntries(
      shopTables.map((table) => [table, output(`StatefulTable${pascal(table)}Name`)]),
    ) as Record<ShopTable, string>,
  };
}

export async function removeShop(stage: string, options: DeployOptions = {}): Promise<void> {
  await serverless(['remove', '--stage', stage], { cwd: shopDir, onOutput: options.onOutput, timeoutMs: 600_000 });
}

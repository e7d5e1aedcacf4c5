// `serverless state:local`: the tables a stage declares, created in a local DynamoDB (DynamoDB
// Local, an emulator) under the names a deploy of that stage gives them, so the STATEFUL_TABLE_*
// variables the plugin injects, which serverless-offline hands to handlers, name real tables.
// Loaded only by that command: it brings the DynamoDB client.
import {
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { resolve } from 'node:path';
import { checkSeed, putSeed, readSeed } from '../testing/table-seed';
import { StateLocalError } from './state-local-error';
import type { TableDefinition } from './table-definitions';

/** Where the local endpoint may come from, first found wins. */
export const endpointSources = ['--endpoint', 'AWS_ENDPOINT_URL_DYNAMODB', 'STATEFUL_LOCAL_DYNAMODB_ENDPOINT'] as const;

// AWS's own DynamoDB endpoints (dynamodb.<region>.amazonaws.com, .amazonaws.com.cn, .api.aws).
const awsHost = /(^|\.)(amazonaws\.com(\.cn)?|api\.aws)$/i;

/**
 * The local endpoint to create the tables at. There is no default: without one the SDK would
 * create them in the account the credentials name, which this command must never do.
 */
export function localEndpoint(given: unknown, env: NodeJS.ProcessEnv): string {
  const found = [
    typeof given === 'string' && given !== '' ? given : undefined,
    env.AWS_ENDPOINT_URL_DYNAMODB || undefined,
    env.STATEFUL_LOCAL_DYNAMODB_ENDPOINT || undefined,
  ];
  const index = found.findIndex((value) => value !== undefined);
  if (index === -1) {
    throw new StateLocalError(
      'STATE_LOCAL_NO_ENDPOINT',
      `state:local creates tables in a local DynamoDB only, and no endpoint was given: pass --endpoint http://localhost:8000, or set AWS_ENDPOINT_URL_DYNAMODB or STATEFUL_LOCAL_DYNAMODB_ENDPOINT.`,
    );
  }
  const endpoint = found[index] as string;
  const from = endpointSources[index] as string;
  // `localhost:8000` parses as a URL of protocol `localhost:`: only http and https are endpoints.
  const url = URL.canParse(endpoint) ? new URL(endpoint) : undefined;
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    throw new StateLocalError(
      'STATE_LOCAL_ENDPOINT_NOT_LOCAL',
      `${from} is "${endpoint}", not an http(s) URL; give DynamoDB Local's, e.g. http://localhost:8000.`,
    );
  }
  if (awsHost.test(url.hostname)) {
    throw new StateLocalError(
      'STATE_LOCAL_ENDPOINT_NOT_LOCAL',
      `${from} is ${endpoint}, AWS's own DynamoDB: state:local creates tables in a local DynamoDB only (a deploy creates them in AWS). Give DynamoDB Local's endpoint, e.g. http://localhost:8000.`,
    );
  }
  return endpoint;
}

export interface CreateLocalTablesInput {
  readonly definitions: readonly TableDefinition[];
  readonly endpoint: string;
  readonly region: string;
  /** Drop the tables that exist and create them again, empty. */
  readonly reset: boolean;
  /** A JSON or YAML file `{ <table>: [items] }`, relative to `serviceDir`. */
  readonly seed?: string;
  readonly serviceDir: string;
  /** Receives one line per table. */
  readonly print: (line: string) => void;
}

const describe = (definition: TableDefinition) => `${definition.name} (${definition.createTable.TableName ?? ''})`;

/** Creates (or, with reset, recreates) every table and puts the seed; one line per table. */
export async function createLocalTables(input: CreateLocalTablesInput): Promise<void> {
  const { definitions, endpoint } = input;
  if (definitions.length === 0) {
    input.print('state:local: the service declares no table (state.tables, state.idempotency): nothing to create.');
    return;
  }
  const seed = readSeed(input.seed, input.serviceDir);
  checkSeed(seed, definitions, input.seed ?? 'seed');

  const client = new DynamoDBClient({
    endpoint,
    region: input.region,
    // DynamoDB Local takes any signature; fixed ones keep the SDK from looking for an account's.
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 2,
  });
  try {
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(5_000) });
    } catch (error) {
      throw new StateLocalError(
        'STATE_LOCAL_UNREACHABLE',
        `Nothing answers as DynamoDB at ${endpoint}: start DynamoDB Local (npx stateful-local up, or docker run -p 8000:8000 amazon/dynamodb-local) or give its endpoint.`,
        { cause: error },
      );
    }
    const tableNames: Record<string, string> = {};
    // One after another: the lines come in the order state: declares the tables.
    for (const definition of definitions) {
      const TableName = definition.createTable.TableName ?? definition.name;
      tableNames[definition.name] = TableName;
      let dropped = false;
      if (input.reset) {
        try {
          await client.send(new DeleteTableCommand({ TableName }));
          dropped = true;
        } catch (error) {
          if (!(error instanceof ResourceNotFoundException)) throw error;
        }
      }
      try {
        await client.send(new CreateTableCommand(definition.createTable));
      } catch (error) {
        if (!(error instanceof ResourceInUseException)) throw error;
        input.print(`state:local: ${describe(definition)}: exists, left as it is (--reset drops and recreates it)`);
        continue;
      }
      if (definition.timeToLive) {
        await client.send(new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: definition.timeToLive }));
      }
      input.print(
        `state:local: ${describe(definition)}: ${dropped ? 'dropped and created again' : 'created'} at ${endpoint}`,
      );
    }
    if (input.seed !== undefined) {
      await putSeed(client, seed, tableNames);
      const count = Object.values(seed).reduce((sum, items) => sum + items.length, 0);
      input.print(`state:local: put ${count} item(s) from ${resolve(input.serviceDir, input.seed)}`);
    }
  } finally {
    client.destroy();
  }
}

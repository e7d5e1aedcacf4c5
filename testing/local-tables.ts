// The fast path: the tables a service declares in `state:`, created in DynamoDB Local straight
// from its serverless.yml (keys, indexes, streams, TTL), seeded from a file, with the STATEFUL_*
// variables set so the runtime in a handler under test finds them. No deploy: a handler test
// then runs in milliseconds against the real DynamoDB behaviour.
import {
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ScanCommand,
  UpdateTimeToLiveCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { tableDefinitions, type TableDefinition } from '../plugin/table-definitions';
import { environmentVariableName } from '../runtime/environment';
import { ServiceUnavailableError } from './local-aws/errors';
import { endpointVariables } from './local-aws/services';
import { readState } from './local-aws/state-file';
import { LocalTablesError } from './local-tables-error';
import { printedServiceConfig } from './framework-config';
import { readServiceConfig } from './service-config';
import { checkSeed, putSeed, readSeed, writeAll } from './table-seed';

export { LocalTablesError, type LocalTablesErrorCode } from './local-tables-error';

export interface LocalTablesOptions {
  /** Stage used to resolve serverless.yml and to name the tables (default `test`). */
  readonly stage?: string;
  /**
   * Items to put before the tests: a JSON/YAML file (`{ <table>: [items] }`) or the same object.
   * A relative path is read from the service's directory.
   */
  readonly seed?: string | Readonly<Record<string, readonly Record<string, unknown>[]>>;
  /**
   * DynamoDB Local's endpoint. Default: the one the harness published
   * (STATEFUL_LOCAL_DYNAMODB_ENDPOINT), else the one it remembers starting.
   */
  readonly endpoint?: string;
  /** `--region`, for `${opt:region}` in serverless.yml. */
  readonly region?: string;
  /**
   * Who resolves serverless.yml: `built-in` (the default) reads the file and the variables the
   * tables need in milliseconds; `framework` runs the service's own `serverless print`, seconds,
   * for a serverless.ts or .js, or variables from SSM, CloudFormation or a plugin.
   */
  readonly resolver?: 'built-in' | 'framework';
}

export interface LocalTables {
  /** Physical table names in DynamoDB Local by the name declared in `state:`. */
  readonly tableNames: Readonly<Record<string, string>>;
  /** The variables set in process.env (STATEFUL_TABLE_*, the SDK's endpoint and region). */
  readonly environment: Readonly<Record<string, string>>;
  /** DynamoDB Local's endpoint the tables are in. */
  readonly endpoint: string;
  /** Empties every table and puts the seed again. */
  reset(): Promise<void>;
  /** Deletes the tables and restores the variables it set. */
  drop(): Promise<void>;
}

const startAdvice =
  'Start it with `npx stateful-local up`, or call startLocalAws({ services: ["dynamodb"] }) from serverless-stateful/testing in a global setup.';

function dynamodbLocalEndpoint(given: string | undefined): string {
  const endpoint = given ?? process.env[endpointVariables.dynamodb] ?? readState().dynamodb?.endpoint;
  if (endpoint === undefined) {
    throw new ServiceUnavailableError(
      'dynamodb',
      '(no endpoint)',
      `is not running: no endpoint was given and ${endpointVariables.dynamodb} is not set. ${startAdvice}`,
    );
  }
  return endpoint;
}

/**
 * Whether DynamoDB Local answers, asked through the client the tables are made with: a probe of
 * its own (fetch) would load a second HTTP stack, a tenth of a second of every test file's start.
 */
async function checkAnswers(client: DynamoDBClient, endpoint: string): Promise<void> {
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(5_000) });
  } catch (error) {
    client.destroy();
    throw new ServiceUnavailableError('dynamodb', endpoint, `does not answer. ${startAdvice}`, { cause: error });
  }
}

/** Sets variables in process.env, remembering what each held before, to put it back. */
function environmentSetter() {
  const previous = new Map<string, string | undefined>();
  const values: Record<string, string> = {};
  const set = (name: string, value: string) => {
    if (!previous.has(name)) previous.set(name, process.env[name]);
    process.env[name] = value;
    values[name] = value;
  };
  const restore = () => {
    for (const [name, value] of previous) {
      if (value === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = value;
    }
    previous.clear();
  };
  return { values, set, restore };
}

async function emptyTable(client: DynamoDBClient, definition: TableDefinition, tableName: string): Promise<void> {
  const keyNames = (definition.createTable.KeySchema ?? []).map((key) => key.AttributeName ?? '');
  const names = Object.fromEntries(keyNames.map((name, index) => [`#k${index}`, name]));
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        ProjectionExpression: Object.keys(names).join(', '),
        ExpressionAttributeNames: names,
        ExclusiveStartKey: startKey,
      }),
    );
    const deletes = (page.Items ?? []).map((Key) => ({ DeleteRequest: { Key } }));
    await writeAll(client, tableName, deletes);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

/** Creates the tables declared by the service in `serviceDir` in DynamoDB Local. */
export async function localTables(serviceDir: string, options: LocalTablesOptions = {}): Promise<LocalTables> {
  const stage = options.stage ?? 'test';
  const resolveOptions = { stage, ...(options.region ? { region: options.region } : {}) };
  const config =
    options.resolver === 'framework'
      ? await printedServiceConfig(serviceDir, resolveOptions)
      : readServiceConfig(serviceDir, resolveOptions);
  const definitions = tableDefinitions(config.state, { service: config.service, stage });
  if (definitions.length === 0) {
    throw new LocalTablesError(
      'NO_TABLES_DECLARED',
      `${config.file} declares no table: add state.tables (or state.idempotency: true) to create tables from it.`,
    );
  }
  const seed = readSeed(options.seed, dirname(config.file));
  checkSeed(seed, definitions, typeof options.seed === 'string' ? options.seed : 'seed');
  const endpoint = dynamodbLocalEndpoint(options.endpoint);
  const region = options.region ?? config.region ?? 'us-east-1';
  const client = new DynamoDBClient({
    endpoint,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    // Nothing to wait out on a local server: a refused connection is an answer.
    maxAttempts: 2,
  });
  await checkAnswers(client, endpoint);

  // `<service>-<stage>-<table>-<6 hex>`: a deploy's name, and a suffix of this call's, so test
  // files in parallel never share a table.
  const suffix = randomBytes(3).toString('hex');
  const tableNames: Record<string, string> = {};
  for (const definition of definitions) {
    tableNames[definition.name] = `${definition.createTable.TableName ?? definition.name}-${suffix}`;
  }
  const created: string[] = [];
  try {
    // Settled, not raced: on a failure every table already on its way is known, and deleted.
    const creations = await Promise.allSettled(
      definitions.map(async (definition) => {
        const TableName = tableNames[definition.name] as string;
        await client.send(new CreateTableCommand({ ...definition.createTable, TableName }));
        created.push(TableName);
        if (definition.timeToLive) {
          await client.send(new UpdateTimeToLiveCommand({ TableName, TimeToLiveSpecification: definition.timeToLive }));
        }
      }),
    );
    for (const creation of creations) if (creation.status === 'rejected') throw creation.reason;
    await putSeed(client, seed, tableNames);
  } catch (error) {
    await Promise.allSettled(created.map((TableName) => client.send(new DeleteTableCommand({ TableName }))));
    client.destroy();
    throw error;
  }

  const environment = environmentSetter();
  for (const definition of definitions) {
    environment.set(environmentVariableName('table', definition.name), tableNames[definition.name] as string);
  }
  environment.set('AWS_ENDPOINT_URL_DYNAMODB', endpoint);
  if (!process.env.AWS_REGION && !process.env.AWS_DEFAULT_REGION) environment.set('AWS_REGION', region);
  // DynamoDB Local takes any signature, but the SDK needs credentials to sign with.
  if (!process.env.AWS_ACCESS_KEY_ID && !process.env.AWS_PROFILE) {
    environment.set('AWS_ACCESS_KEY_ID', 'local');
    environment.set('AWS_SECRET_ACCESS_KEY', 'local');
  }

  let dropped = false;
  return {
    tableNames,
    environment: environment.values,
    endpoint,
    async reset() {
      await Promise.all(
        definitions.map((definition) => emptyTable(client, definition, tableNames[definition.name] as string)),
      );
      await putSeed(client, seed, tableNames);
    },
    async drop() {
      if (dropped) return;
      dropped = true;
      environment.restore();
      try {
        await Promise.all(
          Object.values(tableNames).map((TableName) => client.send(new DeleteTableCommand({ TableName }))),
        );
      } finally {
        client.destroy();
      }
    },
  };
}

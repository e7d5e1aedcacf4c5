// The tables a `state:` block declares, as the DynamoDB API calls that create them outside
// CloudFormation: for DynamoDB Local (the testing kit's localTables, a `serverless state:local`).
// Translated from what the tables kind compiles, so keys, indexes and streams are the ones a
// deploy makes, and validated as a deploy validates them.
import type { CreateTableCommandInput, TimeToLiveSpecification } from '@aws-sdk/client-dynamodb';
import type { StateConfig } from './config';
import { tables } from './kinds/tables';
import type { TableConfig } from './kinds/tables/schema';
import { stateSchema } from './schema';
import type { JsonSchema } from './serverless';
import { buildStateModel, compileContext } from './state-model';

export interface TableDefinition {
  /** The name declared in `state:` (`idempotency` for the table `state.idempotency` implies). */
  readonly name: string;
  /** Where it is declared, for messages: `state.tables.orders`, `state.idempotency`. */
  readonly source: string;
  /** CreateTable's input; its TableName is the one a deploy gives, `<service>-<stage>-<name>`. */
  readonly createTable: CreateTableCommandInput;
  /** UpdateTimeToLive's specification, when the table declares `ttl`. */
  readonly timeToLive?: TimeToLiveSpecification;
}

export interface TableDefinitionContext {
  readonly service: string;
  readonly stage: string;
}

/**
 * The part of the `state:` schema tables come from: what the fast path validates, without the
 * other kinds and the network. The build prebuilds its validator with the others.
 */
const stateProperties: Readonly<Record<string, JsonSchema | undefined>> = stateSchema.properties;
export const tableStateSchema: JsonSchema = {
  ...stateSchema,
  properties: { tables: stateProperties.tables, idempotency: stateProperties.idempotency },
};

/** The properties of an AWS::DynamoDB::Table the API takes as they are. */
const sameInBoth = [
  'TableName',
  'AttributeDefinitions',
  'KeySchema',
  'BillingMode',
  'ProvisionedThroughput',
  'GlobalSecondaryIndexes',
  'LocalSecondaryIndexes',
  'TableClass',
] as const;

/**
 * CreateTable's input for a compiled table. Left out, as they change no behaviour a test sees and
 * may hold template references: encryption, point-in-time recovery (an API of its own), tags and
 * deletion protection (which would stop a test from deleting its table).
 */
function createTableInput(properties: Record<string, unknown>): CreateTableCommandInput {
  const input: Record<string, unknown> = {};
  for (const property of sameInBoth) {
    if (properties[property] !== undefined) input[property] = properties[property];
  }
  const stream = properties.StreamSpecification as { StreamViewType: string } | undefined;
  if (stream) input.StreamSpecification = { StreamEnabled: true, StreamViewType: stream.StreamViewType };
  return input as unknown as CreateTableCommandInput;
}

/**
 * Every table `state` declares or implies, validated as `serverless package` validates it
 * (schema, keys, indexes; coded StatefulConfigError otherwise). Only `tables` and `idempotency`
 * are read and validated: the other kinds may be left out of `state`.
 */
export function tableDefinitions(state: StateConfig, context: TableDefinitionContext): TableDefinition[] {
  const model = buildStateModel({ tables: state.tables, idempotency: state.idempotency }, {}, tableStateSchema);
  const compile = compileContext({
    config: state,
    service: context.service,
    stage: context.stage,
    functionNames: [],
    functionLogicalId: (name) => name,
    normalizedFunctionName: (name) => name,
  });
  const definitions: TableDefinition[] = [];
  for (const resource of model.resources.values()) {
    if (resource.kind.kind !== 'table') continue;
    const config = resource.config as TableConfig;
    const compiled = tables.compile(resource.name, config, compile);
    const table = compiled.resources.find((entry) => entry.resource.Type === 'AWS::DynamoDB::Table');
    const properties = table?.resource.Properties ?? {};
    const ttl = properties.TimeToLiveSpecification as TimeToLiveSpecification | undefined;
    definitions.push({
      name: resource.name,
      source: resource.source,
      createTable: createTableInput(properties),
      ...(ttl ? { timeToLive: ttl } : {}),
    });
  }
  return definitions;
}

// Tables: `state.tables.<name>` compiles to an AWS::DynamoDB::Table with safe defaults
// (on-demand, point-in-time recovery, encryption, Retain), and grants exact item actions.
import { getAtt, ref, sub, type CfnResource, type CfnValue } from '../../cloudformation';
import { StatefulConfigError, listOf } from '../../errors';
import { allow, type Statement } from '../../iam';
import { environmentVariableName } from '../../../runtime/environment';
import type { AccessLevel, CompileContext, CompiledOutput, CompiledResource, StateKind } from '../kind';
import {
  checkInvalidates,
  invalidationFunction,
  invalidationQueue,
  invalidationQueueLogicalId,
  tableStream,
} from './invalidation';
import { tableLogicalId, tableOutputKey, tablePhysicalName } from './names';
import { recoveryByDefault, recoveryCostNote, recoveryDeployNotices, recoveryEnabled } from './recovery';
import {
  maxCapacityUnits,
  tableSchema,
  type CapacityConfig,
  type IndexConfig,
  type KeyConfig,
  type TableConfig,
} from './schema';

export const readActions = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
] as const;
export const writeActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  // Metadata only: the runtime reads the key schema to explain a refused key and to check a batch.
  'dynamodb:DescribeTable',
] as const;
// Indexes are read-only: only these apply to index ARNs.
const indexReadActions = ['dynamodb:Query', 'dynamodb:Scan'] as const;

const streamViewTypes = {
  'keys-only': 'KEYS_ONLY',
  new: 'NEW_IMAGE',
  old: 'OLD_IMAGE',
  'new-and-old': 'NEW_AND_OLD_IMAGES',
} as const;

interface Key {
  readonly name: string;
  readonly type: 'S' | 'N' | 'B';
}

const toKey = (key: KeyConfig): Key => (typeof key === 'string' ? { name: key, type: 'S' } : key);

/** Every key attribute of the table and its indexes, each with the one type it must have. */
function keyAttributes(name: string, config: TableConfig): Map<string, Key> {
  const attributes = new Map<string, Key>();
  const declare = (key: KeyConfig | undefined, where: string) => {
    if (key === undefined) return;
    const resolved = toKey(key);
    const known = attributes.get(resolved.name);
    if (known && known.type !== resolved.type) {
      throw new StatefulConfigError(
        'STATE_KEY_TYPE_CONFLICT',
        `state.tables.${name}: attribute "${resolved.name}" is type ${known.type} in one key and ${resolved.type} at ${where}. ` +
          'DynamoDB gives an attribute one type; use the same in every key that names it.',
      );
    }
    attributes.set(resolved.name, resolved);
  };
  declare(config.partitionKey, `state.tables.${name}.partitionKey`);
  declare(config.sortKey, `state.tables.${name}.sortKey`);
  for (const [indexName, index] of Object.entries(config.indexes ?? {})) {
    declare(index.partitionKey, `state.tables.${name}.indexes.${indexName}.partitionKey`);
    declare(index.sortKey, `state.tables.${name}.indexes.${indexName}.sortKey`);
  }
  return attributes;
}

function keySchema(partitionKey: KeyConfig, sortKey: KeyConfig | undefined) {
  const keys = [{ AttributeName: toKey(partitionKey).name, KeyType: 'HASH' }];
  if (sortKey !== undefined) keys.push({ AttributeName: toKey(sortKey).name, KeyType: 'RANGE' });
  return keys;
}

function projection(index: IndexConfig) {
  const chosen = index.projection ?? 'all';
  if (chosen === 'all') return { ProjectionType: 'ALL' };
  if (chosen === 'keys-only') return { ProjectionType: 'KEYS_ONLY' };
  return { ProjectionType: 'INCLUDE', NonKeyAttributes: chosen.include };
}

// validate() has checked that both are there.
const throughput = (capacity: CapacityConfig) => ({
  ReadCapacityUnits: capacity.read as number,
  WriteCapacityUnits: capacity.write as number,
});

const isProvisioned = (config: TableConfig) => config.billing === 'provisioned';

/** DynamoDB's limits on the indexes of one table. */
export const indexLimits = { global: 20, local: 5, projectedAttributes: 100 } as const;

/** The customer managed key of a table, if it has one. */
function customerKey(config: TableConfig): CfnValue | undefined {
  const encryption = config.encryption;
  return typeof encryption === 'object' ? (encryption.kmsKey as CfnValue) : undefined;
}

/**
 * Encryption at rest, which DynamoDB always applies: with a key AWS owns (free, invisible in
 * the account), the account's AWS managed key aws/dynamodb (the default: its use shows in
 * CloudTrail; KMS requests are billed), or a customer managed key.
 */
function sseSpecification(config: TableConfig): Record<string, unknown> {
  const key = customerKey(config);
  if (key !== undefined) return { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: key };
  return { SSEEnabled: config.encryption !== 'aws-owned' };
}

function checkCapacity(capacity: CapacityConfig | undefined, at: string): void {
  if (!capacity) return;
  for (const units of ['read', 'write'] as const) {
    if (capacity[units] === undefined) {
      throw new StatefulConfigError(
        'STATE_CAPACITY_MISSING',
        `${at}.capacity: "${units}" is missing. Give capacity: { read: <units>, write: <units> }, each a whole number from 1 to ${maxCapacityUnits}.`,
      );
    }
  }
}

function checkKeys(partitionKey: KeyConfig, sortKey: KeyConfig | undefined, at: string): void {
  if (sortKey === undefined || toKey(sortKey).name !== toKey(partitionKey).name) return;
  throw new StatefulConfigError(
    'STATE_SORT_KEY_IS_PARTITION_KEY',
    `${at}: the sort key "${toKey(sortKey).name}" is also the partition key; DynamoDB needs two different attributes. Name another attribute as sortKey, or leave sortKey out.`,
  );
}

/**
 * Two tables of the service under one physical name would be one table to DynamoDB (the second
 * create fails at deploy, or both point at the same data): refused at package time.
 */
function checkPhysicalNameFree(name: string, config: TableConfig, context: CompileContext): void {
  const physical = tablePhysicalName(context, name, config);
  for (const other of context.lookup.names('table')) {
    if (other === name) continue;
    const otherConfig = context.lookup.declared('table', other) as TableConfig;
    if (tablePhysicalName(context, other, otherConfig) !== physical) continue;
    const how = (table: string, chosen: TableConfig) =>
      chosen.tableName === undefined ? `state.tables.${table} (by default)` : `state.tables.${table}.tableName`;
    throw new StatefulConfigError(
      'STATE_NAME_TAKEN',
      `${how(name, config)} and ${how(other, otherConfig)} both name the table "${physical}", so DynamoDB would hold one table for both. Give one of them another tableName.`,
    );
  }
}

function checkIndexCounts(config: TableConfig, where: string): void {
  const indexes = Object.values(config.indexes ?? {});
  const counts = { global: indexes.filter((index) => !index.local).length, local: 0 };
  counts.local = indexes.length - counts.global;
  for (const kind of ['global', 'local'] as const) {
    if (counts[kind] > indexLimits[kind]) {
      throw new StatefulConfigError(
        'STATE_TABLE_INDEX_LIMIT',
        `${where}.indexes: ${counts[kind]} ${kind} secondary indexes; DynamoDB allows at most ${indexLimits[kind]} on a table. Remove some, or put the data in a second table.`,
      );
    }
  }
  const projected = indexes.reduce(
    (sum, index) => sum + (typeof index.projection === 'object' ? index.projection.include.length : 0),
    0,
  );
  if (projected > indexLimits.projectedAttributes) {
    throw new StatefulConfigError(
      'STATE_TABLE_INDEX_LIMIT',
      `${where}.indexes: ${projected} attributes in projection include lists; DynamoDB allows at most ${indexLimits.projectedAttributes} across all indexes of a table. Project fewer, or use projection: all.`,
    );
  }
}

export const tables: StateKind<TableConfig> = {
  kind: 'table',
  schema: tableSchema,
  accessLevels: ['read', 'write', 'readwrite'],

  validate(name, config) {
    const where = `state.tables.${name}`;
    if (config.ttl !== undefined && typeof config.ttl !== 'string') {
      throw new StatefulConfigError(
        'STATE_CONFIG_INVALID',
        `${where}.ttl: ${JSON.stringify(config.ttl)} is not an attribute name. ttl names the attribute that holds each item's expiry time (epoch seconds), e.g. ttl: expiresAt; how long an item lives is for the code that writes it to decide.`,
      );
    }
    keyAttributes(name, config);
    checkKeys(config.partitionKey, config.sortKey, where);
    checkIndexCounts(config, where);
    checkCapacity(config.capacity, where);
    if (config.invalidates) checkInvalidates(name, config);
    if (isProvisioned(config) && !config.capacity) {
      throw new StatefulConfigError(
        'STATE_CAPACITY_MISSING',
        `${where}: billing is provisioned but no capacity is given. Add capacity: { read: <units>, write: <units> }, or use billing: on-demand.`,
      );
    }
    if (!isProvisioned(config) && config.capacity) {
      throw new StatefulConfigError(
        'STATE_CAPACITY_NOT_PROVISIONED',
        `${where}: capacity is set but billing is on-demand. Set billing: provisioned to use it, or remove capacity.`,
      );
    }
    const tablePartition = toKey(config.partitionKey).name;
    for (const [indexName, index] of Object.entries(config.indexes ?? {})) {
      const at = `${where}.indexes.${indexName}`;
      checkKeys(index.partitionKey, index.sortKey, at);
      if (index.capacity && !isProvisioned(config)) {
        throw new StatefulConfigError(
          'STATE_CAPACITY_NOT_PROVISIONED',
          `${at}: capacity is set but the table's billing is on-demand. Set billing: provisioned on the table, or remove it.`,
        );
      }
      checkCapacity(index.capacity, at);
      if (!index.local) continue;
      if (index.capacity) {
        throw new StatefulConfigError(
          'STATE_CAPACITY_NOT_PROVISIONED',
          `${at}: a local index has no capacity of its own; it uses the table's. Remove capacity from the index, or make it global (local: false).`,
        );
      }
      if (config.sortKey === undefined) {
        throw new StatefulConfigError(
          'STATE_LOCAL_INDEX_NEEDS_SORT_KEY',
          `${at}: a local index needs a table with a sort key, and ${name} has none. Add a sortKey to the table or make the index global (local: false).`,
        );
      }
      if (toKey(index.partitionKey).name !== tablePartition) {
        throw new StatefulConfigError(
          'STATE_LOCAL_INDEX_PARTITION_KEY',
          `${at}: a local index shares the table's partition key "${tablePartition}", not "${toKey(index.partitionKey).name}". Use ${tablePartition}, or make the index global (local: false).`,
        );
      }
      if (index.sortKey === undefined) {
        throw new StatefulConfigError(
          'STATE_LOCAL_INDEX_NEEDS_SORT_KEY',
          `${at}: a local index needs its own sortKey.`,
        );
      }
    }
  },

  compile(name, config, context) {
    checkPhysicalNameFree(name, config, context);
    const logicalId = tableLogicalId(name, config);
    const indexes = Object.entries(config.indexes ?? {});
    const globalIndexes = indexes.filter(([, index]) => !index.local);
    const localIndexes = indexes.filter(([, index]) => index.local);
    const provisioned = isProvisioned(config);

    const properties: Record<string, unknown> = {
      TableName: tablePhysicalName(context, name, config),
      AttributeDefinitions: [...keyAttributes(name, config).values()].map((key) => ({
        AttributeName: key.name,
        AttributeType: key.type,
      })),
      KeySchema: keySchema(config.partitionKey, config.sortKey),
      BillingMode: provisioned ? 'PROVISIONED' : 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: recoveryEnabled(config) },
      SSESpecification: sseSpecification(config),
      TableClass: config.tableClass === 'infrequent-access' ? 'STANDARD_INFREQUENT_ACCESS' : 'STANDARD',
      DeletionProtectionEnabled: config.deletionProtection ?? false,
    };
    if (provisioned && config.capacity) properties.ProvisionedThroughput = throughput(config.capacity);
    if (globalIndexes.length > 0) {
      properties.GlobalSecondaryIndexes = globalIndexes.map(([indexName, index]) => ({
        IndexName: indexName,
        KeySchema: keySchema(index.partitionKey, index.sortKey),
        Projection: projection(index),
        ...(provisioned && config.capacity
          ? { ProvisionedThroughput: throughput(index.capacity ?? config.capacity) }
          : {}),
      }));
    }
    if (localIndexes.length > 0) {
      properties.LocalSecondaryIndexes = localIndexes.map(([indexName, index]) => ({
        IndexName: indexName,
        KeySchema: keySchema(index.partitionKey, index.sortKey),
        Projection: projection(index),
      }));
    }
    if (typeof config.ttl === 'string')
      properties.TimeToLiveSpecification = { AttributeName: config.ttl, Enabled: true };
    const stream = tableStream(config);
    if (stream !== undefined) properties.StreamSpecification = { StreamViewType: streamViewTypes[stream] };
    if (config.tags) properties.Tags = Object.entries(config.tags).map(([Key, Value]) => ({ Key, Value }));

    // Data outlives the stack unless the stage is declared ephemeral.
    const policy = context.ephemeral ? 'Delete' : 'Retain';
    const resource: CfnResource = {
      Type: 'AWS::DynamoDB::Table',
      DeletionPolicy: policy,
      UpdateReplacePolicy: policy,
      Properties: properties,
    };
    const outputs: CompiledOutput[] = [
      {
        logicalId: tableOutputKey(name, 'Name'),
        output: { Description: `Name of table ${name}`, Value: ref(logicalId) },
      },
      {
        logicalId: tableOutputKey(name, 'Arn'),
        output: { Description: `ARN of table ${name}`, Value: getAtt(logicalId, 'Arn') },
      },
    ];
    if (stream !== undefined) {
      outputs.push({
        logicalId: tableOutputKey(name, 'StreamArn'),
        output: { Description: `ARN of the stream of table ${name}`, Value: getAtt(logicalId, 'StreamArn') },
      });
    }
    // A kept id is the user's choice: a clash is reported against the option that made it.
    const source = config.logicalId === undefined ? undefined : `state.tables.${name}.logicalId`;
    const resources: CompiledResource[] = [{ logicalId, resource, ...(source === undefined ? {} : { source }) }];
    if (config.invalidates) {
      resources.push({
        logicalId: invalidationQueueLogicalId(name),
        resource: invalidationQueue(name, context),
        source: `state.tables.${name}.invalidates`,
      });
    }
    return { resources, outputs };
  },

  functions(name, config, context) {
    return config.invalidates ? [invalidationFunction(name, config, context)] : [];
  },

  grant(name, config, access: AccessLevel) {
    const logicalId = tableLogicalId(name, config);
    const tableArn = getAtt(logicalId, 'Arn');
    const indexArns = Object.keys(config.indexes ?? {}).map((index) => sub(`\${${logicalId}.Arn}/index/${index}`));
    const reads = access === 'read' || access === 'readwrite';
    const writes = access === 'write' || access === 'readwrite';
    const tableActions = [...new Set([...(reads ? readActions : []), ...(writes ? writeActions : [])])];

    const statements: Statement[] = [allow(tableActions, [tableArn])];
    if (reads && indexArns.length > 0) statements.push(allow(indexReadActions, indexArns));
    // An AWS owned or AWS managed key needs no grant: DynamoDB uses it on the caller's behalf.
    const key = customerKey(config);
    if (key !== undefined) {
      const kmsActions = writes ? ['kms:Decrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt'];
      statements.push(allow(kmsActions, [key]));
    }
    return statements;
  },

  environment(name, config, context) {
    return { [environmentVariableName('table', name)]: tablePhysicalName(context, name, config) };
  },

  references(name, config, context) {
    const logicalId = tableLogicalId(name, config);
    return {
      name: () => tablePhysicalName(context, name, config),
      arn: () => getAtt(logicalId, 'Arn'),
      streamArn: () => {
        if (tableStream(config) === undefined) {
          throw new StatefulConfigError(
            'STATE_STREAM_NOT_ENABLED',
            `\${state:${name}.streamArn}: table ${name} has no stream. Add stream: ${listOf(Object.keys(streamViewTypes))} to state.tables.${name}.`,
          );
        }
        return getAtt(logicalId, 'StreamArn');
      },
    };
  },

  reach: () => ({ awsServices: ['dynamodb'] }),

  describe(_name, config) {
    const key = [toKey(config.partitionKey), config.sortKey && toKey(config.sortKey)]
      .filter((part): part is Key => Boolean(part))
      .map((part) => `${part.name}:${part.type}`)
      .join(' + ');
    const parts = [
      `key ${key}`,
      config.billing === 'provisioned' && config.capacity
        ? `provisioned ${config.capacity.read}r/${config.capacity.write}w`
        : 'on-demand',
    ];
    const indexNames = Object.keys(config.indexes ?? {});
    if (indexNames.length > 0) parts.push(`indexes ${indexNames.join(', ')}`);
    if (config.ttl) parts.push(`ttl ${config.ttl}`);
    const stream = tableStream(config);
    if (stream) parts.push(`stream ${stream}`);
    const caches = [...new Set((config.invalidates ?? []).map((rule) => rule.cache))];
    if (caches.length > 0) parts.push(`invalidates ${caches.join(', ')}`);
    parts.push(recoveryEnabled(config) ? 'PITR' : 'no PITR');
    parts.push(
      customerKey(config) !== undefined
        ? 'KMS (customer key)'
        : config.encryption === 'aws-owned'
          ? 'AWS owned key'
          : 'AWS managed key',
    );
    if (config.deletionProtection) parts.push('deletion-protected');
    if (config.tableName !== undefined) parts.push(`name ${config.tableName}`);
    if (config.logicalId !== undefined) parts.push(`logical id ${config.logicalId}`);
    return parts.join(', ');
  },

  keptLogicalId: (_name, config) => config.logicalId,

  notes: (name, config) => (recoveryByDefault(config) ? [recoveryCostNote(name)] : []),

  deployNotices: (name, config, context, aws) =>
    recoveryDeployNotices(name, config, tablePhysicalName(context, name, config), aws),
};

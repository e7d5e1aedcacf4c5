// Invalidation on write: `state.tables.<t>.invalidates` turns the table's stream on and brings a
// function into the service that deletes, for every changed item, the cache keys and tags its
// rules make from the item's old and new images (the runtime's handler, shipped as a zip of its
// own). Failures go to an encrypted queue after a bounded retry that narrows a batch to the record.
import { getAtt, type CfnResource } from '../../cloudformation';
import { StatefulConfigError, listOf } from '../../errors';
import { bundledHandlerEntry, bundledHandlerPath } from '../../bundled-handlers';
import { pascalCase, physicalName, stateLogicalId } from '../../naming';
import { invalidationPartialBatchVariable, invalidationRulesVariable } from '../../../runtime/environment';
import { parseKeyTemplate, type KeyTemplate } from '../../../runtime/caches/key-template';
import type { CompileContext, GeneratedFunction } from '../kind';
import { partialBatchResponses, streamResponseType } from '../stream-failures';
import { tableLogicalId } from './names';
import type { InvalidationRuleConfig, KeyConfig, TableConfig } from './schema';

/** The stream view invalidation needs: a changed key attribute is deleted under both values. */
export const invalidationStreamView = 'new-and-old';

/** The stream the table has: the one declared, or the one its `invalidates` needs. */
export function tableStream(config: TableConfig): TableConfig['stream'] {
  return config.stream ?? (config.invalidates ? invalidationStreamView : undefined);
}

/** Lambda's limit on a function's environment variables, together (4 KB). */
const environmentLimitBytes = 4096;

/** The event source mapping's settings. */
export const invalidationMapping = {
  batchSize: 100,
  /**
   * Bounded: a record that keeps failing (Redis unreachable for minutes, a key it cannot make) is
   * handed to the queue rather than holding its shard until the record expires (24 hours).
   */
  maximumRetryAttempts: 10,
} as const;

/**
 * The failure queue keeps what it is sent for SQS's longest retention: a message names the shard
 * and sequence numbers of a batch that was given up on (not the items), the only trace of keys
 * that may be stale; someone may look at it days later.
 */
export const failureRetentionSeconds = 1_209_600;

export const invalidationQueueLogicalId = (table: string) => stateLogicalId('Table', table, 'InvalidationFailures');

/** The key of the generated function under `functions:`. */
export const invalidationFunctionKey = (table: string) => `statefulInvalidate${pascalCase(table)}`;

const keyName = (key: KeyConfig) => (typeof key === 'string' ? key : key.name);
const keyType = (key: KeyConfig) => (typeof key === 'string' ? 'S' : key.type);

/** The table's and its indexes' key attributes by name, with their types. */
function keyAttributeTypes(config: TableConfig): Map<string, string> {
  const keys = new Map<string, string>();
  for (const key of [config.partitionKey, config.sortKey]) if (key !== undefined) keys.set(keyName(key), keyType(key));
  for (const index of Object.values(config.indexes ?? {})) {
    for (const key of [index.partitionKey, index.sortKey]) if (key !== undefined) keys.set(keyName(key), keyType(key));
  }
  return keys;
}

function parse(source: string, where: string): KeyTemplate {
  try {
    return parseKeyTemplate(source, where);
  } catch (error) {
    throw new StatefulConfigError('STATE_KEY_TEMPLATE_INVALID', (error as Error).message, { cause: error });
  }
}

const attributesOf = (template: KeyTemplate) =>
  template.parts.flatMap((part) => ('attribute' in part ? [part.attribute] : []));

/**
 * Checks the rules of table `name`: each names keys or tags, every template parses as the runtime
 * parses it, names a top-level attribute that can give a key, and the images the stream carries
 * hold the attributes the templates name.
 */
export function checkInvalidates(name: string, config: TableConfig): void {
  const rules = config.invalidates ?? [];
  const where = `state.tables.${name}.invalidates`;
  const tableKey = new Set([config.partitionKey, config.sortKey].flatMap((key) => (key ? [keyName(key)] : [])));
  const keyTypes = keyAttributeTypes(config);
  const beyondKey: string[] = [];
  rules.forEach((rule, index) => {
    const at = `${where}.${index}`;
    if (!rule.keys && !rule.tags) {
      throw new StatefulConfigError(
        'STATE_CONFIG_INVALID',
        `${at}: it names no keys and no tags, so a change would delete nothing from cache ${rule.cache}. Add keys: ['<prefix>:\${<attribute>}'] or tags: [...].`,
      );
    }
    for (const field of ['keys', 'tags'] as const) {
      (rule[field] ?? []).forEach((source, position) => {
        const template = parse(source, `${at}.${field}.${position}`);
        for (const attribute of attributesOf(template)) {
          if (/[.[\]]/.test(attribute)) {
            throw new StatefulConfigError(
              'STATE_KEY_TEMPLATE_INVALID',
              `${at}.${field}.${position}: the template ${JSON.stringify(source)} names "${attribute}", which reads as a path into a map or list; a placeholder names a top-level attribute of the item, whose string, number or boolean value goes into the key. Put the value in a top-level attribute and name that.`,
            );
          }
          if (keyTypes.get(attribute) === 'B') {
            throw new StatefulConfigError(
              'STATE_KEY_TEMPLATE_INVALID',
              `${at}.${field}.${position}: the template ${JSON.stringify(source)} names "${attribute}", a key attribute of type B (binary) in state.tables.${name}; a key is made of strings, numbers and booleans, so every change would fail to make it. Name a string or number attribute.`,
            );
          }
          if (!tableKey.has(attribute)) beyondKey.push(attribute);
        }
      });
    }
  });
  // An item's key is in every record and never changes; any other attribute is read from the
  // images, and only both images give the key before a change and after it.
  if (config.stream !== undefined && config.stream !== invalidationStreamView && beyondKey.length > 0) {
    const named = [...new Set(beyondKey)];
    throw new StatefulConfigError(
      'STATE_STREAM_VIEW_TOO_NARROW',
      `state.tables.${name}.stream: it is ${config.stream}, and ${where} names ${listOf(named, 'and')}, beyond the table's key. ` +
        `When an item's ${named[0] ?? ''} changes, the keys made from its old value and from its new one must both be deleted, and only a stream with both images carries both. ` +
        `Set stream: ${invalidationStreamView} (the stream's other consumers then receive both images too), or leave stream out: invalidates turns it on with ${invalidationStreamView}.`,
    );
  }
}

/** The queue that receives the batches the invalidation function gave up on. */
export function invalidationQueue(name: string, context: CompileContext): CfnResource {
  return {
    Type: 'AWS::SQS::Queue',
    Properties: {
      QueueName: physicalName(context, `${name}-invalidation-failures`, {
        max: 80,
        where: `state.tables.${name}.invalidates`,
      }),
      MessageRetentionPeriod: failureRetentionSeconds,
      SqsManagedSseEnabled: true,
    },
  };
}

/** The rules as the runtime's handler reads them from its variable. */
function runtimeRules(rules: readonly InvalidationRuleConfig[]) {
  return rules.map((rule) => ({
    cache: rule.cache,
    ...(rule.keys ? { keys: rule.keys } : {}),
    ...(rule.tags ? { tags: rule.tags } : {}),
  }));
}

/**
 * The function that invalidates table `name`'s caches: one per table whatever the number of
 * caches, since DynamoDB throttles a stream's shard beyond two readers at once.
 */
export function invalidationFunction(name: string, config: TableConfig, context: CompileContext): GeneratedFunction {
  const rules = config.invalidates ?? [];
  const where = `state.tables.${name}.invalidates`;
  const caches = [...new Set(rules.map((rule) => rule.cache))];
  rules.forEach((rule, index) => {
    if (context.lookup.declared('cache', rule.cache) !== undefined) return;
    const declared = context.lookup.names('cache');
    throw new StatefulConfigError(
      'STATE_UNKNOWN_REFERENCE',
      `${where}.${index}.cache: no cache is named "${rule.cache}". Declared caches: ${listOf(declared, 'and')}.${declared.length === 0 ? ' Declare it under state.caches.' : ''}`,
    );
  });
  const rulesJson = JSON.stringify(runtimeRules(rules));
  if (Buffer.byteLength(rulesJson) + invalidationRulesVariable.length > environmentLimitBytes) {
    throw new StatefulConfigError(
      'STATE_CONFIG_INVALID',
      `${where}: its rules take ${Buffer.byteLength(rulesJson)} bytes in the function's environment (${invalidationRulesVariable}), and Lambda allows ${environmentLimitBytes} for all its variables. Use fewer templates, or tags for what many keys share.`,
    );
  }
  const key = invalidationFunctionKey(name);
  return {
    key,
    source: where,
    definition: {
      name: physicalName(context, key, { max: 64, where }),
      description: `Deletes the cache keys of changed items of table ${name} (serverless-stateful)`,
      handler: bundledHandlerEntry,
      runtime: 'nodejs22.x',
      memorySize: 256,
      timeout: 30,
      // Its own zip: nothing of the service's code or dependencies, whatever packages them.
      package: { artifact: bundledHandlerPath('invalidation'), individually: true },
      skipEsbuild: true,
      environment: {
        [invalidationRulesVariable]: rulesJson,
        ...(partialBatchResponses(context) ? {} : { [invalidationPartialBatchVariable]: 'false' }),
      },
      events: [
        {
          stream: {
            type: 'dynamodb',
            arn: getAtt(tableLogicalId(name, config), 'StreamArn'),
            // A mapping created after writes began still deletes what those writes made stale.
            startingPosition: 'TRIM_HORIZON',
            batchSize: invalidationMapping.batchSize,
            bisectBatchOnFunctionError: true,
            maximumRetryAttempts: invalidationMapping.maximumRetryAttempts,
            ...streamResponseType(context),
            destinations: { onFailure: { type: 'sqs', arn: getAtt(invalidationQueueLogicalId(name), 'Arn') } },
          },
        },
      ],
      // delete() and deleteByTag() write; the cache kind grants and places the function for it.
      state: Object.fromEntries(caches.map((cache) => [cache, 'write'])),
    },
  };
}

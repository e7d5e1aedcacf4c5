// Invalidation on write: a Lambda handler for a DynamoDB stream that deletes, for every changed
// item, the cache keys and tags its rules name, made from the item's old image and its new one
// (an update that changes productId deletes the old product's key and the new one's).
//
// Failures are reported per record as a partial batch response, so Lambda retries from the first
// failed record (and, with bisect-on-error, narrows a batch down to it) instead of retrying or
// dropping the whole batch. Deletes are idempotent: a record done twice does no harm.
// https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html
import { invalidationRulesVariable } from '../environment.js';
import { cache } from './cache.js';
import { InvalidationBatchFailedError, InvalidationKeyError, InvalidationRuleError } from './cache-errors.js';
import { parseKeyTemplate, renderKeyTemplate, type KeyTemplate, type StreamImage } from './key-template.js';

export type { StreamAttributeValue, StreamImage } from './key-template.js';

export interface InvalidationRule {
  /** The cache's name, as in serverless.yml (`cache('catalog')`). */
  readonly cache: string;
  /** Key templates: `product:${productId}`; `${sku?}` for an attribute items may lack. */
  readonly keys?: readonly string[];
  /** Tag templates, deleted with deleteByTag(): `category:${categoryId}`, or a fixed `products`. */
  readonly tags?: readonly string[];
}

/** A DynamoDB stream record as Lambda delivers it; only what invalidation reads. */
export interface DynamoDBStreamRecord {
  readonly eventID?: string;
  readonly eventName?: string;
  readonly dynamodb?: {
    readonly Keys?: StreamImage;
    readonly NewImage?: StreamImage;
    readonly OldImage?: StreamImage;
    readonly SequenceNumber?: string;
  };
}

export interface DynamoDBStreamEvent {
  readonly Records: readonly DynamoDBStreamRecord[];
}

/** Lambda's partial batch response: the records to retry, by sequence number. */
export interface StreamBatchResponse {
  batchItemFailures: { itemIdentifier: string }[];
}

export interface InvalidationOptions {
  /** Where a failed record is reported: console by default. */
  readonly logger?: { error(message: string): void };
  /**
   * Whether the event source mapping takes partial batch responses (ReportBatchItemFailures):
   * then the records that failed are reported, and Lambda retries them. Otherwise (an emulator that
   * ignores them) a batch with a failure fails whole, with InvalidationBatchFailedError. True
   * unless set false.
   */
  readonly partialBatchResponses?: boolean;
}

interface CompiledRule {
  readonly cache: string;
  readonly keys: readonly KeyTemplate[];
  readonly tags: readonly KeyTemplate[];
}

function compile(rules: readonly InvalidationRule[]): CompiledRule[] {
  if (!Array.isArray(rules)) throw new InvalidationRuleError('invalidation rules are a list of { cache, keys, tags }');
  return rules.map((rule: InvalidationRule, index) => {
    const where = `invalidation rule #${index}`;
    if (typeof rule.cache !== 'string' || rule.cache === '') {
      throw new InvalidationRuleError(`${where}: cache must name a cache of the service`);
    }
    const templates = (field: 'keys' | 'tags') => {
      const list = rule[field] ?? [];
      if (!Array.isArray(list))
        throw new InvalidationRuleError(`${where} (cache ${rule.cache}): ${field} must be a list of templates`);
      return list.map((source: string) => parseKeyTemplate(source, `${where} (cache ${rule.cache}) ${field}`));
    };
    const compiled = { cache: rule.cache, keys: templates('keys'), tags: templates('tags') };
    if (compiled.keys.length === 0 && compiled.tags.length === 0) {
      throw new InvalidationRuleError(
        `${where} (cache ${rule.cache}): it names no keys and no tags, so it would delete nothing`,
      );
    }
    return compiled;
  });
}

/** `{pk: "c1", sk: 3}`: a record's keys as an error shows them. */
function keysText(keys: StreamImage | undefined): string {
  if (!keys) return '(no keys)';
  const shown = Object.entries(keys).map(([name, value]) => {
    const scalar = value.S ?? value.N;
    return `${name}: ${scalar === undefined ? JSON.stringify(value) : JSON.stringify(scalar)}`;
  });
  return `{${shown.join(', ')}}`;
}

/** The keys and tags `templates` give for `images`; what cannot be made goes to `errors`. */
function render(
  rule: CompiledRule,
  templates: readonly KeyTemplate[],
  images: readonly (readonly [string, StreamImage])[],
  record: DynamoDBStreamRecord,
  errors: Error[],
): string[] {
  const made = new Set<string>();
  for (const template of templates) {
    for (const [label, image] of images) {
      const rendered = renderKeyTemplate(template, image);
      if ('key' in rendered) made.add(rendered.key);
      else if ('missing' in rendered) {
        errors.push(
          new InvalidationKeyError(
            rule.cache,
            template.source,
            rendered.missing,
            `cache ${rule.cache}: the template ${JSON.stringify(template.source)} needs the attribute ${rendered.missing}, ` +
              `which the ${label} image of item ${keysText(record.dynamodb?.Keys)} does not have. If items may lack it, ` +
              `write \${${rendered.missing}?}; if the images hold only the key, the table's stream must carry new and old images.`,
          ),
        );
      } else if ('unusable' in rendered) {
        errors.push(
          new InvalidationKeyError(
            rule.cache,
            template.source,
            rendered.unusable,
            `cache ${rule.cache}: the template ${JSON.stringify(template.source)} uses the attribute ${rendered.unusable}, ` +
              `which in the ${label} image of item ${keysText(record.dynamodb?.Keys)} is of type ${rendered.type}; ` +
              'a key is made of strings, numbers and booleans',
          ),
        );
      }
    }
  }
  return [...made];
}

async function invalidate(rules: readonly CompiledRule[], record: DynamoDBStreamRecord): Promise<void> {
  const data = record.dynamodb ?? {};
  const images: (readonly [string, StreamImage])[] = [];
  if (data.OldImage) images.push(['old', data.OldImage]);
  if (data.NewImage) images.push(['new', data.NewImage]);
  // A stream of keys only: templates can use the key's attributes.
  if (images.length === 0 && data.Keys) images.push(['key', data.Keys]);
  const errors: Error[] = [];
  const deletes = rules.map(async (rule) => {
    const keys = render(rule, rule.keys, images, record, errors);
    const tags = render(rule, rule.tags, images, record, errors);
    const target = cache(rule.cache);
    await Promise.all([
      keys.length > 0 ? target.delete(keys) : undefined,
      tags.length > 0 ? target.deleteByTag(tags) : undefined,
    ]);
  });
  // Whatever can be deleted is, even when another key of the record cannot be made.
  for (const settled of await Promise.allSettled(deletes)) {
    if (settled.status === 'rejected')
      errors.push(settled.reason instanceof Error ? settled.reason : new Error(String(settled.reason)));
  }
  if (errors.length === 1 && errors[0]) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, errors.map((error) => error.message).join('; '));
}

/**
 * A handler for a DynamoDB stream that deletes what `rules` name for every changed item, and
 * reports the records it could not finish in `batchItemFailures`. Throws InvalidationRuleError at
 * once for a rule that cannot be used.
 */
export function invalidationHandler(
  rules: readonly InvalidationRule[],
  options: InvalidationOptions = {},
): (event: DynamoDBStreamEvent) => Promise<StreamBatchResponse> {
  const compiled = compile(rules);
  const logger = options.logger ?? console;
  return async (event) => {
    const batchItemFailures: { itemIdentifier: string }[] = [];
    await Promise.all(
      event.Records.map(async (record) => {
        try {
          await invalidate(compiled, record);
        } catch (error) {
          const sequence = record.dynamodb?.SequenceNumber;
          const message = error instanceof Error ? error.message : String(error);
          logger.error(
            `invalidation of stream record ${record.eventID ?? '(no id)'} (${record.eventName ?? 'change'} of ` +
              `${keysText(record.dynamodb?.Keys)}, sequence ${sequence ?? 'none'}) failed: ${message}`,
          );
          // Without a sequence number Lambda cannot be told which record failed: the batch fails.
          if (sequence === undefined) throw error;
          batchItemFailures.push({ itemIdentifier: sequence });
        }
      }),
    );
    if (batchItemFailures.length > 0 && options.partialBatchResponses === false) {
      throw new InvalidationBatchFailedError(
        `${batchItemFailures.length} of ${event.Records.length} stream records could not be invalidated (logged above): the batch fails, to be retried whole`,
      );
    }
    return { batchItemFailures };
  };
}

export { invalidationRulesVariable };

/** The rules in STATEFUL_INVALIDATION_RULES; throws InvalidationRuleError naming the variable. */
export function rulesFromEnvironment(env: NodeJS.ProcessEnv = process.env): InvalidationRule[] {
  const value = env[invalidationRulesVariable];
  if (!value) {
    throw new InvalidationRuleError(
      `${invalidationRulesVariable} is not set: it holds the function's invalidation rules as JSON, ` +
        '[{"cache":"catalog","keys":["product:${productId}"]}]',
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    throw new InvalidationRuleError(`${invalidationRulesVariable} is not JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(parsed))
    throw new InvalidationRuleError(`${invalidationRulesVariable} must be a JSON list of rules`);
  return parsed as InvalidationRule[];
}

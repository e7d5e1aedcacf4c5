// @serverless-stateful/runtime/invalidation: the stream handler that deletes cache keys when a
// table's items change. `handler` reads its rules from STATEFUL_INVALIDATION_RULES (JSON), as the
// function the plugin generates for `tables.<t>.invalidates` is to set it; invalidationHandler()
// builds one from rules given in code.
import { invalidationPartialBatchVariable } from './environment.js';
import {
  invalidationHandler,
  rulesFromEnvironment,
  type DynamoDBStreamEvent,
  type StreamBatchResponse,
} from './caches/invalidation.js';

export {
  invalidationHandler,
  invalidationRulesVariable,
  type DynamoDBStreamEvent,
  type DynamoDBStreamRecord,
  type InvalidationOptions,
  type InvalidationRule,
  type StreamAttributeValue,
  type StreamBatchResponse,
  type StreamImage,
} from './caches/invalidation.js';
export { InvalidationBatchFailedError, InvalidationKeyError, InvalidationRuleError } from './caches/cache-errors.js';

let configured: ((event: DynamoDBStreamEvent) => Promise<StreamBatchResponse>) | undefined;

/**
 * The Lambda handler, with the rules of STATEFUL_INVALIDATION_RULES (read on the first event); it
 * fails a batch whole where STATEFUL_INVALIDATION_PARTIAL_BATCH_RESPONSES is `false`.
 */
export async function handler(event: DynamoDBStreamEvent): Promise<StreamBatchResponse> {
  configured ??= invalidationHandler(rulesFromEnvironment(), {
    partialBatchResponses: process.env[invalidationPartialBatchVariable] !== 'false',
  });
  return configured(event);
}

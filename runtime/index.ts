// @serverless-stateful/runtime: what a Lambda handler imports. Each helper finds its resource
// through the environment variable the plugin injects for it.
export {
  environmentPrefix,
  environmentVariableName,
  outboxRelayVariable,
  outboxVariableName,
  stateKinds,
  type StateKind,
} from './environment.js';
export { setDynamoDBClient, setEventBridgeClient, setLambdaClient, setStepFunctionsClient } from './clients.js';
export {
  BatchIncompleteError,
  BatchWriteIncompleteError,
  ConditionFailedError,
  MissingModuleError,
  ResourceNotDeclaredError,
  StatefulRuntimeError,
  TransactionCanceledError,
  TransactionTooLargeError,
  type BatchWrites,
  type CancellationReason,
} from './errors.js';
export type { ConditionOptions, UpdateSpec } from './tables/expressions.js';
export {
  DuplicateItemError,
  InvalidKeyError,
  ItemTooLargeError,
  TableAccessDeniedError,
  TableNotFoundError,
  UnstorableValueError,
  type RequestPlace,
  type TableRef,
} from './tables/table-errors.js';
export {
  table,
  Table,
  type BatchWrite,
  type Item,
  type Key,
  type Publishing,
  type PutOptions,
  type QueryOptions,
  type ReadOptions,
  type ScanOptions,
  type SortKeyCondition,
  type TableOptions,
  type WriteEvent,
} from './tables/table.js';
export {
  transact,
  transactGet,
  transactionLimits,
  TransactionBuilder,
  type TransactOptions,
  type TransactPublishOptions,
  type TransactResult,
} from './transactions/transact.js';
export {
  EventRefusedError,
  OutboxBatchFailedError,
  OutboxItemError,
  OutboxNotDeclaredError,
  OutboxRelayConfigError,
  PublishReplayError,
  type EventRefusal,
} from './outbox/outbox-errors.js';
export { eventIdTime, type OutboxEvent, type OutboxItem, type StatefulMetadata } from './outbox/outbox-item.js';
export { onEvent, type OnEventOptions, type OutboxEventDetail, type OutboxEventShape } from './outbox/on-event.js';
export {
  outboxRelay,
  relaySettingsFromEnvironment,
  type OutboxRelayOptions,
  type OutboxRelaySettings,
  type RelayContext,
} from './outbox/relay.js';
export { idempotent, idempotentMiddleware, type Handler, type MiddyRequest } from './idempotency/idempotent.js';
export { IdempotencyHandler, type InvocationContext } from './idempotency/idempotency-handler.js';
export type { IdempotencyOptions } from './idempotency/config.js';
export {
  IdempotencyConfigError,
  IdempotencyInProgressError,
  IdempotencyKeyError,
  IdempotencyPayloadMismatchError,
  IdempotencyPersistenceError,
  IdempotencyRecordTooLargeError,
  IdempotencyResultNotStoredError,
} from './idempotency/errors.js';
export type { IdempotencyRecord } from './idempotency/record.js';
export type { AcquireResult, PersistenceLayer } from './idempotency/persistence/persistence.js';
export { DynamoDBPersistence, type DynamoDBPersistenceOptions } from './idempotency/persistence/dynamodb.js';
export {
  bus,
  Bus,
  publishLimits,
  PublishError,
  type FailedEvent,
  type PublishOptions,
  type PublishResult,
} from './events/bus.js';
export {
  workflow,
  Workflow,
  ExecutionInputMismatchError,
  executionName,
  type StartResult,
  type SyncResult,
} from './workflows/workflow.js';
export { WorkflowAccessDeniedError, WorkflowInputError, WorkflowNotFoundError } from './workflows/workflow-errors.js';
export {
  durable,
  Durable,
  durableExecutionName,
  type DurableStartOptions,
  type DurableStartResult,
} from './durable/durable.js';
export {
  DurableAccessDeniedError,
  DurableCallbackClosedError,
  DurableExecutionConflictError,
  DurableFunctionNotFoundError,
  DurableInputError,
  DurableStartTimeoutError,
} from './durable/durable-errors.js';
export {
  cache,
  Cache,
  flushCacheMetrics,
  withCacheMetrics,
  type CacheMetricsOptions,
  type CacheOptions,
  type GetOrLoadOptions,
  type RemainingTime,
  type SetOptions,
} from './caches/cache.js';
export type { Loader } from './caches/cache-aside.js';
export type { CacheMetrics } from './caches/cache-metrics.js';
export { jsonCodec, type CacheCodec } from './caches/codec.js';
export {
  CacheConfigError,
  CacheConnectionError,
  CacheKeyError,
  CacheUnavailableError,
  InvalidationBatchFailedError,
  InvalidationKeyError,
  InvalidationRuleError,
} from './caches/cache-errors.js';
export {
  invalidationHandler,
  type DynamoDBStreamEvent,
  type DynamoDBStreamRecord,
  type InvalidationOptions,
  type InvalidationRule,
  type StreamAttributeValue,
  type StreamBatchResponse,
  type StreamImage,
} from './caches/invalidation.js';
export { setSecretsManagerClient } from './caches/secrets-client.js';

// The outbox relay as a Lambda entry point: the function the plugin generates for a bus declared
// with `outbox: true` (bundled to dist/lambda/outbox-relay.zip). It reads its settings from
// STATEFUL_OUTBOX_RELAY (JSON: {"bus", "table", "retentionSeconds"}) on its first event.
import type { DynamoDBStreamEvent, StreamBatchResponse } from './caches/invalidation.js';
import { outboxRelay, relaySettingsFromEnvironment, type RelayContext } from './outbox/relay.js';

let configured: ReturnType<typeof outboxRelay> | undefined;

/** The Lambda handler, with the settings of STATEFUL_OUTBOX_RELAY (read on the first event). */
export async function handler(event: DynamoDBStreamEvent, context?: RelayContext): Promise<StreamBatchResponse> {
  configured ??= outboxRelay(relaySettingsFromEnvironment());
  return configured(event, context);
}

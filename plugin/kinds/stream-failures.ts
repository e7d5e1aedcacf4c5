// How the stream functions the plugin generates (the outbox relay, cache invalidation) tell Lambda
// which records failed. On AWS, with a partial batch response: Lambda retries from the first
// record reported. MiniStack 1.5.33 takes a reported record as processed and never retries it, so
// on a local stage the function fails the batch whole instead, which it does retry
// (docs/local-aws.md).
import type { CompileContext } from './kind';

/** Whether the stage's event source mappings honour partial batch responses. */
export function partialBatchResponses(context: CompileContext): boolean {
  return !context.local;
}

/** The stream event's response type: partial batch responses where they are honoured. */
export function streamResponseType(context: CompileContext): { functionResponseType?: 'ReportBatchItemFailures' } {
  return partialBatchResponses(context) ? { functionResponseType: 'ReportBatchItemFailures' } : {};
}

// Seeing what EventBridge really delivered: a queue the kit attaches to a bus with a rule, read
// until the events a test waits for have come. Contract seam: bodies are filled in by the kit's
// deploy work.
import type { WaitOptions } from './wait';

export interface BusEvent<Detail = Record<string, unknown>> {
  readonly id: string;
  readonly source: string;
  readonly 'detail-type': string;
  readonly detail: Detail;
  readonly time: string;
}

export interface EventCapture {
  /** The first delivered event (since the capture began) for which `match` holds. */
  waitFor<Detail = Record<string, unknown>>(
    match: (event: BusEvent<Detail>) => boolean,
    options?: WaitOptions,
  ): Promise<BusEvent<Detail>>;
  /** Every event delivered so far. */
  received(): readonly BusEvent[];
  /** Removes the rule, its target and the queue. */
  close(): Promise<void>;
}

/** Attaches a queue to `busName` through a rule matching `pattern` (every event by default). */
export function captureEvents(busName: string, options?: { pattern?: Record<string, unknown> }): Promise<EventCapture> {
  void busName;
  void options;
  throw new Error('captureEvents: not built yet');
}

// Exponential backoff with full jitter: spreads retries of many containers apart.

export interface BackoffOptions {
  /** Attempts in all, the first included. */
  readonly maxAttempts?: number;
  /** The first delay's ceiling, in milliseconds. */
  readonly baseDelayMs?: number;
  /** No delay exceeds this. */
  readonly maxDelayMs?: number;
}

export const defaultBackoff = { maxAttempts: 8, baseDelayMs: 25, maxDelayMs: 2000 } as const;

/** The delay before retry number `retry` (1 for the first retry). */
export function backoffDelay(retry: number, options: BackoffOptions = {}): number {
  const base = options.baseDelayMs ?? defaultBackoff.baseDelayMs;
  const ceiling = Math.min(options.maxDelayMs ?? defaultBackoff.maxDelayMs, base * 2 ** (retry - 1));
  return Math.random() * ceiling;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

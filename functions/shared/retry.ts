// Waits between attempts: exponential, with full jitter so that writers who collided spread out.
export function jitteredDelay(attempt: number, baseMs = 20, maxMs = 1000): number {
  return Math.random() * Math.min(maxMs, baseMs * 2 ** (attempt - 1));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// The circuit breaker of one cache in one container. After `failures` Redis failures in a row
// (errors, timeouts, a connection that cannot be made) it opens: calls skip Redis at once and go to
// the in-container tier and the loader, paying no timeout. After `coolDownMs` it half-opens: the
// next call probes Redis while the others still skip it; the probe's success closes the breaker,
// its failure opens it for another cool-down.

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  /** Consecutive failures that open the breaker. */
  readonly failures: number;
  /** How long it stays open before a probe. */
  readonly coolDownMs: number;
}

export interface BreakerTransitions {
  opened: number;
  halfOpened: number;
  closed: number;
}

export class CircuitBreaker {
  private current: BreakerState = 'closed';
  private consecutive = 0;
  private openedAt = 0;
  private probing = false;
  readonly transitions: BreakerTransitions = { opened: 0, halfOpened: 0, closed: 0 };

  constructor(
    readonly options: BreakerOptions,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): BreakerState {
    return this.current;
  }

  /**
   * May this call use Redis? Always when closed; when open, only once the cool-down is over, and
   * then only one call at a time (the probe) until it reports.
   */
  admit(): boolean {
    if (this.current === 'closed') return true;
    if (this.current === 'open') {
      if (this.now() - this.openedAt < this.options.coolDownMs) return false;
      this.current = 'half-open';
      this.transitions.halfOpened++;
    }
    if (this.probing) return false;
    this.probing = true;
    return true;
  }

  /** Redis answered. */
  success(): void {
    this.consecutive = 0;
    if (this.current === 'closed') return;
    // While open, a late answer to a call admitted before opening proves nothing about now.
    if (this.current === 'open') return;
    this.probing = false;
    this.current = 'closed';
    this.transitions.closed++;
  }

  /** Redis failed or did not answer in time; `weight` counts a failure as that many (a connection that cannot be made opens at once). */
  failure(weight = 1): void {
    if (this.current === 'open') return;
    if (this.current === 'half-open') {
      this.open();
      return;
    }
    this.consecutive += weight;
    if (this.consecutive >= this.options.failures) this.open();
  }

  private open(): void {
    this.current = 'open';
    this.openedAt = this.now();
    this.probing = false;
    this.consecutive = 0;
    this.transitions.opened++;
  }
}

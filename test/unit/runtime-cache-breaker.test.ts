// The circuit breaker of a cache, on a clock the test moves: it opens after consecutive failures,
// skips Redis while open, lets one probe through after the cool-down, and closes on its success.
import { CircuitBreaker } from '../../runtime/caches/circuit-breaker';
import { pollDelay } from '../../runtime/caches/cache-aside';

function breaker(failures = 3, coolDownMs = 1000) {
  const clock = { now: 0 };
  return { clock, breaker: new CircuitBreaker({ failures, coolDownMs }, () => clock.now) };
}

describe('the circuit breaker', () => {
  it('opens after the consecutive failures it is given, and not before', () => {
    const { breaker: subject } = breaker(3);
    subject.failure();
    subject.failure();
    subject.success(); // a success in between starts the count again
    subject.failure();
    subject.failure();
    expect(subject.state).toBe('closed');
    expect(subject.admit()).toBe(true);
    subject.failure();
    expect(subject.state).toBe('open');
    expect(subject.admit()).toBe(false);
    expect(subject.transitions).toEqual({ opened: 1, halfOpened: 0, closed: 0 });
  });

  it('opens at once on a failure that weighs the whole count (a connection that cannot be made)', () => {
    const { breaker: subject } = breaker(5);
    subject.failure(5);
    expect(subject.state).toBe('open');
  });

  it('half-opens after the cool-down: one probe, the other calls still skip; its success closes it', () => {
    const { clock, breaker: subject } = breaker(1, 1000);
    subject.failure();
    clock.now = 999;
    expect(subject.admit()).toBe(false);
    clock.now = 1000;
    expect(subject.admit()).toBe(true);
    expect(subject.state).toBe('half-open');
    expect(subject.admit()).toBe(false);
    subject.success();
    expect(subject.state).toBe('closed');
    expect(subject.admit()).toBe(true);
    expect(subject.transitions).toEqual({ opened: 1, halfOpened: 1, closed: 1 });
  });

  it('opens again for a whole cool-down when the probe fails', () => {
    const { clock, breaker: subject } = breaker(1, 1000);
    subject.failure();
    clock.now = 1500;
    expect(subject.admit()).toBe(true);
    subject.failure();
    expect(subject.state).toBe('open');
    clock.now = 2400;
    expect(subject.admit()).toBe(false);
    clock.now = 2500;
    expect(subject.admit()).toBe(true);
    expect(subject.transitions).toEqual({ opened: 2, halfOpened: 2, closed: 0 });
  });

  it('is not closed by a late answer to a call let through before it opened', () => {
    const { breaker: subject } = breaker(1, 1000);
    subject.failure();
    subject.success();
    expect(subject.state).toBe('open');
  });
});

describe('the wait between polls for another container’s load', () => {
  it('starts at 5–10 ms and doubles to 50–100 ms', () => {
    for (let sample = 0; sample < 200; sample++) {
      const first = pollDelay(1);
      expect(first).toBeGreaterThanOrEqual(5);
      expect(first).toBeLessThanOrEqual(10);
      const later = pollDelay(12);
      expect(later).toBeGreaterThanOrEqual(50);
      expect(later).toBeLessThanOrEqual(100);
    }
  });
});

import { backoffDelay, defaultBackoff } from '../../runtime/backoff';

describe('backoffDelay', () => {
  afterEach(() => jest.restoreAllMocks());

  it('draws each delay between zero and a ceiling that doubles from the base up to the cap', () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.999);
    const ceilings = [1, 2, 3, 4, 5, 6, 7].map((retry) => backoffDelay(retry, { baseDelayMs: 100, maxDelayMs: 1000 }));
    expect(ceilings.map(Math.round)).toEqual([100, 200, 400, 799, 999, 999, 999]);
    jest.spyOn(Math, 'random').mockReturnValue(0);
    expect(backoffDelay(5, { baseDelayMs: 100 })).toBe(0);
  });

  it('defaults to a 25 ms base capped at 2 s', () => {
    jest.spyOn(Math, 'random').mockReturnValue(0.5);
    expect(backoffDelay(1)).toBe(defaultBackoff.baseDelayMs / 2);
    expect(backoffDelay(20)).toBe(defaultBackoff.maxDelayMs / 2);
  });
});

// When IAM auth signs: once before the first connection, again on its timer before the token
// stops opening connections, again (once) when Redis refuses the token, and again when a token is
// found stale because the timer could not run (a frozen container). Fake clock, fixed keys.
import { IamAuth, iamTokenRenewAfterMs } from '../../runtime/caches/iam-auth';

const spec = { kind: 'iam', userId: 'app', cacheName: 'catalog', serverless: true } as const;
const keys = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
const signedAt = (token: string | undefined) => new URL(`http://${token ?? ''}`).searchParams.get('X-Amz-Date');

describe('IAM auth', () => {
  const environment = { ...process.env };
  let lookups = 0;
  const credentials = () => {
    lookups += 1;
    return Promise.resolve(keys);
  };

  beforeEach(() => {
    lookups = 0;
    jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    process.env.AWS_REGION = 'eu-west-1';
  });
  afterEach(() => {
    jest.useRealTimers();
    process.env = { ...environment };
  });

  it('signs before the first connection, then reuses the token until it is due', async () => {
    const auth = new IamAuth(spec, { credentials });
    const first = await auth.credentials();
    expect(first.username).toBe('app');
    expect(signedAt(first.password)).toBe('20260101T000000Z');
    await jest.advanceTimersByTimeAsync(60_000);
    expect(await auth.credentials()).toEqual(first);
    expect(lookups).toBe(1);
    auth.stop();
  });

  it('renews on its timer 10 minutes after signing, and hands the new token on', async () => {
    expect(iamTokenRenewAfterMs).toBe(600_000);
    const auth = new IamAuth(spec, { credentials });
    const renewed: (string | undefined)[] = [];
    auth.onRenewed((fresh) => renewed.push(fresh.password));
    await auth.credentials();
    await jest.advanceTimersByTimeAsync(iamTokenRenewAfterMs - 1);
    expect(renewed).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(renewed.map(signedAt)).toEqual(['20260101T001000Z']);
    await jest.advanceTimersByTimeAsync(iamTokenRenewAfterMs);
    expect(renewed.map(signedAt)).toEqual(['20260101T001000Z', '20260101T002000Z']);
    expect((await auth.credentials()).password).toBe(renewed[1]);
    auth.stop();
    await jest.advanceTimersByTimeAsync(3 * iamTokenRenewAfterMs);
    expect(renewed).toHaveLength(2);
  });

  it('signs a stale token again before handing it out, when its timer could not run', async () => {
    const auth = new IamAuth(spec, { credentials });
    await auth.credentials();
    // A frozen container: the clock moves on, the timer does not run.
    jest.setSystemTime(new Date('2026-01-01T00:11:00Z'));
    expect(signedAt((await auth.credentials()).password)).toBe('20260101T001100Z');
    auth.stop();
  });

  it('signs again once when Redis refuses the token, and once more only after a connection was accepted', async () => {
    const auth = new IamAuth(spec, { credentials });
    await auth.credentials();
    jest.setSystemTime(new Date('2026-01-01T00:00:05Z'));
    const fresh = await auth.refused();
    expect(signedAt(fresh?.password)).toBe('20260101T000005Z');
    expect(await auth.refused()).toBeUndefined();
    auth.resetRefusals();
    expect(await auth.refused()).toBeDefined();
    auth.stop();
  });

  it('says so when there is no region to sign for', async () => {
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;
    await expect(new IamAuth(spec, { credentials }).credentials()).rejects.toThrow(
      "AWS_REGION is not set, and the token is signed for the cache's region",
    );
  });
});

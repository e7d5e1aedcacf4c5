// IAM auth: the function's own AWS credentials sign a token that is AUTH's password (see
// iam-token.ts). A token opens connections for 15 minutes, so one is signed before the first
// connect and renewed every 10 minutes after: a reconnect always has a valid one at hand, and the
// open connection re-authenticates with it (ElastiCache closes an IAM connection 12 hours after its
// last AUTH). The renewal timer is unref'd: it never keeps a process alive, and in a frozen Lambda
// container it simply fires late, on thaw; a token found stale then is signed again before use.
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { CacheAuthSpec } from './cache-address.js';
import { CacheAuth, type RedisCredentials } from './cache-auth.js';
import { iamTokenLifetimeSeconds, signIamAuthToken, type AwsCredentials } from './iam-token.js';

/** Renewed this long after signing: 5 minutes before the token stops opening connections. */
export const iamTokenRenewAfterMs = (iamTokenLifetimeSeconds - 300) * 1000;
/** After a renewal fails (credentials unavailable for a moment), the next try comes this soon. */
const retryRenewalMs = 60_000;

type IamSpec = Extract<CacheAuthSpec, { kind: 'iam' }>;

export interface IamAuthSettings {
  /** 10 minutes unless a test says otherwise. */
  readonly renewAfterMs?: number;
  /** The function's credentials; the SDK's default chain (in Lambda, the role's) unless given. */
  readonly credentials?: () => Promise<AwsCredentials>;
}

let functionCredentials: (() => Promise<AwsCredentials>) | undefined;

export class IamAuth extends CacheAuth {
  readonly action: string;
  readonly refusalHint: string;
  private readonly renewAfterMs: number;
  private readonly awsCredentials: () => Promise<AwsCredentials>;
  private token: { readonly value: string; readonly signedAt: number } | undefined;
  private signing: Promise<string> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly spec: IamSpec,
    settings: IamAuthSettings = {},
  ) {
    super();
    this.renewAfterMs = settings.renewAfterMs ?? iamTokenRenewAfterMs;
    this.awsCredentials = settings.credentials ?? (functionCredentials ??= defaultProvider());
    this.action = `sign an IAM auth token for user ${spec.userId} of ElastiCache cache ${spec.cacheName}`;
    this.refusalHint =
      `Redis refused the IAM auth token: the function's role needs elasticache:Connect on cache ` +
      `${spec.cacheName} and on user ${spec.userId}, an IAM-enabled user in the cache's user group.`;
  }

  async credentials(): Promise<RedisCredentials> {
    const fresh = this.token && Date.now() - this.token.signedAt < this.renewAfterMs;
    const password = fresh && this.token ? this.token.value : await this.sign();
    return { username: this.spec.userId, password };
  }

  protected async refresh(): Promise<RedisCredentials> {
    return { username: this.spec.userId, password: await this.sign() };
  }

  override stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.token = undefined;
  }

  /** Signs a token now; concurrent callers share one signing. */
  private sign(): Promise<string> {
    this.signing ??= this.signNow().finally(() => {
      this.signing = undefined;
    });
    return this.signing;
  }

  private async signNow(): Promise<string> {
    const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
    if (!region) throw new Error("AWS_REGION is not set, and the token is signed for the cache's region");
    const signedAt = Date.now();
    const value = await signIamAuthToken(
      { userId: this.spec.userId, cacheName: this.spec.cacheName, serverless: this.spec.serverless, region },
      this.awsCredentials,
      new Date(signedAt),
    );
    const first = this.token === undefined;
    this.token = { value, signedAt };
    this.schedule(this.renewAfterMs);
    if (!first) this.renewed({ username: this.spec.userId, password: value });
    return value;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.renew(), delayMs);
    this.timer.unref();
  }

  private async renew(): Promise<void> {
    try {
      await this.sign();
    } catch {
      // The current token stays; connection() signs again when it needs one, and names the failure.
      this.schedule(Math.min(this.renewAfterMs, retryRenewalMs));
    }
  }
}

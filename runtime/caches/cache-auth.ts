// Where a cache connection's AUTH comes from: nothing, an IAM auth token signed on the spot, or a
// password read from Secrets Manager. The connection asks for credentials before it connects,
// and again, once, when Redis refuses them (a token gone stale, a rotated password).

/** AUTH's arguments: a username with a password, a password alone, or neither. */
export interface RedisCredentials {
  readonly username?: string;
  readonly password?: string;
}

export abstract class CacheAuth {
  private refreshed = false;
  private listener: ((credentials: RedisCredentials) => void) | undefined;

  /** What getting the credentials is, for errors: "sign an IAM auth token for …". */
  abstract readonly action: string;
  /** What to check when Redis refuses the credentials. */
  abstract readonly refusalHint: string;

  /** Credentials for a connection made now: fetched or signed on first use, renewed when due. */
  abstract credentials(): Promise<RedisCredentials>;

  /** Fetches or signs the credentials again. */
  protected abstract refresh(): Promise<RedisCredentials | undefined>;

  /**
   * Redis refused the credentials: fresh ones, fetched or signed again, at most once until a
   * connection is accepted or a new attempt starts (`resetRefusals`); undefined when there is
   * nothing newer to try. A password that is wrong for good costs one extra call, not a loop.
   */
  async refused(): Promise<RedisCredentials | undefined> {
    if (this.refreshed) return undefined;
    this.refreshed = true;
    return this.refresh();
  }

  resetRefusals(): void {
    this.refreshed = false;
  }

  /** `listener` gets the credentials each time they are renewed on their own. */
  onRenewed(listener: (credentials: RedisCredentials) => void): void {
    this.listener = listener;
  }

  protected renewed(credentials: RedisCredentials): void {
    this.listener?.(credentials);
  }

  /** Stops any renewal; the next `credentials()` starts again. */
  stop(): void {
    // Nothing runs in the background unless a subclass says so.
  }
}

/** No AUTH: a local Redis, or a cache reached only from inside its network. */
export class NoAuth extends CacheAuth {
  readonly action = 'connect';
  readonly refusalHint = 'The cache wants AUTH, but its variable has no auth= parameter.';

  credentials(): Promise<RedisCredentials> {
    return Promise.resolve({});
  }

  protected refresh(): Promise<undefined> {
    return Promise.resolve(undefined);
  }
}

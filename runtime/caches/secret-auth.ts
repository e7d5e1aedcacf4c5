// auth=token: the password is in a Secrets Manager secret, read at run time (never from the
// environment), once per container, and read again once when Redis refuses it: the secret was
// rotated. Its SecretString is JSON, as Secrets Manager's own ElastiCache user secrets are
// (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/User-Secrets-Manager.html):
// { "password": "…", "username": "…" }, `username` optional (without it, AUTH <password> for the
// default user), other keys (user_arn, …) ignored. Nothing here ever puts the value in a message.
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { CacheAuth, type RedisCredentials } from './cache-auth.js';
import { secretsManager } from './secrets-client.js';

/** AUTH's arguments from a SecretString; the error says what is wrong with it, not what it holds. */
export function credentialsFromSecret(secretArn: string, secretString: string | undefined): RedisCredentials {
  const fail = (problem: string) =>
    new Error(`secret ${secretArn} ${problem}; it must be JSON: { "password": "…", "username": "…" (optional) }`);
  if (secretString === undefined) throw fail('has no SecretString (a binary secret?)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(secretString);
  } catch {
    throw fail('is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw fail('is not a JSON object');
  const { password, username } = parsed as Record<string, unknown>;
  if (typeof password !== 'string' || password === '') throw fail('has no "password" string');
  if (username === undefined) return { password };
  if (typeof username !== 'string' || username === '') throw fail('has a "username" that is not a non-empty string');
  return { username, password };
}

export class SecretAuth extends CacheAuth {
  readonly action: string;
  readonly refusalHint: string;
  private current: Promise<RedisCredentials> | undefined;

  constructor(private readonly secretArn: string) {
    super();
    this.action = `read the cache's password from Secrets Manager secret ${secretArn}`;
    this.refusalHint =
      `Redis refused the password in secret ${secretArn}, also when read again: ` +
      "is the secret the one the cache user was given, and is that user in the cache's user group?";
  }

  credentials(): Promise<RedisCredentials> {
    this.current ??= this.read();
    return this.current;
  }

  protected refresh(): Promise<RedisCredentials> {
    this.current = this.read();
    return this.current;
  }

  private read(): Promise<RedisCredentials> {
    const reading = this.fetch();
    // A failed read is not kept: the next connection() reads again.
    reading.catch(() => {
      if (this.current === reading) this.current = undefined;
    });
    return reading;
  }

  private async fetch(): Promise<RedisCredentials> {
    const client = await secretsManager();
    const secret = await client.send(new GetSecretValueCommand({ SecretId: this.secretArn }));
    return credentialsFromSecret(this.secretArn, secret.SecretString);
  }
}

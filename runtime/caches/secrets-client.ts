// The Secrets Manager client of caches with auth=token: made on first use, so a function whose
// caches use IAM auth, or none, never loads it.
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

let client: SecretsManagerClient | undefined;

export async function secretsManager(): Promise<SecretsManagerClient> {
  if (!client) {
    const { SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
    client ??= new SecretsManagerClient({});
  }
  return client;
}

/** Replaces the Secrets Manager client (custom configuration, tests); undefined goes back to the default. */
export function setSecretsManagerClient(replacement: SecretsManagerClient | undefined): void {
  client = replacement;
}

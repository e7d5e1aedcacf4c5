// The password of an IAM-authenticated ElastiCache connection, signed with the AWS SDK's own
// SigV4 signer (@smithy/signature-v4, with the SDK's SHA-256), never a hand-written one.
//
// What AWS documents, checked against the ElastiCache User Guide, "Authenticating with IAM"
// (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth-iam.html), and AWS's sample it
// shows (aws-samples/elasticache-iam-auth-demo-app, IAMAuthTokenRequest.java):
// - the token is a SigV4 *presigned* GET of http://<cacheName>/ with the query
//   Action=connect&User=<userId>, plus ResourceType=ServerlessCache for a serverless cache;
//   <cacheName> is the replication group id or serverless cache name, the signing service is
//   `elasticache`, the region the cache's, and the expiry 900 seconds;
// - the scheme is stripped: the token starts at the cache name. The scheme is not part of what is
//   signed, so http or https give the same token;
// - it is the password of AUTH (or HELLO), whose username is the user id: for an IAM-enabled user,
//   user id and user name must be the same;
// - a token is good for 15 minutes for a new AUTH; a connection authenticated with it is closed
//   after 12 hours, unless an AUTH (or HELLO) with a fresh token on it extends it; IAM auth is not
//   supported inside MULTI/EXEC;
// - IAM auth needs TLS (in-transit encryption) and Valkey 7.2+ or Redis OSS 7.0+.
// The unit test checks the signature against an independent computation of the SigV4 spec and
// against a value the AWS SDK for Java v2 signer produced for the same inputs.
import { Sha256 } from '@smithy/core/checksum';
import { buildQueryString, HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';

/** How long a token may open a connection, in seconds: AWS's 15 minutes. */
export const iamTokenLifetimeSeconds = 900;

export interface IamTokenRequest {
  /** The ElastiCache user id (AUTH's username). */
  readonly userId: string;
  /** The replication group id or serverless cache name. */
  readonly cacheName: string;
  readonly serverless: boolean;
  readonly region: string;
}

/** AWS credentials, as the SDK's credential providers resolve them. */
export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** The IAM auth token for `request`, signed at `signingDate` (now by default). */
export async function signIamAuthToken(
  request: IamTokenRequest,
  credentials: AwsCredentials | (() => Promise<AwsCredentials>),
  signingDate: Date = new Date(),
): Promise<string> {
  const signer = new SignatureV4({ service: 'elasticache', region: request.region, credentials, sha256: Sha256 });
  const query: Record<string, string> = { Action: 'connect', User: request.userId };
  if (request.serverless) query.ResourceType = 'ServerlessCache';
  const presigned = await signer.presign(
    new HttpRequest({
      method: 'GET',
      protocol: 'http:',
      hostname: request.cacheName,
      path: '/',
      query,
      headers: { host: request.cacheName },
    }),
    { expiresIn: iamTokenLifetimeSeconds, signingDate },
  );
  return `${presigned.hostname}${presigned.path}?${buildQueryString(presigned.query ?? {})}`;
}

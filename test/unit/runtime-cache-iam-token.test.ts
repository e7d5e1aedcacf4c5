// The ElastiCache IAM auth token, signed by the SDK's SigV4 signer at a fixed time with fixed
// credentials, checked three ways: its shape against AWS's documented format, its signature
// against the SigV4 spec computed here with node:crypto alone, and against the signature the AWS
// SDK for Java v2 signer gives for the same inputs.
import { createHash, createHmac } from 'node:crypto';
import { iamTokenLifetimeSeconds, signIamAuthToken, type IamTokenRequest } from '../../runtime/caches/iam-token';

const signingDate = new Date('2026-01-01T00:00:00Z');
const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjE+/session=token',
};
const serverless: IamTokenRequest = {
  userId: 'catalog-user',
  cacheName: 'catalog-abc123',
  serverless: true,
  region: 'eu-west-1',
};

/** RFC 3986 encoding, as SigV4 wants it. */
const encode = (text: string) =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest();

/** The SigV4 presigned query of a GET http://<cacheName>/, following the spec step by step. */
function specSignature(
  request: IamTokenRequest,
  keys: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  date: Date,
) {
  const amzDate = date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${request.region}/elasticache/aws4_request`;
  const parameters: [string, string][] = [
    ['Action', 'connect'],
    ['User', request.userId],
    ...(request.serverless ? [['ResourceType', 'ServerlessCache'] as [string, string]] : []),
    ['X-Amz-Algorithm', 'AWS4-HMAC-SHA256'],
    ['X-Amz-Credential', `${keys.accessKeyId}/${scope}`],
    ['X-Amz-Date', amzDate],
    ['X-Amz-Expires', '900'],
    ...(keys.sessionToken ? [['X-Amz-Security-Token', keys.sessionToken] as [string, string]] : []),
    ['X-Amz-SignedHeaders', 'host'],
  ];
  const canonicalQuery = parameters
    .map(([key, value]) => `${encode(key)}=${encode(value)}`)
    .sort()
    .join('&');
  const canonicalRequest = ['GET', '/', canonicalQuery, `host:${request.cacheName}\n`, 'host', sha256('')].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const signingKey = hmac(
    hmac(hmac(hmac(`AWS4${keys.secretAccessKey}`, day), request.region), 'elasticache'),
    'aws4_request',
  );
  return { parameters: Object.fromEntries(parameters), signature: hmac(signingKey, stringToSign).toString('hex') };
}

describe('the IAM auth token', () => {
  it('is the presigned connect request without its scheme, as AWS documents it', async () => {
    const token = await signIamAuthToken(serverless, credentials, signingDate);
    expect(token).toMatch(/^catalog-abc123\/\?Action=connect&ResourceType=ServerlessCache&User=catalog-user&/);
    expect(token).not.toMatch(/^https?:/);
    const query = Object.fromEntries(new URL(`http://${token}`).searchParams);
    expect(query).toEqual({
      Action: 'connect',
      User: 'catalog-user',
      ResourceType: 'ServerlessCache',
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKIDEXAMPLE/20260101/eu-west-1/elasticache/aws4_request',
      'X-Amz-Date': '20260101T000000Z',
      'X-Amz-Expires': String(iamTokenLifetimeSeconds),
      'X-Amz-Security-Token': credentials.sessionToken,
      'X-Amz-SignedHeaders': 'host',
      'X-Amz-Signature': expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(iamTokenLifetimeSeconds).toBe(900);
    // Every value is encoded as SigV4 encodes it: the session token's `+`, `/` and `=` too.
    expect(token).toContain(`X-Amz-Security-Token=${encode(credentials.sessionToken)}&`);
  });

  it('carries the signature the SigV4 spec gives, computed independently', async () => {
    const token = await signIamAuthToken(serverless, credentials, signingDate);
    const expected = specSignature(serverless, credentials, signingDate);
    const query = Object.fromEntries(new URL(`http://${token}`).searchParams);
    expect(query).toEqual({ ...expected.parameters, 'X-Amz-Signature': expected.signature });
  });

  it('leaves ResourceType and the security token out for a node-based cache and long-term keys', async () => {
    const request = { ...serverless, serverless: false, cacheName: 'catalog-rg', region: 'us-east-1' };
    const keys = { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey };
    const token = await signIamAuthToken(request, keys, signingDate);
    const { signature } = specSignature(request, keys, signingDate);
    expect(token).toBe(
      'catalog-rg/?Action=connect&User=catalog-user&X-Amz-Algorithm=AWS4-HMAC-SHA256' +
        '&X-Amz-Credential=AKIDEXAMPLE%2F20260101%2Fus-east-1%2Felasticache%2Faws4_request' +
        `&X-Amz-Date=20260101T000000Z&X-Amz-Expires=900&X-Amz-Signature=${signature}&X-Amz-SignedHeaders=host`,
    );
  });

  it('matches the signature of the AWS SDK for Java v2 signer for the same inputs', async () => {
    // AwsV4HttpSigner, presigned into the query, 900 s, GET https://my-cache/?Action=connect&User=user123
    // &ResourceType=ServerlessCache, eu-west-1, keys accessKey/secretKey, clock 2024-08-02T12:11:50Z
    // (the unit test of github.com/Opetushallitus/jod-yksilo, IamAuthTokenRequestTest).
    const token = await signIamAuthToken(
      { userId: 'user123', cacheName: 'my-cache', serverless: true, region: 'eu-west-1' },
      { accessKeyId: 'accessKey', secretAccessKey: 'secretKey' },
      new Date('2024-08-02T12:11:50Z'),
    );
    expect(token).toContain('X-Amz-Signature=5dda5db919b1337db6596b2a608924bc10197fb39289b933b60bdb114d5a70dc');
  });

  it('takes a credential provider, as the SDK gives one, and signs at the time it is given', async () => {
    const later = new Date('2026-01-01T00:10:00Z');
    const token = await signIamAuthToken(serverless, () => Promise.resolve(credentials), later);
    expect(new URL(`http://${token}`).searchParams.get('X-Amz-Date')).toBe('20260101T001000Z');
    expect(token).not.toBe(await signIamAuthToken(serverless, credentials, signingDate));
  });
});

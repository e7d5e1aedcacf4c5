// MiniStack 1.5.33 runs a function durably only when its DurableConfig carries `Enabled: true`, a
// property AWS does not have (and the AWS SDK drops), and its CloudFormation drops DurableConfig
// from AWS::Lambda::Function altogether (docs/local-aws.md). So after a deploy, the e2e test sets
// the function's configuration through the emulator's Lambda API, as the template would on AWS.
import { emulatorEndpoint } from '../../testing/clients';

export async function makeDurableOnMiniStack(
  functionName: string,
  config: { ExecutionTimeout: number; RetentionPeriodInDays?: number },
): Promise<void> {
  const response = await fetch(`${emulatorEndpoint()}/2015-03-31/functions/${functionName}/configuration`, {
    method: 'PUT',
    body: JSON.stringify({ DurableConfig: { ...config, Enabled: true } }),
    headers: {
      'content-type': 'application/json',
      // MiniStack reads the region from the credential scope and does not check the signature.
      authorization:
        'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/lambda/aws4_request, SignedHeaders=host, Signature=0',
    },
  });
  if (!response.ok) {
    throw new Error(
      `the emulator refused DurableConfig for ${functionName}: ${response.status} ${await response.text()}`,
    );
  }
}

// The records of a DynamoDB Local table's stream, as a Lambda subscribed to it receives them.
// @aws-sdk/client-dynamodb-streams is not installed in this project, so its three calls are made
// here on DynamoDB Streams' JSON protocol (DynamoDB Local serves it on its own endpoint), signed
// with the SDK's own SigV4 signer.
import { Sha256 } from '@smithy/core/checksum';
import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';
import { awsClientConfig } from './endpoints';

interface StreamRecord {
  readonly eventID: string;
  readonly eventName: 'INSERT' | 'MODIFY' | 'REMOVE';
  readonly dynamodb: { readonly SequenceNumber: string } & Record<string, unknown>;
}

async function call<T>(operation: string, body: object): Promise<T> {
  const { endpoint, region, credentials } = awsClientConfig('dynamodb');
  const url = new URL(endpoint);
  const signer = new SignatureV4({ service: 'dynamodb', region, credentials, sha256: Sha256 });
  const request = await signer.sign(
    new HttpRequest({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      headers: {
        host: url.host,
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `DynamoDBStreams_20120810.${operation}`,
      },
      body: JSON.stringify(body),
    }),
  );
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: request.headers,
    body: request.body as string,
  });
  const answer = (await response.json()) as T & { message?: string };
  if (!response.ok) throw new Error(`DynamoDB Streams ${operation}: ${response.status} ${answer.message ?? ''}`);
  return answer;
}

/**
 * Every record of the stream `streamArn` after `afterSequence` (all when not given), in order,
 * shaped as the records of the event Lambda gives a function subscribed to the stream.
 */
export async function streamRecords(streamArn: string, afterSequence?: string): Promise<StreamRecord[]> {
  const { StreamDescription } = await call<{ StreamDescription: { Shards: { ShardId: string }[] } }>('DescribeStream', {
    StreamArn: streamArn,
  });
  const records: StreamRecord[] = [];
  for (const { ShardId } of StreamDescription.Shards) {
    let { ShardIterator } = await call<{ ShardIterator?: string }>('GetShardIterator', {
      StreamArn: streamArn,
      ShardId,
      ...(afterSequence === undefined
        ? { ShardIteratorType: 'TRIM_HORIZON' }
        : { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: afterSequence }),
    });
    while (ShardIterator) {
      const page: { Records: StreamRecord[]; NextShardIterator?: string } = await call('GetRecords', { ShardIterator });
      records.push(...page.Records.map((record) => ({ ...record, eventSourceARN: streamArn })));
      // An open shard always has a next iterator: stop once a page comes back empty.
      ShardIterator = page.Records.length > 0 ? page.NextShardIterator : undefined;
    }
  }
  return records;
}

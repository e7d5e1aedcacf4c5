// Where the local AWS answers, as the global setup published it, in the shapes clients take.
import { endpointVariables, serviceLabel, type ServiceName } from '../../testing/local-aws/services';

export function endpointOf(name: ServiceName): string {
  const endpoint = process.env[endpointVariables[name]];
  if (!endpoint) throw new Error(`${serviceLabel(name)} was not started; run the tests with \`npm test\`.`);
  return endpoint;
}

/** Client configuration for AWS SDK v3 clients aimed at `name` (DynamoDB Local or the emulator). */
export function awsClientConfig(name: 'dynamodb' | 'emulator') {
  return {
    endpoint: endpointOf(name),
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  };
}

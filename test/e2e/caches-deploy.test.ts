/**
 * @services redis, emulator
 */
// A cache on the emulator: `serverless deploy --stage local` creates it (a replication group on
// the harness's Redis) with the generated network; a function that names it reads through it with
// cache('catalog'), finding it only through STATEFUL_CACHE_CATALOG; a function that does not name
// it stays out of the VPC.
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverless } from '../../testing/local-aws/serverless-cli';
import { bundleHandler } from '../support/bundle-handler';
import { endpointOf } from '../support/endpoints';
import { invoke } from '../support/invoke';
import type { Template } from '../support/package-service';

const cwd = join(__dirname, '..', 'fixtures', 'caches-service');
const service = 'stateful-caches-local';

interface Read {
  readonly product: { id: string; name: string } | null;
  readonly source: 'table' | 'cache';
  readonly endpoint: string;
}

describe('a cache deployed with serverless deploy --stage local', () => {
  let template: Template;
  let redis: Redis;

  beforeAll(async () => {
    await bundleHandler(cwd);
    await serverless(['deploy', '--stage', 'local'], { cwd });
    template = JSON.parse(
      readFileSync(join(cwd, '.serverless', 'cloudformation-template-update-stack.json'), 'utf8'),
    ) as Template;
    redis = new Redis(endpointOf('redis'), { lazyConnect: true });
  });

  afterAll(async () => {
    redis.disconnect();
    await serverless(['remove', '--stage', 'local'], { cwd });
  });

  it('reads through the cache: the table on a miss, the cache after, in a namespace of its own', async () => {
    // Redis outlives the stack: a fresh id per run.
    const id = `p-${randomUUID()}`;
    await invoke(`${service}-saveProduct`, { id, name: 'Mug' });
    const first = await invoke<Read>(`${service}-getProduct`, { id });
    expect(first).toMatchObject({ product: { id, name: 'Mug' }, source: 'table' });
    const second = await invoke<Read>(`${service}-getProduct`, { id });
    expect(second).toMatchObject({ product: { id, name: 'Mug' }, source: 'cache' });
    // Every cache of a service is the one local Redis, so locally the namespace names the cache too.
    const keys = await redis.keys(`${service}-catalog:*${id}*`);
    expect(keys).toHaveLength(1);
  });

  it('resolves ${state:catalog.endpoint} to the endpoint the stack gives the cache', async () => {
    const { endpoint } = await invoke<Read>(`${service}-getProduct`, { id: `p-${randomUUID()}` });
    expect(endpoint).toBe(new URL(endpointOf('redis')).hostname);
  });

  it('places only the function that uses the cache in the generated network', () => {
    const functions = template.Resources;
    expect(functions.GetProductLambdaFunction?.Properties.VpcConfig).toEqual({
      SubnetIds: [{ Ref: 'StatefulNetworkSubnetA' }, { Ref: 'StatefulNetworkSubnetB' }],
      SecurityGroupIds: [{ Ref: 'StatefulNetworkFunctionsSecurityGroup' }],
    });
    expect(functions.SaveProductLambdaFunction?.Properties.VpcConfig).toBeUndefined();
    expect(functions.StatefulNetworkEndpointDynamodb?.Type).toBe('AWS::EC2::VPCEndpoint');
  });

  it('lists the cache in serverless state:info', async () => {
    const stateInfo = await serverless(['state:info', '--stage', 'local'], { cwd });
    expect(stateInfo.output).toMatch(/catalog\s+cache\s+.*getProduct \(readwrite\)/);
  });
});

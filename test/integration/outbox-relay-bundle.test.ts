/**
 * @services dynamodb, emulator
 */
// The zip the plugin gives the generated outbox relay (dist/lambda/outbox-relay.zip, built by
// `npm run build`), as Lambda runs it: extracted by another zip reader into a folder with nothing
// beside it, its `index.handler` called in a node process of its own with STATEFUL_OUTBOX_RELAY as
// the plugin sets it, on real stream records of DynamoDB Local, putting on the emulator's bus.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteTableCommand, DescribeTableCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateEventBusCommand, DeleteEventBusCommand } from '@aws-sdk/client-eventbridge';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { bundledHandlerPath } from '../../plugin/bundled-handlers';
import { outboxRelayVariable } from '../../runtime/environment';
import { buildOutboxItem } from '../../runtime/outbox/outbox-item';
import { awsClients, captureEvents, type EventCapture } from '../../testing';
import { createOutboxTable, useDynamoDBLocal } from '../support/dynamodb-tables';
import { streamRecords } from '../support/dynamodb-streams';
import { awsClientConfig, endpointOf } from '../support/endpoints';

const id = randomUUID().slice(0, 8);
const dynamodb = useDynamoDBLocal();
const TableName = `outbox-bundle-${id}`;
const busName = `outbox-bundle-${id}`;
let folder: string;
let streamArn = '';
let capture: EventCapture;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'outbox-relay-bundle-'));
  execFileSync('python3', ['-m', 'zipfile', '-e', bundledHandlerPath('outbox-relay'), folder]);
  writeFileSync(
    join(folder, 'invoke.js'),
    [
      "const { handler } = require('./index.js');",
      "handler(JSON.parse(require('node:fs').readFileSync(process.argv[2], 'utf8'))).then(",
      '  (result) => { process.stdout.write(JSON.stringify(result)); process.exit(0); },',
      '  (error) => { console.error(error); process.exit(1); },',
      ');',
      '',
    ].join('\n'),
  );
  // The outbox table as the plugin makes it: pk and sk, a stream of new images.
  await createOutboxTable(dynamodb, TableName);
  streamArn = (await dynamodb.send(new DescribeTableCommand({ TableName }))).Table?.LatestStreamArn ?? '';
  await awsClients().eventBridge.send(new CreateEventBusCommand({ Name: busName }));
  capture = await captureEvents(busName);
});

afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await capture.close();
  await awsClients().eventBridge.send(new DeleteEventBusCommand({ Name: busName }));
  await dynamodb.send(new DeleteTableCommand({ TableName }));
});

describe('the bundled outbox relay', () => {
  it('puts the events of real stream records on the bus and marks their items, configured as the plugin configures it', async () => {
    const item = buildOutboxItem('shop', { detailType: 'CartUpdated', detail: { cartId: 'b1' } }, 'carts#b1');
    await dynamodb.send(new PutItemCommand({ TableName, Item: marshall(item) }));
    const recordsFile = join(folder, 'event.json');
    writeFileSync(recordsFile, JSON.stringify({ Records: await streamRecords(streamArn) }));
    const { endpoint, region } = awsClientConfig('emulator');
    const output = execFileSync(process.execPath, [join(folder, 'invoke.js'), recordsFile], {
      cwd: folder,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        AWS_REGION: region,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_ENDPOINT_URL: endpoint,
        AWS_ENDPOINT_URL_DYNAMODB: endpointOf('dynamodb'),
        [outboxRelayVariable]: JSON.stringify({ bus: busName, table: TableName, retentionSeconds: 86400 }),
      },
    });
    expect(JSON.parse(output)).toEqual({ batchItemFailures: [] });
    const event = await capture.waitFor((candidate) => candidate['detail-type'] === 'CartUpdated');
    expect(event.detail).toEqual({
      cartId: 'b1',
      stateful: { eventId: item.sk, aggregate: 'carts#b1', committedAt: item.createdAt },
    });
    const { Item } = await dynamodb.send(
      new GetItemCommand({ TableName, Key: marshall({ pk: item.pk, sk: item.sk }), ConsistentRead: true }),
    );
    expect(unmarshall(Item ?? {})).toMatchObject({ deliveredAt: expect.any(String), expiresAt: expect.any(Number) });
  });
});

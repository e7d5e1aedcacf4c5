// `state.buses.<bus>.outbox`: what the buses kind accepts and refuses, the table, queue and alarm
// it compiles, the relay it brings into the service, and what a publisher gets for it. The
// template, roles and mapping as the frameworks write them: test/integration/plugin-outbox.test.ts.
import { buses } from '../../plugin/kinds/buses';
import type { BusConfig } from '../../plugin/kinds/buses/schema';
import { stateInfoTable } from '../../plugin/info';
import type { FunctionDefinition } from '../../plugin/serverless';
import { compileState, generatedFunctions, refusal, stateContext } from '../support/compile-state';

const publisher: FunctionDefinition = { handler: 'handler.main', state: { shop: 'publish' } };
const shop = (outbox: unknown, more: Record<string, unknown> = {}) => ({ buses: { shop: { outbox } }, ...more });
const tableArn = { 'Fn::GetAtt': ['StatefulBusShopOutbox', 'Arn'] };
const busArn = { 'Fn::GetAtt': ['StatefulBusShop', 'Arn'] };

/** Every string in `value`, deep. */
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : typeof value === 'object' && value !== null
      ? Object.values(value).flatMap(strings)
      : [];

describe('a bus with outbox: true', () => {
  const resources = compileState(shop(true), { updateCart: publisher });

  it('creates the outbox table: pk and sk, on demand, encrypted, a stream of new images, TTL on expiresAt', () => {
    expect(resources.StatefulBusShopOutbox).toEqual({
      Type: 'AWS::DynamoDB::Table',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        TableName: 'shop-dev-shop-outbox',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        SSESpecification: { SSEEnabled: true },
        StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      },
    });
  });

  it('creates an encrypted failure queue and an alarm on the messages waiting in it', () => {
    expect(resources.StatefulBusShopOutboxFailures).toEqual({
      Type: 'AWS::SQS::Queue',
      Properties: {
        QueueName: 'shop-dev-shop-outbox-failures',
        MessageRetentionPeriod: 1_209_600,
        SqsManagedSseEnabled: true,
      },
    });
    expect(resources.StatefulBusShopOutboxFailuresAlarm).toEqual({
      Type: 'AWS::CloudWatch::Alarm',
      Properties: {
        AlarmName: 'shop-dev-shop-outbox-failures',
        AlarmDescription: expect.stringContaining('bus shop') as string,
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': ['StatefulBusShopOutboxFailures', 'QueueName'] } }],
        Statistic: 'Maximum',
        Period: 60,
        EvaluationPeriods: 1,
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
        TreatMissingData: 'notBreaching',
      },
    });
  });

  it('deletes the table with the stack on an ephemeral stage', () => {
    const ephemeral = compileState({ ...shop(true), ephemeralStages: ['dev'] });
    expect(ephemeral.StatefulBusShopOutbox).toMatchObject({ DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
  });

  it('brings the relay: the bundled handler, its settings, the stream mapping and exactly its own permissions', () => {
    expect(generatedFunctions(shop(true))).toEqual([
      {
        key: 'statefulOutboxRelayShop',
        source: 'state.buses.shop.outbox',
        definition: {
          name: 'shop-dev-statefulOutboxRelayShop',
          description: "Puts the events of bus shop's outbox on the bus (serverless-stateful)",
          handler: 'index.handler',
          runtime: 'nodejs22.x',
          memorySize: 256,
          timeout: 60,
          package: {
            artifact: expect.stringMatching(/\/dist\/lambda\/outbox-relay\.zip$/) as string,
            individually: true,
          },
          skipEsbuild: true,
          environment: {
            STATEFUL_OUTBOX_RELAY: JSON.stringify({
              bus: 'shop-dev-shop',
              table: 'shop-dev-shop-outbox',
              retentionSeconds: 86_400,
              partialBatchResponses: true,
            }),
          },
          events: [
            {
              stream: {
                type: 'dynamodb',
                arn: { 'Fn::GetAtt': ['StatefulBusShopOutbox', 'StreamArn'] },
                startingPosition: 'TRIM_HORIZON',
                batchSize: 100,
                parallelizationFactor: 1,
                bisectBatchOnFunctionError: true,
                maximumRetryAttempts: 10,
                functionResponseType: 'ReportBatchItemFailures',
                filterPatterns: [{ eventName: ['INSERT'] }],
                destinations: {
                  onFailure: { type: 'sqs', arn: { 'Fn::GetAtt': ['StatefulBusShopOutboxFailures', 'Arn'] } },
                },
              },
            },
          ],
          permissions: [
            { Effect: 'Allow', Action: ['dynamodb:UpdateItem'], Resource: [tableArn] },
            { Effect: 'Allow', Action: ['events:PutEvents'], Resource: [busArn] },
          ],
        },
      },
    ]);
  });

  it('on a local stage, has the relay fail a batch whole instead of reporting partial failures, which MiniStack ignores', () => {
    const [relay] = generatedFunctions(shop(true, { local: { stages: ['dev'] } }));
    const settings = JSON.parse(relay?.definition.environment?.STATEFUL_OUTBOX_RELAY as string) as Record<
      string,
      unknown
    >;
    expect(settings.partialBatchResponses).toBe(false);
    const [event] = relay?.definition.events ?? [];
    expect(event).toMatchObject({ stream: { bisectBatchOnFunctionError: true, maximumRetryAttempts: 10 } });
    expect(event?.stream).not.toHaveProperty('functionResponseType');
  });

  it('gives a publisher PutItem on exactly the outbox table beside PutEvents, and the table name in its variable', () => {
    const { model, context } = stateContext(shop(true), { updateCart: publisher });
    const config = model.config.buses?.shop as BusConfig;
    expect(buses.grant('shop', config, 'publish', context, 'updateCart')).toEqual([
      { Effect: 'Allow', Action: ['events:PutEvents'], Resource: [busArn] },
      { Effect: 'Allow', Action: ['dynamodb:PutItem'], Resource: [tableArn] },
    ]);
    expect(buses.environment('shop', config, context, 'updateCart')).toEqual({
      STATEFUL_BUS_SHOP: 'shop-dev-shop',
      STATEFUL_OUTBOX_SHOP: 'shop-dev-shop-outbox',
    });
    expect(buses.reach('shop', config, context).awsServices).toEqual(['events', 'dynamodb']);
  });

  it('names no wildcard anywhere', () => {
    const everything = [...strings(resources), ...strings(generatedFunctions(shop(true)))];
    expect(everything.filter((value) => value.includes('*'))).toEqual([]);
  });

  it('shows the outbox and its relay in state:info', () => {
    const { model } = stateContext(shop(true), { updateCart: publisher });
    expect(stateInfoTable(model)).toContain(
      'custom bus, outbox → relay statefulOutboxRelayShop, kept 1d after delivery',
    );
  });
});

describe('a bus without an outbox', () => {
  it('compiles none, brings no relay, and grants and tells a publisher only the bus', () => {
    for (const outbox of [undefined, false]) {
      const state = outbox === undefined ? { buses: { shop: {} } } : shop(outbox);
      expect(Object.keys(compileState(state))).toEqual(['StatefulBusShop']);
      expect(generatedFunctions(state)).toEqual([]);
      const { model, context } = stateContext(state, { updateCart: publisher });
      const config = model.config.buses?.shop as BusConfig;
      expect(buses.grant('shop', config, 'publish', context, 'updateCart')).toEqual([
        { Effect: 'Allow', Action: ['events:PutEvents'], Resource: [busArn] },
      ]);
      expect(buses.environment('shop', config, context, 'updateCart')).toEqual({ STATEFUL_BUS_SHOP: 'shop-dev-shop' });
    }
  });
});

describe('outbox options', () => {
  it('keeps delivered events retentionDays days, and the alarm notifies alarmActions', () => {
    const topic = { Ref: 'ShopAlarms' };
    const options = shop({ retentionDays: 7, alarmActions: [topic] });
    const [relay] = generatedFunctions(options);
    expect(JSON.parse(relay?.definition.environment?.STATEFUL_OUTBOX_RELAY as string)).toMatchObject({
      retentionSeconds: 7 * 86_400,
    });
    expect(compileState(options).StatefulBusShopOutboxFailuresAlarm?.Properties?.AlarmActions).toEqual([topic]);
  });

  it("on the account's default bus, puts the events there", () => {
    const [relay] = generatedFunctions({ buses: { default: { outbox: true } } });
    expect(JSON.parse(relay?.definition.environment?.STATEFUL_OUTBOX_RELAY as string)).toMatchObject({
      bus: 'default',
      table: 'shop-dev-default-outbox',
    });
    expect(relay?.definition.permissions).toContainEqual({
      Effect: 'Allow',
      Action: ['events:PutEvents'],
      Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default' }],
    });
  });

  it.each([
    ['a string', 'yes', 'state.buses.shop.outbox: must be a boolean or an object'],
    ['0 days', { retentionDays: 0 }, 'state.buses.shop.outbox.retentionDays: 0 is out of range; use 1 to 365'],
    ['366 days', { retentionDays: 366 }, 'state.buses.shop.outbox.retentionDays: 366 is out of range; use 1 to 365'],
    ['an unknown key', { retention: 7 }, 'state.buses.shop.outbox: unknown key "retention"; valid keys are'],
  ])('refuses %s with the path and what is valid', (_name, outbox, message) => {
    const { code, message: said } = refusal(shop(outbox));
    expect(code).toBe('STATE_CONFIG_INVALID');
    expect(said).toContain(message);
  });
});

describe('what AWS would refuse, refused at package time', () => {
  it('a relay name over Lambda’s 64 characters', () => {
    expect(refusal({ buses: { shopEventsForTheWholeCompanyAndThenSome: { outbox: true } } })).toEqual({
      code: 'STATE_NAME_TOO_LONG',
      message: expect.stringContaining(
        'state.buses.shopEventsForTheWholeCompanyAndThenSome.outbox: its name "shop-dev-statefulOutboxRelayShopEventsForTheWholeCompanyAndThenSome" is 67 characters; AWS allows 64',
      ) as string,
    });
  });

  it('a failure queue name over SQS’s 80 characters', () => {
    const bus = 'b'.repeat(60);
    const { code, message } = refusal({ buses: { [bus]: { outbox: true } } });
    expect(code).toBe('STATE_NAME_TOO_LONG');
    expect(message).toContain(`state.buses.${bus}.outbox: its name "shop-dev-${bus}-outbox-failures"`);
  });

  it('a bus whose logical id is the outbox table of another', () => {
    expect(refusal({ buses: { shop: { outbox: true }, shopOutbox: {} } })).toEqual({
      code: 'STATE_NAME_TAKEN',
      message: expect.stringMatching(
        /state\.buses\.shop\.outbox and state\.buses\.shopOutbox both compile to StatefulBusShopOutbox/,
      ) as string,
    });
  });

  it('a table of state.tables under the outbox table’s name', () => {
    const state = shop(true, { tables: { events: { partitionKey: 'id', tableName: 'shop-dev-shop-outbox' } } });
    expect(refusal(state)).toEqual({
      code: 'STATE_NAME_TAKEN',
      message: expect.stringContaining(
        'state.buses.shop.outbox and state.tables.events both name the table "shop-dev-shop-outbox"',
      ) as string,
    });
  });
});

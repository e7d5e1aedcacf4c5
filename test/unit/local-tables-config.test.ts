// What localTables reads of serverless.yml without the framework: the variables it resolves as
// the framework does, those it leaves alone, and the CreateTable input the tables kind's
// compilation becomes.
import { tableDefinitions } from '../../plugin/table-definitions';
import { LocalTablesError } from '../../testing/local-tables-error';
import { serviceConfigOf } from '../../testing/service-config';

const file = '/services/shop/serverless.yml';
const read = (document: object, options: { stage?: string; region?: string; env?: NodeJS.ProcessEnv } = {}) =>
  serviceConfigOf(document, file, { stage: 'test', env: {}, ...options });
const tablesOf = (document: object, options?: Parameters<typeof read>[1]) =>
  read(document, options).state.tables as Record<string, Record<string, unknown>>;

describe("localTables' reading of serverless.yml", () => {
  it('resolves self, sls, opt and env variables, nested and with fallbacks, keeping a whole variable typed', () => {
    const config = read(
      {
        service: '${self:custom.prefix}-shop',
        custom: { prefix: '${env:PREFIX, "acme"}', keys: { test: 'cartId' }, sortType: { name: 'sk', type: 'N' } },
        provider: { region: "${opt:region, 'eu-west-3'}" },
        state: {
          idempotency: '${env:IDEMPOTENT, true}',
          tables: {
            carts: {
              partitionKey: '${self:custom.keys.${sls:stage}}',
              sortKey: '${self:custom.sortType}',
              stream: '${opt:streamView, self:custom.view, "new-and-old"}',
            },
          },
        },
      },
      { env: { PREFIX: 'zeta' } },
    );
    expect(config).toMatchObject({ service: 'zeta-shop', region: 'eu-west-3' });
    expect(config.state).toEqual({
      idempotency: true,
      tables: { carts: { partitionKey: 'cartId', sortKey: { name: 'sk', type: 'N' }, stream: 'new-and-old' } },
    });
  });

  it('takes the stage and region it is given for ${opt:stage}, ${sls:stage} and ${opt:region}', () => {
    const document = {
      service: 'shop-${opt:stage}',
      provider: { region: "${opt:region, 'us-east-1'}" },
      state: { tables: { carts: { partitionKey: '${sls:stage}Id' } } },
    };
    expect(read(document, { stage: 'ci', region: 'eu-north-1' })).toMatchObject({
      service: 'shop-ci',
      region: 'eu-north-1',
      state: { tables: { carts: { partitionKey: 'ciId' } } },
    });
  });

  it('leaves what is not a variable to the framework alone: key templates, Fn::Sub text', () => {
    const tables = tablesOf({
      service: 'shop',
      state: {
        tables: {
          products: {
            partitionKey: 'productId',
            invalidates: [{ cache: 'catalog', keys: ['product:${productId}', '${AWS::Region}:${productId}'] }],
          },
        },
      },
    });
    expect(tables.products?.invalidates).toEqual([
      { cache: 'catalog', keys: ['product:${productId}', '${AWS::Region}:${productId}'] },
    ]);
  });

  it('resolves only what the tables need: a variable it cannot read elsewhere is never read', () => {
    const config = read({
      service: 'shop',
      provider: { environment: { KEY: '${ssm:/shop/key}' } },
      custom: { other: '${cf:another-stack.Output}' },
      state: { tables: { carts: { partitionKey: 'cartId' } }, caches: { catalog: '${ssm:/shop/cache}' } },
    });
    expect(config.state).toEqual({ tables: { carts: { partitionKey: 'cartId' } } });
  });

  it('refuses a source only the framework or AWS can resolve, naming the variable and where it is', () => {
    const refusal = () => read({ service: 'shop', state: { tables: { carts: { partitionKey: '${ssm:/key}' } } } });
    expect(refusal).toThrow(LocalTablesError);
    expect(refusal).toThrow(
      /state\.tables\.carts\.partitionKey: \$\{ssm:\/key\} needs the framework.*VARIABLE_NOT_SUPPORTED/,
    );
  });

  it('refuses a variable without a value or a fallback, and one that refers to itself', () => {
    expect(() => read({ service: '${env:SERVICE_NAME}' })).toThrow(/service: \$\{env:SERVICE_NAME\} has no value/);
    expect(() =>
      read({ service: '${self:custom.a}', custom: { a: '${self:custom.b}', b: '${self:custom.a}' } }),
    ).toThrow(/depends on itself/);
  });
});

describe('tableDefinitions: the declared tables as CreateTable input', () => {
  it("turns the tables kind's compilation into the API's shapes, with the idempotency table", () => {
    const definitions = tableDefinitions(
      {
        idempotency: true,
        tables: {
          carts: {
            partitionKey: 'cartId',
            sortKey: { name: 'version', type: 'N' },
            indexes: {
              byCustomer: { partitionKey: 'customerId', projection: { include: ['total'] } },
              byVersion: { partitionKey: 'cartId', sortKey: 'updatedAt', local: true },
            },
            ttl: 'expiresAt',
            stream: 'keys-only',
            billing: 'provisioned',
            capacity: { read: 2, write: 1 },
            deletionProtection: true,
            tags: { team: 'cart' },
          },
        },
      },
      { service: 'shop', stage: 'test' },
    );
    expect(definitions.map(({ name, source }) => [name, source])).toEqual([
      ['carts', 'state.tables.carts'],
      ['idempotency', 'state.idempotency'],
    ]);
    const [carts, idempotency] = definitions;
    expect(carts?.createTable).toEqual({
      TableName: 'shop-test-carts',
      AttributeDefinitions: [
        { AttributeName: 'cartId', AttributeType: 'S' },
        { AttributeName: 'version', AttributeType: 'N' },
        { AttributeName: 'customerId', AttributeType: 'S' },
        { AttributeName: 'updatedAt', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'cartId', KeyType: 'HASH' },
        { AttributeName: 'version', KeyType: 'RANGE' },
      ],
      BillingMode: 'PROVISIONED',
      ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 1 },
      GlobalSecondaryIndexes: [
        {
          IndexName: 'byCustomer',
          KeySchema: [{ AttributeName: 'customerId', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['total'] },
          ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 1 },
        },
      ],
      LocalSecondaryIndexes: [
        {
          IndexName: 'byVersion',
          KeySchema: [
            { AttributeName: 'cartId', KeyType: 'HASH' },
            { AttributeName: 'updatedAt', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      TableClass: 'STANDARD',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
    });
    expect(carts?.timeToLive).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    expect(idempotency?.createTable.KeySchema).toEqual([{ AttributeName: 'key', KeyType: 'HASH' }]);
    expect(idempotency?.timeToLive).toEqual({ AttributeName: 'expiresAt', Enabled: true });
  });
});

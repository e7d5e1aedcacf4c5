// What DynamoDB refuses at deploy, refused at package time instead: each case is a table that
// CloudFormation would reject minutes into a deploy.
import Ajv from 'ajv';
import { stateSchema } from '../../plugin/schema';
import { compileState, refusal } from '../support/compile-state';

const table = (config: Record<string, unknown>) => ({ tables: { carts: { partitionKey: 'cartId', ...config } } });
const provisioned = (capacity: unknown, more: Record<string, unknown> = {}) =>
  table({ billing: 'provisioned', capacity, ...more });
const indexes = (count: number, local = false) =>
  Object.fromEntries(
    Array.from({ length: count }, (_, index) => [
      `index${index}`,
      local ? { partitionKey: 'cartId', sortKey: `at${index}`, local: true } : { partitionKey: `key${index}` },
    ]),
  );

describe('the state schema under the framework', () => {
  // The settings osls validates configuration with: strict, and coercing types in place.
  const frameworkAjv = () => new Ajv({ allErrors: true, coerceTypes: 'array', strict: true, strictRequired: false });

  it("compiles under the framework's strict AJV settings, so the framework accepts it", () => {
    expect(() => frameworkAjv().compile(stateSchema)).not.toThrow();
  });

  it('leaves a numeric ttl a number, for the kind to refuse, rather than a coerced attribute name', () => {
    const validate = frameworkAjv().compile(stateSchema);
    const state = { tables: { carts: { partitionKey: 'cartId', ttl: -5 } } };
    expect(validate(state)).toBe(true);
    expect(state.tables.carts.ttl).toBe(-5);
  });
});

describe('table limits', () => {
  it('refuses more than 20 global secondary indexes', () => {
    expect(compileState(table({ indexes: indexes(20) }))).toHaveProperty('StatefulTableCarts');
    expect(refusal(table({ indexes: indexes(21) }))).toEqual({
      code: 'STATE_TABLE_INDEX_LIMIT',
      message: expect.stringContaining(
        'state.tables.carts.indexes: 21 global secondary indexes; DynamoDB allows at most 20 on a table.',
      ),
    });
  });

  it('refuses more than 5 local secondary indexes', () => {
    expect(compileState(table({ sortKey: 'sk', indexes: indexes(5, true) }))).toHaveProperty('StatefulTableCarts');
    expect(refusal(table({ sortKey: 'sk', indexes: indexes(6, true) }))).toEqual({
      code: 'STATE_TABLE_INDEX_LIMIT',
      message: expect.stringContaining('6 local secondary indexes; DynamoDB allows at most 5'),
    });
  });

  it('refuses more than 100 projected attributes across the indexes', () => {
    const include = (from: number) => ({ include: Array.from({ length: 50 }, (_, index) => `a${from + index}`) });
    const byA = { partitionKey: 'a', projection: include(0) };
    expect(compileState(table({ indexes: { byA, byB: { partitionKey: 'b', projection: include(50) } } }))).toBeTruthy();
    expect(
      refusal(
        table({
          indexes: {
            byA,
            byB: { partitionKey: 'b', projection: include(50) },
            byC: { partitionKey: 'c', projection: { include: ['x'] } },
          },
        }),
      ),
    ).toEqual({
      code: 'STATE_TABLE_INDEX_LIMIT',
      message: expect.stringContaining('101 attributes in projection include lists'),
    });
  });

  it('refuses a sort key that is the partition key, on the table and on an index', () => {
    expect(refusal(table({ sortKey: 'cartId' }))).toEqual({
      code: 'STATE_SORT_KEY_IS_PARTITION_KEY',
      message: expect.stringContaining('state.tables.carts: the sort key "cartId" is also the partition key'),
    });
    expect(refusal(table({ indexes: { byCustomer: { partitionKey: 'customerId', sortKey: 'customerId' } } }))).toEqual({
      code: 'STATE_SORT_KEY_IS_PARTITION_KEY',
      message: expect.stringContaining('state.tables.carts.indexes.byCustomer: the sort key "customerId"'),
    });
    expect(
      refusal(table({ sortKey: 'sk', indexes: { latest: { partitionKey: 'cartId', sortKey: 'cartId', local: true } } }))
        .code,
    ).toBe('STATE_SORT_KEY_IS_PARTITION_KEY');
  });

  it('refuses capacity units beyond what DynamoDB takes, stating the range', () => {
    expect(compileState(provisioned({ read: 40_000, write: 1 }))).toHaveProperty('StatefulTableCarts');
    for (const read of [0, 40_001, 2.5]) {
      expect(refusal(provisioned({ read, write: 1 }))).toEqual({
        code: 'STATE_CONFIG_INVALID',
        message: expect.stringMatching(/state\.tables\.carts\.capacity\.read: .*1 to 40000/),
      });
    }
    expect(
      refusal(
        provisioned(
          { read: 1, write: 1 },
          { indexes: { byX: { partitionKey: 'x', capacity: { read: 1, write: 50_000 } } } },
        ),
      ).message,
    ).toContain('state.tables.carts.indexes.byX.capacity.write: 50000 is out of range; use 1 to 40000');
  });

  it('says a capacity the framework read as null (YAML .inf, .nan, ~) is not a number, not that it is missing', () => {
    expect(refusal(provisioned({ read: null, write: 1 })).message).toContain(
      'state.tables.carts.capacity.read: has no value a number or a string can be read from (YAML ~, an empty value, .inf or .nan); give an integer from 1 to 40000',
    );
  });

  it('says which capacity is missing', () => {
    expect(refusal(provisioned({ write: 1 }))).toEqual({
      code: 'STATE_CAPACITY_MISSING',
      message: expect.stringContaining('state.tables.carts.capacity: "read" is missing.'),
    });
  });

  it('refuses capacity on a local index, which uses the table’s', () => {
    const config = provisioned(
      { read: 1, write: 1 },
      {
        sortKey: 'sk',
        indexes: { latest: { partitionKey: 'cartId', sortKey: 'at', local: true, capacity: { read: 1, write: 1 } } },
      },
    );
    expect(refusal(config)).toEqual({
      code: 'STATE_CAPACITY_NOT_PROVISIONED',
      message: expect.stringContaining('state.tables.carts.indexes.latest: a local index has no capacity of its own'),
    });
  });

  it('refuses a number as ttl, saying what ttl names', () => {
    expect(refusal(table({ ttl: -5 }))).toEqual({
      code: 'STATE_CONFIG_INVALID',
      message: expect.stringContaining(
        "state.tables.carts.ttl: -5 is not an attribute name. ttl names the attribute that holds each item's expiry time (epoch seconds), e.g. ttl: expiresAt",
      ),
    });
    expect(refusal(table({ ttl: 3600 })).message).toContain('state.tables.carts.ttl: 3600 is not an attribute name');
    expect(compileState(table({ ttl: 'expiresAt' })).StatefulTableCarts?.Properties?.TimeToLiveSpecification).toEqual({
      AttributeName: 'expiresAt',
      Enabled: true,
    });
  });
});

describe('customer managed keys', () => {
  const key = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';
  const sse = (encryption: unknown) =>
    compileState(table({ encryption })).StatefulTableCarts?.Properties?.SSESpecification;

  it('accepts the ARN of a key, or an intrinsic that yields one', () => {
    for (const kmsKey of [
      key,
      { 'Fn::GetAtt': ['TableKey', 'Arn'] },
      { 'Fn::GetAtt': 'TableKey.Arn' },
      { Ref: 'TableKeyArnParameter' },
      { 'Fn::ImportValue': 'shared-table-key-arn' },
      { 'Fn::Sub': 'arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/abc' },
    ]) {
      expect(sse({ kmsKey })).toEqual({ SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: kmsKey });
    }
  });

  it.each([
    [
      'an alias ARN',
      'arn:aws:kms:us-east-1:123456789012:alias/tables',
      /is not valid: a key is named by the ARN of the key itself/,
    ],
    ['a key id', '1234abcd-12ab-34cd-56ef-1234567890ab', /is not valid: a key is named by the ARN of the key itself/],
    [
      'any object',
      { KeyId: 'x' },
      /encryption\.kmsKey: unknown key "KeyId"; valid keys are Fn::GetAtt, Ref, Fn::ImportValue or Fn::Sub/,
    ],
    [
      'a GetAtt of the key id',
      { 'Fn::GetAtt': ['TableKey', 'KeyId'] },
      /kmsKey\.Fn::GetAtt\.1: "KeyId" is not allowed; use "Arn"/,
    ],
    [
      'two intrinsics',
      { Ref: 'A', 'Fn::Sub': 'b' },
      /encryption\.kmsKey: has 2 entries; an intrinsic function that yields the key ARN is one of/,
    ],
    ['an empty object', {}, /encryption\.kmsKey: has 0 entries/],
  ])('refuses %s', (_title, kmsKey, message) => {
    expect(refusal(table({ encryption: { kmsKey } }))).toEqual({
      code: 'STATE_CONFIG_INVALID',
      message: expect.stringMatching(message),
    });
  });
});

describe('tags', () => {
  const tags = (value: Record<string, string>) => refusal(table({ tags: value })).message;

  it('accepts what DynamoDB accepts', () => {
    const valid = {
      team: 'checkout',
      'cost-center': '42',
      'a.b_c:d/e=f+g h': 'é ü 1',
      empty: '',
      [`k${'x'.repeat(127)}`]: 'v'.repeat(256),
    };
    expect(compileState(table({ tags: valid })).StatefulTableCarts?.Properties?.Tags).toHaveLength(5);
  });

  it('refuses the reserved aws: prefix, in any case', () => {
    expect(tags({ 'aws:team': 'x' })).toContain(
      'state.tables.carts.tags.aws:team: "aws:team" is not a valid name: a tag key is 1 to 128 letters',
    );
    expect(tags({ 'AwS:team': 'x' })).toContain('"AwS:team" is not a valid name');
  });

  it('refuses keys over 128 characters and values over 256', () => {
    expect(tags({ [`k${'x'.repeat(128)}`]: 'v' })).toMatch(/is not a valid name: a tag key is 1 to 128/);
    expect(tags({ team: 'v'.repeat(257) })).toContain('state.tables.carts.tags.team: "vvv');
    expect(tags({ team: 'v'.repeat(257) })).toContain('is 257 characters; a tag value is 0 to 256');
  });

  it('refuses more than 50 tags', () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`tag${index}`, 'x']));
    expect(tags(many)).toContain('state.tables.carts.tags: has 51 entries; at most 50 allowed');
  });

  it('refuses characters DynamoDB refuses, such as @ and #', () => {
    expect(tags({ owner: 'me@example.com' })).toContain(
      'state.tables.carts.tags.owner: "me@example.com" is not valid: a tag value is 0 to 256 letters, digits, spaces and + - = . _ : /',
    );
    expect(tags({ 'team#1': 'x' })).toContain('"team#1" is not a valid name');
  });

  it('takes @ in the tags of a workflow, which Step Functions accepts', () => {
    const workflow = {
      definition: { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } },
      tags: { owner: 'me@example.com' },
    };
    expect(compileState({ workflows: { flow: workflow } }).StatefulWorkflowFlow?.Properties?.Tags).toEqual([
      { Key: 'owner', Value: 'me@example.com' },
    ]);
    expect(refusal({ workflows: { flow: { ...workflow, tags: { 'aws:x': 'y' } } } }).message).toContain(
      'state.workflows.flow.tags.aws:x: "aws:x" is not a valid name',
    );
  });
});

describe('encryption at rest', () => {
  const compiled = (encryption?: unknown) =>
    compileState(table(encryption === undefined ? {} : { encryption })).StatefulTableCarts?.Properties;

  it('uses the AWS managed key aws/dynamodb by default, as before', () => {
    expect(compiled()?.SSESpecification).toEqual({ SSEEnabled: true });
    expect(compiled('aws-managed')?.SSESpecification).toEqual({ SSEEnabled: true });
  });

  it('uses a key AWS owns with aws-owned: DynamoDB still encrypts, with no KMS charge', () => {
    expect(compiled('aws-owned')?.SSESpecification).toEqual({ SSEEnabled: false });
  });

  it('refuses another word', () => {
    expect(refusal(table({ encryption: 'aws-owend' })).message).toContain(
      'state.tables.carts.encryption: must be "aws-owned", "aws-managed" or an object',
    );
  });
});

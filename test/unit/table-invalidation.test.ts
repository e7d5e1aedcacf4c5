// `state.tables.<t>.invalidates`: what the tables kind accepts and refuses, the stream it turns on,
// the failure queue, and the function it brings into the service. The compiled template, role and
// mapping as the framework writes them are tested in test/integration/plugin-invalidation.test.ts.
import { tables } from '../../plugin/kinds/tables';
import type { TableConfig } from '../../plugin/kinds/tables/schema';
import { stateSchema } from '../../plugin/schema';
import { compileState, generatedFunctions, refusal } from '../support/compile-state';
import Ajv from 'ajv';

const products = (config: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
  tables: {
    products: {
      partitionKey: 'productId',
      invalidates: [{ cache: 'catalog', keys: ['product:${productId}'] }],
      ...config,
    },
  },
  ...more,
});

const network = { vpc: { subnetIds: ['subnet-0a1b2c3d'], securityGroupIds: ['sg-0123abcd'] } };
const withCatalog = { network, caches: { catalog: {}, sessions: {} } };

describe('the function invalidates brings into the service', () => {
  it('runs the bundled handler from its own zip, with the rules in its variable and write access to the cache', () => {
    const [generated, ...others] = generatedFunctions(
      products(
        {
          invalidates: [
            { cache: 'catalog', keys: ['product:${productId}'], tags: ['category:${categoryId}'] },
            { cache: 'sessions', tags: ['products'] },
            { cache: 'catalog', keys: ['sku:${sku?}'] },
          ],
        },
        withCatalog,
      ),
    );
    expect(others).toEqual([]);
    expect(generated).toEqual({
      key: 'statefulInvalidateProducts',
      source: 'state.tables.products.invalidates',
      definition: {
        name: 'shop-dev-statefulInvalidateProducts',
        description: 'Deletes the cache keys of changed items of table products (serverless-stateful)',
        handler: 'index.handler',
        runtime: 'nodejs22.x',
        memorySize: 256,
        timeout: 30,
        package: { artifact: expect.stringMatching(/\/dist\/lambda\/invalidation\.zip$/), individually: true },
        skipEsbuild: true,
        environment: {
          STATEFUL_INVALIDATION_RULES: JSON.stringify([
            { cache: 'catalog', keys: ['product:${productId}'], tags: ['category:${categoryId}'] },
            { cache: 'sessions', tags: ['products'] },
            { cache: 'catalog', keys: ['sku:${sku?}'] },
          ]),
        },
        events: [
          {
            stream: {
              type: 'dynamodb',
              arn: { 'Fn::GetAtt': ['StatefulTableProducts', 'StreamArn'] },
              startingPosition: 'TRIM_HORIZON',
              batchSize: 100,
              bisectBatchOnFunctionError: true,
              maximumRetryAttempts: 10,
              functionResponseType: 'ReportBatchItemFailures',
              destinations: {
                onFailure: { type: 'sqs', arn: { 'Fn::GetAtt': ['StatefulTableProductsInvalidationFailures', 'Arn'] } },
              },
            },
          },
        ],
        state: { catalog: 'write', sessions: 'write' },
      },
    });
  });

  it('on a local stage, fails a batch whole instead of reporting partial failures, which MiniStack ignores', () => {
    const [generated] = generatedFunctions(products({}, { ...withCatalog, local: { stages: ['dev'] } }));
    expect(generated?.definition.environment).toMatchObject({ STATEFUL_INVALIDATION_PARTIAL_BATCH_RESPONSES: 'false' });
    const [event] = generated?.definition.events ?? [];
    expect(event).toMatchObject({ stream: { bisectBatchOnFunctionError: true, maximumRetryAttempts: 10 } });
    expect(event?.stream).not.toHaveProperty('functionResponseType');
    const [onAws] = generatedFunctions(products({}, withCatalog));
    expect(onAws?.definition.environment).not.toHaveProperty('STATEFUL_INVALIDATION_PARTIAL_BATCH_RESPONSES');
  });

  it('is not there for a table without invalidates', () => {
    expect(generatedFunctions({ tables: { carts: { partitionKey: 'cartId' } } })).toEqual([]);
  });
});

describe('the stream invalidates turns on', () => {
  it('gives a table without a stream one with both images, and outputs its ARN', () => {
    const resources = compileState(products({}));
    expect(resources.StatefulTableProducts?.Properties?.StreamSpecification).toEqual({
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
  });

  it('keeps a declared new-and-old stream', () => {
    const resources = compileState(products({ stream: 'new-and-old' }));
    expect(resources.StatefulTableProducts?.Properties?.StreamSpecification).toEqual({
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
  });

  it('keeps a narrower declared stream when every template names only the key, which every record carries', () => {
    for (const [stream, view] of [
      ['keys-only', 'KEYS_ONLY'],
      ['new', 'NEW_IMAGE'],
      ['old', 'OLD_IMAGE'],
    ]) {
      const resources = compileState(products({ stream, sortKey: 'sku' }));
      expect(resources.StatefulTableProducts?.Properties?.StreamSpecification).toEqual({ StreamViewType: view });
    }
  });

  it('refuses a narrower declared stream when a template names an attribute beyond the key', () => {
    for (const stream of ['keys-only', 'new', 'old']) {
      const refused = refusal(
        products({
          stream,
          invalidates: [{ cache: 'catalog', keys: ['product:${productId}', 'category:${categoryId}'] }],
        }),
      );
      expect(refused).toEqual({
        code: 'STATE_STREAM_VIEW_TOO_NARROW',
        message: expect.stringContaining(
          `state.tables.products.stream: it is ${stream}, and state.tables.products.invalidates names categoryId, beyond the table's key.`,
        ),
      });
      expect(refused.message).toContain('Set stream: new-and-old');
    }
  });
});

describe('the failure queue', () => {
  it('is encrypted by SQS, keeps messages 14 days and is named after the service, stage and table', () => {
    expect(compileState(products({})).StatefulTableProductsInvalidationFailures).toEqual({
      Type: 'AWS::SQS::Queue',
      Properties: {
        QueueName: 'shop-dev-products-invalidation-failures',
        MessageRetentionPeriod: 1_209_600,
        SqsManagedSseEnabled: true,
      },
    });
  });

  it('is not there for a table without invalidates', () => {
    expect(Object.keys(compileState({ tables: { carts: { partitionKey: 'cartId' } } }))).toEqual([
      'StatefulTableCarts',
    ]);
  });
});

describe('the rules refused at package time', () => {
  it('a rule with neither keys nor tags', () => {
    expect(refusal(products({ invalidates: [{ cache: 'catalog' }] }))).toEqual({
      code: 'STATE_CONFIG_INVALID',
      message: expect.stringContaining(
        'state.tables.products.invalidates.0: it names no keys and no tags, so a change would delete nothing from cache catalog.',
      ),
    });
  });

  it('an empty keys list, an unknown key, and an empty invalidates', () => {
    expect(refusal(products({ invalidates: [{ cache: 'catalog', keys: [] }] })).message).toContain(
      'state.tables.products.invalidates.0.keys: has 0 items',
    );
    expect(refusal(products({ invalidates: [{ cache: 'catalog', key: ['p'] }] })).message).toContain(
      'state.tables.products.invalidates.0: unknown key "key"; valid keys are cache, keys or tags',
    );
    expect(refusal(products({ invalidates: [] })).message).toContain('state.tables.products.invalidates: has 0 items');
  });

  it('a template the runtime could not parse, with the runtime parser own words', () => {
    expect(refusal(products({ invalidates: [{ cache: 'catalog', keys: ['product:${productId'] }] }))).toEqual({
      code: 'STATE_KEY_TEMPLATE_INVALID',
      message: expect.stringContaining(
        'state.tables.products.invalidates.0.keys.0: the template "product:${productId" opens ${ without closing it',
      ),
    });
    expect(refusal(products({ invalidates: [{ cache: 'catalog', tags: ['category:${}'] }] })).message).toContain(
      'state.tables.products.invalidates.0.tags.0: the template "category:${}" has the placeholder ${}',
    );
  });

  it('a placeholder that reads as a path into a map or list, which the runtime does not follow', () => {
    for (const path of ['address.city', 'tags[0]']) {
      expect(refusal(products({ invalidates: [{ cache: 'catalog', keys: [`by-city:\${${path}}`] }] }))).toEqual({
        code: 'STATE_KEY_TEMPLATE_INVALID',
        message: expect.stringContaining(`names "${path}", which reads as a path into a map or list`),
      });
    }
  });

  it('a binary key attribute, which no key can be made of', () => {
    const state = products({
      indexes: { byHash: { partitionKey: { name: 'hash', type: 'B' } } },
      invalidates: [{ cache: 'catalog', keys: ['by-hash:${hash}'] }],
    });
    expect(refusal(state)).toEqual({
      code: 'STATE_KEY_TEMPLATE_INVALID',
      message: expect.stringContaining('names "hash", a key attribute of type B (binary) in state.tables.products'),
    });
  });

  it('a cache that is not declared, listing the declared caches', () => {
    expect(refusal(products({}))).toEqual({
      code: 'STATE_UNKNOWN_REFERENCE',
      message: expect.stringContaining(
        'state.tables.products.invalidates.0.cache: no cache is named "catalog". Declared caches: (none). Declare it under state.caches.',
      ),
    });
    const declared = { network, caches: { sessions: {}, catalogue: {} } };
    expect(refusal(products({}, declared))).toEqual({
      code: 'STATE_UNKNOWN_REFERENCE',
      message: expect.stringContaining(
        'state.tables.products.invalidates.0.cache: no cache is named "catalog". Declared caches: sessions and catalogue.',
      ),
    });
  });

  it('rules too large for the 4 KB Lambda gives all of a function variables', () => {
    const keys = Array.from({ length: 200 }, (_, index) => `product-view-${index}:\${productId}`);
    expect(refusal(products({ invalidates: [{ cache: 'catalog', keys }] }, withCatalog))).toEqual({
      code: 'STATE_CONFIG_INVALID',
      message: expect.stringMatching(
        /^state\.tables\.products\.invalidates: its rules take \d+ bytes in the function's environment \(STATEFUL_INVALIDATION_RULES\), and Lambda allows 4096/,
      ),
    });
  });

  it('a function name longer than Lambda allows', () => {
    const long = { tables: { [`products${'x'.repeat(40)}`]: products({}).tables.products }, ...withCatalog };
    expect(refusal(long).code).toBe('STATE_NAME_TOO_LONG');
  });
});

describe('state:info', () => {
  it('shows the stream invalidates turned on and the caches it invalidates', () => {
    const config = products({
      invalidates: [
        { cache: 'catalog', keys: ['product:${productId}'] },
        { cache: 'sessions', tags: ['all'] },
        { cache: 'catalog', tags: ['products'] },
      ],
    }).tables.products as TableConfig;
    expect(tables.describe('products', config)).toMatch(/, stream new-and-old, invalidates catalog, sessions, PITR/);
  });
});

describe('the schema', () => {
  it('compiles under the framework strict AJV settings with invalidates in it', () => {
    const ajv = new Ajv({ allErrors: true, coerceTypes: 'array', strict: true, strictRequired: false });
    const validate = ajv.compile(stateSchema);
    expect(
      validate(products({ invalidates: [{ cache: 'catalog', keys: ['product:${productId}'], tags: ['all'] }] })),
    ).toBe(true);
  });
});

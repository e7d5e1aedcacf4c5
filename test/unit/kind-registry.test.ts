// The registry in plugin/kinds/index.ts is the one list of kinds: the schema, StateConfig, the
// logical ids, the kind names and the kind lists in messages follow from it. These tests fail when
// one of them stops following it.
import type { KindsConfig, StateConfig } from '../../plugin/config';
import { listOf } from '../../plugin/errors';
import { eventsReferenceState } from '../../plugin/functions/state-events';
import { configKeys, kindRegistry, stateKinds, type ConfigKey } from '../../plugin/kinds';
import type { StateKind } from '../../plugin/kinds/kind';
import type { TableConfig } from '../../plugin/kinds/tables/schema';
import { referenceKinds } from '../../plugin/kinds/workflows/definition';
import { isStateLogicalId, logicalIdKind } from '../../plugin/naming';
import { stateSchema } from '../../plugin/schema';
import type { FunctionDefinition } from '../../plugin/serverless';
import { buildStateModel } from '../../plugin/state-model';
import { stateKinds as runtimeKinds } from '../../runtime/environment';
import { compileState, refusal } from '../support/compile-state';

// Compile-time checks: each line fails `tsc -p tsconfig.json` (npm run lint, CI) when the
// derivation breaks; Jest transpiles without checking types, so the test below only keeps them used.
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** StateConfig holds a key for every registered kind, and nothing else derived. */
const everyKindInStateConfig: Equal<keyof KindsConfig, ConfigKey> = true;
const kindsConfigInStateConfig: Equal<Exclude<ConfigKey, keyof StateConfig>, never> = true;
/** Each key holds that kind's own configuration, not `unknown`. */
const tablesTyped: Equal<StateConfig['tables'], Readonly<Record<string, TableConfig>> | undefined> = true;
// @ts-expect-error -- a plugin kind's name is one of the runtime's (runtime/environment.ts)
const notARuntimeKind: StateKind<unknown>['kind'] = 'tabel';

/** What compiling one resource of a kind takes: its config, and the functions and settings it needs. */
interface Sample {
  readonly config: unknown;
  readonly functions?: Record<string, FunctionDefinition>;
  /** Other settings of `state:` (state.network for a networked kind). */
  readonly state?: Record<string, unknown>;
}

/** One resource of each registered kind, with all its options that add resources; a new kind adds one here. */
const samples: { readonly [Key in ConfigKey]: Sample } = {
  tables: { config: { partitionKey: 'id', stream: 'new-and-old' } },
  caches: {
    config: { mode: 'cluster', auth: 'token' },
    functions: { f: { handler: 'f.handler', state: { sample: 'readwrite' } } },
  },
  workflows: { config: { definition: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } } } },
  buses: {
    config: {
      archive: {},
      rules: { itemAdded: { pattern: { source: ['shop'] }, targets: [{ function: 'f', deadLetterQueue: true }] } },
    },
    functions: { f: { handler: 'f.handler' } },
  },
};

describe('the kind registry', () => {
  it('has checks of its types that compile', () => {
    expect([everyKindInStateConfig, kindsConfigInStateConfig, tablesTyped]).toEqual([true, true, true]);
    expect(notARuntimeKind).toBe('tabel');
  });

  it('registers each kind under its key, in the order of the registry, with a name the runtime knows', () => {
    expect(stateKinds.map((kind) => kind.configKey)).toEqual(Object.keys(kindRegistry));
    expect(configKeys).toEqual(Object.keys(kindRegistry));
    for (const kind of stateKinds) {
      expect(runtimeKinds).toContain(kind.kind);
      expect(kind.schema).toBe(kindRegistry[kind.configKey].schema);
    }
    expect(new Set(stateKinds.map((kind) => kind.kind)).size).toBe(stateKinds.length);
  });

  it.each(Object.keys(kindRegistry) as ConfigKey[])('puts %s in the state schema, with its own schema', (key) => {
    const property = (stateSchema.properties as Record<string, { additionalProperties?: unknown }>)[key];
    expect(property?.additionalProperties).toBe(kindRegistry[key].schema);
  });

  it.each(Object.keys(kindRegistry) as ConfigKey[])(
    'compiles every resource of %s under its own logical ids, which the stateful-function check knows',
    (key) => {
      const kind = kindRegistry[key];
      const sample = samples[key];
      const resources = compileState({ ...sample.state, [key]: { sample: sample.config } }, sample.functions);
      const ids = Object.keys(resources);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) {
        expect(id.startsWith(`Stateful${logicalIdKind(kind.kind)}Sample`)).toBe(true);
        expect(isStateLogicalId(id, kind.kind, 'sample')).toBe(true);
      }
    },
  );

  it('lists the registered kinds in the message for a name used twice', () => {
    const { code, message } = refusal({
      tables: { carts: { partitionKey: 'id' } },
      buses: { carts: {} },
    });
    expect(code).toBe('STATE_NAME_TAKEN');
    expect(message).toContain(`names are unique across ${listOf(configKeys, 'and')}.`);
    for (const key of configKeys) expect(message).toContain(key);
  });

  it('lets workflow definitions name only kinds the plugin registers', () => {
    const registered: string[] = stateKinds.map((kind) => kind.kind);
    for (const kind of referenceKinds.filter((reference) => reference !== 'function')) {
      expect(registered).toContain(kind);
    }
  });
});

describe('the implied idempotency table', () => {
  it('is a table named idempotency, from state.idempotency, unless one is declared', () => {
    const implied = buildStateModel({ idempotency: true }, {}).resources.get('idempotency');
    expect(implied?.kind.kind).toBe('table');
    expect(implied?.source).toBe('state.idempotency');
    expect(implied?.config).toEqual({ partitionKey: 'key', ttl: 'expiresAt' });

    const declared = buildStateModel(
      { idempotency: true, tables: { idempotency: { partitionKey: 'id' } } },
      {},
    ).resources.get('idempotency');
    expect(declared?.source).toBe('state.tables.idempotency');
    expect(declared?.config).toEqual({ partitionKey: 'id' });
    expect(buildStateModel({}, {}).resources.has('idempotency')).toBe(false);
  });
});

describe('functions whose events name a state resource', () => {
  const declared = [
    { kind: 'table', name: 'carts' },
    { kind: 'bus', name: 'shop' },
  ] as const;
  const getAtt = (id: string, attribute = 'Arn') => ({ 'Fn::GetAtt': [id, attribute] });

  it('finds a Ref or Fn::GetAtt at any depth of an event, in either form of Fn::GetAtt', () => {
    const nested = [{ stream: { type: 'dynamodb', arn: getAtt('StatefulTableCarts', 'StreamArn'), batchSize: 1 } }];
    expect(eventsReferenceState(nested, declared)).toBe(true);
    expect(
      eventsReferenceState([{ stream: { arn: { 'Fn::GetAtt': 'StatefulTableCarts.StreamArn' } } }], declared),
    ).toBe(true);
    expect(eventsReferenceState([{ eventBridge: { eventBus: { Ref: 'StatefulBusShop' } } }], declared)).toBe(true);
  });

  it("finds the ids a kind derives from a resource's own: a rule's dead-letter queue", () => {
    const queue = [{ sqs: { arn: getAtt('StatefulBusShopRuleItemAddedDeadLetters0') } }];
    expect(eventsReferenceState(queue, declared)).toBe(true);
  });

  it('ignores resources that are not the plugin’s, even when their ids start with "Stateful"', () => {
    const ignored = [
      [{ sqs: { arn: getAtt('StatefulAuditQueue') } }], // the user's own resource
      [{ stream: { arn: getAtt('StatefulTableOrders', 'StreamArn') } }], // no table orders is declared
      [{ sqs: { arn: getAtt('StatefulTableCartsx') } }], // carts's ids go on with a new word
      [{ sqs: { arn: { 'Fn::Sub': '${StatefulTableCarts.Arn}' } } }], // neither Ref nor Fn::GetAtt
      [{ sqs: { arn: 'StatefulTableCarts' } }], // a literal, no reference
      [{ sqs: { arn: getAtt('StatefulRoleUpdateCart') } }], // a function's role, no state resource
    ];
    for (const events of ignored) expect(eventsReferenceState(events, declared)).toBe(false);
  });

  it('gives such a function a role of its own, and a function that only names a user resource none', () => {
    const model = buildStateModel(
      { tables: { carts: { partitionKey: 'id', stream: 'new-and-old' } }, idempotency: true },
      {
        subscriber: { handler: 'h', events: [{ stream: { arn: getAtt('StatefulTableCarts', 'StreamArn') } }] },
        sweeper: { handler: 'h', events: [{ stream: { arn: getAtt('StatefulTableIdempotency', 'StreamArn') } }] },
        auditor: { handler: 'h', events: [{ sqs: { arn: getAtt('StatefulAuditQueue') } }] },
        plain: { handler: 'h' },
      },
    );
    expect([...model.statefulFunctions].sort()).toEqual(['subscriber', 'sweeper']);
  });
});

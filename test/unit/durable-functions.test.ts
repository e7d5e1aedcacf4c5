// durable: on a function: what is checked before anything is packaged (AWS's limits, the
// runtimes, one spelling), and how starters and callbacks name a durable function in state:.
import { StatefulConfigError } from '../../plugin/errors';
import { durableOptions, durableRuntimes } from '../../plugin/functions/durable';
import type { FunctionDefinition } from '../../plugin/serverless';
import { buildStateModel } from '../../plugin/state-model';

const refusalOf = (run: () => unknown): { code: string; message: string } => {
  try {
    run();
  } catch (error) {
    if (!(error instanceof StatefulConfigError)) throw error;
    return { code: error.code, message: error.message };
  }
  throw new Error('accepted');
};

const options = (durable: unknown, definition: Partial<FunctionDefinition> = {}, runtime = 'nodejs22.x') =>
  durableOptions('reminder', { handler: 'h.main', durable, ...definition }, runtime);

describe('durable options', () => {
  it('takes a timeout alone, or with retention and a KMS key', () => {
    expect(options({ timeout: 3600 })).toEqual({ timeout: 3600 });
    const key = { 'Fn::GetAtt': ['Key', 'Arn'] };
    expect(options({ timeout: 31_622_400, retention: 90, kmsKey: key })).toEqual({
      timeout: 31_622_400,
      retention: 90,
      kmsKey: key,
    });
    expect(options({ timeout: 1, retention: 1 })).toEqual({ timeout: 1, retention: 1 });
  });

  it('is no durable function without durable:', () => {
    expect(durableOptions('plain', { handler: 'h.main' }, 'nodejs20.x')).toBeUndefined();
  });

  it.each([
    [{ timeout: 0 }, 'functions.reminder.durable.timeout: 0 is outside 1–31622400 seconds (366 days)'],
    [{ timeout: 31_622_401 }, 'functions.reminder.durable.timeout: 31622401 is outside 1–31622400 seconds'],
    [{ timeout: 60, retention: 0 }, 'functions.reminder.durable.retention: 0 is outside 1–90 days'],
    [{ timeout: 60, retention: 91 }, 'functions.reminder.durable.retention: 91 is outside 1–90 days'],
  ])('refuses %j outside the range AWS takes', (durable, message) => {
    const refused = refusalOf(() => options(durable));
    expect(refused.code).toBe('STATE_DURABLE_OUT_OF_RANGE');
    expect(refused.message).toContain(message);
    expect(refused.message).toContain('the range AWS takes for DurableConfig.');
  });

  it.each([
    [{}, '"timeout" is required'],
    [{ timeout: 60, timeOut: 60 }, 'timeOut'],
    [{ timeout: 1.5 }, 'integer'],
    [{ timeout: '60' }, 'integer'],
    [{ timeout: 60, kmsKey: 12 }, 'kmsKey'],
  ])('refuses %j by the schema, naming the problem', (durable, problem) => {
    const refused = refusalOf(() => options(durable));
    expect(refused.code).toBe('STATE_CONFIG_INVALID');
    expect(refused.message).toContain('functions.reminder.durable');
    expect(refused.message).toContain(problem);
  });

  it('refuses a runtime Lambda cannot run durably, listing those it can', () => {
    const refused = refusalOf(() => options({ timeout: 60 }, {}, 'nodejs20.x'));
    expect(refused).toEqual({
      code: 'STATE_DURABLE_RUNTIME',
      message:
        'functions.reminder.durable: runtime nodejs20.x cannot run durable functions; Lambda runs them on nodejs22.x, nodejs24.x, python3.13, python3.14, java17, java21 or java25 (or a container image). Set functions.reminder.runtime to one of them. (STATE_DURABLE_RUNTIME)',
    });
    for (const runtime of durableRuntimes) expect(options({ timeout: 60 }, {}, runtime)).toEqual({ timeout: 60 });
  });

  it('takes a container image whatever the runtime', () => {
    expect(options({ timeout: 60 }, { image: 'repo@sha256:abc' }, 'nodejs20.x')).toEqual({ timeout: 60 });
  });

  it("refuses durable: beside osls's durableConfig:", () => {
    const refused = refusalOf(() => options({ timeout: 60 }, { durableConfig: { executionTimeout: 60 } }));
    expect(refused.code).toBe('STATE_DURABLE_CONFLICT');
    expect(refused.message).toContain('both durable: and osls');
  });
});

describe('durable functions in state: blocks', () => {
  const functions: Record<string, FunctionDefinition> = {
    reminder: { handler: 'h.main', name: 'shop-dev-reminder', durable: { timeout: 60 } },
    legacy: { handler: 'h.main', name: 'shop-dev-legacy', durableConfig: { executionTimeout: 120 } },
    checkout: { handler: 'h.main', name: 'shop-dev-checkout', state: { reminder: 'start', legacy: 'start' } },
    payments: { handler: 'h.main', name: 'shop-dev-payments', state: { reminder: 'callback' } },
  };

  it("names durable functions by their key, declared with durable: or osls's durableConfig:", () => {
    const model = buildStateModel({}, functions);
    expect(model.uses.map((use) => [use.functionName, use.resource.name, use.resource.kind.kind, use.access])).toEqual([
      ['checkout', 'reminder', 'durable', 'start'],
      ['checkout', 'legacy', 'durable', 'start'],
      ['payments', 'reminder', 'durable', 'callback'],
    ]);
    expect(model.resources.get('legacy')?.source).toBe('functions.legacy.durableConfig');
    expect(model.statefulFunctions.has('reminder')).toBe(false); // osls's shared role checkpoints for it
  });

  it('refuses an access a durable function does not have', () => {
    const refused = refusalOf(() =>
      buildStateModel({}, { ...functions, reader: { handler: 'h.main', state: { reminder: 'read' } } }),
    );
    expect(refused).toEqual({
      code: 'STATE_ACCESS_NOT_ALLOWED',
      message:
        'functions.reader.state.reminder: "read" does not apply to durable reminder; use start or callback. (STATE_ACCESS_NOT_ALLOWED)',
    });
  });

  it('refuses a plain function named in state:, listing the durable functions among what can be', () => {
    const refused = refusalOf(() =>
      buildStateModel({}, { ...functions, caller: { handler: 'h.main', state: { checkout: 'start' } } }),
    );
    expect(refused.code).toBe('STATE_UNKNOWN_RESOURCE');
    expect(refused.message).toContain('Declared: reminder and legacy');
  });

  it('refuses a durable function named like a state resource', () => {
    const refused = refusalOf(() => buildStateModel({ tables: { reminder: { partitionKey: 'id' } } }, functions));
    expect(refused.code).toBe('STATE_NAME_TAKEN');
    expect(refused.message).toContain('functions.reminder.durable: state.tables.reminder has the name reminder too');
  });
});

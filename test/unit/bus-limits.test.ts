// Rules and targets EventBridge would refuse at deploy, refused at package time instead.
import { compileState, refusal } from '../support/compile-state';

const fn = { handler: 'handler.main' };
const functions = { updateCart: fn, audit: fn };
const rule = (rule: Record<string, unknown>) => ({
  buses: { shop: { rules: { itemAdded: { pattern: { source: ['shop'] }, ...rule } } } },
});
const targetsOf = (state: unknown, fns: Record<string, typeof fn> = functions) =>
  compileState(state, fns).StatefulBusShopRuleItemAdded?.Properties?.Targets as { Id: string }[];
const patternRefusal = (pattern: unknown) =>
  refusal(rule({ pattern, targets: [{ function: 'updateCart' }] }), functions);

describe('rule targets', () => {
  it('refuses the same function twice in one rule', () => {
    expect(
      refusal(
        rule({
          targets: [
            { function: 'updateCart' },
            { function: 'audit' },
            { function: 'updateCart', inputPath: '$.detail' },
          ],
        }),
        functions,
      ),
    ).toEqual({
      code: 'STATE_RULE_TARGET_REPEATED',
      message: expect.stringContaining(
        'state.buses.shop.rules.itemAdded.targets.2: function updateCart is already target 0 of this rule',
      ),
    });
  });

  it('refuses the same workflow twice in one rule', () => {
    const state = {
      ...rule({ targets: [{ workflow: 'flow' }, { workflow: 'flow' }] }),
      workflows: { flow: { definition: { StartAt: 'Done', States: { Done: { Type: 'Succeed' } } } } },
    };
    expect(refusal(state).code).toBe('STATE_RULE_TARGET_REPEATED');
  });

  it('says a target is a function or a workflow, not both', () => {
    expect(refusal(rule({ targets: [{ function: 'updateCart', workflow: 'flow' }] }), functions).message).toContain(
      'state.buses.shop.rules.itemAdded.targets.0: give only one of function or workflow, not both',
    );
  });

  it('refuses inputPath together with inputTransformer', () => {
    const target = { function: 'updateCart', inputPath: '$.detail', inputTransformer: { inputTemplate: '"x"' } };
    expect(refusal(rule({ targets: [target] }), functions)).toEqual({
      code: 'STATE_TARGET_INPUT_CONFLICT',
      message: expect.stringContaining(
        'state.buses.shop.rules.itemAdded.targets.0: inputPath and inputTransformer are both set; EventBridge takes one of them.',
      ),
    });
  });

  it('keeps the Ids of short names as they were', () => {
    expect(targetsOf(rule({ targets: [{ function: 'updateCart' }] })).map((target) => target.Id)).toEqual([
      'function-updateCart',
    ]);
  });

  it('gives two long names that share their first 64 characters two valid, distinct Ids', () => {
    const stem = `handle${'X'.repeat(60)}`;
    const long = { [`${stem}One`]: fn, [`${stem}Two`]: fn };
    const ids = targetsOf(rule({ targets: [{ function: `${stem}One` }, { function: `${stem}Two` }] }), long).map(
      (target) => target.Id,
    );
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(id).toMatch(/^[.\-_A-Za-z0-9]{1,64}$/);
  });

  it('gives a function whose name has characters an Id cannot hold a valid Id', () => {
    const odd = { 'cart@v2': fn, 'cart#v2': fn };
    const ids = targetsOf(rule({ targets: [{ function: 'cart@v2' }, { function: 'cart#v2' }] }), odd).map(
      (target) => target.Id,
    );
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(id).toMatch(/^function-cart_v2-[0-9a-f]{8}$/);
  });

  it('gives my-fn and myFn, targets of one rule, a Lambda permission each', () => {
    // Named by pascalCase both were ...PermissionMyFn: one permission, and EventBridge could not invoke the other.
    const resources = compileState(rule({ targets: [{ function: 'my-fn' }, { function: 'myFn' }] }), {
      'my-fn': fn,
      myFn: fn,
    });
    const permissions = Object.entries(resources).filter(([, resource]) => resource.Type === 'AWS::Lambda::Permission');
    expect(Object.fromEntries(permissions.map(([id, resource]) => [id, resource.Properties?.FunctionName]))).toEqual({
      StatefulBusShopRuleItemAddedPermissionMyDashfn: { 'Fn::GetAtt': ['MyDashfnLambdaFunction', 'Arn'] },
      StatefulBusShopRuleItemAddedPermissionMyFn: { 'Fn::GetAtt': ['MyFnLambdaFunction', 'Arn'] },
    });
  });

  it('states the limits the schema enforces: 5 targets, retry ranges, archive retention', () => {
    const six = Array.from({ length: 6 }, () => ({ function: 'updateCart' }));
    expect(refusal(rule({ targets: six }), functions).message).toContain(
      'state.buses.shop.rules.itemAdded.targets: has 6 items; at most 5 allowed',
    );
    const retry = (value: Record<string, number>) =>
      refusal(rule({ targets: [{ function: 'updateCart', retry: value }] }), functions).message;
    expect(retry({ maximumAttempts: 186 })).toContain(
      'targets.0.retry.maximumAttempts: 186 is out of range; use 0 to 185',
    );
    expect(retry({ maximumEventAge: 59 })).toContain(
      'targets.0.retry.maximumEventAge: 59 is out of range; use 60 to 86400',
    );
    expect(retry({ maximumEventAge: 86401 })).toContain('86401 is out of range; use 60 to 86400');
    expect(refusal({ buses: { shop: { archive: { retentionDays: -1 } } } }).message).toContain(
      'state.buses.shop.archive.retentionDays: -1 is out of range; use at least 0',
    );
  });
});

describe('event pattern matchers', () => {
  it.each([
    [{ numeric: ['>', 'abc'] }, 'numeric.1: > compares with a number, not "abc"'],
    [{ numeric: ['>'] }, 'numeric: numeric takes one comparison or a range of two'],
    [{ numeric: ['<', 5, '>', 1] }, 'numeric: a range is a lower bound (> or >=) then an upper one (< or <=)'],
    [{ numeric: ['>', 5, '<', 1] }, "numeric: the range's lower bound 5 is not below its upper bound 1"],
    [{ numeric: ['>=', 5, '<=', 5] }, "the range's lower bound 5 is not below its upper bound 5"],
    [{ numeric: ['=', 5, '<', 9] }, 'a range is a lower bound'],
    [{ numeric: ['!=', 5] }, 'numeric.0: "!=" is not a numeric operator; use <, <=, =, >= or >'],
    [{ numeric: '>5' }, 'numeric takes one comparison or a range of two'],
    [{ prefix: 5 }, 'prefix: prefix takes a string, or { equals-ignore-case: <string> }'],
    [{ prefix: { 'equals-ignore-case': 1 } }, 'prefix takes a string, or { equals-ignore-case: <string> }'],
    [{ suffix: { wildcard: 'x' } }, 'suffix takes a string, or { equals-ignore-case: <string> }'],
    [{ 'equals-ignore-case': ['a'] }, 'equals-ignore-case takes a string'],
    [{ exists: 'yes' }, 'exists takes true or false'],
    [{ cidr: '10.0.0.0' }, 'cidr: "10.0.0.0" is not a CIDR block'],
    [{ cidr: '10.0.0.0/33' }, '"10.0.0.0/33" is not a CIDR block'],
    [{ cidr: 'ten/8' }, '"ten/8" is not a CIDR block'],
    [{ wildcard: 'a**b' }, 'wildcard: "a**b" has consecutive wildcards'],
    [{ 'anything-but': [] }, 'anything-but: an empty list excludes nothing'],
    [{ 'anything-but': ['a', 1] }, 'not mixed'],
    [{ 'anything-but': [true] }, 'anything-but: takes a string, a number, or a list of strings or of numbers'],
    [{ 'anything-but': { numeric: ['>', 1] } }, 'anything-but takes a value, a list, or one of'],
    [{ 'anything-but': { prefix: '' } }, 'anything-but.prefix: an empty prefix excludes everything'],
    [
      { 'anything-but': { 'equals-ignore-case': [1] } },
      'anything-but.equals-ignore-case: takes a string or a list of strings',
    ],
    [{ contains: 'x' }, 'a matcher is one of { prefix: … }'],
    [{ prefix: 'a', suffix: 'b' }, 'a matcher is one of'],
  ])('refuses %j', (matcher, message) => {
    const { code, message: text } = patternRefusal({ detail: { field: [matcher] } });
    expect(code).toBe('STATE_EVENT_PATTERN_INVALID');
    expect(text).toContain('state.buses.shop.rules.itemAdded.pattern.detail.field.0');
    expect(text).toContain(message);
  });

  it('accepts every matcher in the forms EventBridge documents', () => {
    const pattern = {
      source: [{ prefix: 'shop.' }, { prefix: { 'equals-ignore-case': 'SHOP.' } }],
      detail: {
        quantity: [{ numeric: ['>', 0, '<=', 5] }, { numeric: ['=', 3.5] }, { numeric: ['<', -1] }],
        name: [{ suffix: '.png' }, { suffix: { 'equals-ignore-case': '.PNG' } }, { 'equals-ignore-case': 'x' }],
        path: [{ wildcard: 'dir/*/file*' }, null, true, 7, 'plain'],
        state: [{ 'anything-but': 'stopped' }, { 'anything-but': [1, 2] }, { 'anything-but': { prefix: 'init' } }],
        other: [{ 'anything-but': { suffix: ['.tmp', '.bak'] } }, { 'anything-but': { 'equals-ignore-case': ['A'] } }],
        more: [{ 'anything-but': { wildcard: '*/tmp/*' } }, { exists: false }],
        ip: [{ cidr: '10.0.0.0/24' }, { cidr: '2001:db8::/32' }],
      },
    };
    expect(targetsOf(rule({ pattern, targets: [{ function: 'updateCart' }] }))).toHaveLength(1);
  });

  it('refuses a pattern over the 4096 characters EventBridge takes', () => {
    const pattern = { source: Array.from({ length: 500 }, (_, index) => `source.${index}`) };
    expect(patternRefusal(pattern).message).toMatch(
      /pattern: the pattern is \d+ characters as JSON; EventBridge takes at most 4096/,
    );
  });
});

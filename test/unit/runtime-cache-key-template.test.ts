// Key templates of invalidation rules, read and filled from stream images, and the rules refused
// when the handler is made.
import { invalidationHandler, InvalidationRuleError } from '../../runtime/index';
import { parseKeyTemplate, renderKeyTemplate } from '../../runtime/caches/key-template';
import { rulesFromEnvironment } from '../../runtime/caches/invalidation';

const image = {
  productId: { S: 'p1' },
  version: { N: '12.5' },
  active: { BOOL: true },
  tags: { SS: ['a'] },
  gone: { NULL: true },
};

describe('a key template', () => {
  it('fills each ${attribute} from the image: strings, numbers as DynamoDB writes them, booleans', () => {
    const template = parseKeyTemplate('product:${productId}:v${version}:${active}', 'rule');
    expect(renderKeyTemplate(template, image)).toEqual({ key: 'product:p1:v12.5:true' });
    expect(renderKeyTemplate(parseKeyTemplate('products:all', 'rule'), image)).toEqual({ key: 'products:all' });
    expect(renderKeyTemplate(parseKeyTemplate('$price:{x}', 'rule'), image)).toEqual({ key: '$price:{x}' });
  });

  it('says which attribute is missing, or skips the key when the template marks it optional', () => {
    expect(renderKeyTemplate(parseKeyTemplate('sku:${sku}', 'rule'), image)).toEqual({ missing: 'sku' });
    expect(renderKeyTemplate(parseKeyTemplate('sku:${sku?}', 'rule'), image)).toEqual({ skipped: 'sku' });
    expect(renderKeyTemplate(parseKeyTemplate('x:${gone}', 'rule'), image)).toEqual({ missing: 'gone' });
  });

  it('refuses an attribute a key cannot be made of', () => {
    expect(renderKeyTemplate(parseKeyTemplate('t:${tags}', 'rule'), image)).toEqual({ unusable: 'tags', type: 'SS' });
  });

  it.each([
    ['product:${productId', /opens \$\{ without closing it/],
    ['product:${}', /has the placeholder \$\{\}; a placeholder names one attribute/],
    ['product:${?}', /has the placeholder \$\{\?\}/],
    ['', /a key template is a non-empty string/],
  ])('refuses %p, naming where it is', (source, message) => {
    expect(() => parseKeyTemplate(source, 'invalidation rule #0 (cache catalog) keys')).toThrow(InvalidationRuleError);
    expect(() => parseKeyTemplate(source, 'invalidation rule #0 (cache catalog) keys')).toThrow(
      new RegExp(`^invalidation rule #0 \\(cache catalog\\) keys: .*${message.source}`),
    );
  });
});

describe('invalidation rules', () => {
  it.each([
    ['no cache', [{ keys: ['p:${id}'] }], /invalidation rule #0: cache must name a cache/],
    ['nothing to delete', [{ cache: 'catalog' }], /rule #0 \(cache catalog\): it names no keys and no tags/],
    ['keys that are not a list', [{ cache: 'catalog', keys: 'p:${id}' }], /keys must be a list of templates/],
    [
      'a broken template',
      [
        { cache: 'c', keys: ['ok:${id}'] },
        { cache: 'c', tags: ['x:${'] },
      ],
      /rule #1 \(cache c\) tags: the template "x:\$\{" opens/,
    ],
  ])('are refused when the handler is made: %s', (_, rules, message) => {
    expect(() => invalidationHandler(rules as never)).toThrow(message);
  });

  it('are read from STATEFUL_INVALIDATION_RULES as JSON, or refused naming the variable', () => {
    const rules = [{ cache: 'catalog', keys: ['product:${productId}'], tags: ['category:${categoryId}'] }];
    expect(rulesFromEnvironment({ STATEFUL_INVALIDATION_RULES: JSON.stringify(rules) })).toEqual(rules);
    expect(() => rulesFromEnvironment({})).toThrow(/^STATEFUL_INVALIDATION_RULES is not set/);
    expect(() => rulesFromEnvironment({ STATEFUL_INVALIDATION_RULES: '{' })).toThrow(
      /^STATEFUL_INVALIDATION_RULES is not JSON/,
    );
    expect(() => rulesFromEnvironment({ STATEFUL_INVALIDATION_RULES: '{}' })).toThrow(/must be a JSON list of rules/);
  });
});

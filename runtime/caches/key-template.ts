// Key templates of invalidation rules: `product:${productId}` names the cache key of an item, each
// `${attribute}` replaced by that attribute of the item as a DynamoDB stream image holds it.
// `${attribute?}` marks an attribute items may lack: an image without it gives no key, where a
// plain `${attribute}` missing from an image is an error. A template without placeholders is a
// fixed key (`products:all`), deleted on every change.
import { InvalidationRuleError } from './cache-errors.js';

/** One attribute of an item as DynamoDB JSON writes it in a stream record (`{ "S": "p1" }`). */
export interface StreamAttributeValue {
  readonly S?: string;
  readonly N?: string;
  readonly BOOL?: boolean;
  readonly [type: string]: unknown;
}

export type StreamImage = Readonly<Record<string, StreamAttributeValue>>;

type Part = { readonly literal: string } | { readonly attribute: string; readonly optional: boolean };

export interface KeyTemplate {
  readonly source: string;
  readonly parts: readonly Part[];
}

export type Rendered =
  | { readonly key: string }
  | { readonly skipped: string }
  | { readonly missing: string }
  | { readonly unusable: string; readonly type: string };

/** Parses `source`; throws InvalidationRuleError naming `where` when a placeholder is malformed. */
export function parseKeyTemplate(source: string, where: string): KeyTemplate {
  if (typeof source !== 'string' || source === '') {
    throw new InvalidationRuleError(`${where}: a key template is a non-empty string such as "product:\${productId}"`);
  }
  const parts: Part[] = [];
  let rest = source;
  while (rest !== '') {
    const open = rest.indexOf('${');
    if (open < 0) {
      parts.push({ literal: rest });
      break;
    }
    if (open > 0) parts.push({ literal: rest.slice(0, open) });
    const close = rest.indexOf('}', open + 2);
    if (close < 0) {
      throw new InvalidationRuleError(`${where}: the template ${JSON.stringify(source)} opens \${ without closing it`);
    }
    const name = rest.slice(open + 2, close);
    const optional = name.endsWith('?');
    const attribute = optional ? name.slice(0, -1) : name;
    if (attribute === '' || attribute.includes('${')) {
      throw new InvalidationRuleError(
        `${where}: the template ${JSON.stringify(source)} has the placeholder \${${name}}; ` +
          'a placeholder names one attribute of the item: ${productId}, or ${sku?} for one items may lack',
      );
    }
    parts.push({ attribute, optional });
    rest = rest.slice(close + 1);
  }
  return { source, parts };
}

/** The key `template` gives for `image`, or what stops it. */
export function renderKeyTemplate(template: KeyTemplate, image: StreamImage): Rendered {
  let key = '';
  for (const part of template.parts) {
    if ('literal' in part) {
      key += part.literal;
      continue;
    }
    const value = image[part.attribute];
    if (value === undefined || value.NULL === true) {
      return part.optional ? { skipped: part.attribute } : { missing: part.attribute };
    }
    if (typeof value.S === 'string') key += value.S;
    else if (typeof value.N === 'string') key += value.N;
    else if (typeof value.BOOL === 'boolean') key += String(value.BOOL);
    else return { unusable: part.attribute, type: Object.keys(value)[0] ?? 'nothing' };
  }
  return { key };
}

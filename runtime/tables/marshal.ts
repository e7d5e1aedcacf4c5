// Plain values to DynamoDB attribute values, as the document client converts them (util-dynamodb's
// convertToAttr with the runtime's options). Strings and finite numbers in the safe range, most of
// what keys and expression values hold, are answered directly: the result is the same, without
// convertToAttr's chain of type checks, which a transaction's hot path pays for every value.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { convertToAttr } from '@aws-sdk/util-dynamodb';

/** How plain values become attribute values, here and in the document client alike. */
export const marshalOptions = { removeUndefinedValues: true, convertClassInstanceToMap: true } as const;

export function toAttribute(value: unknown): AttributeValue {
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER) {
    return { N: String(value) };
  }
  return convertToAttr(value, marshalOptions);
}

/** A map of attribute values, leaving out undefined values and functions as marshall() does. */
export function toAttributeMap(map: Readonly<Record<string, unknown>>): Record<string, AttributeValue> {
  const converted: Record<string, AttributeValue> = {};
  for (const name in map) {
    const value = map[name];
    if (value !== undefined && typeof value !== 'function') converted[name] = toAttribute(value);
  }
  return converted;
}

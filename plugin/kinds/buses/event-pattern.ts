// A shape check of EventBridge event patterns at package time, so a pattern that could never
// match (a bare string where a list belongs, a misspelt top-level field) fails the build.
import { StatefulConfigError, listOf } from '../../errors';

/** The fields of an event's envelope a pattern may match at its top level. */
export const envelopeFields = [
  'version',
  'id',
  'detail-type',
  'source',
  'account',
  'time',
  'region',
  'resources',
  'detail',
];
const matchers = ['prefix', 'suffix', 'anything-but', 'numeric', 'exists', 'cidr', 'equals-ignore-case', 'wildcard'];

function fail(path: string, problem: string): never {
  throw new StatefulConfigError('STATE_EVENT_PATTERN_INVALID', `${path}: ${problem}`);
}

function checkLeaf(values: unknown[], path: string): void {
  if (values.length === 0) fail(path, 'an empty list matches no event; list at least one value');
  values.forEach((value, index) => {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return;
    if (typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      const unknown = keys.filter((key) => !matchers.includes(key));
      if (keys.length === 1 && unknown.length === 0) return;
      fail(`${path}.${index}`, `a matcher is one of ${listOf(matchers.map((m) => `{ ${m}: … }`))}`);
    }
    fail(`${path}.${index}`, 'a value in a pattern is a string, a number, a boolean, null or a matcher object');
  });
}

function checkObject(pattern: Record<string, unknown>, path: string, topLevel: boolean): void {
  const keys = Object.keys(pattern);
  if (keys.length === 0) fail(path, 'an empty pattern object matches nothing; name at least one field');
  for (const key of keys) {
    const value = pattern[key];
    const at = `${path}.${key}`;
    if (key === '$or') {
      if (!Array.isArray(value) || value.length < 2) fail(at, '$or takes a list of at least two patterns');
      value.forEach((branch, index) => {
        if (typeof branch !== 'object' || branch === null || Array.isArray(branch))
          fail(`${at}.${index}`, 'each $or branch is a pattern object');
        checkObject(branch as Record<string, unknown>, `${at}.${index}`, topLevel);
      });
      continue;
    }
    if (topLevel && !envelopeFields.includes(key)) {
      fail(at, `"${key}" is not a field of an event; match ${listOf(envelopeFields)}, or put it under detail`);
    }
    if (Array.isArray(value)) checkLeaf(value, at);
    else if (typeof value === 'object' && value !== null) checkObject(value as Record<string, unknown>, at, false);
    else fail(at, `values are matched from a list: write [${JSON.stringify(value)}]`);
  }
}

export function checkEventPattern(pattern: unknown, path: string): void {
  if (typeof pattern !== 'object' || pattern === null || Array.isArray(pattern)) fail(path, 'a pattern is an object');
  checkObject(pattern as Record<string, unknown>, path, true);
}

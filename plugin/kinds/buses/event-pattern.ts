// A check of EventBridge event patterns at package time, so a pattern EventBridge would refuse
// (a malformed matcher, a range upside down) or one that could never match (a bare string where a
// list belongs, a misspelt top-level field) fails the build, not the deploy. The rules are those
// of EventBridge's content filtering, as its matcher (aws/event-ruler) enforces them.
import { isIP } from 'node:net';
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
export const matchers = [
  'prefix',
  'suffix',
  'anything-but',
  'numeric',
  'exists',
  'cidr',
  'equals-ignore-case',
  'wildcard',
] as const;
type Matcher = (typeof matchers)[number];

export const numericOperators = ['<', '<=', '=', '>=', '>'] as const;
/** PutRule's limit on a pattern, as JSON; accounts start with a quota of 2048. */
export const maxPatternLength = 4096;

function fail(path: string, problem: string): never {
  throw new StatefulConfigError('STATE_EVENT_PATTERN_INVALID', `${path}: ${problem}`);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function checkNumeric(value: unknown, path: string): void {
  const example = 'e.g. [">", 0] or [">=", 10, "<", 20]';
  if (!Array.isArray(value) || (value.length !== 2 && value.length !== 4)) {
    fail(path, `numeric takes one comparison or a range of two, ${example}`);
  }
  const terms = value as unknown[];
  for (let index = 0; index < terms.length; index += 2) {
    const operator = terms[index];
    const operand = terms[index + 1];
    if (!numericOperators.includes(operator as (typeof numericOperators)[number])) {
      fail(
        `${path}.${index}`,
        `${JSON.stringify(operator)} is not a numeric operator; use ${listOf(numericOperators)}`,
      );
    }
    if (!isNumber(operand)) {
      fail(`${path}.${index + 1}`, `${operator as string} compares with a number, not ${JSON.stringify(operand)}`);
    }
  }
  if (terms.length === 4) {
    const [lower, bottom, upper, top] = terms as [string, number, string, number];
    if (!['>', '>='].includes(lower) || !['<', '<='].includes(upper)) {
      fail(path, `a range is a lower bound (> or >=) then an upper one (< or <=), ${example}`);
    }
    if (bottom >= top) fail(path, `the range's lower bound ${bottom} is not below its upper bound ${top}`);
  }
}

/** prefix and suffix: a string, or { equals-ignore-case: string }. */
function checkAffix(matcher: 'prefix' | 'suffix', value: unknown, path: string): void {
  if (typeof value === 'string') return;
  if (isObject(value) && Object.keys(value).length === 1 && typeof value['equals-ignore-case'] === 'string') return;
  fail(path, `${matcher} takes a string, or { equals-ignore-case: <string> }`);
}

function checkWildcard(value: unknown, path: string): void {
  if (typeof value !== 'string') fail(path, 'wildcard takes a string');
  if (value.includes('**')) fail(path, `${JSON.stringify(value)} has consecutive wildcards; one * matches any run`);
}

function checkCidr(value: unknown, path: string): void {
  const [address, bits, ...rest] = typeof value === 'string' ? value.split('/') : [];
  const version = address ? isIP(address) : 0;
  const width = version === 4 ? 32 : 128;
  if (version === 0 || rest.length > 0 || bits === undefined || !/^\d+$/.test(bits) || Number(bits) > width) {
    fail(
      path,
      `${JSON.stringify(value)} is not a CIDR block; write an address and a prefix length, e.g. "10.0.0.0/24"`,
    );
  }
}

/** anything-but: a string, a number, a list of strings or of numbers, or a matcher of strings. */
function checkAnythingBut(value: unknown, path: string): void {
  const listOrOne = (inner: unknown, of: 'string' | 'string or number', at: string) => {
    const values = Array.isArray(inner) ? inner : [inner];
    if (values.length === 0) fail(at, 'an empty list excludes nothing; list at least one value');
    const strings = values.every((item) => typeof item === 'string');
    const numbers = values.every(isNumber);
    if (!(strings || (of === 'string or number' && numbers))) {
      fail(
        at,
        of === 'string'
          ? 'takes a string or a list of strings'
          : 'takes a string, a number, or a list of strings or of numbers, not mixed',
      );
    }
    return values as unknown[];
  };
  if (!isObject(value)) {
    listOrOne(value, 'string or number', path);
    return;
  }
  const keys = Object.keys(value);
  const allowed = ['prefix', 'suffix', 'equals-ignore-case', 'wildcard'];
  const [key] = keys;
  if (keys.length !== 1 || key === undefined || !allowed.includes(key)) {
    fail(path, `anything-but takes a value, a list, or one of ${listOf(allowed.map((name) => `{ ${name}: … }`))}`);
  }
  const values = listOrOne(value[key], 'string', `${path}.${key}`);
  values.forEach((item, index) => {
    if ((key === 'prefix' || key === 'suffix') && item === '')
      fail(`${path}.${key}`, `an empty ${key} excludes everything`);
    if (key === 'wildcard')
      checkWildcard(item, Array.isArray(value[key]) ? `${path}.${key}.${index}` : `${path}.${key}`);
  });
}

function checkMatcher(matcher: Matcher, value: unknown, path: string): void {
  switch (matcher) {
    case 'numeric':
      checkNumeric(value, path);
      break;
    case 'prefix':
    case 'suffix':
      checkAffix(matcher, value, path);
      break;
    case 'equals-ignore-case':
      if (typeof value !== 'string') fail(path, 'equals-ignore-case takes a string');
      break;
    case 'wildcard':
      checkWildcard(value, path);
      break;
    case 'exists':
      if (typeof value !== 'boolean') fail(path, 'exists takes true or false');
      break;
    case 'cidr':
      checkCidr(value, path);
      break;
    case 'anything-but':
      checkAnythingBut(value, path);
      break;
  }
}

function checkLeaf(values: unknown[], path: string): void {
  if (values.length === 0) fail(path, 'an empty list matches no event; list at least one value');
  values.forEach((value, index) => {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return;
    if (isObject(value)) {
      const keys = Object.keys(value);
      const [key] = keys;
      if (keys.length === 1 && key !== undefined && (matchers as readonly string[]).includes(key)) {
        checkMatcher(key as Matcher, value[key], `${path}.${index}.${key}`);
        return;
      }
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
        if (!isObject(branch)) fail(`${at}.${index}`, 'each $or branch is a pattern object');
        checkObject(branch, `${at}.${index}`, topLevel);
      });
      continue;
    }
    if (topLevel && !envelopeFields.includes(key)) {
      fail(at, `"${key}" is not a field of an event; match ${listOf(envelopeFields)}, or put it under detail`);
    }
    if (Array.isArray(value)) checkLeaf(value, at);
    else if (isObject(value)) checkObject(value, at, false);
    else fail(at, `values are matched from a list: write [${JSON.stringify(value)}]`);
  }
}

export function checkEventPattern(pattern: unknown, path: string): void {
  if (!isObject(pattern)) fail(path, 'a pattern is an object');
  checkObject(pattern, path, true);
  const length = JSON.stringify(pattern).length;
  if (length > maxPatternLength) {
    fail(
      path,
      `the pattern is ${length} characters as JSON; EventBridge takes at most ${maxPatternLength} (2048 until the account's quota is raised). Split it into rules.`,
    );
  }
}

// Reading what localTables needs of a service (its name, its region, `state.tables` and
// `state.idempotency`) straight from serverless.yml, in milliseconds: the framework's own
// `serverless print` takes seconds (measured 3-5 s for the shop) and would resolve every
// variable of the file, SSM and CloudFormation ones included, against AWS. Only the values
// asked for are resolved, with the variable sources a table's declaration plausibly uses;
// any other source fails naming the variable and where it is.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import * as yaml from 'yaml';
import type { StateConfig } from '../plugin/config';
import { LocalTablesError } from './local-tables-error';

/** The file names the framework looks for, in its order; JavaScript and TypeScript ones are not read here. */
const serviceFileNames = ['serverless.yml', 'serverless.yaml', 'serverless.json'] as const;
const codeFileNames = ['serverless.js', 'serverless.cjs', 'serverless.mjs', 'serverless.ts'] as const;

// CloudFormation's short forms (!Ref, !GetAtt …) as the framework reads them: the long form's object.
const intrinsicFunctions = [
  'And',
  'Base64',
  'Cidr',
  'Condition',
  'Equals',
  'FindInMap',
  'GetAZs',
  'GetAtt',
  'If',
  'ImportValue',
  'Join',
  'Not',
  'Or',
  'Ref',
  'Select',
  'Split',
  'Sub',
  'Transform',
] as const;
const intrinsicKey = (name: string) => (name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`);
const cloudFormationTags = intrinsicFunctions.flatMap((name) => [
  {
    tag: `!${name}`,
    resolve: (value: string) => ({ [intrinsicKey(name)]: name === 'GetAtt' ? value.split('.') : value }),
  },
  ...(['seq', 'map'] as const).map((collection) => ({
    tag: `!${name}`,
    collection,
    resolve: (value: { toJSON(): unknown }) => ({ [intrinsicKey(name)]: value.toJSON() }),
  })),
]);

function parseFile(file: string): unknown {
  return yaml.parse(readFileSync(file, 'utf8'), { customTags: cloudFormationTags });
}

export interface ServiceConfigOptions {
  readonly stage: string;
  /** `--region`, for `${opt:region}`; left out, `${opt:region}` takes its fallback. */
  readonly region?: string;
  readonly env?: NodeJS.ProcessEnv;
}

export interface ServiceConfig {
  /** The file read. */
  readonly file: string;
  readonly service: string;
  readonly stage: string;
  /** provider.region, when it resolves; undefined when the file leaves it out. */
  readonly region: string | undefined;
  /** `state:` with only what tables come from: `tables` and `idempotency`. */
  readonly state: StateConfig;
}

/** The serverless.yml of `serviceDir` (or `serviceDir` itself, when it is the file). */
export function serviceFile(serviceDir: string): string {
  const path = resolve(serviceDir);
  if (existsSync(path) && statSync(path).isFile()) return path;
  const found = serviceFileNames.map((name) => join(path, name)).find((file) => existsSync(file));
  if (found) return found;
  const code = codeFileNames.find((name) => existsSync(join(path, name)));
  throw new LocalTablesError(
    'SERVICE_FILE_NOT_FOUND',
    code
      ? `${path} configures its service in ${code}; localTables reads ${serviceFileNames.join(', ')} itself. Give it resolver: 'framework' to have \`serverless print\` read ${code} (seconds).`
      : `No ${serviceFileNames.join(', ')} in ${path}. Give localTables the directory of the service (where serverless.yml is) or the file's path.`,
  );
}

/**
 * A variable starts as the framework's parser has it: `${`, a lowercase letter, letters or digits,
 * then `:` or `(`. Any other `${…}` (`${productId}` in a key template, `${AWS::Region}` in a
 * Fn::Sub) is text the framework leaves alone.
 */
const variableStart = /^\$\{[a-z][a-zA-Z0-9]*[:(]/;

/** A `${…}` in `text` at or after `from`: where it starts and ends and what is between the braces. */
function nextVariable(text: string, from: number): { start: number; end: number; inner: string } | undefined {
  let start = text.indexOf('${', from);
  while (start >= 0 && !variableStart.test(text.slice(start))) start = text.indexOf('${', start + 2);
  if (start < 0) return undefined;
  let depth = 0;
  let quote: string | undefined;
  for (let at = start; at < text.length; at += 1) {
    const char = text[at];
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '$' && text[at + 1] === '{') {
      depth += 1;
      at += 1;
    } else if (char === '}') {
      depth -= 1;
      if (depth === 0) return { start, end: at + 1, inner: text.slice(start + 2, at) };
    }
  }
  return undefined;
}

/** The comma-separated parameters of a variable, split at top-level commas only. */
function splitParameters(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let current = '';
  for (let at = 0; at < inner.length; at += 1) {
    const char = inner[at] as string;
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '$' && inner[at + 1] === '{') {
      depth += 1;
    } else if (char === '}') {
      depth -= 1;
    } else if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current.trim());
  return parts;
}

const supportedSources =
  '${self:…}, ${sls:stage}, ${opt:stage}, ${opt:region}, ${env:…}, ${file(…):…} of a YAML or JSON file, ${aws:region}';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Resolves the variables of a parsed serverless.yml, value by value, as they are asked for. */
class VariableResolver {
  private readonly inProgress = new Set<string>();

  constructor(
    private readonly root: unknown,
    private readonly serviceDir: string,
    private readonly options: ServiceConfigOptions,
  ) {}

  /** The value at `path` with every variable in it resolved; undefined when it is absent. */
  at(path: readonly string[]): unknown {
    const key = path.join('.');
    if (this.inProgress.has(key)) {
      throw new LocalTablesError(
        'VARIABLE_NOT_RESOLVED',
        `${key || 'the service file'}: its value depends on itself through \${self:…} variables.`,
      );
    }
    this.inProgress.add(key);
    try {
      let node: unknown = this.root;
      for (let depth = 0; depth < path.length; depth += 1) {
        // A node may itself be a variable (custom: ${file(custom.yml)}): resolve it to walk on.
        if (typeof node === 'string') node = this.resolveString(node, path.slice(0, depth).join('.'));
        if (!isObject(node) && !Array.isArray(node)) return undefined;
        node = (node as Record<string, unknown>)[path[depth] as string];
      }
      return this.resolveDeep(node, key);
    } finally {
      this.inProgress.delete(key);
    }
  }

  private resolveDeep(value: unknown, where: string): unknown {
    if (typeof value === 'string') return this.resolveString(value, where);
    if (Array.isArray(value)) return value.map((item, index) => this.resolveDeep(item, `${where}.${index}`));
    if (isObject(value)) {
      return Object.fromEntries(
        Object.entries(value).map(([name, inner]) => [
          name,
          this.resolveDeep(inner, where ? `${where}.${name}` : name),
        ]),
      );
    }
    return value;
  }

  /** A string's variables resolved: the value itself when the string is one variable, else the text. */
  private resolveString(text: string, where: string): unknown {
    const first = nextVariable(text, 0);
    if (!first) return text;
    if (first.start === 0 && first.end === text.length) return this.resolveVariable(first.inner, where);
    let result = '';
    let from = 0;
    for (let found: typeof first | undefined = first; found; found = nextVariable(text, from)) {
      const value = this.resolveVariable(found.inner, where);
      if (isObject(value) || Array.isArray(value)) {
        throw new LocalTablesError(
          'VARIABLE_NOT_RESOLVED',
          `${where}: \${${found.inner}} is an object, inside the text "${text}"; only a string, number or boolean can be part of a text.`,
        );
      }
      result += text.slice(from, found.start) + String(value);
      from = found.end;
    }
    return result + text.slice(from);
  }

  private resolveVariable(inner: string, where: string): unknown {
    const [primary = '', ...fallbacks] = splitParameters(inner);
    for (const candidate of [primary, ...fallbacks]) {
      const value = this.resolveParameter(candidate, inner, where, candidate === primary);
      if (value !== undefined && value !== null) return value;
    }
    throw new LocalTablesError(
      'VARIABLE_NOT_RESOLVED',
      `${where}: \${${inner}} has no value and no fallback. Set it, or add one: \${${primary}, 'a value'}.`,
    );
  }

  /** One parameter of a variable: a literal (a fallback), a nested variable, or `source:address`. */
  private resolveParameter(parameter: string, inner: string, where: string, isPrimary: boolean): unknown {
    if (!isPrimary) {
      const quoted = /^(['"])(.*)\1$/s.exec(parameter);
      if (quoted) return quoted[2];
      if (/^-?\d+(\.\d+)?$/.test(parameter)) return Number(parameter);
      if (parameter === 'true' || parameter === 'false') return parameter === 'true';
      if (parameter === 'null') return undefined;
    }
    if (parameter.startsWith('${')) return this.resolveString(parameter, where);
    // The address may hold variables of its own: ${self:custom.${sls:stage}.table}.
    const expression = String(this.resolveString(parameter, where));
    // source:address, source(argument) or source(argument):address.
    const match = /^([a-z][a-zA-Z0-9]*)(?:\(([^)]*)\)(?::(.*))?|:(.*))$/s.exec(expression);
    if (!match) {
      if (!isPrimary) return expression;
      throw new LocalTablesError(
        'VARIABLE_NOT_SUPPORTED',
        `${where}: \${${inner}} is not a variable localTables can read. It resolves ${supportedSources}.`,
      );
    }
    const [, source = '', argument, argumentAddress, address] = match;
    return this.fromSource(source, argument, (argumentAddress ?? address ?? '').trim(), inner, where);
  }

  private fromSource(source: string, argument: string | undefined, address: string, inner: string, where: string) {
    const env = this.options.env ?? process.env;
    const path = address === '' ? [] : address.split('.');
    switch (`${source}${argument === undefined ? '' : '()'}`) {
      case 'self':
        return this.at(path);
      case 'sls':
        if (address === 'stage') return this.options.stage;
        break;
      case 'opt':
        if (address === 'stage') return this.options.stage;
        if (address === 'region') return this.options.region;
        // No other command-line option is given to a test: its fallback applies.
        return undefined;
      case 'aws':
        if (address === 'region') return this.options.region ?? this.at(['provider', 'region']) ?? 'us-east-1';
        break;
      case 'env':
        return env[address];
      case 'file()':
        return this.fromFile((argument ?? '').trim(), path, inner, where);
    }
    throw new LocalTablesError(
      'VARIABLE_NOT_SUPPORTED',
      `${where}: \${${inner}} needs the framework (or AWS) to resolve. localTables resolves ${supportedSources} itself; pass the value through an environment variable (\${env:NAME}), or give localTables resolver: 'framework' to run \`serverless print\` (seconds).`,
    );
  }

  private fromFile(relativePath: string, path: readonly string[], inner: string, where: string): unknown {
    const file = resolve(this.serviceDir, relativePath);
    if (!['.yml', '.yaml', '.json'].includes(extname(file))) {
      throw new LocalTablesError(
        'VARIABLE_NOT_SUPPORTED',
        `${where}: \${${inner}} reads ${relativePath}; localTables reads YAML and JSON files only.`,
      );
    }
    if (!existsSync(file)) return undefined;
    let node: unknown = parseFile(file);
    for (const part of path)
      node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[part] : undefined;
    // Variables in the file resolve as the framework resolves them: ${self:…} is the service's.
    return this.resolveDeep(node, where);
  }
}

/** The service's name, region and table declarations, from its serverless.yml. */
export function readServiceConfig(serviceDir: string, options: ServiceConfigOptions): ServiceConfig {
  const file = serviceFile(serviceDir);
  return serviceConfigOf(parseFile(file), file, options);
}

/** The same, from the parsed contents of `file` (whose directory relative paths start from). */
export function serviceConfigOf(document: unknown, file: string, options: ServiceConfigOptions): ServiceConfig {
  const resolver = new VariableResolver(document, resolve(file, '..'), options);
  const declared = resolver.at(['service']);
  const service = isObject(declared) ? declared.name : declared;
  if (typeof service !== 'string' || service === '') {
    throw new LocalTablesError('VARIABLE_NOT_RESOLVED', `${file}: service is not a name (${JSON.stringify(service)}).`);
  }
  const region = resolver.at(['provider', 'region']);
  const state: Record<string, unknown> = {};
  const tables = resolver.at(['state', 'tables']);
  const idempotency = resolver.at(['state', 'idempotency']);
  if (tables !== undefined) state.tables = tables;
  if (idempotency !== undefined) state.idempotency = idempotency;
  return {
    file,
    service,
    stage: options.stage,
    region: typeof region === 'string' ? region : undefined,
    state: state as StateConfig,
  };
}

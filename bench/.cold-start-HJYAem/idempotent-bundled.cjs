"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res) => function __init() {
  return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// runtime/dist/esm/environment.js
function environmentVariableName(kind, name) {
  return `${environmentPrefix}${kind.toUpperCase()}_${name.toUpperCase()}`;
}
var environmentPrefix, stateKinds, invalidationRulesVariable, outboxRelayVariable;
var init_environment = __esm({
  "runtime/dist/esm/environment.js"() {
    "use strict";
    environmentPrefix = "STATEFUL_";
    stateKinds = ["table", "cache", "workflow", "bus", "durable"];
    invalidationRulesVariable = `${environmentPrefix}INVALIDATION_RULES`;
    outboxRelayVariable = `${environmentPrefix}OUTBOX_RELAY`;
  }
});

// runtime/dist/esm/errors.js
function messageOf(error) {
  const message = error?.message;
  return typeof message === "string" ? message : String(error);
}
var StatefulRuntimeError, ResourceNotDeclaredError, MissingModuleError;
var init_errors = __esm({
  "runtime/dist/esm/errors.js"() {
    "use strict";
    StatefulRuntimeError = class extends Error {
      name = "StatefulRuntimeError";
    };
    ResourceNotDeclaredError = class extends StatefulRuntimeError {
      kind;
      resource;
      variable;
      declared;
      name = "ResourceNotDeclaredError";
      constructor(kind, resource, variable, declared) {
        super(`${kind} ${resource} is not declared for this function: ${variable} is not set. Add "${resource}" to the function's state: block in serverless.yml. It declares: ${declared.length > 0 ? declared.join(", ") : "nothing"}.`);
        this.kind = kind;
        this.resource = resource;
        this.variable = variable;
        this.declared = declared;
      }
    };
    MissingModuleError = class extends StatefulRuntimeError {
      packageName;
      name = "MissingModuleError";
      constructor(packageName, options = {}) {
        const remedy = packageName.startsWith("@aws-sdk/") ? `Lambda's Node.js runtimes include AWS SDK v3; elsewhere, install it (npm install ${packageName}), or bundle it rather than marking it external.` : `It is a dependency of @serverless-stateful/runtime: reinstall, or bundle it rather than marking it external.`;
        super(`@serverless-stateful/runtime needs ${packageName}, which cannot be loaded (${messageOf(options.cause).split("\n")[0]}). ${remedy}`, options);
        this.packageName = packageName;
      }
    };
  }
});

// runtime/dist/esm/lazy-module.js
function lazyModule(packageName, load) {
  let loading;
  const get = () => loading ??= load().catch((error) => {
    throw isModuleNotFound(error) ? new MissingModuleError(packageName, { cause: error }) : error;
  });
  const start = () => void started.add(get().catch(() => void 0));
  return Object.assign(get, { start });
}
async function loadCommonJs(required, imported) {
  try {
    return required();
  } catch {
    return imported();
  }
}
async function startedModules() {
  await Promise.all(started);
}
function isModuleNotFound(error) {
  const code = error?.code;
  return code === "MODULE_NOT_FOUND" || code === "ERR_MODULE_NOT_FOUND";
}
var started;
var init_lazy_module = __esm({
  "runtime/dist/esm/lazy-module.js"() {
    "use strict";
    init_errors();
    started = /* @__PURE__ */ new Set();
  }
});

// runtime/dist/esm/tables/marshal.js
var import_util_dynamodb, marshalOptions;
var init_marshal = __esm({
  "runtime/dist/esm/tables/marshal.js"() {
    "use strict";
    import_util_dynamodb = require("@aws-sdk/util-dynamodb");
    marshalOptions = { removeUndefinedValues: true, convertClassInstanceToMap: true };
  }
});

// runtime/dist/esm/clients.js
function preloadDynamoDB() {
  dynamodbModule.start();
  documentModule.start();
}
async function dynamodbClient() {
  const commands = await dynamodbModule();
  lowLevelClient ??= new commands.DynamoDBClient({});
  return { client: lowLevelClient, commands };
}
async function dynamodb() {
  const [{ client }, commands] = await Promise.all([dynamodbClient(), documentModule()]);
  documentClient ??= commands.DynamoDBDocumentClient.from(client, {
    marshallOptions: marshalOptions,
    unmarshallOptions: { wrapNumbers: false }
  });
  return { client: documentClient, commands };
}
function isAwsError(error, name) {
  return error instanceof Error && error.name === name;
}
async function documents(use) {
  return use(await dynamodb());
}
var dynamodbModule, documentModule, eventBridgeModule, stepFunctionsModule, lambdaModule, documentClient, lowLevelClient;
var init_clients = __esm({
  "runtime/dist/esm/clients.js"() {
    "use strict";
    init_lazy_module();
    init_marshal();
    dynamodbModule = lazyModule("@aws-sdk/client-dynamodb", () => loadCommonJs(() => require("@aws-sdk/client-dynamodb"), () => import("@aws-sdk/client-dynamodb")));
    documentModule = lazyModule("@aws-sdk/lib-dynamodb", () => loadCommonJs(() => require("@aws-sdk/lib-dynamodb"), () => import("@aws-sdk/lib-dynamodb")));
    eventBridgeModule = lazyModule("@aws-sdk/client-eventbridge", () => loadCommonJs(() => require("@aws-sdk/client-eventbridge"), () => import("@aws-sdk/client-eventbridge")));
    stepFunctionsModule = lazyModule("@aws-sdk/client-sfn", () => loadCommonJs(() => require("@aws-sdk/client-sfn"), () => import("@aws-sdk/client-sfn")));
    lambdaModule = lazyModule("@aws-sdk/client-lambda", () => loadCommonJs(() => require("@aws-sdk/client-lambda"), () => import("@aws-sdk/client-lambda")));
  }
});

// runtime/dist/esm/tables/table-errors.js
var init_table_errors = __esm({
  "runtime/dist/esm/tables/table-errors.js"() {
    "use strict";
    init_errors();
  }
});

// runtime/dist/esm/backoff.js
function backoffDelay(retry, options = {}) {
  const base = options.baseDelayMs ?? defaultBackoff.baseDelayMs;
  const ceiling = Math.min(options.maxDelayMs ?? defaultBackoff.maxDelayMs, base * 2 ** (retry - 1));
  return Math.random() * ceiling;
}
var defaultBackoff, sleep;
var init_backoff = __esm({
  "runtime/dist/esm/backoff.js"() {
    "use strict";
    defaultBackoff = { maxAttempts: 8, baseDelayMs: 25, maxDelayMs: 2e3 };
    sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  }
});

// runtime/dist/esm/discovery.js
function declaredResources(env) {
  const declared = [];
  for (const variable of Object.keys(env).sort()) {
    if (!variable.startsWith(environmentPrefix))
      continue;
    const rest = variable.slice(environmentPrefix.length);
    const kind = stateKinds.find((candidate) => rest.startsWith(`${candidate.toUpperCase()}_`));
    if (kind)
      declared.push(`${kind} ${rest.slice(kind.length + 1).toLowerCase()}`);
  }
  return declared;
}
function resolveResource(kind, name, env = process.env) {
  const variable = environmentVariableName(kind, name);
  const value = env[variable];
  if (!value)
    throw new ResourceNotDeclaredError(kind, name, variable, declaredResources(env));
  return value;
}
var init_discovery = __esm({
  "runtime/dist/esm/discovery.js"() {
    "use strict";
    init_environment();
    init_errors();
  }
});

// runtime/dist/esm/tables/item-size.js
function isItemSizeError(error) {
  return error instanceof Error && error.name === "ValidationException" && /item size (to update )?has exceeded the maximum allowed size/i.test(error.message);
}
function numberSize(value) {
  const text = String(value);
  let position = 0;
  let first = -1;
  let last = -1;
  for (let index2 = 0; index2 < text.length; index2++) {
    const code = text.charCodeAt(index2);
    if (code === 101 || code === 69)
      break;
    if (code < 48 || code > 57)
      continue;
    if (code !== 48) {
      if (first < 0)
        first = position;
      last = position;
    }
    position++;
  }
  const significant = first < 0 ? 1 : last - first + 1;
  return Math.ceil(significant / 2) + 1;
}
function valueSize(value) {
  if (value === null || value === void 0)
    return 1;
  if (typeof value === "string")
    return utf8(value);
  if (typeof value === "number" || typeof value === "bigint")
    return numberSize(value);
  if (typeof value === "boolean")
    return 1;
  if (value instanceof Uint8Array)
    return value.byteLength;
  let size = 0;
  if (value instanceof Set) {
    let kind;
    for (const member of value) {
      const memberKind = typeof member === "bigint" ? "number" : typeof member;
      if (kind !== void 0 && memberKind !== kind)
        return NaN;
      kind = memberKind;
      size += valueSize(member);
    }
    return size;
  }
  if (Array.isArray(value)) {
    for (const member of value)
      size += 1 + (member === void 0 ? NaN : valueSize(member));
    return 3 + size;
  }
  if (typeof value === "object")
    return value instanceof Date ? NaN : 3 + mapSize(value, 1);
  return utf8(typeof value === "symbol" ? value.toString() : "");
}
function mapSize(map, overhead) {
  let size = 0;
  for (const name in map)
    size += overhead + utf8(name) + valueSize(map[name]);
  return size;
}
function itemSize(item) {
  return mapSize(item, 0);
}
var maxItemBytes, utf8;
var init_item_size = __esm({
  "runtime/dist/esm/tables/item-size.js"() {
    "use strict";
    maxItemBytes = 400 * 1024;
    utf8 = (text) => Buffer.byteLength(text, "utf8");
  }
});

// runtime/dist/esm/tables/key-schema.js
var init_key_schema = __esm({
  "runtime/dist/esm/tables/key-schema.js"() {
    "use strict";
    init_clients();
  }
});

// runtime/dist/esm/tables/storable.js
var init_storable = __esm({
  "runtime/dist/esm/tables/storable.js"() {
    "use strict";
  }
});

// runtime/dist/esm/tables/explain.js
var init_explain = __esm({
  "runtime/dist/esm/tables/explain.js"() {
    "use strict";
    init_item_size();
    init_key_schema();
    init_storable();
    init_table_errors();
  }
});

// runtime/dist/esm/tables/expressions.js
var init_expressions = __esm({
  "runtime/dist/esm/tables/expressions.js"() {
    "use strict";
    init_errors();
  }
});

// runtime/dist/esm/tables/table.js
var import_util_dynamodb2;
var init_table = __esm({
  "runtime/dist/esm/tables/table.js"() {
    "use strict";
    import_util_dynamodb2 = require("@aws-sdk/util-dynamodb");
    init_backoff();
    init_clients();
    init_discovery();
    init_errors();
    init_explain();
    init_expressions();
    init_item_size();
    init_key_schema();
    init_table_errors();
  }
});

// runtime/dist/esm/json-data.js
function problemOf(value) {
  switch (typeof value) {
    case "bigint":
      return "a BigInt, which JSON cannot write: pass it as a string or a number";
    case "number":
      return Number.isFinite(value) ? void 0 : `${value}, which JSON writes as null`;
    case "symbol":
    case "function":
      return `a ${typeof value}, which JSON leaves out`;
    case "object":
      if (value instanceof Set)
        return "a Set, which JSON writes as {}: pass [...set]";
      if (value instanceof Map)
        return "a Map, which JSON writes as {}: pass Object.fromEntries(map)";
      return void 0;
    default:
      return void 0;
  }
}
function jsonData(value, sorted = false) {
  const paths = /* @__PURE__ */ new WeakMap();
  let text;
  try {
    text = JSON.stringify(value, function(key, inner) {
      const holder = this;
      const path = paths.has(holder) ? pathOf(paths.get(holder) ?? "", key, Array.isArray(holder)) : "";
      const reason = problemOf(inner);
      if (reason)
        throw new Found({ path: path || "(the value)", reason });
      if (typeof inner !== "object" || inner === null)
        return inner;
      const seenAt = paths.get(inner);
      if (seenAt !== void 0 && (seenAt === "" || path.startsWith(`${seenAt}.`) || path.startsWith(`${seenAt}[`))) {
        throw new Found({
          path,
          reason: `the value at ${seenAt || "the top"} again: a cycle, which JSON cannot write`
        });
      }
      paths.set(inner, path);
      if (!sorted || Array.isArray(inner))
        return inner;
      const entries = Object.entries(inner).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
      const copy = Object.fromEntries(entries);
      paths.set(copy, path);
      return copy;
    });
  } catch (error) {
    if (error instanceof Found)
      return { problem: error.problem };
    return { problem: { path: "(the value)", reason: messageOf(error) } };
  }
  return text === void 0 ? { problem: { path: "(the value)", reason: "undefined, which is not JSON" } } : { text };
}
var pathOf, Found;
var init_json_data = __esm({
  "runtime/dist/esm/json-data.js"() {
    "use strict";
    init_errors();
    pathOf = (parent, key, inArray) => inArray ? `${parent}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? parent ? `${parent}.${key}` : key : `${parent}[${JSON.stringify(key)}]`;
    Found = class extends Error {
      problem;
      constructor(problem) {
        super(problem.reason);
        this.problem = problem;
      }
    };
  }
});

// runtime/dist/esm/outbox/outbox-errors.js
var init_outbox_errors = __esm({
  "runtime/dist/esm/outbox/outbox-errors.js"() {
    "use strict";
    init_errors();
  }
});

// runtime/dist/esm/events/put-events.js
var publishLimits;
var init_put_events = __esm({
  "runtime/dist/esm/events/put-events.js"() {
    "use strict";
    init_json_data();
    publishLimits = { entries: 10, bytes: 256 * 1024 };
  }
});

// runtime/dist/esm/outbox/outbox-item.js
var import_util_dynamodb3, lastRandom;
var init_outbox_item = __esm({
  "runtime/dist/esm/outbox/outbox-item.js"() {
    "use strict";
    import_util_dynamodb3 = require("@aws-sdk/util-dynamodb");
    init_put_events();
    init_outbox_errors();
    lastRandom = new Uint8Array(10);
  }
});

// runtime/dist/esm/outbox/outbox-table.js
var init_outbox_table = __esm({
  "runtime/dist/esm/outbox/outbox-table.js"() {
    "use strict";
    init_environment();
    init_table();
    init_outbox_errors();
  }
});

// runtime/dist/esm/transactions/transact.js
var import_util_dynamodb4, transactionLimits;
var init_transact = __esm({
  "runtime/dist/esm/transactions/transact.js"() {
    "use strict";
    import_util_dynamodb4 = require("@aws-sdk/util-dynamodb");
    init_backoff();
    init_clients();
    init_errors();
    init_expressions();
    init_explain();
    init_item_size();
    init_key_schema();
    init_marshal();
    init_json_data();
    init_outbox_errors();
    init_outbox_item();
    init_outbox_table();
    init_table_errors();
    transactionLimits = { operations: 100, bytes: 4 * 1024 * 1024 };
  }
});

// node_modules/@aws-lambda-powertools/jmespath/lib/esm/errors.js
var JMESPathError, LexerError, ParseError, IncompleteExpressionError, EmptyExpressionError, FunctionError, ArityError, VariadicArityError, JMESPathTypeError, UnknownFunctionError;
var init_errors2 = __esm({
  "node_modules/@aws-lambda-powertools/jmespath/lib/esm/errors.js"() {
    JMESPathError = class extends Error {
      /**
       * Expression that was being parsed when the error occurred.
       * Can be set by whatever catches the error.
       */
      expression;
      constructor(message) {
        super(message);
        this.name = "JMESPathError";
        this.message = message;
      }
      /**
       * Set the expression that was being parsed when the error occurred.
       *
       * The separate method allows the expression to be set after the error is
       * thrown. In some instances the expression is not known until after the
       * error is thrown (i.e. the error is thrown down the call stack).
       *
       * @param expression - The expression that was being parsed when the error occurred.
       */
      setExpression(expression) {
        this.expression = expression;
        this.message = `${this.message} in expression: ${this.expression}`;
      }
    };
    LexerError = class extends JMESPathError {
      /**
       * Position in the expression where the error occurred.
       */
      lexerPosition;
      /**
       * Token value where the error occurred.
       */
      lexerValue;
      constructor(lexerPosition, lexerValue) {
        super("Bad jmespath expression");
        this.name = "LexerError";
        this.lexerPosition = lexerPosition;
        this.lexerValue = lexerValue;
        this.message = `${this.message}: unknown token "${this.lexerValue}" at column ${this.lexerPosition}`;
      }
    };
    ParseError = class extends JMESPathError {
      /**
       * Position in the expression where the error occurred.
       */
      lexPosition;
      /**
       * Additional information about the error.
       */
      reason;
      /**
       * Token type where the error occurred.
       */
      tokenType;
      /**
       * Token value where the error occurred.
       */
      tokenValue;
      constructor(options) {
        super("Invalid jmespath expression");
        this.name = "ParseError";
        this.lexPosition = options.lexPosition;
        this.tokenValue = options.tokenValue;
        this.tokenType = options.tokenType;
        this.reason = options.reason;
        let issue;
        if (this.reason) {
          issue = this.reason;
        } else if (this.tokenType === "eof") {
          issue = "found unexpected end of expression (EOF)";
        } else {
          issue = `found unexpected token "${this.tokenValue}" (${this.tokenType})`;
        }
        this.message = `${this.message}: parse error at column ${this.lexPosition}, ${issue}`;
      }
    };
    IncompleteExpressionError = class extends ParseError {
      constructor(options) {
        super(options);
        this.name = "IncompleteExpressionError";
      }
    };
    EmptyExpressionError = class extends JMESPathError {
      constructor() {
        super("Invalid JMESPath expression: cannot be empty.");
        this.name = "EmptyExpressionError";
      }
    };
    FunctionError = class extends JMESPathError {
      /**
       * Function that was being executed when the error occurred.
       * Can be set by whatever catches the error.
       */
      functionName;
      constructor(message) {
        super(message);
        this.name = "FunctionError";
      }
      /**
       * Set the function that was being validated or executed when the error occurred.
       *
       * The separate method allows the name to be set after the error is
       * thrown. In most cases the error is thrown down the call stack, but we want
       * to show the actual function name used in the expression rather than an internal
       * alias. To avoid passing the function name down the call stack, we set it
       * after the error is thrown.
       *
       * @param functionName - The function that was being validated or executed when the error occurred.
       */
      setEvaluatedFunctionName(functionName) {
        this.message = this.message.replace("for function undefined", `for function ${functionName}()`);
      }
    };
    ArityError = class extends FunctionError {
      actualArity;
      expectedArity;
      constructor(options) {
        super("Invalid arity for JMESPath function");
        this.name = "ArityError";
        this.actualArity = options.actualArity;
        this.expectedArity = options.expectedArity;
        const arityParticle = this.actualArity > this.expectedArity ? "at most" : "at least";
        this.message = `Expected ${arityParticle} ${this.expectedArity} ${this.pluralize("argument", this.expectedArity)} for function ${this.functionName}, received ${this.actualArity}`;
      }
      /**
       * Pluralizes a word based on the count.
       *
       * @param word - The word to pluralize
       * @param count - The count to determine if the word should be pluralized
       */
      pluralize(word, count) {
        return count === 1 ? word : `${word}s`;
      }
    };
    VariadicArityError = class extends ArityError {
      constructor(options) {
        super(options);
        this.name = "VariadicArityError";
        this.message = `Expected ${this.expectedArity} ${this.pluralize("argument", this.expectedArity)} for function ${this.functionName}, received ${this.actualArity}`;
      }
    };
    JMESPathTypeError = class extends FunctionError {
      actualType;
      currentValue;
      expectedTypes;
      constructor(options) {
        super("Invalid type for JMESPath expression");
        this.name = "JMESPathTypeError";
        this.currentValue = options.currentValue;
        this.actualType = options.actualType;
        this.expectedTypes = options.expectedTypes;
        this.message = `Invalid argument type for function ${this.functionName}, expected ${this.serializeExpectedTypes()} but found "${this.actualType}"`;
      }
      /**
       * Serialize the expected types for the error message.
       */
      serializeExpectedTypes() {
        const types = [];
        for (const type of this.expectedTypes) {
          types.push(`"${type}"`);
        }
        return types.length === 1 ? types[0] : `one of ${types.join(", ")}`;
      }
    };
    UnknownFunctionError = class extends FunctionError {
      constructor(funcName) {
        super("Unknown function");
        this.name = "UnknownFunctionError";
        this.message = `Unknown function: ${funcName}()`;
      }
    };
  }
});

// node_modules/@aws-lambda-powertools/jmespath/lib/esm/ast.js
var comparator, currentNode, expref, functionExpression, field, filterProjection, flatten, identity, index, indexExpression, keyValPair, literal, multiSelectObject, multiSelectList, orExpression, andExpression, notExpression, pipe, projection, subexpression, slice, valueProjection;
var init_ast = __esm({
  "node_modules/@aws-lambda-powertools/jmespath/lib/esm/ast.js"() {
    comparator = (name, first, second) => ({
      type: "comparator",
      children: [first, second],
      value: name
    });
    currentNode = () => ({
      type: "current",
      children: []
    });
    expref = (expression) => ({
      type: "expref",
      children: [expression]
    });
    functionExpression = (name, args) => ({
      type: "function_expression",
      children: args,
      value: name
    });
    field = (name) => ({
      type: "field",
      children: [],
      value: name
    });
    filterProjection = (left, right, comparator2) => ({
      type: "filter_projection",
      children: [left, right, comparator2]
    });
    flatten = (node) => ({
      type: "flatten",
      children: [node]
    });
    identity = () => ({ type: "identity", children: [] });
    index = (index2) => ({
      type: "index",
      value: index2,
      children: []
    });
    indexExpression = (children) => ({
      type: "index_expression",
      children
    });
    keyValPair = (keyName, node) => ({
      type: "key_val_pair",
      children: [node],
      value: keyName
    });
    literal = (literalValue) => ({
      type: "literal",
      value: literalValue,
      children: []
    });
    multiSelectObject = (nodes) => ({
      type: "multi_select_object",
      children: nodes
    });
    multiSelectList = (nodes) => ({
      type: "multi_select_list",
      children: nodes
    });
    orExpression = (left, right) => ({
      type: "or_expression",
      children: [left, right]
    });
    andExpression = (left, right) => ({
      type: "and_expression",
      children: [left, right]
    });
    notExpression = (expr) => ({
      type: "not_expression",
      children: [expr]
    });
    pipe = (left, right) => ({
      type: "pipe",
      children: [left, right]
    });
    projection = (left, right) => ({
      type: "projection",
      children: [left, right]
    });
    subexpression = (children) => ({
      type: "subexpression",
      children
    });
    slice = (start, end, step) => ({
      type: "slice",
      children: [start, end, step]
    });
    valueProjection = (left, right) => ({
      type: "value_projection",
      children: [left, right]
    });
  }
});

// node_modules/@aws-lambda-powertools/jmespath/lib/esm/constants.js
var BINDING_POWER, ASCII_LOWERCASE, ASCII_UPPERCASE, ASCII_LETTERS, DIGITS, START_IDENTIFIER, VALID_IDENTIFIER, VALID_NUMBER, WHITESPACE, SIMPLE_TOKENS;
var init_constants = __esm({
  "node_modules/@aws-lambda-powertools/jmespath/lib/esm/constants.js"() {
    BINDING_POWER = {
      eof: 0,
      unquoted_identifier: 0,
      quoted_identifier: 0,
      literal: 0,
      rbracket: 0,
      rparen: 0,
      comma: 0,
      rbrace: 0,
      number: 0,
      current: 0,
      expref: 0,
      colon: 0,
      pipe: 1,
      or: 2,
      and: 3,
      eq: 5,
      gt: 5,
      lt: 5,
      gte: 5,
      lte: 5,
      ne: 5,
      flatten: 9,
      // Everything above stops a projection.
      star: 20,
      filter: 21,
      dot: 40,
      not: 45,
      lbrace: 50,
      lbracket: 55,
      lparen: 60
    };
    ASCII_LOWERCASE = "abcdefghijklmnopqrstuvwxyz";
    ASCII_UPPERCASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    ASCII_LETTERS = ASCII_LOWERCASE + ASCII_UPPERCASE;
    DIGITS = "0123456789";
    START_IDENTIFIER = new Set(`${ASCII_LETTERS}_`);
    VALID_IDENTIFIER = new Set(`${ASCII_LETTERS}${DIGITS}_`);
    VALID_NUMBER = new Set(DIGITS);
    WHITESPACE = new Set(" 	\n\r");
    SIMPLE_TOKENS = /* @__PURE__ */ new Map([
      [".", "dot"],
      ["*", "star"],
      [":", "colon"],
      ["]", "rbracket"],
      [",", "comma"],
      [":", "colon"],
      ["@", "current"],
      ["(", "lparen"],
      [")", "rparen"],
      ["{", "lbrace"],
      ["}", "rbrace"]
    ]);
  }
});

// node_modules/@aws-lambda-powertools/jmespath/lib/esm/Lexer.js
var Lexer;
var init_Lexer = __esm({
  "node_modules/@aws-lambda-powertools/jmespath/lib/esm/Lexer.js"() {
    init_constants();
    init_errors2();
    Lexer = class {
      #position;
      #expression;
      #chars;
      #current;
      #length;
      /**
       * Tokenize a JMESPath expression.
       *
       * This method is a generator that yields tokens for the given expression.
       *
       * @param expression The JMESPath expression to tokenize.
       */
      *tokenize(expression) {
        this.#initializeForExpression(expression);
        while (this.#current !== "" && this.#current !== void 0) {
          if (SIMPLE_TOKENS.has(this.#current)) {
            yield {
              // biome-ignore lint/style/noNonNullAssertion: We know that SIMPLE_TOKENS has this.#current as a key because we checked for that above.
              type: SIMPLE_TOKENS.get(this.#current),
              value: this.#current,
              start: this.#position,
              end: this.#position + 1
            };
            this.#next();
          } else if (START_IDENTIFIER.has(this.#current)) {
            yield this.#consumeIdentifier();
          } else if (WHITESPACE.has(this.#current)) {
            this.#next();
          } else if (this.#current === "[") {
            yield this.#consumeSquareBracket();
          } else if (this.#current === `'`) {
            yield this.#consumeRawStringLiteral();
          } else if (this.#current === "`") {
            yield this.#consumeLiteral();
          } else if (VALID_NUMBER.has(this.#current)) {
            const start = this.#position;
            const buff = this.#consumeNumber();
            yield {
              type: "number",
              value: Number.parseInt(buff, 10),
              start,
              end: start + buff.length
            };
          } else if (this.#current === "-") {
            yield this.#consumeNegativeNumber();
          } else if (this.#current === '"') {
            yield this.#consumeQuotedIdentifier();
          } else if (["<", ">", "!", "=", "|", "&"].includes(this.#current)) {
            yield this.#consumeComparatorSigns(this.#current);
          } else {
            throw new LexerError(this.#position, this.#current);
          }
        }
        yield { type: "eof", value: "", start: this.#length, end: this.#length };
      }
      /**
       * Consume a comparator sign.
       *
       * This method is called when the lexer encounters a comparator sign.
       *
       * @param current The current character
       */
      #consumeComparatorSigns = (current) => {
        switch (current) {
          case "<":
            return this.#matchOrElse("=", "lte", "lt");
          case ">":
            return this.#matchOrElse("=", "gte", "gt");
          case "!":
            return this.#matchOrElse("=", "ne", "not");
          case "|":
            return this.#matchOrElse("|", "or", "pipe");
          case "&":
            return this.#matchOrElse("&", "and", "expref");
          default:
            return this.#consumeEqualSign();
        }
      };
      /**
       * Consume an equal sign.
       *
       * This method is called when the lexer encounters an equal sign.
       * It checks if the next character is also an equal sign and returns
       * the corresponding token.
       */
      #consumeEqualSign() {
        if (this.#next() === "=") {
          this.#next();
          return {
            type: "eq",
            value: "==",
            start: this.#position - 1,
            end: this.#position
          };
        }
        throw new LexerError(this.#position - 1, "=");
      }
      /**
       * Consume an unquoted identifier.
       *
       * This method is called when the lexer encounters a character that is a valid
       * identifier. It advances the lexer until it finds a character that is not a
       * valid identifier and returns the corresponding token.
       */
      #consumeIdentifier() {
        const start = this.#position;
        let buff = this.#current;
        while (VALID_IDENTIFIER.has(this.#next())) {
          buff += this.#current;
        }
        return {
          type: "unquoted_identifier",
          value: buff,
          start,
          end: start + buff.length
        };
      }
      /**
       * Consume a negative number.
       *
       * This method is called when the lexer encounters a negative sign.
       * It checks if the next character is a number and returns the corresponding token.
       */
      #consumeNegativeNumber() {
        const start = this.#position;
        const buff = this.#consumeNumber();
        if (buff.length > 1) {
          return {
            type: "number",
            value: Number.parseInt(buff, 10),
            start,
            end: start + buff.length
          };
        }
        throw new LexerError(start, 'Unknown token after "-"');
      }
      /**
       * Consume a raw string that is a number.
       *
       * It takes the current position and advances
       * the lexer until it finds a character that
       * is not a number.
       */
      #consumeNumber() {
        let buff = this.#current;
        while (VALID_NUMBER.has(this.#next())) {
          buff += this.#current;
        }
        return buff;
      }
      /**
       * Consume a square bracket.
       *
       * This method is called when the lexer encounters a square bracket.
       * It checks if the next character is a question mark or a closing
       * square bracket and returns the corresponding token.
       */
      #consumeSquareBracket() {
        const start = this.#position;
        const nextChar = this.#next();
        if (nextChar === "]") {
          this.#next();
          return { type: "flatten", value: "[]", start, end: start + 2 };
        }
        if (nextChar === "?") {
          this.#next();
          return { type: "filter", value: "[?", start, end: start + 2 };
        }
        return { type: "lbracket", value: "[", start, end: start + 1 };
      }
      /**
       * Initializes the lexer for the given expression.
       *
       * We use a separate method for this instead of the constructor
       * because we want to be able to reuse the same lexer instance
       * and also because we want to be able to expose a public API
       * for tokenizing expressions like `new Lexer().tokenize(expression)`.
       *
       * @param expression The JMESPath expression to tokenize.
       */
      #initializeForExpression(expression) {
        if (typeof expression !== "string") {
          throw new EmptyExpressionError();
        }
        this.#position = 0;
        this.#expression = expression;
        this.#chars = Array.from(expression);
        this.#current = this.#chars[0];
        this.#length = this.#expression.length;
      }
      /**
       * Advance the lexer to the next character in the expression.
       */
      #next() {
        if (this.#position === this.#length - 1) {
          this.#current = "";
        } else {
          this.#position += 1;
          this.#current = this.#chars[this.#position];
        }
        return this.#current;
      }
      /**
       * Consume until the given delimiter is reached allowing
       * for escaping of the delimiter with a backslash (`\`).
       *
       * @param delimiter The delimiter to consume until.
       */
      #consumeUntil(delimiter) {
        const start = this.#position;
        let buff = "";
        this.#next();
        while (this.#current !== delimiter) {
          if (this.#current === "\\") {
            buff += "\\";
            this.#next();
          }
          if (this.#current === "") {
            throw new LexerError(start, this.#expression.substring(start));
          }
          buff += this.#current;
          this.#next();
        }
        this.#next();
        return buff;
      }
      /**
       * Process a literal.
       *
       * A literal is a JSON string that is enclosed in backticks.
       */
      #consumeLiteral() {
        const start = this.#position;
        const lexeme = this.#consumeUntil("`").replace("\\`", "`");
        try {
          const parsedJson = JSON.parse(lexeme);
          return {
            type: "literal",
            value: parsedJson,
            start,
            end: this.#position - start
          };
        } catch {
          throw new LexerError(start, lexeme);
        }
      }
      /**
       * Process a quoted identifier.
       *
       * A quoted identifier is a string that is enclosed in double quotes.
       */
      #consumeQuotedIdentifier() {
        const start = this.#position;
        const lexeme = `"${this.#consumeUntil('"')}"`;
        const tokenLen = this.#position - start;
        return {
          type: "quoted_identifier",
          value: JSON.parse(lexeme),
          start,
          end: tokenLen
        };
      }
      /**
       * Process a raw string literal.
       *
       * A raw string literal is a string that is enclosed in single quotes.
       */
      #consumeRawStringLiteral() {
        const start = this.#position;
        const lexeme = this.#consumeUntil(`'`).replace(`\\'`, `'`);
        const tokenLen = this.#position - start;
        return {
          type: "literal",
          value: lexeme,
          start,
          end: tokenLen
        };
      }
      /**
       * Match the expected character and return the corresponding token type.
       *
       * @param expected The expected character
       * @param matchType The token type to return if the expected character is found
       * @param elseType  The token type to return if the expected character is not found
       */
      #matchOrElse(expected, matchType, elseType) {
        const start = this.#position;
        const current = this.#current;
        const nextChar = this.#next();
        if (nextChar === expected) {
          this.#next();
          return {
            type: matchType,
            value: current + nextChar,
            start,
            end: start + 2
          };
        }
        return {
          type: elseType,
          value: current,
          start,
          end: start
        };
      }
    };
  }
});

// node_modules/@aws-lambda-powertools/commons/lib/esm/typeUtils.js
var isRecord, isString, isNumber, isIntegerNumber, isTruthy, isNull, getType, areArraysEqual, areRecordsEqual, isStrictEqual;
var init_typeUtils = __esm({
  "node_modules/@aws-lambda-powertools/commons/lib/esm/typeUtils.js"() {
    isRecord = (value) => {
      return Object.prototype.toString.call(value) === "[object Object]" && !Object.is(value, null);
    };
    isString = (value) => {
      return typeof value === "string";
    };
    isNumber = (value) => {
      return typeof value === "number";
    };
    isIntegerNumber = (value) => {
      return isNumber(value) && Number.isInteger(value);
    };
    isTruthy = (value) => {
      if (isString(value)) {
        return value !== "";
      }
      if (isNumber(value)) {
        return value !== 0;
      }
      if (typeof value === "boolean") {
        return value;
      }
      if (Array.isArray(value)) {
        return value.length > 0;
      }
      if (isRecord(value)) {
        return Object.keys(value).length > 0;
      }
      return false;
    };
    isNull = (value) => {
      return Object.is(value, null);
    };
    getType = (value) => {
      if (Array.isArray(value)) {
        return "array";
      }
      if (isRecord(value)) {
        return "object";
      }
      if (isString(value)) {
        return "string";
      }
      if (isNumber(value)) {
        return "number";
      }
      if (typeof value === "boolean") {
        return "boolean";
      }
      if (isNull(value)) {
        return "null";
      }
      return "unknown";
    };
    areArraysEqual = (left, right) => {
      if (left.length !== right.length) {
        return false;
      }
      return left.every((value, i) => isStrictEqual(value, right[i]));
    };
    areRecordsEqual = (left, right) => {
      const leftKeys = Object.keys(left);
      const rightKeys = Object.keys(right);
      if (leftKeys.length !== rightKeys.length) {
        return false;
      }
      return leftKeys.every((key) => isStrictEqual(left[key], right[key]));
    };
    isStrictEqual = (left, right) => {
      if (left === right) {
        return true;
      }
      if (typeof left !== typeof right) {
        return false;
      }
      if (Array.isArray(left) && Array.isArray(right)) {
        return areArraysEqual(left, right);
      }
      if (isRecord(left) && isRecord(right)) {
        return areRecordsEqual(left, right);
      }
      return false;
    };
  }
});

// node_modules/@aws-lambda-powertools/jmespath/lib/esm/Expression.js
var Expression;
var init_Expression = __esm({
  "node_modules/@aws-lambda-powertools/jmespath/lib/esm/Expression.js"() {
    Expression = class {
      #expression;
      #interpreter;
      constructor(expression, interpreter) {
        this.#expression = expression;
        this.#interpreter = interpreter;
      }
      /**
       * Evaluate the expression against a JSON value.
       *
       * @param value - The JSON value to apply the expression to.
       * @param node - The node to visit.
       */
      visit(value, node) {
        return this.#interpreter.visit(node ?? this.#expression, value);
      }
    };
  }
});

// node_modules/@aws-lambda-powertools/jmespath/lib/esm/utils.js
var isTruthy2, capSliceRange, sliceArray, arityCheck, typeCheck, typeCheckArgument, checkIfArgumentTypeIsValid, typeCheckType, checkComplexArrayType, checkExpressionType, checkObjectType;
var init_utils = __esm({
  "node_modules/@aws-lambda-powertools/jmespath/lib/esm/utils.js"() {
    init_typeUtils();
    init_Expression();
    init_errors2();
    isTruthy2 = (value) => {
      if (isNumber(value)) {
        return true;
      }
      return isTruthy(value);
    };
    capSliceRange = (arrayLength, value, isStepNegative) => {
      let capValue = value;
      if (capValue < 0) {
        capValue += arrayLength;
        if (capValue < 0) {
          capValue = isStepNegative ? -1 : 0;
        }
      } else if (capValue >= arrayLength) {
        capValue = isStepNegative ? arrayLength - 1 : arrayLength;
      }
      return capValue;
    };
    sliceArray = ({ array, start, end, step }) => {
      const isStepNegative = step < 0;
      const length = array.length;
      const defaultStart = isStepNegative ? length - 1 : 0;
      const defaultEnd = isStepNegative ? -1 : length;
      start = isIntegerNumber(start) ? capSliceRange(length, start, isStepNegative) : defaultStart;
      end = isIntegerNumber(end) ? capSliceRange(length, end, isStepNegative) : defaultEnd;
      const result = [];
      if (step > 0) {
        for (let i = start; i < end; i += step) {
          result.push(array[i]);
        }
      } else {
        for (let i = start; i > end; i += step) {
          result.push(array[i]);
        }
      }
      return result;
    };
    arityCheck = (args, argumentsSpecs, variadic) => {
      if (variadic) {
        if (args.length < argumentsSpecs.length) {
          throw new VariadicArityError({
            expectedArity: argumentsSpecs.length,
            actualArity: args.length
          });
        }
      } else if (args.length !== argumentsSpecs.length) {
        throw new ArityError({
          expectedArity: argumentsSpecs.length,
          actualArity: args.length
        });
      }
    };
    typeCheck = (args, argumentsSpecs) => {
      for (const [index2, argumentSpec] of argumentsSpecs.entries()) {
        if (argumentSpec[0] === "any")
          continue;
        typeCheckArgument(args[index2], argumentSpec);
      }
    };
    typeCheckArgument = (arg, argumentSpec) => {
      let valid = false;
      for (const [index2, type] of argumentSpec.entries()) {
        if (valid)
          return;
        valid = checkIfArgumentTypeIsValid(arg, type, index2, argumentSpec);
      }
    };
    checkIfArgumentTypeIsValid = (arg, type, index2, argumentSpec) => {
      const hasMoreTypesToCheck = index2 < argumentSpec.length - 1;
      if (type.startsWith("array")) {
        if (!Array.isArray(arg)) {
          if (hasMoreTypesToCheck) {
            return false;
          }
          throw new JMESPathTypeError({
            currentValue: arg,
            expectedTypes: argumentSpec,
            actualType: getType(arg)
          });
        }
        checkComplexArrayType(arg, type, hasMoreTypesToCheck);
        return true;
      }
      if (type === "expression") {
        checkExpressionType(arg, argumentSpec, hasMoreTypesToCheck);
        return true;
      }
      if (["string", "number", "boolean"].includes(type)) {
        typeCheckType(arg, type, argumentSpec, hasMoreTypesToCheck);
        if (typeof arg === type)
          return true;
      } else if (type === "object") {
        checkObjectType(arg, argumentSpec, hasMoreTypesToCheck);
        return true;
      }
      return false;
    };
    typeCheckType = (arg, type, argumentSpec, hasMoreTypesToCheck) => {
      if (typeof arg !== type && !hasMoreTypesToCheck) {
        throw new JMESPathTypeError({
          currentValue: arg,
          expectedTypes: argumentSpec,
          actualType: getType(arg)
        });
      }
    };
    checkComplexArrayType = (arg, type, hasMoreTypesToCheck) => {
      if (!type.includes("-"))
        return;
      const arrayItemsType = type.slice(6);
      let actualType;
      for (const element of arg) {
        try {
          typeCheckArgument(element, [arrayItemsType]);
          actualType = arrayItemsType;
        } catch (error) {
          if (!hasMoreTypesToCheck || actualType !== void 0) {
            throw error;
          }
        }
      }
    };
    checkExpressionType = (arg, type, hasMoreTypesToCheck) => {
      if (!(arg instanceof Expression) && !hasMoreTypesToCheck) {
        throw new JMESPathTypeError({
          currentValue: arg,
          expectedTypes: type,
          actualType: getType(arg)
        });
      }
    };
    checkObjectType = (arg, type, hasMoreTypesToCheck) => {
      if (!isRecord(arg) && !hasMoreTypesToCheck) {
        throw new JMESPathTypeError({
          currentValue: arg,
          expectedTypes: type,
          actualType: getType(arg)
        });
      }
    };
  }
});

// node_modules/@aws-lambda-powertools/jmespath/lib/esm/Functions.js
var __decorate, Functions;
var init_Functions = __esm({
  "node_modules/@aws-lambda-powertools/jmespath/lib/esm/Functions.js"() {
    init_typeUtils();
    init_errors2();
    init_utils();
    __decorate = function(decorators, target, key, desc) {
      var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
      if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
      else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
      return c > 3 && r && Object.defineProperty(target, key, r), r;
    };
    Functions = class _Functions {
      /**
       * A set of all the custom functions available in this and all child classes.
       */
      methods = /* @__PURE__ */ new Set();
      /**
       * Get the absolute value of the provided number.
       *
       * @param args - The number to get the absolute value of
       */
      funcAbs(args) {
        return Math.abs(args);
      }
      /**
       * Calculate the average of the numbers in the provided array.
       *
       * @param args - The numbers to average
       */
      funcAvg(args) {
        return args.reduce((a, b) => a + b, 0) / args.length;
      }
      /**
       * Get the ceiling of the provided number.
       *
       * @param args - The number to get the ceiling of
       */
      funcCeil(args) {
        return Math.ceil(args);
      }
      /**
       * Determine if the given value is contained in the provided array or string.
       *
       * @param haystack - The array or string to check
       * @param needle - The value to check for
       */
      funcContains(haystack, needle) {
        return haystack.includes(needle);
      }
      /**
       * Determines if the provided string ends with the provided suffix.
       *
       * @param str - The string to check
       * @param suffix - The suffix to check for
       */
      funcEndsWith(str, suffix) {
        return str.endsWith(suffix);
      }
      /**
       * Get the floor of the provided number.
       *
       * @param args - The number to get the floor of
       */
      funcFloor(args) {
        return Math.floor(args);
      }
      /**
       * Join the provided array into a single string.
       *
       * @param separator - The separator to use
       * @param items - The array of itmes to join
       */
      funcJoin(separator, items) {
        return items.join(separator);
      }
      /**
       * Get the keys of the provided object.
       *
       * @param arg - The object to get the keys of
       */
      funcKeys(arg) {
        return Object.keys(arg);
      }
      /**
       * Get the number of items in the provided item.
       *
       * @param arg - The array to get the length of
       */
      funcLength(arg) {
        if (isRecord(arg)) {
          return Object.keys(arg).length;
        }
        return arg.length;
      }
      /**
       * Map the provided function over the provided array.
       *
       * @param expression - The expression to map over the array
       * @param args - The array to map the expression over
       */
      funcMap(expression, args) {
        return args.map((arg) => {
          return expression.visit(arg) || null;
        });
      }
      /**
       * Get the maximum value in the provided array.
       *
       * @param arg - The array to get the maximum value of
       */
      funcMax(arg) {
        if (arg.length === 0) {
          return null;
        }
        if (isNumber(arg[0])) {
          return Math.max(...arg);
        }
        return arg.reduce((a, b) => a > b ? a : b);
      }
      /**
       * Get the item in the provided array that has the maximum value when the provided expression is evaluated.
       *
       * @param args - The array of items to get the maximum value of
       * @param expression - The expression to evaluate for each item in the array
       */
      funcMaxBy(args, expression) {
        if (args.length === 0) {
          return null;
        }
        const visitedArgs = args.map((arg) => ({
          arg,
          visited: expression.visit(arg)
        }));
        const max = visitedArgs.reduce((max2, current) => {
          const type = getType(current.visited);
          if (type !== "string" && type !== "number") {
            throw new JMESPathTypeError({
              currentValue: current.visited,
              expectedTypes: ["string"],
              actualType: type
            });
          }
          if (max2.visited === current.visited) {
            return max2;
          }
          return max2.visited > current.visited ? max2 : current;
        }, visitedArgs[0]);
        return max.arg;
      }
      /**
       * Merge the provided objects into a single object.
       *
       * Note that this is a shallow merge and will not merge nested objects.
       *
       * @param args - The objects to merge
       */
      funcMerge(...args) {
        return args.reduce((a, b) => ({ ...a, ...b }), {});
      }
      /**
       * Get the minimum value in the provided array.
       *
       * @param arg - The array to get the minimum value of
       */
      funcMin(arg) {
        if (arg.length === 0) {
          return null;
        }
        if (isNumber(arg[0])) {
          return Math.min(...arg);
        }
        return arg.reduce((a, b) => a < b ? a : b);
      }
      /**
       * Get the item in the provided array that has the minimum value when the provided expression is evaluated.
       *
       * @param args - The array of items to get the minimum value of
       * @param expression - The expression to evaluate for each item in the array
       */
      funcMinBy(args, expression) {
        if (args.length === 0) {
          return null;
        }
        const visitedArgs = args.map((arg) => ({
          arg,
          visited: expression.visit(arg)
        }));
        const min = visitedArgs.reduce((min2, current) => {
          const type = getType(current.visited);
          if (type !== "string" && type !== "number") {
            throw new JMESPathTypeError({
              currentValue: current.visited,
              expectedTypes: ["string"],
              actualType: type
            });
          }
          if (min2.visited === current.visited) {
            return min2;
          }
          return min2.visited < current.visited ? min2 : current;
        }, visitedArgs[0]);
        return min.arg;
      }
      /**
       * Get the first argument that does not evaluate to null.
       * If all arguments evaluate to null, then null is returned.
       *
       * @param args - The keys of the items to check
       */
      funcNotNull(...args) {
        return args.find((arg) => !Object.is(arg, null)) || null;
      }
      /**
       * Reverses the provided string or array.
       *
       * @param arg - The string or array to reverse
       */
      funcReverse(arg) {
        return Array.isArray(arg) ? arg.reverse() : arg.split("").reverse().join("");
      }
      /**
       * Sort the provided array.
       *
       * @param arg - The array to sort
       */
      funcSort(arg) {
        return arg.sort((a, b) => {
          if (typeof a === "string") {
            return a.localeCompare(b);
          }
          return a - b;
        });
      }
      /**
       * Sort the provided array by the provided expression.
       *
       * @param args - The array to sort
       * @param expression - The expression to sort by
       */
      funcSortBy(args, expression) {
        return args.map((value, index2) => {
          const visited = expression.visit(value);
          const type = getType(visited);
          if (type !== "string" && type !== "number") {
            throw new JMESPathTypeError({
              currentValue: visited,
              expectedTypes: ["string"],
              actualType: getType(visited)
            });
          }
          return {
            value,
            index: index2,
            visited
          };
        }).sort((a, b) => {
          if (a.visited === b.visited) {
            return a.index - b.index;
          }
          return a.visited > b.visited ? 1 : -1;
        }).map(({ value }) => value);
      }
      /**
       * Determines if the provided string starts with the provided prefix.
       *
       * @param str - The string to check
       * @param prefix - The prefix to check for
       */
      funcStartsWith(str, prefix) {
        return str.startsWith(prefix);
      }
      /**
       * Sum the provided numbers.
       *
       * @param args - The numbers to sum
       */
      funcSum(args) {
        return args.reduce((a, b) => a + b, 0);
      }
      /**
       * Convert the provided value to an array.
       *
       * If the provided value is an array, then it is returned.
       * Otherwise, the value is wrapped in an array and returned.
       *
       * @param arg - The items to convert to an array
       */
      funcToArray(arg) {
        return Array.isArray(arg) ? arg : [arg];
      }
      /**
       * Convert the provided value to a number.
       *
       * If the provided value is a number, then it is returned.
       * Otherwise, the value is converted to a number and returned.
       *
       * If the value cannot be converted to a number, then null is returned.
       *
       * @param arg - The value to convert to a number
       */
      funcToNumber(arg) {
        if (typeof arg === "number") {
          return arg;
        }
        if (typeof arg === "string") {
          const num = Number(arg);
          return Number.isNaN(num) ? null : num;
        }
        return null;
      }
      /**
       * Convert the provided value to a string.
       *
       * If the provided value is a string, then it is returned.
       * Otherwise, the value is converted to a string and returned.
       *
       * @param arg - The value to convert to a string
       */
      funcToString(arg) {
        return typeof arg === "string" ? arg : JSON.stringify(arg);
      }
      /**
       * Get the type of the provided value.
       *
       * @param arg - The value to check the type of
       */
      funcType(arg) {
        return getType(arg);
      }
      /**
       * Get the values of the provided object.
       *
       * @param arg - The object to get the values of
       */
      funcValues(arg) {
        return Object.values(arg);
      }
      /**
       * Lazily introspects the methods of the class instance and all child classes
       * to get the names of the methods that correspond to JMESPath functions.
       *
       * This method is used to get the names of the custom functions that are available
       * in the class instance and all child classes. The names of the functions are used
       * to create the custom function map that is passed to the JMESPath search function.
       *
       * The method traverses the inheritance chain going from the leaf class to the root class
       * and stops when it reaches the `Functions` class, which is the root class.
       *
       * In doing so, it collects the names of the methods that start with `func` and adds them
       * to the `methods` set. Finally, when the recursion collects back to the current instance,
       * it adds the collected methods to the `this.methods` set so that they can be accessed later.
       *
       * @param scope - The scope of the class instance to introspect
       */
      introspectMethods(scope) {
        const prototype = Object.getPrototypeOf(this);
        const methods = /* @__PURE__ */ new Set();
        if (this instanceof _Functions) {
          for (const method of prototype.introspectMethods(scope)) {
            methods.add(method);
          }
        } else {
          return methods;
        }
        for (const method of Object.getOwnPropertyNames(Object.getPrototypeOf(this))) {
          method !== "constructor" && method.startsWith("func") && methods.add(method);
        }
        if (this.methods) {
          for (const method of methods) {
            this.methods.add(method);
          }
        }
        return methods;
      }
      /**
       * Decorator to enforce the signature of a function at runtime.
       *
       * The signature decorator enforces the arity and types of the arguments
       * passed to a function at runtime. If the arguments do not match the
       * expected arity or types errors are thrown.
       *
       * @example
       * ```typescript
       * import { PowertoolsFunctions } from '@aws-lambda-powertools/jmespath/functions';
       *
       * class MyFunctions extends Functions {
       *   ⁣@Functions.signature({
       *     argumentsSpecs: [['number'], ['number']],
       *     variadic: true,
       *   })
       *   public funcMyMethod(args: Array<number>): unknown {
       *     // ...
       *   }
       * }
       * ```
       *
       * @param options - The options for the signature decorator
       */
      static signature(options) {
        return (_target, _propertyKey, descriptor) => {
          const originalMethod = descriptor.value;
          descriptor.value = function(args) {
            const { variadic, argumentsSpecs } = options;
            arityCheck(args, argumentsSpecs, variadic);
            typeCheck(args, argumentsSpecs);
            return originalMethod.apply(this, args);
          };
          return descriptor;
        };
      }
    };
    __decorate([
      Functions.signature({ argumentsSpecs: [["number"]] })
    ], Functions.prototype, "funcAbs", null);
    __decorate([
      Functions.signature({
        argumentsSpecs: [["array-number"]]
      })
    ], Functions.prototype, "funcAvg", null);
    __decorate([
      Functions.signature({ argumentsSpecs: [["number"]] })
    ], Functions.prototype, "funcCeil", null);
    __decorate([
      Functions.signature({
        argumentsSpecs: [["array", "string"], ["any"]]
      })
    ], Functions.prototype, "funcContains", null);
    __decorate([
      Functions.signature({
        argumentsSpecs: [["string"], ["string"]]
      })
    ], Functions.prototype, "funcEndsWith", null);
    __decorate([
      Functions.signature({ argumentsSpecs: [["number"]] })
    ], Functions.prototype, "funcFloor", null);
    __decorate([
      Functions.signature({
        argumentsSpecs: [["string"], ["array-string"]]
      })
    ], Functions.prototype, "funcJoin", null);
    __decorate([
      Functions.signature({
        argumentsSpecs: [["object"]]
      })
    ], Functions.prototype, "funcKeys", null);
    __decorate([
      Functions.signature({
        argumentsSpecs: [["array", "string", "object"]]
      })
    ], Functions.prototype, "funcLength", null);
    __decorate([
      Functions.signature({
        argumentsSpecs: [["any"], ["array"]]
      })
    ], Functions.prototype, "funcMap", null);
    __decorate([
      Functions.signature({
        argumentsSpecs: [["array-number", "array-string"]]
      })
    ], Functions.prototype, "funcMax", null);
    __decorate([
      Functions.signature({
        argumentsSpecs: [["array"], ["expression"]]
      })
    ], Functions.prototype, "funcMaxBy", null);
    __decorate([
      Functions.signature({
        argumentsSpecs: [["object"]],
        variadic: true
      })
    ], Functions.prototype, "funcMerge", null);
    __decorate([
      Functions.signature({
        argumentsSpecs: [["array-number", "array-string"]]
      })
    ], Functions.prototype, "funcMin", null);
    __decorate([
      Functions.signature({
        argumentsSpecs: [["array"], ["expression"]]
      })
    ], Functions.prototype, "funcMinBy", null);
    __decorate([
      Functions.signature({
        argumentsSpecs: [[]],
        variadic: true
      })
    ], Functions.prototype, "funcNotNull", null);
    __decorate([
      Functions.signature({
        argumentsSpecs: [["string", "array"]]
      })
    ], Functions.prototype, "funcReverse", null);
    __decorate([
      Functions.signature({
        argumentsSpecs: [["array-number", "array-string"]]
      })
    ], Functions.prototype, "funcSort", null);
    __decorate([
      Functions.signature({
        argumentsSpecs: [["array"], ["expression"]]
      })
    ], Functions.prototype, "funcSortBy", null);
    __decorate([
      Functions.signature({
        argumentsSpecs: [["string"], ["string"]]
      })
    ], Functions.prototype, "funcStartsWith", null);
    __decorate([
      Functions.signature({
        argumentsSpecs: [["array-number"]]
      })
    ], Functions.prototype, "funcSum", null);
    __decorate([
      Functions.signature({
        argumentsSpecs: [["any"]]
      })
    ], Functions.prototype, "funcToArray", null);
    __decorate([
      Functions.signature({
        argumentsSpecs: [["any"]]
      })
    ], Functions.prototype, "funcToNumber", null);
    __decorate([
      Functions.signature({
        argumentsSpecs: [["any"]]
      })
    ], Functions.prototype, "funcToString", null);
    __decorate([
      Functions.signature({
        argumentsSpecs: [["any"]]
      })
    ], Functions.prototype, "funcType", null);
    __decorate([
      Functions.signature({
        argumentsSpecs: [["object"]]
      })
    ], Functions.prototype, "funcValues", null);
  }
});

// node_modules/@aws-lambda-powertools/jmespath/lib/esm/TreeInterpreter.js
var TreeInterpreter;
var init_TreeInterpreter = __esm({
  "node_modules/@aws-lambda-powertools/jmespath/lib/esm/TreeInterpreter.js"() {
    init_typeUtils();
    init_Expression();
    init_errors2();
    init_Functions();
    init_utils();
    TreeInterpreter = class {
      #functions;
      /**
       * @param options The options to use for the interpreter.
       */
      constructor(options) {
        if (options?.customFunctions) {
          this.#functions = options.customFunctions;
        } else {
          this.#functions = new Functions();
        }
        this.#functions.introspectMethods();
      }
      /**
       * Visit a node in the AST.
       *
       * The function will call the appropriate method to visit the node based on its type.
       *
       * @param node The node to visit.
       * @param value The current value to visit.
       */
      visit(node, value) {
        const nodeType = node.type;
        const visitMethods = {
          subexpression: this.#visitSubexpressionOrIndexExpressionOrPipe,
          field: this.#visitField,
          comparator: this.#visitComparator,
          current: this.#visitCurrent,
          expref: this.#visitExpref,
          function_expression: this.#visitFunctionExpression,
          filter_projection: this.#visitFilterProjection,
          flatten: this.#visitFlatten,
          identity: this.#visitIdentity,
          index: this.#visitIndex,
          index_expression: this.#visitSubexpressionOrIndexExpressionOrPipe,
          slice: this.#visitSlice,
          key_val_pair: this.#visitKeyValPair,
          literal: this.#visitLiteral,
          multi_select_object: this.#visitMultiSelectObject,
          multi_select_list: this.#visitMultiSelectList,
          or_expression: this.#visitOrExpression,
          and_expression: this.#visitAndExpression,
          not_expression: this.#visitNotExpression,
          pipe: this.#visitSubexpressionOrIndexExpressionOrPipe,
          projection: this.#visitProjection,
          value_projection: this.#visitValueProjection
        };
        const visitMethod = visitMethods[nodeType];
        if (visitMethod) {
          return visitMethod.call(this, node, value);
        }
        throw new JMESPathError(`Not Implemented: Invalid node type: ${node.type}`);
      }
      /**
       * Visit a subexpression, index expression, or pipe node.
       *
       * This method is shared between subexpression, index expression, and pipe
       * since they all behave the same way in the context of an expression.
       *
       * They all visit their children and return the result of the last child.
       *
       * @param node The node to visit.
       * @param value The current value to visit.
       */
      #visitSubexpressionOrIndexExpressionOrPipe(node, value) {
        let result = value;
        for (const child of node.children) {
          result = this.visit(child, result);
        }
        return result;
      }
      /**
       * Visit a field node.
       *
       * @param node The field node to visit.
       * @param value The current value to visit.
       */
      #visitField(node, value) {
        if (!node.value)
          return null;
        if (isRecord(value) && typeof node.value === "string" && node.value in value) {
          return value[node.value];
        }
        return null;
      }
      /**
       * Visit a comparator node.
       *
       * @param node The comparator node to visit.
       * @param value The current value to visit.
       */
      #visitComparator(node, value) {
        const comparator2 = node.value;
        const left = this.visit(node.children[0], value);
        const right = this.visit(node.children[1], value);
        if (typeof comparator2 === "string" && ["eq", "ne", "gt", "gte", "lt", "lte"].includes(comparator2)) {
          if (comparator2 === "eq") {
            return isStrictEqual(left, right);
          }
          if (comparator2 === "ne") {
            return !isStrictEqual(left, right);
          }
          if (typeof left === "number" && typeof right === "number") {
            if (comparator2 === "lt") {
              return left < right;
            }
            if (comparator2 === "lte") {
              return left <= right;
            }
            if (comparator2 === "gt") {
              return left > right;
            }
            return left >= right;
          }
        } else {
          throw new JMESPathError(`Invalid comparator: ${comparator2}`);
        }
      }
      /**
       * Visit a current node.
       *
       * @param node The current node to visit.
       * @param value The current value to visit.
       */
      #visitCurrent(_node, value) {
        return value;
      }
      /**
       * Visit an expref node.
       *
       * @param node The expref node to visit.
       * @param value The current value to visit.
       */
      #visitExpref(node, _value) {
        return new Expression(node.children[0], this);
      }
      /**
       * Visit a function expression node.
       *
       * @param node The function expression node to visit.
       * @param value The current value to visit.
       */
      #visitFunctionExpression(node, value) {
        const args = [];
        for (const child of node.children) {
          args.push(this.visit(child, value));
        }
        if (typeof node.value !== "string") {
          throw new JMESPathError(`Function name must be a string, got ${node.value}`);
        }
        const normalizedFunctionName = node.value.replace(/_([a-z])/g, (g) => g[1].toUpperCase());
        const funcName = `func${normalizedFunctionName.charAt(0).toUpperCase() + normalizedFunctionName.slice(1)}`;
        if (!this.#functions.methods.has(funcName)) {
          throw new UnknownFunctionError(node.value);
        }
        try {
          return this.#functions[funcName](args);
        } catch (error) {
          if (error instanceof JMESPathTypeError || error instanceof VariadicArityError || error instanceof ArityError) {
            error.setEvaluatedFunctionName(node.value);
            throw error;
          }
        }
      }
      /**
       * Visit a filter projection node.
       *
       * @param node The filter projection node to visit.
       * @param value The current value to visit.
       */
      #visitFilterProjection(node, value) {
        const base = this.visit(node.children[0], value);
        if (!Array.isArray(base)) {
          return null;
        }
        const comparatorNode = node.children[2];
        const collected = [];
        for (const item of base) {
          if (isTruthy2(this.visit(comparatorNode, item))) {
            const current = this.visit(node.children[1], item);
            if (current !== null) {
              collected.push(current);
            }
          }
        }
        return collected;
      }
      /**
       * Visit a flatten node.
       *
       * @param node The flatten node to visit.
       * @param value The current value to visit.
       */
      #visitFlatten(node, value) {
        const base = this.visit(node.children[0], value);
        if (!Array.isArray(base)) {
          return null;
        }
        const mergedList = [];
        for (const item of base) {
          if (Array.isArray(item)) {
            mergedList.push(...item);
          } else {
            mergedList.push(item);
          }
        }
        return mergedList;
      }
      /**
       * Visit an identity node.
       *
       * @param node The identity node to visit.
       * @param value The current value to visit.
       */
      #visitIdentity(_node, value) {
        return value;
      }
      /**
       * Visit an index node.
       *
       * @param node The index node to visit.
       * @param value The current value to visit.
       */
      #visitIndex(node, value) {
        if (!Array.isArray(value)) {
          return null;
        }
        if (typeof node.value !== "number") {
          throw new JMESPathError(`Invalid index: ${node.value}`);
        }
        const index2 = node.value < 0 ? value.length + node.value : node.value;
        const found = value[index2];
        if (found === void 0) {
          return null;
        }
        return found;
      }
      /**
       * Visit a slice node.
       *
       * @param node The slice node to visit.
       * @param value The current value to visit.
       */
      #visitSlice(node, value) {
        const step = isIntegerNumber(node.children[2]) ? node.children[2] : 1;
        if (step === 0) {
          throw new Error("Invalid slice, step cannot be 0");
        }
        if (!Array.isArray(value)) {
          return null;
        }
        if (value.length === 0) {
          return [];
        }
        return sliceArray({
          array: value,
          start: node.children[0],
          end: node.children[1],
          step
        });
      }
      /**
       * Visit a key-value pair node.
       *
       * @param node The key-value pair node to visit.
       * @param value The current value to visit.
       */
      #visitKeyValPair(node, value) {
        return this.visit(node.children[0], value);
      }
      /**
       * Visit a literal node.
       *
       * @param node The literal node to visit.
       * @param value The current value to visit.
       */
      #visitLiteral(node, _value) {
        return node.value;
      }
      /**
       * Visit a multi-select object node.
       *
       * @param node The multi-select object node to visit.
       * @param value The current value to visit.
       */
      #visitMultiSelectObject(node, value) {
        if (Object.is(value, null)) {
          return null;
        }
        const collected = {};
        for (const child of node.children) {
          if (typeof child.value === "string") {
            collected[child.value] = this.visit(child, value);
          }
        }
        return collected;
      }
      /**
       * Visit a multi-select list node.
       *
       * @param node The multi-select list node to visit.
       * @param value The current value to visit.
       */
      #visitMultiSelectList(node, value) {
        if (Object.is(value, null)) {
          return null;
        }
        const collected = [];
        for (const child of node.children) {
          collected.push(this.visit(child, value));
        }
        return collected;
      }
      /**
       * Visit an or expression node.
       *
       * @param node The or expression node to visit.
       * @param value The current value to visit.
       */
      #visitOrExpression(node, value) {
        const matched = this.visit(node.children[0], value);
        if (!isTruthy2(matched)) {
          return this.visit(node.children[1], value);
        }
        return matched;
      }
      /**
       * Visit an and expression node.
       *
       * @param node The and expression node to visit.
       * @param value The current value to visit.
       */
      #visitAndExpression(node, value) {
        const matched = this.visit(node.children[0], value);
        if (!isTruthy2(matched)) {
          return matched;
        }
        return this.visit(node.children[1], value);
      }
      /**
       * Visit a not expression node.
       *
       * @param node The not expression node to visit.
       * @param value The current value to visit.
       */
      #visitNotExpression(node, value) {
        const originalResult = this.visit(node.children[0], value);
        if (typeof originalResult === "number" && originalResult === 0) {
          return false;
        }
        return !isTruthy2(originalResult);
      }
      /**
       * Visit a projection node.
       *
       * @param node The projection node to visit.
       * @param value The current value to visit.
       */
      #visitProjection(node, value) {
        const base = this.visit(node.children[0], value);
        if (!Array.isArray(base)) {
          return null;
        }
        const collected = [];
        for (const item of base) {
          const current = this.visit(node.children[1], item);
          if (current !== null) {
            collected.push(current);
          }
        }
        return collected;
      }
      /**
       * Visit a value projection node.
       *
       * @param node The value projection node to visit.
       * @param value The current value to visit.
       */
      #visitValueProjection(node, value) {
        const base = this.visit(node.children[0], value);
        if (!isRecord(base)) {
          return null;
        }
        const values = Object.values(base);
        const collected = [];
        for (const item of values) {
          const current = this.visit(node.children[1], item);
          if (current !== null) {
            collected.push(current);
          }
        }
        return collected;
      }
    };
  }
});

// node_modules/@aws-lambda-powertools/jmespath/lib/esm/ParsedResult.js
var ParsedResult;
var init_ParsedResult = __esm({
  "node_modules/@aws-lambda-powertools/jmespath/lib/esm/ParsedResult.js"() {
    init_errors2();
    init_TreeInterpreter();
    ParsedResult = class {
      expression;
      parsed;
      constructor(expression, parsed) {
        this.expression = expression;
        this.parsed = parsed;
      }
      /**
       * Perform a JMESPath search on a JSON value.
       *
       * @param value - The JSON value to search
       * @param options - The parsing options to use
       */
      search(value, options) {
        const interpreter = new TreeInterpreter(options);
        try {
          return interpreter.visit(this.parsed, value);
        } catch (error) {
          if (error instanceof JMESPathTypeError || error instanceof UnknownFunctionError || error instanceof ArityError || error instanceof VariadicArityError) {
            error.setExpression(this.expression);
          }
          throw error;
        }
      }
    };
  }
});

// node_modules/@aws-lambda-powertools/jmespath/lib/esm/Parser.js
var import_node_crypto, Parser;
var init_Parser = __esm({
  "node_modules/@aws-lambda-powertools/jmespath/lib/esm/Parser.js"() {
    import_node_crypto = require("node:crypto");
    init_ast();
    init_constants();
    init_errors2();
    init_Lexer();
    init_ParsedResult();
    Parser = class {
      /**
       * The maximum binding power for a token
       * that can stop a projection.
       */
      #projectionStop = 10;
      /**
       * Cache object
       */
      #cache = {};
      /**
       * The maximum size of the cache.
       */
      #maxCacheSize = 128;
      #tokenizer;
      #tokens;
      #index = 0;
      constructor(lookahead = 2) {
        this.#tokens = Array.from({ length: lookahead });
      }
      /**
       * Parse a JMESPath expression and return the Abstract Syntax Tree (AST)
       * that represents the expression.
       *
       * The AST is cached, so if you parse the same expression multiple times,
       * the AST will be returned from the cache.
       *
       * @param expression - The JMESPath expression to parse.
       */
      parse(expression) {
        const cached = this.#cache[expression];
        if (cached) {
          return cached;
        }
        const parsedResult = this.#doParse(expression);
        this.#cache[expression] = parsedResult;
        if (Object.keys(this.#cache).length > this.#maxCacheSize) {
          this.#evictCache();
        }
        return parsedResult;
      }
      /**
       * Purge the entire cache.
       */
      purgeCache() {
        this.#cache = {};
      }
      /**
       * Do the actual parsing of the expression.
       *
       * @param expression - The JMESPath expression to parse.
       */
      #doParse(expression) {
        try {
          return this.#parse(expression);
        } catch (error) {
          if (error instanceof LexerError || error instanceof IncompleteExpressionError || error instanceof ParseError) {
            error.setExpression(expression);
            throw error;
          }
          throw error;
        }
      }
      /**
       * Parse a JMESPath expression and return the parsed result.
       */
      #parse(expression) {
        this.#tokenizer = new Lexer();
        this.#tokens = [...this.#tokenizer.tokenize(expression)];
        this.#index = 0;
        const parsed = this.#expression(0);
        if (this.#currentToken() !== "eof") {
          this.#throwParseError();
        }
        return new ParsedResult(expression, parsed);
      }
      /**
       * Process an expression.
       */
      #expression(bindingPower = 0) {
        const leftToken = this.#lookaheadToken(0);
        this.#advance();
        let left = this.#getNudFunction(leftToken);
        let currentToken = this.#currentToken();
        while (bindingPower < BINDING_POWER[currentToken]) {
          this.#advance();
          left = this.#getLedFunction(currentToken, left);
          currentToken = this.#currentToken();
        }
        return left;
      }
      /**
       * Get the nud function for a token. This is the function that
       * is called when a token is found at the beginning of an expression.
       *
       * @param tokenType - The type of token to get the nud function for.
       */
      #getNudFunction(token) {
        const { type: tokenType } = token;
        switch (tokenType) {
          case "literal":
            return literal(token.value);
          case "unquoted_identifier":
            return field(token.value);
          case "quoted_identifier":
            return this.#processQuotedIdentifier(token);
          case "star":
            return this.#processStarToken();
          case "filter":
            return this.#getLedFunction(tokenType, identity());
          case "lbrace":
            return this.#parseMultiSelectHash();
          case "lparen":
            return this.#processLParenTokenNud();
          case "flatten":
            return this.#processFlattenTokenNud();
          case "not":
            return notExpression(this.#expression(BINDING_POWER.not));
          case "lbracket":
            return this.#processLBracketTokenNud();
          case "current":
            return currentNode();
          case "expref":
            return expref(this.#expression(BINDING_POWER.expref));
          default:
            return this.#processDefaultToken(token);
        }
      }
      /**
       * Process a quoted identifier.
       *
       * A quoted identifier is a string that is enclosed in double quotes.
       *
       * @example s."foo"
       *
       * @param token - The token to process
       */
      #processQuotedIdentifier(token) {
        const fieldValue = field(token.value);
        if (this.#currentToken() === "lparen") {
          this.#throwParseError({
            lexPosition: 0,
            reason: "quoted identifiers cannot be used as a function name"
          });
        }
        return fieldValue;
      }
      /**
       * Process a star token.
       *
       * A star token is a syntax that allows you to project all the
       * elements in a list or dictionary.
       *
       * @example foo[*]
       */
      #processStarToken() {
        const left = identity();
        let right;
        if (this.#currentToken() === "rbracket") {
          right = identity();
        } else {
          right = this.#parseProjectionRhs(BINDING_POWER.star);
        }
        return valueProjection(left, right);
      }
      /**
       * Process a left parenthesis token.
       *
       * A left parenthesis token is a syntax that allows you to group
       * expressions together.
       *
       * @example (foo.bar)
       */
      #processLParenTokenNud() {
        const expression = this.#expression();
        this.#match("rparen");
        return expression;
      }
      /**
       * Process a flatten token.
       *
       * A flatten token is a syntax that allows you to flatten the
       * results of a subexpression.
       *
       * @example foo[].bar
       */
      #processFlattenTokenNud() {
        const left = flatten(identity());
        const right = this.#parseProjectionRhs(BINDING_POWER.flatten);
        return projection(left, right);
      }
      /**
       * Process a left bracket token.
       *
       * A left bracket token is a syntax that allows you to access
       * elements in a list or dictionary.
       *
       * @example foo[0]
       */
      #processLBracketTokenNud() {
        if (["number", "colon"].includes(this.#currentToken())) {
          const right = this.#parseIndexExpression();
          return this.#projectIfSlice(identity(), right);
        }
        if (this.#currentToken() === "star" && this.#lookahead(1) === "rbracket") {
          this.#advance();
          this.#advance();
          const right = this.#parseProjectionRhs(BINDING_POWER.star);
          return projection(identity(), right);
        }
        return this.#parseMultiSelectList();
      }
      /**
       * Process a default token.
       *
       * A default token is a syntax that allows you to access
       * elements in a list or dictionary.
       *
       * @param token - The token to process
       */
      #processDefaultToken(token) {
        if (token.type === "eof") {
          throw new IncompleteExpressionError({
            lexPosition: token.start,
            tokenValue: token.value,
            tokenType: token.type
          });
        }
        throw new ParseError({
          lexPosition: token.start,
          tokenValue: token.value,
          tokenType: token.type
        });
      }
      /**
       * Get the led function for a token. This is the function that
       * is called when a token is found in the middle of an expression.
       *
       * @param tokenType - The type of token to get the led function for.
       * @param leftNode - The left hand side of the expression.
       */
      #getLedFunction(tokenType, leftNode) {
        switch (tokenType) {
          case "dot":
            return this.#processDotToken(leftNode);
          case "pipe":
            return this.#processPipeToken(leftNode);
          case "or":
            return this.#processOrToken(leftNode);
          case "and":
            return this.#processAndToken(leftNode);
          case "lparen":
            return this.#processLParenToken(leftNode);
          case "filter":
            return this.#processFilterToken(leftNode);
          case "eq":
          case "ne":
          case "gt":
          case "gte":
          case "lt":
          case "lte":
            return this.#parseComparator(leftNode, tokenType);
          case "flatten":
            return this.#processFlattenToken(leftNode);
          case "lbracket":
            return this.#processLBracketToken(leftNode);
          default:
            return this.#throwParseError();
        }
      }
      /**
       * Process a dot token.
       *
       * A dot token is a syntax that allows you to access
       * fields in a dictionary or elements in a list.
       *
       * @example foo.bar
       *
       * @param leftNode - The left hand side of the expression.
       */
      #processDotToken(leftNode) {
        if (this.#currentToken() !== "star") {
          const right2 = this.#parseDotRhs(BINDING_POWER.dot);
          if (leftNode.type === "subexpression") {
            leftNode.children.push(right2);
            return leftNode;
          }
          return subexpression([leftNode, right2]);
        }
        this.#advance();
        const right = this.#parseProjectionRhs(BINDING_POWER.dot);
        return valueProjection(leftNode, right);
      }
      /**
       * Process a pipe token.
       *
       * A pipe token is a syntax that allows you to combine two
       * expressions using the pipe operator.
       *
       * @example foo | bar
       *
       * @param leftNode - The left hand side of the expression.
       */
      #processPipeToken(leftNode) {
        const right = this.#expression(BINDING_POWER.pipe);
        return pipe(leftNode, right);
      }
      /**
       * Process an or token.
       *
       * An or token is a syntax that allows you to combine two
       * expressions using the logical or operator.
       *
       * @example foo || bar
       *
       * @param leftNode - The left hand side of the expression.
       */
      #processOrToken(leftNode) {
        const right = this.#expression(BINDING_POWER.or);
        return orExpression(leftNode, right);
      }
      /**
       * Process an and token.
       *
       * An and token is a syntax that allows you to combine two
       * expressions using the logical and operator.
       *
       * @example foo && bar
       *
       * @param leftNode - The left hand side of the expression.
       */
      #processAndToken(leftNode) {
        const right = this.#expression(BINDING_POWER.and);
        return andExpression(leftNode, right);
      }
      /**
       * Process a left parenthesis token.
       *
       * @param leftNode - The left hand side of the expression.
       */
      #processLParenToken(leftNode) {
        const name = leftNode.value;
        const args = [];
        while (this.#currentToken() !== "rparen") {
          const expression = this.#expression();
          if (this.#currentToken() === "comma") {
            this.#match("comma");
          }
          args.push(expression);
        }
        this.#match("rparen");
        return functionExpression(name, args);
      }
      /**
       * Process a filter token.
       *
       * @param leftNode - The left hand side of the expression.
       */
      #processFilterToken(leftNode) {
        const condition = this.#expression(0);
        this.#match("rbracket");
        let right;
        if (this.#currentToken() === "flatten") {
          right = identity();
        } else {
          right = this.#parseProjectionRhs(BINDING_POWER.flatten);
        }
        return filterProjection(leftNode, right, condition);
      }
      /**
       * Process a projection right hand side.
       *
       * @param leftNode - The left hand side of the expression.
       */
      #processFlattenToken(leftNode) {
        const left = flatten(leftNode);
        const right = this.#parseProjectionRhs(BINDING_POWER.flatten);
        return projection(left, right);
      }
      /**
       * Process a left bracket token.
       *
       * @param leftNode - The left hand side of the expression.
       */
      #processLBracketToken(leftNode) {
        const token = this.#lookaheadToken(0);
        if (["number", "colon"].includes(token.type)) {
          const right2 = this.#parseIndexExpression();
          if (leftNode.type === "index_expression") {
            leftNode.children.push(right2);
            return leftNode;
          }
          return this.#projectIfSlice(leftNode, right2);
        }
        this.#match("star");
        this.#match("rbracket");
        const right = this.#parseProjectionRhs(BINDING_POWER.star);
        return projection(leftNode, right);
      }
      /**
       * Throw a parse error.
       *
       * This type of error indicates that the parser encountered
       * a syntax error while processing the expression.
       *
       * The error includes the position in the expression where
       * the error occurred, the value of the token that caused
       * the error, the type of the token, and an optional reason.
       *
       * @param options - The options to use when throwing the error.
       */
      #throwParseError(options) {
        const token = this.#lookaheadToken(0);
        throw new ParseError({
          lexPosition: options?.lexPosition ?? token.start,
          tokenValue: options?.tokenValue ?? token.value,
          tokenType: options?.tokenType ?? token.type,
          reason: options?.reason
        });
      }
      /**
       * Process an index expression.
       *
       * An index expression is a syntax that allows you to
       * access elements in a list or dictionary. For example
       * `foo[0]` accesses the first element in the list `foo`.
       */
      #parseIndexExpression() {
        if (this.#lookahead(0) === "colon" || this.#lookahead(1) === "colon") {
          return this.#parseSliceExpression();
        }
        const node = index(this.#lookaheadToken(0).value);
        this.#advance();
        this.#match("rbracket");
        return node;
      }
      /**
       * Process a slice expression.
       *
       * A slice expression is a syntax that allows you to
       * access a range of elements in a list. For example
       * `foo[0:10:2]` accesses every other element in the
       * list `foo` from index 0 to 10.
       *
       * In a slice expression, the first index represents the
       * start of the slice, the second index represents the
       * end of the slice, and the third index represents the
       * step.
       *
       * If the first index is omitted, it defaults to 0.
       * If the second index is omitted, it defaults to the
       * length of the list. If the third index is omitted, it
       * defaults to 1. If the last colon is omitted, it defaults
       * to a single index.
       */
      #parseSliceExpression() {
        const parts = [];
        let index2 = 0;
        let currentToken = this.#currentToken();
        while (currentToken !== "rbracket" && index2 < 3) {
          if (currentToken === "colon") {
            index2 += 1;
            if (index2 === 3) {
              this.#throwParseError();
            }
            this.#advance();
          } else if (currentToken === "number") {
            parts[index2] = this.#lookaheadToken(0).value;
            this.#advance();
          } else {
            this.#throwParseError();
          }
          currentToken = this.#currentToken();
        }
        this.#match("rbracket");
        return slice(parts[0], parts[1], parts[2]);
      }
      /**
       * Process a projection if the right hand side of the
       * projection is a slice.
       *
       * @param left - The left hand side of the projection.
       * @param right - The right hand side of the projection.
       */
      #projectIfSlice(left, right) {
        const idxExpression = indexExpression([left, right]);
        if (right.type === "slice") {
          return projection(idxExpression, this.#parseProjectionRhs(BINDING_POWER.star));
        }
        return idxExpression;
      }
      /**
       * Process a comparator.
       *
       * A comparator is a syntax that allows you to compare
       * two values. For example `foo == bar` compares the
       * value of `foo` with the value of `bar`.
       *
       * @param left - The left hand side of the comparator.
       * @param comparatorChar - The comparator character.
       */
      #parseComparator(left, comparatorChar) {
        return comparator(comparatorChar, left, this.#expression(BINDING_POWER[comparatorChar]));
      }
      /**
       * Process a multi-select list.
       *
       * A multi-select list is a syntax that allows you to
       * select multiple elements from a list. For example
       * `foo[*]` selects all elements in the list `foo`.
       */
      #parseMultiSelectList() {
        const expressions = [];
        while (true) {
          const expression = this.#expression();
          expressions.push(expression);
          if (this.#currentToken() === "rbracket") {
            break;
          }
          this.#match("comma");
        }
        this.#match("rbracket");
        return multiSelectList(expressions);
      }
      /**
       * Process a multi-select hash.
       *
       * A multi-select hash is a syntax that allows you to
       * select multiple key-value pairs from a dictionary.
       * For example `foo{a: a, b: b}` selects the keys `a`
       * and `b` from the dictionary `foo`.
       */
      #parseMultiSelectHash() {
        const pairs = [];
        while (true) {
          const keyToken = this.#lookaheadToken(0);
          this.#matchMultipleTokens(["quoted_identifier", "unquoted_identifier"]);
          const keyName = keyToken.value;
          this.#match("colon");
          const value = this.#expression(0);
          const node = keyValPair(keyName, value);
          pairs.push(node);
          if (this.#currentToken() === "comma") {
            this.#match("comma");
          } else if (this.#currentToken() === "rbrace") {
            this.#match("rbrace");
            break;
          }
        }
        return multiSelectObject(pairs);
      }
      /**
       * Process the right hand side of a projection.
       *
       * @param bindingPower - The binding power of the current token.
       */
      #parseProjectionRhs(bindingPower) {
        let right;
        if (BINDING_POWER[this.#currentToken()] < this.#projectionStop) {
          right = identity();
        } else if (this.#currentToken() === "lbracket") {
          right = this.#expression(bindingPower);
        } else if (this.#currentToken() === "filter") {
          right = this.#expression(bindingPower);
        } else if (this.#currentToken() === "dot") {
          this.#match("dot");
          right = this.#parseDotRhs(bindingPower);
        } else {
          this.#throwParseError();
        }
        return right;
      }
      /**
       * Process the right hand side of a dot expression.
       *
       * @param bindingPower - The binding power of the current token.
       */
      #parseDotRhs(bindingPower) {
        const lookahead = this.#currentToken();
        if (["quoted_identifier", "unquoted_identifier", "star"].includes(lookahead)) {
          return this.#expression(bindingPower);
        }
        if (lookahead === "lbracket") {
          this.#match("lbracket");
          return this.#parseMultiSelectList();
        }
        if (lookahead === "lbrace") {
          this.#match("lbrace");
          return this.#parseMultiSelectHash();
        }
        this.#throwParseError();
      }
      /**
       * Process a token and throw an error if it doesn't match the expected token.
       *
       * @param tokenType - The expected token type.
       */
      #match(tokenType) {
        const currentToken = this.#currentToken();
        if (currentToken === tokenType) {
          this.#advance();
        } else {
          const token = this.#lookaheadToken(0);
          if (token.type === "eof") {
            throw new IncompleteExpressionError({
              lexPosition: token.start,
              tokenValue: token.value,
              tokenType: token.type
            });
          }
          throw new ParseError({
            lexPosition: token.start,
            tokenValue: token.value,
            tokenType: token.type
          });
        }
      }
      /**
       * Process a token and throw an error if it doesn't match the expected token.
       *
       * @param tokenTypes - The expected token types.
       */
      #matchMultipleTokens(tokenTypes) {
        const currentToken = this.#currentToken();
        if (!tokenTypes.includes(currentToken)) {
          const token = this.#lookaheadToken(0);
          if (token.type === "eof") {
            throw new IncompleteExpressionError({
              lexPosition: token.start,
              tokenValue: token.value,
              tokenType: token.type
            });
          }
          throw new ParseError({
            lexPosition: token.start,
            tokenValue: token.value,
            tokenType: token.type
          });
        }
        this.#advance();
      }
      /**
       * Advance the index to the next token.
       */
      #advance() {
        this.#index += 1;
      }
      /**
       * Get the current token type.
       */
      #currentToken() {
        return this.#tokens[this.#index].type;
      }
      /**
       * Look ahead in the token stream and get the type of the token
       *
       * @param number - The number of tokens to look ahead.
       */
      #lookahead(number) {
        return this.#tokens[this.#index + number].type;
      }
      /**
       * Look ahead in the token stream and get the token
       *
       * @param number - The number of tokens to look ahead.
       */
      #lookaheadToken(number) {
        return this.#tokens[this.#index + number];
      }
      /**
       * Remove half of the cached expressions randomly.
       */
      #evictCache() {
        const newCache = Object.keys(this.#cache).reduce((acc, key) => {
          if ((0, import_node_crypto.randomInt)(0, 100) > 50) {
            acc[key] = this.#cache[key];
          }
          return acc;
        }, {});
        this.#cache = newCache;
      }
    };
  }
});

// node_modules/@aws-lambda-powertools/jmespath/lib/esm/search.js
var parser, search;
var init_search = __esm({
  "node_modules/@aws-lambda-powertools/jmespath/lib/esm/search.js"() {
    init_Parser();
    parser = new Parser();
    search = (expression, data, options) => {
      return parser.parse(expression).search(data, options);
    };
  }
});

// node_modules/@aws-lambda-powertools/jmespath/lib/esm/index.js
var esm_exports = {};
__export(esm_exports, {
  ArityError: () => ArityError,
  EmptyExpressionError: () => EmptyExpressionError,
  IncompleteExpressionError: () => IncompleteExpressionError,
  JMESPathError: () => JMESPathError,
  JMESPathTypeError: () => JMESPathTypeError,
  LexerError: () => LexerError,
  ParseError: () => ParseError,
  UnknownFunctionError: () => UnknownFunctionError,
  VariadicArityError: () => VariadicArityError,
  search: () => search
});
var init_esm = __esm({
  "node_modules/@aws-lambda-powertools/jmespath/lib/esm/index.js"() {
    init_errors2();
    init_search();
  }
});

// node_modules/@aws-lambda-powertools/commons/lib/esm/fromBase64.js
var BASE64_REGEX, fromBase64;
var init_fromBase64 = __esm({
  "node_modules/@aws-lambda-powertools/commons/lib/esm/fromBase64.js"() {
    BASE64_REGEX = /^[A-Za-z0-9+/]*={0,2}$/;
    fromBase64 = (input, encoding) => {
      if (input.length * 3 % 4 !== 0) {
        throw new TypeError("Incorrect padding on base64 string.");
      }
      if (!BASE64_REGEX.exec(input)) {
        throw new TypeError("Invalid base64 string.");
      }
      const buffer = encoding ? Buffer.from(input, encoding) : Buffer.from(input);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    };
  }
});

// node_modules/@aws-lambda-powertools/jmespath/lib/esm/PowertoolsFunctions.js
var PowertoolsFunctions_exports = {};
__export(PowertoolsFunctions_exports, {
  Functions: () => Functions,
  PowertoolsFunctions: () => PowertoolsFunctions
});
var import_node_zlib, __decorate2, decoder, PowertoolsFunctions;
var init_PowertoolsFunctions = __esm({
  "node_modules/@aws-lambda-powertools/jmespath/lib/esm/PowertoolsFunctions.js"() {
    import_node_zlib = require("node:zlib");
    init_fromBase64();
    init_Functions();
    init_Functions();
    __decorate2 = function(decorators, target, key, desc) {
      var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
      if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
      else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
      return c > 3 && r && Object.defineProperty(target, key, r), r;
    };
    decoder = new TextDecoder("utf-8");
    PowertoolsFunctions = class extends Functions {
      funcPowertoolsBase64(value) {
        return decoder.decode(fromBase64(value, "base64"));
      }
      funcPowertoolsBase64Gzip(value) {
        const encoded = fromBase64(value, "base64");
        const uncompressed = (0, import_node_zlib.gunzipSync)(encoded);
        return uncompressed.toString();
      }
      funcPowertoolsJson(value) {
        return JSON.parse(value);
      }
    };
    __decorate2([
      Functions.signature({
        argumentsSpecs: [["string"]]
      })
    ], PowertoolsFunctions.prototype, "funcPowertoolsBase64", null);
    __decorate2([
      Functions.signature({
        argumentsSpecs: [["string"]]
      })
    ], PowertoolsFunctions.prototype, "funcPowertoolsBase64Gzip", null);
    __decorate2([
      Functions.signature({
        argumentsSpecs: [["string"]]
      })
    ], PowertoolsFunctions.prototype, "funcPowertoolsJson", null);
  }
});

// runtime/dist/esm/caches/cache-auth.js
var init_cache_auth = __esm({
  "runtime/dist/esm/caches/cache-auth.js"() {
    "use strict";
  }
});

// runtime/dist/esm/caches/secrets-client.js
var init_secrets_client = __esm({
  "runtime/dist/esm/caches/secrets-client.js"() {
    "use strict";
  }
});

// bench/.cold-start-HJYAem/idempotent-entry.mjs
var idempotent_entry_exports = {};
__export(idempotent_entry_exports, {
  handler: () => handler,
  settle: () => startedModules
});
module.exports = __toCommonJS(idempotent_entry_exports);

// runtime/dist/esm/index.js
init_environment();
init_clients();
init_errors();
init_table_errors();
init_table();
init_transact();
init_outbox_errors();
init_outbox_item();

// runtime/dist/esm/idempotency/errors.js
init_errors();
var IdempotencyInProgressError = class extends StatefulRuntimeError {
  key;
  inProgressUntil;
  name = "IdempotencyInProgressError";
  constructor(key, inProgressUntil) {
    super(`an invocation with idempotency key ${key} is in progress until ${new Date(inProgressUntil).toISOString()}`);
    this.key = key;
    this.inProgressUntil = inProgressUntil;
  }
};
var IdempotencyPayloadMismatchError = class extends StatefulRuntimeError {
  key;
  name = "IdempotencyPayloadMismatchError";
  constructor(key) {
    super(`idempotency key ${key} was already used with a different payload`);
    this.key = key;
  }
};
var IdempotencyConfigError = class extends StatefulRuntimeError {
  name = "IdempotencyConfigError";
};
var IdempotencyKeyError = class extends StatefulRuntimeError {
  name = "IdempotencyKeyError";
};
var IdempotencyPersistenceError = class extends StatefulRuntimeError {
  name = "IdempotencyPersistenceError";
};
var IdempotencyResultNotStoredError = class extends StatefulRuntimeError {
  key;
  reason;
  expiresAt;
  name = "IdempotencyResultNotStoredError";
  constructor(key, reason, expiresAt) {
    super(`the invocation with idempotency key ${key} ran, but its result could not be stored: ${reason}. The handler does not run again for this key until the record expires at ${new Date(expiresAt).toISOString()}.`);
    this.key = key;
    this.reason = reason;
    this.expiresAt = expiresAt;
  }
};
var IdempotencyRecordTooLargeError = class extends IdempotencyPersistenceError {
  key;
  bytes;
  limit;
  name = "IdempotencyRecordTooLargeError";
  constructor(key, bytes, limit, store, options) {
    super(`the record is ${bytes} bytes, over the ${limit} bytes ${store} stores in an item`, options);
    this.key = key;
    this.bytes = bytes;
    this.limit = limit;
  }
};

// runtime/dist/esm/idempotency/idempotency-handler.js
init_backoff();
init_errors();

// runtime/dist/esm/idempotency/config.js
init_lazy_module();

// runtime/dist/esm/idempotency/persistence/dynamodb.js
var import_util_dynamodb5 = require("@aws-sdk/util-dynamodb");
init_clients();
init_discovery();
init_errors();
init_item_size();
var DynamoDBPersistence = class {
  options;
  tableName;
  constructor(options = {}) {
    this.options = options;
    preloadDynamoDB();
  }
  get table() {
    this.tableName ??= resolveResource("table", this.options.table ?? "idempotency");
    return this.tableName;
  }
  /** Runs one DynamoDB call, naming the table when it fails. */
  async call(what, run) {
    try {
      return await run();
    } catch (error) {
      if (isConditionFailed(error) || error instanceof MissingModuleError)
        throw error;
      throw new IdempotencyPersistenceError(`DynamoDB table ${this.options.table ?? "idempotency"} failed to ${what}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  tooLarge(record, bytes, cause) {
    return new IdempotencyRecordTooLargeError(record.key, bytes, maxItemBytes, "DynamoDB", { cause });
  }
  async acquire(record, now) {
    try {
      await this.call("take the idempotency key", () => documents(({ client, commands }) => client.send(new commands.PutCommand({
        TableName: this.table,
        Item: record,
        // Free, expired, or held by an invocation whose time ran out.
        ConditionExpression: "attribute_not_exists(#key) OR #expiresAt <= :nowSeconds OR (#status = :inProgress AND #inProgressUntil <= :now)",
        ExpressionAttributeNames: {
          "#key": "key",
          "#expiresAt": "expiresAt",
          "#status": "status",
          "#inProgressUntil": "inProgressUntil"
        },
        ExpressionAttributeValues: {
          ":nowSeconds": Math.floor(now / 1e3),
          ":now": now,
          ":inProgress": "INPROGRESS"
        },
        ReturnValuesOnConditionCheckFailure: "ALL_OLD"
      }))));
      return { acquired: true };
    } catch (error) {
      if (isConditionFailed(error) && error.Item) {
        return { acquired: false, existing: (0, import_util_dynamodb5.unmarshall)(error.Item) };
      }
      throw error;
    }
  }
  /** Refuses a record over DynamoDB's item size before sending it, and after, if DynamoDB counts more. */
  async complete(record) {
    const bytes = itemSize(record);
    if (bytes > maxItemBytes)
      throw this.tooLarge(record, bytes);
    try {
      await this.call("store the result", () => documents(({ client, commands }) => client.send(new commands.PutCommand({ TableName: this.table, Item: record }))));
    } catch (error) {
      if (error instanceof IdempotencyPersistenceError && isItemSizeError(error.cause)) {
        throw this.tooLarge(record, bytes, error.cause);
      }
      throw error;
    }
  }
  async release(key) {
    await this.call("release the idempotency key", () => documents(({ client, commands }) => client.send(new commands.DeleteCommand({ TableName: this.table, Key: { key } }))));
  }
  async get(key) {
    const { Item } = await documents(({ client, commands }) => client.send(new commands.GetCommand({ TableName: this.table, Key: { key }, ConsistentRead: true })));
    return Item;
  }
};
function isConditionFailed(error) {
  return isAwsError(error, "ConditionalCheckFailedException");
}

// runtime/dist/esm/idempotency/config.js
var jmespathModule = lazyModule("@aws-lambda-powertools/jmespath", async () => {
  const [jmespath2, { PowertoolsFunctions: PowertoolsFunctions2 }] = await Promise.all([
    Promise.resolve().then(() => (init_esm(), esm_exports)),
    Promise.resolve().then(() => (init_PowertoolsFunctions(), PowertoolsFunctions_exports))
  ]);
  return { ...jmespath2, functions: new PowertoolsFunctions2() };
});
async function jmespath(option, expression) {
  const { search: search2, functions, JMESPathError: JMESPathError2, ...errors } = await jmespathModule();
  const expressionErrors = [
    errors.LexerError,
    errors.ParseError,
    errors.IncompleteExpressionError,
    errors.EmptyExpressionError,
    errors.UnknownFunctionError,
    errors.ArityError,
    errors.VariadicArityError
  ];
  const select = (event) => search2(expression, event, { customFunctions: functions });
  const evaluate = (event) => {
    try {
      return select(event);
    } catch (error) {
      if (!(error instanceof JMESPathError2))
        throw error;
      if (option === "payload")
        return null;
      throw new IdempotencyKeyError(`the event has no idempotency key: key ${JSON.stringify(expression)} cannot be evaluated on it: ${error.message}`, { cause: error });
    }
  };
  try {
    select({});
  } catch (error) {
    if (expressionErrors.some((type) => error instanceof type)) {
      throw new IdempotencyConfigError(`idempotent(): ${option} ${JSON.stringify(expression)} is not a JMESPath expression: ${error.message}`, { cause: error });
    }
  }
  return evaluate;
}
function shown(value) {
  if (typeof value === "function")
    return "a function";
  if (typeof value === "object" && value !== null)
    return `an object (${value.constructor.name})`;
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}
function refuse(option, value, expected) {
  throw new IdempotencyConfigError(`idempotent(): ${option} must be ${expected}; got ${shown(value)}`);
}
function numberOption(option, value, fallback, { integer = false, zero = false } = {}) {
  if (value === void 0)
    return fallback;
  const fits = typeof value === "number" && Number.isFinite(value) && (zero ? value >= 0 : value > 0) && (!integer || Number.isInteger(value));
  if (!fits)
    refuse(option, value, `a ${zero ? "non-negative" : "positive"} ${integer ? "whole number" : "number"}`);
  return value;
}
function waitOf(inProgress) {
  if (inProgress === void 0 || inProgress === "error")
    return void 0;
  if (typeof inProgress === "object" && inProgress !== null && "waitMs" in inProgress) {
    return numberOption("inProgress.waitMs", inProgress.waitMs, 0, { zero: true });
  }
  return refuse("inProgress", inProgress, "'error' or { waitMs }");
}
function cacheSizeOf(localCache) {
  if (localCache === void 0 || localCache === true)
    return 256;
  if (localCache === false)
    return 0;
  if (typeof localCache === "object" && localCache !== null && "maxItems" in localCache) {
    return numberOption("localCache.maxItems", localCache.maxItems, 256, { integer: true, zero: true });
  }
  return refuse("localCache", localCache, "true, false or { maxItems }");
}
var sourceOf = (option, value) => typeof value === "string" ? `${option} ${JSON.stringify(value)}` : value === true ? "the whole event" : `the ${option} function`;
function resultNotStoredOf(value) {
  if (value === void 0)
    return "error";
  if (value === "error" || value === "nothing" || value === "rerun")
    return value;
  return refuse("resultNotStored", value, "'error', 'nothing' or 'rerun'");
}
function checkSelector(option, value) {
  if (typeof value !== "function" && (typeof value !== "string" || value.trim() === "")) {
    refuse(option, value, "a JMESPath expression or a function of the event");
  }
  return value;
}
async function compileSelector(option, value) {
  return typeof value === "function" ? value : jmespath(option, value);
}
function resolveOptions(options) {
  const key = checkSelector("key", options.key);
  const payload = options.payload === void 0 || options.payload === true ? options.payload : checkSelector("payload", options.payload);
  const { localCache, inProgress, persistence } = options;
  if (persistence !== void 0 && typeof persistence.acquire !== "function") {
    refuse("persistence", persistence, "a DynamoDBPersistence, a RedisPersistence or another PersistenceLayer");
  }
  const resolved = {
    keySource: sourceOf("key", options.key),
    payloadSource: sourceOf("payload", options.payload),
    ttlSeconds: numberOption("ttl", options.ttl, 3600, { integer: true }),
    persistence: persistence ?? new DynamoDBPersistence(),
    waitMs: waitOf(inProgress),
    cacheSize: cacheSizeOf(localCache),
    namespace: options.namespace ?? process.env.AWS_LAMBDA_FUNCTION_NAME ?? "local",
    inProgressTimeoutMs: numberOption("inProgressTimeoutMs", options.inProgressTimeoutMs, 6e4),
    resultNotStored: resultNotStoredOf(options.resultNotStored)
  };
  if (typeof key === "string" || typeof payload === "string")
    jmespathModule.start();
  const selectors = Promise.all([
    compileSelector("key", key),
    payload === void 0 ? void 0 : payload === true ? (event) => event : compileSelector("payload", payload)
  ]).then(([selectKey, selectPayload]) => ({ selectKey, selectPayload }));
  selectors.catch(() => void 0);
  return { ...resolved, selectors };
}

// runtime/dist/esm/idempotency/event-key.js
var import_node_crypto2 = require("node:crypto");
init_json_data();
function isMissingKey(value) {
  if (value === void 0 || value === null || value === "")
    return true;
  if (typeof value !== "object")
    return false;
  const toJSON = value.toJSON;
  if (typeof toJSON === "function") {
    const written = toJSON.call(value);
    if (written !== value)
      return isMissingKey(written);
  }
  if (value instanceof Set || value instanceof Map)
    return value.size === 0;
  for (const part of Object.values(value))
    if (!isMissingKey(part))
      return false;
  return true;
}
var hashOf = (text) => (0, import_node_crypto2.createHash)("sha256").update(text).digest("base64url");
function keyHash(value, source) {
  if (isMissingKey(value)) {
    throw new IdempotencyKeyError(`the event has no idempotency key: ${source} found ${value === void 0 ? "nothing" : JSON.stringify(value)}`);
  }
  const json = jsonData(value, true);
  if ("problem" in json) {
    throw new IdempotencyKeyError(`the idempotency key ${source} found is not JSON data: ${json.problem.path} is ${json.problem.reason}`);
  }
  return hashOf(json.text);
}
function payloadHash(value, source) {
  const json = jsonData(value ?? null, true);
  if ("problem" in json) {
    throw new IdempotencyConfigError(`idempotent(): payload ${source} gave a value that is not JSON data: ${json.problem.path} is ${json.problem.reason}`);
  }
  return hashOf(json.text);
}

// runtime/dist/esm/idempotency/local-cache.js
var LocalCache = class {
  maxItems;
  records = /* @__PURE__ */ new Map();
  constructor(maxItems) {
    this.maxItems = maxItems;
  }
  get(key, now) {
    const record = this.records.get(key);
    if (!record)
      return void 0;
    this.records.delete(key);
    if (record.expiresAt * 1e3 <= now)
      return void 0;
    this.records.set(key, record);
    return record;
  }
  set(record) {
    if (this.maxItems <= 0)
      return;
    this.records.delete(record.key);
    this.records.set(record.key, record);
    while (this.records.size > this.maxItems) {
      const oldest = this.records.keys().next().value;
      if (oldest === void 0)
        break;
      this.records.delete(oldest);
    }
  }
};

// runtime/dist/esm/idempotency/idempotency-handler.js
function completedRecord(record, outcome) {
  return {
    key: record.key,
    status: "COMPLETED",
    expiresAt: record.expiresAt,
    ...record.payloadHash ? { payloadHash: record.payloadHash } : {},
    ...outcome
  };
}
function warn(message, key, error, consequence) {
  console.warn(JSON.stringify({
    level: "WARN",
    message: `idempotency: ${message}`,
    key,
    ...error === void 0 ? {} : { error: messageOf(error) },
    ...consequence === void 0 ? {} : { consequence }
  }));
}
function resultOf(record) {
  return record.result === void 0 ? void 0 : JSON.parse(record.result);
}
var IdempotencyHandler = class {
  options;
  cache;
  constructor(options) {
    this.options = resolveOptions(options);
    this.cache = new LocalCache(this.options.cacheSize);
  }
  /** Takes the event's key, or returns the result stored under it. */
  async begin(event, context) {
    const { keySource, payloadSource } = this.options;
    const { selectKey, selectPayload } = await this.options.selectors;
    const key = `${this.options.namespace}#${keyHash(selectKey(event), keySource)}`;
    const payloadHash2 = selectPayload ? payloadHash(selectPayload(event), payloadSource) : void 0;
    const cached = this.cache.get(key, Date.now());
    if (cached)
      return { kind: "done", result: this.replay(cached, payloadHash2) };
    const deadline = this.options.waitMs !== void 0 ? Date.now() + this.options.waitMs : void 0;
    for (let attempt = 1; ; attempt++) {
      const now = Date.now();
      const told = context?.getRemainingTimeInMillis?.();
      const remaining = typeof told === "number" && Number.isFinite(told) && told > 0 ? told : this.options.inProgressTimeoutMs;
      const record = {
        key,
        status: "INPROGRESS",
        expiresAt: Math.floor(now / 1e3) + this.options.ttlSeconds,
        // The lock lasts as long as this invocation can: after that it cannot still be running.
        inProgressUntil: now + remaining,
        ...payloadHash2 ? { payloadHash: payloadHash2 } : {}
      };
      const acquired = await this.options.persistence.acquire(record, now);
      if (acquired.acquired)
        return { kind: "run", record };
      const existing = acquired.existing;
      if (existing.status === "COMPLETED") {
        const result = this.replay(existing, payloadHash2);
        this.cache.set(existing);
        return { kind: "done", result };
      }
      if (payloadHash2 && existing.payloadHash && existing.payloadHash !== payloadHash2) {
        throw new IdempotencyPayloadMismatchError(key);
      }
      if (deadline === void 0 || Date.now() >= deadline) {
        throw new IdempotencyInProgressError(key, existing.inProgressUntil ?? now);
      }
      const completed = await this.waitFor(key, deadline, attempt);
      if (completed) {
        this.cache.set(completed);
        return { kind: "done", result: this.replay(completed, payloadHash2) };
      }
    }
  }
  /**
   * Stores the result, and returns it whatever happens: the work is done. A result that cannot be
   * stored (JSON cannot write it, or the store cannot hold it) still marks the key completed, so a
   * duplicate never runs the handler again unless `resultNotStored: 'rerun'` says so.
   */
  async succeed(record, result) {
    let json;
    try {
      json = JSON.stringify(result);
    } catch (error) {
      await this.notStored(record, `JSON cannot write it (${messageOf(error).split("\n")[0] ?? ""})`);
      return result;
    }
    const completed = completedRecord(record, json === void 0 ? {} : { result: json });
    try {
      await this.options.persistence.complete(completed);
      this.cache.set(completed);
    } catch (error) {
      if (error instanceof IdempotencyRecordTooLargeError)
        await this.notStored(record, error.message);
      else
        warn("the handler succeeded but its result could not be stored", record.key, error, this.downNote(record));
    }
    return result;
  }
  /** Records that the run completed without its result, or releases the key when asked to. */
  async notStored(record, reason) {
    const { resultNotStored, persistence } = this.options;
    const duplicates = resultNotStored === "rerun" ? "a duplicate runs the handler again" : resultNotStored === "nothing" ? "a duplicate gets nothing" : "a duplicate gets IdempotencyResultNotStoredError";
    try {
      if (resultNotStored === "rerun")
        await persistence.release(record.key);
      else {
        const completed = completedRecord(record, { resultNotStored: reason });
        await persistence.complete(completed);
        this.cache.set(completed);
      }
    } catch (error) {
      warn(`the handler succeeded but its result could not be stored: ${reason}`, record.key, error, this.downNote(record));
      return;
    }
    warn(`the handler succeeded but its result could not be stored: ${reason}; ${duplicates}`, record.key);
  }
  /** What happens to duplicates when the store could not be told the run completed. */
  downNote(record) {
    return `a duplicate is refused until ${new Date(record.inProgressUntil ?? 0).toISOString()}, then runs the handler again`;
  }
  /** Releases the key after the handler failed, so a retry runs the handler again. */
  async fail(record, handlerError) {
    try {
      await this.options.persistence.release(record.key);
    } catch (releaseError) {
      throw new IdempotencyPersistenceError(`the handler failed and idempotency key ${record.key} could not be released; retries are refused until ${new Date(record.inProgressUntil ?? 0).toISOString()}`, { cause: new AggregateError([handlerError, releaseError]) });
    }
    throw handlerError;
  }
  replay(record, payloadHash2) {
    if (payloadHash2 && record.payloadHash && record.payloadHash !== payloadHash2) {
      throw new IdempotencyPayloadMismatchError(record.key);
    }
    if (record.resultNotStored !== void 0 && this.options.resultNotStored !== "nothing") {
      throw new IdempotencyResultNotStoredError(record.key, record.resultNotStored, record.expiresAt * 1e3);
    }
    return resultOf(record);
  }
  /** Polls the record until it completes (returned) or goes away (undefined), until `deadline`. */
  async waitFor(key, deadline, attempt) {
    for (let poll = attempt; Date.now() < deadline; poll++) {
      await sleep(Math.min(backoffDelay(poll, { baseDelayMs: 20, maxDelayMs: 500 }), Math.max(0, deadline - Date.now())));
      const record2 = await this.options.persistence.get(key);
      if (!record2 || record2.status !== "INPROGRESS" || (record2.inProgressUntil ?? 0) <= Date.now()) {
        return record2?.status === "COMPLETED" ? record2 : void 0;
      }
    }
    const record = await this.options.persistence.get(key);
    if (record?.status === "COMPLETED")
      return record;
    throw new IdempotencyInProgressError(key, record?.inProgressUntil ?? Date.now());
  }
};

// runtime/dist/esm/idempotency/idempotent.js
function idempotent(handler2, options) {
  const orchestrator = new IdempotencyHandler(options);
  return async (event, context) => {
    const begun = await orchestrator.begin(event, context);
    if (begun.kind === "done")
      return begun.result;
    let result;
    try {
      result = await handler2(event, context);
    } catch (error) {
      return orchestrator.fail(begun.record, error);
    }
    return orchestrator.succeed(begun.record, result);
  };
}

// runtime/dist/esm/outbox/relay.js
init_backoff();
init_clients();
init_environment();
init_errors();
init_put_events();
init_outbox_errors();
init_outbox_item();

// runtime/dist/esm/events/bus.js
init_backoff();
init_clients();
init_discovery();
init_errors();
init_put_events();
init_put_events();

// runtime/dist/esm/workflows/workflow.js
init_clients();
init_discovery();
init_errors();
init_json_data();

// runtime/dist/esm/workflows/workflow-errors.js
init_errors();

// runtime/dist/esm/workflows/workflow.js
var maxInputBytes = 256 * 1024;

// runtime/dist/esm/durable/durable.js
init_clients();
init_discovery();
init_json_data();

// runtime/dist/esm/durable/durable-errors.js
init_errors();

// runtime/dist/esm/durable/durable.js
var maxInputBytes2 = 1024 * 1024;
var maxResultBytes = 256 * 1024;

// runtime/dist/esm/caches/cache.js
init_discovery();
init_environment();

// runtime/dist/esm/caches/cache-aside.js
init_errors();
init_backoff();

// runtime/dist/esm/caches/cache-errors.js
init_errors();

// runtime/dist/esm/caches/cache-options.js
var defaults = {
  connectTimeoutMs: 1e3,
  commandTimeoutMs: 500,
  timeoutMs: 100,
  ttl: 300,
  grace: 0,
  maxValueBytes: 1024 * 1024,
  local: { maxEntries: 1e3, maxBytes: 8 * 1024 * 1024, ttl: 5 },
  lock: { ttlMs: 1e4, waitMs: 3e3 },
  breaker: { failures: 5, coolDownMs: 1e3 }
};

// node_modules/lru-cache/dist/esm/index.js
var defaultPerf = typeof performance === "object" && performance && typeof performance.now === "function" ? performance : Date;
var PROCESS = typeof process === "object" && !!process ? process : {};
var emitWarning = (msg, type, code, fn) => {
  typeof PROCESS.emitWarning === "function" ? PROCESS.emitWarning(msg, type, code, fn) : console.error(`[${code}] ${type}: ${msg}`);
};
var AC = globalThis.AbortController;
var AS = globalThis.AbortSignal;
if (typeof AC === "undefined") {
  AS = class AbortSignal {
    onabort;
    _onabort = [];
    reason;
    aborted = false;
    addEventListener(_, fn) {
      this._onabort.push(fn);
    }
  };
  AC = class AbortController {
    constructor() {
      warnACPolyfill();
    }
    signal = new AS();
    abort(reason) {
      if (this.signal.aborted)
        return;
      this.signal.reason = reason;
      this.signal.aborted = true;
      for (const fn of this.signal._onabort) {
        fn(reason);
      }
      this.signal.onabort?.(reason);
    }
  };
  let printACPolyfillWarning = PROCESS.env?.LRU_CACHE_IGNORE_AC_WARNING !== "1";
  const warnACPolyfill = () => {
    if (!printACPolyfillWarning)
      return;
    printACPolyfillWarning = false;
    emitWarning("AbortController is not defined. If using lru-cache in node 14, load an AbortController polyfill from the `node-abort-controller` package. A minimal polyfill is provided for use by LRUCache.fetch(), but it should not be relied upon in other contexts (eg, passing it to other APIs that use AbortController/AbortSignal might have undesirable effects). You may disable this with LRU_CACHE_IGNORE_AC_WARNING=1 in the env.", "NO_ABORT_CONTROLLER", "ENOTSUP", warnACPolyfill);
  };
}
var TYPE = Symbol("type");

// runtime/dist/esm/caches/scripts.js
var redisNow = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;
var scripts = {
  /**
   * KEYS value, lock; ARGV token, lock PX, refresh ('1': ignore the value, which is stale), the
   * header of entries the caller reads (`json:`). {1, value} when a value it reads is there (one
   * written by another codec counts as none); {2, now} when this caller now holds the lock (now in
   * Redis's ms); {0, pttl} when another holds it.
   */
  claim: {
    numberOfKeys: 2,
    lua: `if ARGV[3] ~= '1' then
  local value = redis.call('GET', KEYS[1])
  if value and (string.sub(value, 1, #ARGV[4]) == ARGV[4] or string.sub(value, 1, 2) == '~:') then
    return {1, value}
  end
end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then
  ${redisNow}
  return {2, now}
end
return {0, redis.call('PTTL', KEYS[2])}`
  },
  /**
   * KEYS value, lock; ARGV token, entry, PX. Writes the entry only while the caller still holds
   * the lock, and releases it: a delete or set since the lock was taken (which drops the lock)
   * keeps a value loaded before it out of the cache. 1 written, 0 not.
   */
  fill: {
    numberOfKeys: 2,
    lua: `if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
redis.call('DEL', KEYS[2])
return 1`
  },
  /** KEYS lock; ARGV token. Releases the lock if the caller still holds it. */
  release: {
    numberOfKeys: 1,
    lua: `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`
  },
  /** KEYS value, lock; ARGV entry, PX. set(): the value, and no load in flight may overwrite it. */
  put: {
    numberOfKeys: 2,
    lua: `redis.call('DEL', KEYS[2])
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`
  },
  /**
   * KEYS tag set, tag's invalidation time; ARGV key, its lifetime in ms, when its load took the
   * lock (Redis ms; -1 for set(), which takes none), margin in ms. Records the key under the tag,
   * unless the tag was invalidated after the load began (or within the margin before it, for
   * clocks that differ between shards): then 0, and the load must not be written.
   */
  tag: {
    numberOfKeys: 2,
    lua: `${redisNow}
local began = tonumber(ARGV[3])
if began >= 0 then
  local at = redis.call('GET', KEYS[2])
  if at and tonumber(at) + tonumber(ARGV[4]) >= began then return 0 end
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZADD', KEYS[1], 'GT', now + tonumber(ARGV[2]), ARGV[1])
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
redis.call('PEXPIREAT', KEYS[1], last[2])
return 1`
  },
  /**
   * KEYS tag set, tag's invalidation time; ARGV how long to remember the invalidation (ms).
   * Records that the tag was invalidated now, and returns the keys under it.
   */
  invalidateTag: {
    numberOfKeys: 2,
    lua: `${redisNow}
redis.call('SET', KEYS[2], string.format('%d', now), 'PX', ARGV[1])
return redis.call('ZRANGE', KEYS[1], 0, -1)`
  }
};

// runtime/dist/esm/caches/cache.js
init_cache_auth();

// runtime/dist/esm/caches/invalidation.js
init_environment();

// runtime/dist/esm/index.js
init_secrets_client();

// bench/.cold-start-HJYAem/idempotent-entry.mjs
init_lazy_module();
var handler = idempotent(async (event) => ({ charged: event.orderId }), { key: "orderId" });
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  handler,
  settle
});
/*! Bundled license information:

@aws-lambda-powertools/jmespath/lib/esm/utils.js:
@aws-lambda-powertools/jmespath/lib/esm/TreeInterpreter.js:
@aws-lambda-powertools/jmespath/lib/esm/Parser.js:
  (* v8 ignore else -- @preserve *)
*/

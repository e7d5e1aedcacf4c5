"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
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

// bench/.cold-start-HJYAem/powertools-entry.mjs
var powertools_entry_exports = {};
__export(powertools_entry_exports, {
  handler: () => handler
});
module.exports = __toCommonJS(powertools_entry_exports);

// node_modules/@aws-lambda-powertools/idempotency/lib/esm/constants.js
var MAX_RETRIES = 2;
var IdempotencyRecordStatus = {
  INPROGRESS: "INPROGRESS",
  COMPLETED: "COMPLETED",
  EXPIRED: "EXPIRED"
};
var PERSISTENCE_ATTRIBUTE_KEY_MAPPINGS = {
  statusAttr: "status",
  expiryAttr: "expiration",
  inProgressExpiryAttr: "in_progress_expiration",
  dataAttr: "data",
  validationKeyAttr: "validation"
};

// node_modules/@aws-lambda-powertools/idempotency/lib/esm/errors.js
var IdempotencyUnknownError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "IdempotencyUnknownError";
  }
};
var IdempotencyItemAlreadyExistsError = class extends IdempotencyUnknownError {
  existingRecord;
  constructor(message, existingRecord, options) {
    super(message, options);
    this.name = "IdempotencyItemAlreadyExistsError";
    this.existingRecord = existingRecord;
  }
};
var IdempotencyItemNotFoundError = class extends IdempotencyUnknownError {
  constructor(message, options) {
    super(message, options);
    this.name = "IdempotencyItemNotFoundError";
  }
};
var IdempotencyAlreadyInProgressError = class extends IdempotencyUnknownError {
  existingRecord;
  constructor(message, existingRecord, options) {
    super(message, options);
    this.name = "IdempotencyAlreadyInProgressError";
    this.existingRecord = existingRecord;
  }
};
var IdempotencyInvalidStatusError = class extends IdempotencyUnknownError {
  constructor(message, options) {
    super(message, options);
    this.name = "IdempotencyInvalidStatusError";
  }
};
var IdempotencyValidationError = class extends IdempotencyUnknownError {
  existingRecord;
  constructor(message, existingRecord, options) {
    super(message, options);
    this.name = "IdempotencyValidationError";
    this.existingRecord = existingRecord;
  }
};
var IdempotencyInconsistentStateError = class extends IdempotencyUnknownError {
  constructor(message, options) {
    super(message, options);
    this.name = "IdempotencyInconsistentStateError";
  }
};
var IdempotencyPersistenceLayerError = class extends IdempotencyUnknownError {
  constructor(message, options) {
    super(message, options);
    this.name = "IdempotencyPersistenceLayerError";
  }
};
var IdempotencyKeyError = class extends IdempotencyUnknownError {
  constructor(message, options) {
    super(message, options);
    this.name = "IdempotencyKeyError";
  }
};

// node_modules/@aws/lambda-invoke-store/dist-es/invoke-store.js
var PROTECTED_KEYS = {
  REQUEST_ID: Symbol.for("_AWS_LAMBDA_REQUEST_ID"),
  X_RAY_TRACE_ID: Symbol.for("_AWS_LAMBDA_X_RAY_TRACE_ID"),
  TENANT_ID: Symbol.for("_AWS_LAMBDA_TENANT_ID"),
  TRACEPARENT: Symbol.for("_AWS_LAMBDA_TRACEPARENT"),
  TRACESTATE: Symbol.for("_AWS_LAMBDA_TRACESTATE"),
  BAGGAGE: Symbol.for("_AWS_LAMBDA_BAGGAGE")
};
var NO_GLOBAL_AWS_LAMBDA = ["true", "1"].includes(process.env?.AWS_LAMBDA_NODEJS_NO_GLOBAL_AWSLAMBDA ?? "");
if (!NO_GLOBAL_AWS_LAMBDA) {
  globalThis.awslambda = globalThis.awslambda || {};
}
var InvokeStoreBase = class {
  static PROTECTED_KEYS = PROTECTED_KEYS;
  isProtectedKey(key) {
    return Object.values(PROTECTED_KEYS).includes(key);
  }
  getRequestId() {
    return this.get(PROTECTED_KEYS.REQUEST_ID) ?? "-";
  }
  getXRayTraceId() {
    return this.get(PROTECTED_KEYS.X_RAY_TRACE_ID);
  }
  getTenantId() {
    return this.get(PROTECTED_KEYS.TENANT_ID);
  }
  getTraceparent() {
    return this.get(PROTECTED_KEYS.TRACEPARENT);
  }
  getTracestate() {
    return this.get(PROTECTED_KEYS.TRACESTATE);
  }
  getBaggage() {
    return this.get(PROTECTED_KEYS.BAGGAGE);
  }
};
var InvokeStoreSingle = class extends InvokeStoreBase {
  currentContext;
  getContext() {
    return this.currentContext;
  }
  hasContext() {
    return this.currentContext !== void 0;
  }
  get(key) {
    return this.currentContext?.[key];
  }
  set(key, value) {
    if (this.isProtectedKey(key)) {
      throw new Error(`Cannot modify protected Lambda context field: ${String(key)}`);
    }
    this.currentContext = this.currentContext || {};
    this.currentContext[key] = value;
  }
  run(context, fn) {
    this.currentContext = context;
    return fn();
  }
};
var InvokeStoreMulti = class _InvokeStoreMulti extends InvokeStoreBase {
  als;
  static async create() {
    const instance = new _InvokeStoreMulti();
    const asyncHooks = await import("node:async_hooks");
    instance.als = new asyncHooks.AsyncLocalStorage();
    return instance;
  }
  getContext() {
    return this.als.getStore();
  }
  hasContext() {
    return this.als.getStore() !== void 0;
  }
  get(key) {
    return this.als.getStore()?.[key];
  }
  set(key, value) {
    if (this.isProtectedKey(key)) {
      throw new Error(`Cannot modify protected Lambda context field: ${String(key)}`);
    }
    const store = this.als.getStore();
    if (!store) {
      throw new Error("No context available");
    }
    store[key] = value;
  }
  run(context, fn) {
    return this.als.run(context, fn);
  }
};
var InvokeStore;
(function(InvokeStore2) {
  let instance = null;
  async function getInstanceAsync(forceInvokeStoreMulti) {
    if (!instance) {
      instance = (async () => {
        const isMulti = forceInvokeStoreMulti === true || "AWS_LAMBDA_MAX_CONCURRENCY" in process.env;
        const newInstance = isMulti ? await InvokeStoreMulti.create() : new InvokeStoreSingle();
        if (!NO_GLOBAL_AWS_LAMBDA && globalThis.awslambda?.InvokeStore) {
          return globalThis.awslambda.InvokeStore;
        } else if (!NO_GLOBAL_AWS_LAMBDA && globalThis.awslambda) {
          globalThis.awslambda.InvokeStore = newInstance;
          return newInstance;
        } else {
          return newInstance;
        }
      })();
    }
    return instance;
  }
  InvokeStore2.getInstanceAsync = getInstanceAsync;
  InvokeStore2._testing = process.env.AWS_LAMBDA_BENCHMARK_MODE === "1" ? {
    reset: () => {
      instance = null;
      if (globalThis.awslambda?.InvokeStore) {
        delete globalThis.awslambda.InvokeStore;
      }
      globalThis.awslambda = { InvokeStore: void 0 };
    }
  } : void 0;
})(InvokeStore || (InvokeStore = {}));

// node_modules/@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/commons/lib/esm/envUtils.js
var getStringFromEnv = ({ key, defaultValue, errorMessage }) => {
  const value = process.env[key];
  if (value === void 0) {
    if (defaultValue !== void 0) {
      return defaultValue;
    }
    if (errorMessage) {
      throw new Error(errorMessage);
    }
    throw new Error(`Environment variable ${key} is required`);
  }
  return value.trim();
};
var truthyValues = /* @__PURE__ */ new Set(["1", "y", "yes", "t", "true", "on"]);
var falsyValues = /* @__PURE__ */ new Set(["0", "n", "no", "f", "false", "off"]);
var getBooleanFromEnv = ({ key, defaultValue, errorMessage, extendedParsing }) => {
  const value = getStringFromEnv({
    key,
    defaultValue: String(defaultValue),
    errorMessage
  });
  const parsedValue = value.toLowerCase();
  if (extendedParsing) {
    if (truthyValues.has(parsedValue)) {
      return true;
    }
    if (falsyValues.has(parsedValue)) {
      return false;
    }
  }
  if (parsedValue !== "true" && parsedValue !== "false") {
    throw new Error(`Environment variable ${key} must be a boolean`);
  }
  return parsedValue === "true";
};

// node_modules/@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/jmespath/lib/esm/PowertoolsFunctions.js
var import_node_zlib = require("node:zlib");

// node_modules/@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/commons/lib/esm/fromBase64.js
var BASE64_REGEX = /^[A-Za-z0-9+/]*={0,2}$/;
var fromBase64 = (input, encoding) => {
  if (input.length * 3 % 4 !== 0) {
    throw new TypeError("Incorrect padding on base64 string.");
  }
  if (!BASE64_REGEX.exec(input)) {
    throw new TypeError("Invalid base64 string.");
  }
  const buffer = encoding ? Buffer.from(input, encoding) : Buffer.from(input);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
};

// node_modules/@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/commons/lib/esm/typeUtils.js
var isRecord = (value) => {
  return Object.prototype.toString.call(value) === "[object Object]" && !Object.is(value, null);
};
var isString = (value) => {
  return typeof value === "string";
};
var isNumber = (value) => {
  return typeof value === "number";
};
var isIntegerNumber = (value) => {
  return isNumber(value) && Number.isInteger(value);
};
var isTruthy = (value) => {
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
var isNull = (value) => {
  return Object.is(value, null);
};
var getType = (value) => {
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
var areArraysEqual = (left, right) => {
  if (left.length !== right.length) {
    return false;
  }
  return left.every((value, i) => isStrictEqual(value, right[i]));
};
var areRecordsEqual = (left, right) => {
  const leftKeys = Object.keys(left);
  const rightKeys = Object.keys(right);
  if (leftKeys.length !== rightKeys.length) {
    return false;
  }
  return leftKeys.every((key) => isStrictEqual(left[key], right[key]));
};
var isStrictEqual = (left, right) => {
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

// node_modules/@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/jmespath/lib/esm/errors.js
var JMESPathError = class extends Error {
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
var LexerError = class extends JMESPathError {
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
var ParseError = class extends JMESPathError {
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
var IncompleteExpressionError = class extends ParseError {
  constructor(options) {
    super(options);
    this.name = "IncompleteExpressionError";
  }
};
var EmptyExpressionError = class extends JMESPathError {
  constructor() {
    super("Invalid JMESPath expression: cannot be empty.");
    this.name = "EmptyExpressionError";
  }
};
var FunctionError = class extends JMESPathError {
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
var ArityError = class extends FunctionError {
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
var VariadicArityError = class extends ArityError {
  constructor(options) {
    super(options);
    this.name = "VariadicArityError";
    this.message = `Expected ${this.expectedArity} ${this.pluralize("argument", this.expectedArity)} for function ${this.functionName}, received ${this.actualArity}`;
  }
};
var JMESPathTypeError = class extends FunctionError {
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
var UnknownFunctionError = class extends FunctionError {
  constructor(funcName) {
    super("Unknown function");
    this.name = "UnknownFunctionError";
    this.message = `Unknown function: ${funcName}()`;
  }
};

// node_modules/@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/jmespath/lib/esm/Expression.js
var Expression = class {
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

// node_modules/@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/jmespath/lib/esm/utils.js
var isTruthy2 = (value) => {
  if (isNumber(value)) {
    return true;
  }
  return isTruthy(value);
};
var capSliceRange = (arrayLength, value, isStepNegative) => {
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
var sliceArray = ({ array, start, end, step }) => {
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
var arityCheck = (args, argumentsSpecs, variadic) => {
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
var typeCheck = (args, argumentsSpecs) => {
  for (const [index2, argumentSpec] of argumentsSpecs.entries()) {
    if (argumentSpec[0] === "any")
      continue;
    typeCheckArgument(args[index2], argumentSpec);
  }
};
var typeCheckArgument = (arg, argumentSpec) => {
  let valid = false;
  for (const [index2, type] of argumentSpec.entries()) {
    if (valid)
      return;
    valid = checkIfArgumentTypeIsValid(arg, type, index2, argumentSpec);
  }
};
var checkIfArgumentTypeIsValid = (arg, type, index2, argumentSpec) => {
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
var typeCheckType = (arg, type, argumentSpec, hasMoreTypesToCheck) => {
  if (typeof arg !== type && !hasMoreTypesToCheck) {
    throw new JMESPathTypeError({
      currentValue: arg,
      expectedTypes: argumentSpec,
      actualType: getType(arg)
    });
  }
};
var checkComplexArrayType = (arg, type, hasMoreTypesToCheck) => {
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
var checkExpressionType = (arg, type, hasMoreTypesToCheck) => {
  if (!(arg instanceof Expression) && !hasMoreTypesToCheck) {
    throw new JMESPathTypeError({
      currentValue: arg,
      expectedTypes: type,
      actualType: getType(arg)
    });
  }
};
var checkObjectType = (arg, type, hasMoreTypesToCheck) => {
  if (!isRecord(arg) && !hasMoreTypesToCheck) {
    throw new JMESPathTypeError({
      currentValue: arg,
      expectedTypes: type,
      actualType: getType(arg)
    });
  }
};

// node_modules/@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/jmespath/lib/esm/Functions.js
var __decorate = function(decorators, target, key, desc) {
  var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
  if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
  else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
  return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var Functions = class _Functions {
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

// node_modules/@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/jmespath/lib/esm/PowertoolsFunctions.js
var __decorate2 = function(decorators, target, key, desc) {
  var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
  if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
  else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
  return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var decoder = new TextDecoder("utf-8");
var PowertoolsFunctions = class extends Functions {
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

// node_modules/@aws-lambda-powertools/idempotency/lib/esm/IdempotencyConfig.js
var IdempotencyConfig = class {
  /**
   * The JMESPath expression used to extract the idempotency key from the event.
   * @default ''
   */
  eventKeyJmesPath;
  /**
   * The number of seconds the idempotency key is valid.
   * @default 3600 (1 hour)
   */
  expiresAfterSeconds;
  /**
   * The hash function used to generate the idempotency key.
   * @see https://nodejs.org/api/crypto.html#crypto_crypto_createhash_algorithm_options
   * @default 'md5'
   */
  hashFunction;
  /**
   * Options for parsing JMESPath expressions.
   *
   * By default, you can use any of the {@link https://jmespath.org/specification.html | JMESPath built-in functions} as well as the
   * {@link https://docs.aws.amazon.com/powertools/typescript/latest/api/classes/_aws-lambda-powertools_jmespath.PowertoolsFunctions.PowertoolsFunctions.html | custom functions provided}
   * by the `@aws-lambda-powertools/jmespath` package.
   */
  jmesPathOptions;
  /**
   * The lambda context object.
   */
  lambdaContext;
  /**
   * The maximum number of items to store in the local cache.
   * @default 1000
   */
  maxLocalCacheSize;
  /**
   * The JMESPath expression used to extract the payload to validate.
   */
  payloadValidationJmesPath;
  /**
   * Throw an error if the idempotency key is not found in the event.
   * In some cases, you may want to allow the request to continue without idempotency.
   * If set to false and idempotency key is not found, the request will continue without idempotency.
   * @default false
   */
  throwOnNoIdempotencyKey;
  /**
   * A hook that runs when an idempotent request is made.
   */
  responseHook;
  /**
   * Use the local cache to store idempotency keys.
   */
  useLocalCache;
  #enabled = true;
  constructor(config) {
    this.eventKeyJmesPath = config.eventKeyJmesPath ?? "";
    this.payloadValidationJmesPath = config.payloadValidationJmesPath;
    this.jmesPathOptions = {
      customFunctions: config.jmesPathOptions ?? new PowertoolsFunctions()
    };
    this.throwOnNoIdempotencyKey = config.throwOnNoIdempotencyKey ?? false;
    this.expiresAfterSeconds = config.expiresAfterSeconds ?? 3600;
    this.useLocalCache = config.useLocalCache ?? false;
    this.maxLocalCacheSize = config.maxLocalCacheSize ?? 1e3;
    this.hashFunction = config.hashFunction ?? "md5";
    this.lambdaContext = config.lambdaContext;
    this.responseHook = config.responseHook;
    this.#enabled = !getBooleanFromEnv({
      key: "POWERTOOLS_IDEMPOTENCY_DISABLED",
      defaultValue: false,
      extendedParsing: true
    });
  }
  /**
   * Determines if the idempotency feature is enabled.
   *
   * @returns {boolean} Returns true if the idempotency feature is enabled.
   */
  isEnabled() {
    return this.#enabled;
  }
  registerLambdaContext(context) {
    this.lambdaContext = context;
  }
};

// node_modules/@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/jmespath/lib/esm/Parser.js
var import_node_crypto = require("node:crypto");

// node_modules/@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/jmespath/lib/esm/ast.js
var comparator = (name, first, second) => ({
  type: "comparator",
  children: [first, second],
  value: name
});
var currentNode = () => ({
  type: "current",
  children: []
});
var expref = (expression) => ({
  type: "expref",
  children: [expression]
});
var functionExpression = (name, args) => ({
  type: "function_expression",
  children: args,
  value: name
});
var field = (name) => ({
  type: "field",
  children: [],
  value: name
});
var filterProjection = (left, right, comparator2) => ({
  type: "filter_projection",
  children: [left, right, comparator2]
});
var flatten = (node) => ({
  type: "flatten",
  children: [node]
});
var identity = () => ({ type: "identity", children: [] });
var index = (index2) => ({
  type: "index",
  value: index2,
  children: []
});
var indexExpression = (children) => ({
  type: "index_expression",
  children
});
var keyValPair = (keyName, node) => ({
  type: "key_val_pair",
  children: [node],
  value: keyName
});
var literal = (literalValue) => ({
  type: "literal",
  value: literalValue,
  children: []
});
var multiSelectObject = (nodes) => ({
  type: "multi_select_object",
  children: nodes
});
var multiSelectList = (nodes) => ({
  type: "multi_select_list",
  children: nodes
});
var orExpression = (left, right) => ({
  type: "or_expression",
  children: [left, right]
});
var andExpression = (left, right) => ({
  type: "and_expression",
  children: [left, right]
});
var notExpression = (expr) => ({
  type: "not_expression",
  children: [expr]
});
var pipe = (left, right) => ({
  type: "pipe",
  children: [left, right]
});
var projection = (left, right) => ({
  type: "projection",
  children: [left, right]
});
var subexpression = (children) => ({
  type: "subexpression",
  children
});
var slice = (start, end, step) => ({
  type: "slice",
  children: [start, end, step]
});
var valueProjection = (left, right) => ({
  type: "value_projection",
  children: [left, right]
});

// node_modules/@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/jmespath/lib/esm/constants.js
var BINDING_POWER = {
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
var ASCII_LOWERCASE = "abcdefghijklmnopqrstuvwxyz";
var ASCII_UPPERCASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
var ASCII_LETTERS = ASCII_LOWERCASE + ASCII_UPPERCASE;
var DIGITS = "0123456789";
var START_IDENTIFIER = new Set(`${ASCII_LETTERS}_`);
var VALID_IDENTIFIER = new Set(`${ASCII_LETTERS}${DIGITS}_`);
var VALID_NUMBER = new Set(DIGITS);
var WHITESPACE = new Set(" 	\n\r");
var SIMPLE_TOKENS = /* @__PURE__ */ new Map([
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

// node_modules/@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/jmespath/lib/esm/Lexer.js
var Lexer = class {
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

// node_modules/@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/jmespath/lib/esm/TreeInterpreter.js
var TreeInterpreter = class {
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

// node_modules/@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/jmespath/lib/esm/ParsedResult.js
var ParsedResult = class {
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

// node_modules/@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/jmespath/lib/esm/Parser.js
var Parser = class {
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

// node_modules/@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/jmespath/lib/esm/search.js
var parser = new Parser();
var search = (expression, data, options) => {
  return parser.parse(expression).search(data, options);
};

// node_modules/@aws-lambda-powertools/idempotency/lib/esm/IdempotencyHandler.js
var IdempotencyHandler = class {
  /**
   * The arguments passed to the function.
   *
   * For example, if the function is `foo(a, b)`, then `functionArguments` will be `[a, b]`.
   * We need to keep track of the arguments so that we can pass them to the function when we call it.
   */
  #functionArguments;
  /**
   * The payload to be hashed.
   *
   * This is the argument that is used for the idempotency.
   */
  #functionPayloadToBeHashed;
  /**
   * Reference to the function to be made idempotent.
   */
  #functionToMakeIdempotent;
  /**
   * Idempotency configuration options.
   */
  #idempotencyConfig;
  /**
   * Custom prefix to be used when generating the idempotency key.
   */
  #keyPrefix;
  /**
   * Persistence layer used to store the idempotency records.
   */
  #persistenceStore;
  /**
   * The `this` context to be used when calling the function.
   *
   * When decorating a class method, this will be the instance of the class.
   */
  #thisArg;
  constructor(options) {
    const { functionToMakeIdempotent, functionPayloadToBeHashed, idempotencyConfig, functionArguments, persistenceStore: persistenceStore2, keyPrefix, thisArg } = options;
    this.#functionToMakeIdempotent = functionToMakeIdempotent;
    this.#functionPayloadToBeHashed = functionPayloadToBeHashed;
    this.#idempotencyConfig = idempotencyConfig;
    this.#keyPrefix = keyPrefix;
    this.#functionArguments = functionArguments;
    this.#thisArg = thisArg;
    this.#persistenceStore = persistenceStore2;
    this.#persistenceStore.configure({
      config: this.#idempotencyConfig,
      keyPrefix: this.#keyPrefix
    });
  }
  /**
   * Takes an idempotency key and returns the idempotency record from the persistence layer.
   *
   * If a response hook is provided in the idempotency configuration, it will be called before returning the response.
   *
   * If the idempotency record is not COMPLETE, then it will throw an error based on the status of the record.
   *
   * @param idempotencyRecord The idempotency record stored in the persistence layer
   * @returns The result of the function if the idempotency record is in a terminal state
   */
  determineResultFromIdempotencyRecord(idempotencyRecord) {
    if (idempotencyRecord.getStatus() === IdempotencyRecordStatus.EXPIRED) {
      throw new IdempotencyInconsistentStateError("Item has expired during processing and may not longer be valid.");
    }
    if (idempotencyRecord.getStatus() === IdempotencyRecordStatus.INPROGRESS) {
      if (idempotencyRecord.inProgressExpiryTimestamp && idempotencyRecord.inProgressExpiryTimestamp < (/* @__PURE__ */ new Date()).getUTCMilliseconds()) {
        throw new IdempotencyInconsistentStateError("Item is in progress but the in progress expiry timestamp has expired.");
      }
      throw new IdempotencyAlreadyInProgressError(`There is already an execution in progress with idempotency key: ${idempotencyRecord.idempotencyKey}${idempotencyRecord.sortKey ? ` and sort key: ${idempotencyRecord.sortKey}` : ""}`);
    }
    const response = idempotencyRecord.getResponse();
    if (this.#idempotencyConfig.responseHook) {
      return this.#idempotencyConfig.responseHook(response, idempotencyRecord);
    }
    return response;
  }
  /**
   * Execute the handler and return the result.
   *
   * If the handler fails, the idempotency record will be deleted.
   * If it succeeds, the idempotency record will be updated with the result.
   *
   * @returns The result of the function execution
   */
  async getFunctionResult() {
    let result;
    try {
      result = await this.#functionToMakeIdempotent.apply(this.#thisArg, this.#functionArguments);
    } catch (error) {
      await this.#deleteInProgressRecord();
      throw error;
    }
    await this.#saveSuccessfulResult(result);
    return result;
  }
  /**
   * Entry point to handle the idempotency logic.
   *
   * Before the handler is executed, we need to check if there is already an
   * execution in progress for the given idempotency key. If there is, we
   * need to determine its status and return the appropriate response or
   * throw an error.
   *
   * If there is no execution in progress, we need to save a record to the
   * idempotency store to indicate that an execution is in progress.
   *
   * In some rare cases, when the persistent state changes in small time
   * window, we might get an `IdempotencyInconsistentStateError`. In such
   * cases we can safely retry the handling a few times.
   */
  async handle({ isReplay } = {}) {
    if (this.shouldSkipIdempotency()) {
      return await this.#functionToMakeIdempotent.apply(this.#thisArg, this.#functionArguments);
    }
    let e;
    for (let retryNo = 0; retryNo <= MAX_RETRIES; retryNo++) {
      try {
        const { isIdempotent, result } = await this.#saveInProgressOrReturnExistingResult({ isReplay });
        if (isIdempotent)
          return result;
        return await this.getFunctionResult();
      } catch (error) {
        if (!(error instanceof Error))
          throw new IdempotencyUnknownError("An unknown error occurred while processing the request.", { cause: error });
        if (error.name === "IdempotencyInconsistentStateError" && retryNo < MAX_RETRIES) {
          continue;
        }
        e = error;
        break;
      }
    }
    throw e;
  }
  /**
   * Handle the idempotency operations needed after the handler has returned.
   *
   * When the handler returns successfully, we need to update the record in the
   * idempotency store to indicate that the execution has completed and
   * store its result.
   *
   * To avoid duplication of code, we expose this method so that it can be
   * called from the `after` phase of the Middy middleware.
   *
   * @param response The response returned by the handler.
   */
  async handleMiddyAfter(response) {
    await this.#saveSuccessfulResult(response);
  }
  /**
   * Handle the idempotency operations needed after the handler has returned.
   *
   * Before the handler is executed, we need to check if there is already an
   * execution in progress for the given idempotency key. If there is, we
   * need to determine its status and return the appropriate response or
   * throw an error.
   *
   * If there is no execution in progress, we need to save a record to the
   * idempotency store to indicate that an execution is in progress.
   *
   * In some rare cases, when the persistent state changes in small time
   * window, we might get an `IdempotencyInconsistentStateError`. In such
   * cases we can safely retry the handling a few times.
   *
   * @param request The request object passed to the handler.
   * @param callback Callback function to cleanup pending middlewares when returning early.
   */
  async handleMiddyBefore(request, callback) {
    for (let retryNo = 0; retryNo <= MAX_RETRIES; retryNo++) {
      try {
        const { isIdempotent, result } = await this.#saveInProgressOrReturnExistingResult();
        if (isIdempotent) {
          await callback(request);
          return result;
        }
        break;
      } catch (error) {
        if (
          /**
           * It's safe to cast the error here because this catch block is only
           * reached when an error is thrown in code paths that we control,
           * and we only throw instances of `Error`.
           */
          error.name === "IdempotencyInconsistentStateError" && retryNo < MAX_RETRIES
        ) {
          continue;
        }
        throw error;
      }
    }
  }
  /**
   * Handle the idempotency operations needed when an error is thrown in the handler.
   *
   * When an error is thrown in the handler, we need to delete the record from the
   * idempotency store.
   *
   * To avoid duplication of code, we expose this method so that it can be
   * called from the `onError` phase of the Middy middleware.
   */
  async handleMiddyOnError() {
    await this.#deleteInProgressRecord();
  }
  /**
   * Setter for the payload to be hashed to generate the idempotency key.
   *
   * This is useful if you want to use a different payload than the one
   * used to instantiate the `IdempotencyHandler`, for example when using
   * it within a Middy middleware.
   *
   * @param functionPayloadToBeHashed The payload to be hashed to generate the idempotency key
   */
  setFunctionPayloadToBeHashed(functionPayloadToBeHashed) {
    this.#functionPayloadToBeHashed = functionPayloadToBeHashed;
  }
  /**
   * Avoid idempotency if the eventKeyJmesPath is not present in the payload and throwOnNoIdempotencyKey is false
   */
  shouldSkipIdempotency() {
    if (!this.#idempotencyConfig.isEnabled())
      return true;
    if (this.#idempotencyConfig.eventKeyJmesPath !== "" && !this.#idempotencyConfig.throwOnNoIdempotencyKey) {
      const selection = search(this.#idempotencyConfig.eventKeyJmesPath, this.#functionPayloadToBeHashed, this.#idempotencyConfig.jmesPathOptions);
      return selection === void 0 || selection === null;
    }
    return false;
  }
  /**
   * Delete an in progress record from the idempotency store.
   *
   * This is called when the handler throws an error.
   */
  #deleteInProgressRecord = async () => {
    try {
      await this.#persistenceStore.deleteRecord(this.#functionPayloadToBeHashed);
    } catch (error) {
      throw new IdempotencyPersistenceLayerError("Failed to delete record from idempotency store", { cause: error });
    }
  };
  /**
   * Save an in progress record to the idempotency store or return an stored result.
   *
   * Before returning a result, we might neede to look up the idempotency record
   * and validate it to ensure that it is consistent with the payload to be hashed.
   */
  #saveInProgressOrReturnExistingResult = async ({ isReplay } = {}) => {
    const returnValue = {
      isIdempotent: false,
      result: void 0
    };
    try {
      await this.#persistenceStore.saveInProgress(this.#functionPayloadToBeHashed, this.#idempotencyConfig.lambdaContext?.getRemainingTimeInMillis());
      return returnValue;
    } catch (error) {
      if (!(error instanceof Error))
        throw new IdempotencyUnknownError("An unknown error occurred while processing the request.", { cause: error });
      if (error.name === "IdempotencyItemAlreadyExistsError") {
        if (isReplay) {
          return returnValue;
        }
        let idempotencyRecord = error.existingRecord;
        if (idempotencyRecord === void 0) {
          idempotencyRecord = await this.#persistenceStore.getRecord(this.#functionPayloadToBeHashed);
        } else {
          idempotencyRecord = this.#persistenceStore.processExistingRecord(idempotencyRecord, this.#functionPayloadToBeHashed);
        }
        returnValue.isIdempotent = true;
        returnValue.result = this.determineResultFromIdempotencyRecord(idempotencyRecord);
        return returnValue;
      }
      throw new IdempotencyPersistenceLayerError("Failed to save in progress record to idempotency store", { cause: error });
    }
  };
  /**
   * Save a successful result to the idempotency store.
   *
   * This is called when the handler returns successfully.
   *
   * @param result The result returned by the handler.
   */
  #saveSuccessfulResult = async (result) => {
    try {
      await this.#persistenceStore.saveSuccess(this.#functionPayloadToBeHashed, result);
    } catch (error) {
      throw new IdempotencyPersistenceLayerError("Failed to update success record to idempotency store", { cause: error });
    }
  };
};

// node_modules/@aws-lambda-powertools/idempotency/lib/esm/makeIdempotent.js
var isContext = (arg) => {
  return arg !== void 0 && arg !== null && typeof arg === "object" && "getRemainingTimeInMillis" in arg;
};
var isDurableContext = (arg) => {
  return arg !== void 0 && arg !== null && typeof arg === "object" && "step" in arg;
};
var isFnHandler = (fn, args) => {
  return fn !== void 0 && fn !== null && typeof fn === "function" && (isContext(args[1]) || isDurableContext(args[1]));
};
var isOptionsWithDataIndexArgument = (options) => {
  return options !== void 0 && options !== null && typeof options === "object" && "dataIndexArgument" in options;
};
function makeIdempotent(fn, options) {
  const { persistenceStore: persistenceStore2, config, keyPrefix } = options;
  const idempotencyConfig = config ?? new IdempotencyConfig({});
  if (!idempotencyConfig.isEnabled())
    return fn;
  return function(...args) {
    let functionPayloadToBeHashed;
    if (isFnHandler(fn, args)) {
      idempotencyConfig.registerLambdaContext(args[1]?.lambdaContext || args[1]);
      functionPayloadToBeHashed = args[0];
    } else if (isOptionsWithDataIndexArgument(options)) {
      functionPayloadToBeHashed = args[options.dataIndexArgument];
    } else {
      functionPayloadToBeHashed = args[0];
    }
    const isReplay = args[1]?.durableExecutionMode === "ReplayMode";
    return new IdempotencyHandler({
      functionToMakeIdempotent: fn,
      idempotencyConfig,
      persistenceStore: persistenceStore2,
      keyPrefix,
      functionArguments: args,
      functionPayloadToBeHashed,
      thisArg: this
    }).handle({ isReplay });
  };
}

// node_modules/@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/commons/lib/esm/version.js
var PT_VERSION = "2.35.0";

// node_modules/@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/commons/lib/esm/awsSdkUtils.js
var EXEC_ENV = process.env.AWS_EXECUTION_ENV || "NA";
var middlewareOptions = {
  relation: "after",
  toMiddleware: "getUserAgentMiddleware",
  name: "addPowertoolsToUserAgent",
  tags: ["POWERTOOLS", "USER_AGENT"]
};
var isSdkClient = (client) => typeof client === "object" && client !== null && "send" in client && typeof client.send === "function" && "config" in client && client.config !== void 0 && typeof client.config === "object" && client.config !== null && "middlewareStack" in client && client.middlewareStack !== void 0 && typeof client.middlewareStack === "object" && client.middlewareStack !== null && "identify" in client.middlewareStack && typeof client.middlewareStack.identify === "function" && "addRelativeTo" in client.middlewareStack && typeof client.middlewareStack.addRelativeTo === "function";
var customUserAgentMiddleware = (feature) => {
  return (next) => async (args) => {
    const existingUserAgent = args.request.headers["user-agent"] || "";
    if (existingUserAgent.includes("PT/NO-OP")) {
      const featureSpecificUserAgent = existingUserAgent.replace("PT/NO-OP", `PT/${feature}/${PT_VERSION} PTEnv/${EXEC_ENV}`);
      args.request.headers["user-agent"] = featureSpecificUserAgent;
      return await next(args);
    }
    if (existingUserAgent.includes("PT/")) {
      return await next(args);
    }
    args.request.headers["user-agent"] = existingUserAgent === "" ? `PT/${feature}/${PT_VERSION} PTEnv/${EXEC_ENV}` : `${existingUserAgent} PT/${feature}/${PT_VERSION} PTEnv/${EXEC_ENV}`;
    return await next(args);
  };
};
var hasPowertools = (middlewareStack) => {
  let found = false;
  for (const middleware of middlewareStack) {
    if (middleware.includes("addPowertoolsToUserAgent")) {
      found = true;
    }
  }
  return found;
};
var addUserAgentMiddleware = (client, feature) => {
  try {
    if (isSdkClient(client)) {
      if (hasPowertools(client.middlewareStack.identify())) {
        return;
      }
      client.middlewareStack.addRelativeTo(customUserAgentMiddleware(feature), middlewareOptions);
    } else {
      throw new Error("The client provided does not match the expected interface");
    }
  } catch (error) {
    console.warn("Failed to add user agent middleware", error);
  }
};

// node_modules/@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/commons/lib/esm/middleware/constants.js
var PREFIX = "powertools-for-aws";
var TRACER_KEY = `${PREFIX}.tracer`;
var METRICS_KEY = `${PREFIX}.metrics`;
var LOGGER_KEY = `${PREFIX}.logger`;
var IDEMPOTENCY_KEY = `${PREFIX}.idempotency`;

// node_modules/@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/commons/lib/esm/index.js
var env = process.env.AWS_EXECUTION_ENV || "NA";
if (!process.env.AWS_SDK_UA_APP_ID?.includes("/PTEnv/")) {
  const ptUserAgent = `PT/NO-OP/${PT_VERSION}/PTEnv/${env}`;
  process.env.AWS_SDK_UA_APP_ID = process.env.AWS_SDK_UA_APP_ID ? `${process.env.AWS_SDK_UA_APP_ID}/${ptUserAgent}` : ptUserAgent;
}

// node_modules/@aws-lambda-powertools/idempotency/lib/esm/persistence/DynamoDBPersistenceLayer.js
var import_client_dynamodb = require("@aws-sdk/client-dynamodb");
var import_util_dynamodb = require("@aws-sdk/util-dynamodb");

// node_modules/@aws-lambda-powertools/idempotency/lib/esm/persistence/BasePersistenceLayer.js
var import_node_crypto2 = require("node:crypto");

// node_modules/@aws-lambda-powertools/idempotency/node_modules/@aws-lambda-powertools/commons/lib/esm/LRUCache.js
var DEFAULT_MAX_SIZE = 100;
var NEWER = Symbol("newer");
var OLDER = Symbol("older");
var Item = class {
  key;
  value;
  [NEWER];
  [OLDER];
  constructor(key, value) {
    this.key = key;
    this.value = value;
    this[NEWER] = void 0;
    this[OLDER] = void 0;
  }
};
var LRUCache = class {
  leastRecentlyUsed;
  map;
  maxSize;
  mostRecentlyUsed;
  /**
   * A simple LRU cache implementation that uses a doubly linked list to track the order of items in
   * an hash map.
   *
   * When instatiating the cache, you can optionally specify the type of the key and value, as well
   * as the maximum size of the cache. If no maximum size is specified, the cache will default to
   * a size of 100.
   *
   * @example
   * ```typescript
   * const cache = new LRUCache<string, number>({ maxSize: 100 });
   * // or
   * // const cache = new LRUCache();
   *
   * cache.add('a', 1);
   * cache.add('b', 2);
   *
   * cache.get('a');
   *
   * console.log(cache.size()); // 2
   * ```
   *
   * @param config - The configuration options for the cache
   */
  constructor(config) {
    this.maxSize = config?.maxSize ?? DEFAULT_MAX_SIZE;
    this.map = /* @__PURE__ */ new Map();
  }
  /**
   * Adds a new item to the cache.
   *
   * If the key already exists, it updates the value and marks the item as the most recently used.
   * If inserting the new item would exceed the max size, the oldest item is removed from the cache.
   *
   * @param key - The key to add to the cache
   * @param value - The value to add to the cache
   */
  add(key, value) {
    if (this.map.has(key)) {
      const item2 = this.map.get(key);
      item2.value = value;
      this.trackItemUse(item2);
      return;
    }
    const item = new Item(key, value);
    this.map.set(key, item);
    if (this.mostRecentlyUsed) {
      this.mostRecentlyUsed[NEWER] = item;
      item[OLDER] = this.mostRecentlyUsed;
    } else {
      this.leastRecentlyUsed = item;
    }
    this.mostRecentlyUsed = item;
    if (this.map.size > this.maxSize) {
      this.shift();
    }
  }
  /**
   * Returns a value from the cache, or undefined if it's not in the cache.
   *
   * When a value is returned, it's marked as the most recently used item in the cache.
   *
   * @param key - The key to retrieve from the cache
   */
  get(key) {
    const item = this.map.get(key);
    if (!item)
      return;
    this.trackItemUse(item);
    return item.value;
  }
  /**
   * Returns `true` if the key exists in the cache, `false` otherwise.
   *
   * @param key - The key to check for in the cache
   */
  has(key) {
    return this.map.has(key);
  }
  /**
   * Removes an item from the cache, while doing so it also reconciles the linked list.
   *
   * @param key - The key to remove from the cache
   */
  remove(key) {
    const item = this.map.get(key);
    if (!item)
      return;
    this.map.delete(key);
    if (item[NEWER] && item[OLDER]) {
      item[OLDER][NEWER] = item[NEWER];
      item[NEWER][OLDER] = item[OLDER];
    } else if (item[NEWER]) {
      item[NEWER][OLDER] = void 0;
      this.leastRecentlyUsed = item[NEWER];
    } else if (item[OLDER]) {
      item[OLDER][NEWER] = void 0;
      this.mostRecentlyUsed = item[OLDER];
    } else {
      this.leastRecentlyUsed = this.mostRecentlyUsed = void 0;
    }
  }
  /**
   * Returns the current size of the cache.
   */
  size() {
    return this.map.size;
  }
  /**
   * Removes the oldest item from the cache and unlinks it from the linked list.
   */
  shift() {
    const item = this.leastRecentlyUsed;
    if (item[NEWER]) {
      this.leastRecentlyUsed = item[NEWER];
      this.leastRecentlyUsed[OLDER] = void 0;
    } else {
      this.leastRecentlyUsed = void 0;
      this.mostRecentlyUsed = void 0;
    }
    this.map.delete(item.key);
    item[NEWER] = void 0;
    item[OLDER] = void 0;
  }
  /**
   * Marks an item as the most recently used item in the cache.
   *
   * @param item - The item to mark as the most recently used
   */
  trackItemUse(item) {
    if (this.mostRecentlyUsed === item)
      return;
    if (item[NEWER]) {
      if (item === this.leastRecentlyUsed) {
        this.leastRecentlyUsed = item[NEWER];
      }
      item[NEWER][OLDER] = item[OLDER];
    }
    if (item[OLDER]) {
      item[OLDER][NEWER] = item[NEWER];
    }
    item[NEWER] = void 0;
    item[OLDER] = this.mostRecentlyUsed;
    if (this.mostRecentlyUsed) {
      this.mostRecentlyUsed[NEWER] = item;
    }
    this.mostRecentlyUsed = item;
  }
};

// node_modules/@aws-lambda-powertools/idempotency/lib/esm/deepSort.js
var sortObject = (object) => Object.keys(object).sort((a, b) => a.toLowerCase() < b.toLowerCase() ? -1 : 1).reduce((acc, key) => {
  acc[key] = deepSort(object[key]);
  return acc;
}, {});
var deepSort = (data) => {
  const type = getType(data);
  if (type === "object") {
    return sortObject(data);
  }
  if (type === "array") {
    return data.map(deepSort);
  }
  return data;
};

// node_modules/@aws-lambda-powertools/idempotency/lib/esm/persistence/IdempotencyRecord.js
var IdempotencyRecord = class {
  /**
   * The expiry timestamp of the record in seconds UTC.
   */
  expiryTimestamp;
  /**
   * The idempotency key of the record that is used to identify the record.
   */
  idempotencyKey;
  /**
   * An optional sort key that can be used with the {@link DynamoDBPersistenceLayer | `DynamoDBPersistenceLayer`}.
   */
  sortKey;
  /**
   * The expiry timestamp of the in progress record in milliseconds UTC.
   */
  inProgressExpiryTimestamp;
  /**
   * The hash of the payload of the request, used for comparing requests.
   */
  payloadHash;
  /**
   * The response data of the request, this will be returned if the payload hash matches.
   */
  responseData;
  /**
   * The idempotency record status can be COMPLETED, IN_PROGRESS or EXPIRED.
   * We check the status during idempotency processing to make sure we don't process an expired record and handle concurrent requests.
   * {@link constants.IdempotencyRecordStatusValue | IdempotencyRecordStatusValue}
   * @private
   */
  status;
  constructor(config) {
    this.idempotencyKey = config.idempotencyKey;
    this.expiryTimestamp = config.expiryTimestamp;
    this.inProgressExpiryTimestamp = config.inProgressExpiryTimestamp;
    this.responseData = config.responseData;
    this.payloadHash = config.payloadHash;
    this.status = config.status;
    this.sortKey = config.sortKey;
  }
  /**
   * Get the response data of the record.
   */
  getResponse() {
    return this.responseData;
  }
  /**
   * Get the status of the record.
   * @throws {IdempotencyInvalidStatusError} If the status is not a valid status.
   */
  getStatus() {
    if (this.isExpired()) {
      return IdempotencyRecordStatus.EXPIRED;
    }
    if (Object.values(IdempotencyRecordStatus).includes(this.status)) {
      return this.status;
    }
    throw new IdempotencyInvalidStatusError(this.status);
  }
  /**
   * Returns true if the record is expired or undefined.
   */
  isExpired() {
    return this.expiryTimestamp !== void 0 && Date.now() / 1e3 > this.expiryTimestamp;
  }
};

// node_modules/@aws-lambda-powertools/idempotency/lib/esm/persistence/BasePersistenceLayer.js
var BasePersistenceLayer = class _BasePersistenceLayer {
  idempotencyKeyPrefix;
  cache;
  configured = false;
  eventKeyJmesPath;
  expiresAfterSeconds = 60 * 60;
  // 1 hour default
  hashFunction = "md5";
  payloadValidationEnabled = false;
  throwOnNoIdempotencyKey = false;
  useLocalCache = false;
  validationKeyJmesPath;
  #jmesPathOptions;
  #maxLocalCacheSize;
  #configMismatchWarned = false;
  /**
   * Base value for the idempotency key prefix, snapshotted at construction
   * time so that {@link configure | `configure()`} - which runs on every
   * invocation - can recompute the prefix deterministically instead of
   * appending to an already-mutated value.
   */
  #keyPrefixBase;
  constructor() {
    this.#keyPrefixBase = getStringFromEnv({
      key: "AWS_LAMBDA_FUNCTION_NAME",
      defaultValue: ""
    });
    this.idempotencyKeyPrefix = this.#keyPrefixBase;
  }
  /**
   * Initialize the base persistence layer from the configuration settings
   *
   * @param {BasePersistenceLayerConfigureOptions} options - configuration object for the persistence layer
   */
  configure(options) {
    const { config: idempotencyConfig, keyPrefix, functionName } = options;
    if (keyPrefix?.trim()) {
      this.idempotencyKeyPrefix = keyPrefix.trim();
    } else if (functionName?.trim()) {
      this.idempotencyKeyPrefix = `${this.#keyPrefixBase}.${functionName.trim()}`;
    }
    if (this.configured) {
      this.#warnIfConfigMismatch(idempotencyConfig);
      return;
    }
    this.configured = true;
    this.eventKeyJmesPath = idempotencyConfig?.eventKeyJmesPath;
    this.validationKeyJmesPath = idempotencyConfig?.payloadValidationJmesPath;
    this.#jmesPathOptions = idempotencyConfig.jmesPathOptions;
    this.payloadValidationEnabled = this.validationKeyJmesPath !== void 0 || false;
    this.throwOnNoIdempotencyKey = idempotencyConfig?.throwOnNoIdempotencyKey || false;
    this.eventKeyJmesPath = idempotencyConfig.eventKeyJmesPath;
    this.expiresAfterSeconds = idempotencyConfig.expiresAfterSeconds;
    this.useLocalCache = idempotencyConfig.useLocalCache;
    this.#maxLocalCacheSize = idempotencyConfig.maxLocalCacheSize;
    if (this.useLocalCache) {
      this.cache = new LRUCache({
        maxSize: idempotencyConfig.maxLocalCacheSize
      });
    }
    this.hashFunction = idempotencyConfig.hashFunction;
  }
  /**
   * Warn the customer - once per persistence layer instance - when an already
   * configured persistence layer is passed an idempotency configuration that
   * materially differs from the one it was configured with.
   *
   * A persistence layer is configured only once (see {@link configure | `configure()`}),
   * so when the same instance is shared across multiple idempotent operations
   * that use different settings, all but the first configuration are silently
   * ignored. This can lead to subtle bugs, e.g. an `eventKeyJmesPath` that
   * doesn't match the payload of the second operation.
   *
   * The comparison is intentionally cheap: strict equality on the scalar
   * settings that {@link configure | `configure()`} snapshots, plus a
   * constructor identity check for the custom JMESPath functions, whose
   * behavior is entirely determined by their prototype chain.
   *
   * @param config - the incoming idempotency configuration that is being ignored
   */
  #warnIfConfigMismatch(config) {
    if (this.#configMismatchWarned)
      return;
    const mismatchedSettings = [];
    if (config.eventKeyJmesPath !== this.eventKeyJmesPath) {
      mismatchedSettings.push("eventKeyJmesPath");
    }
    if (config.payloadValidationJmesPath !== this.validationKeyJmesPath) {
      mismatchedSettings.push("payloadValidationJmesPath");
    }
    if (config.throwOnNoIdempotencyKey !== this.throwOnNoIdempotencyKey) {
      mismatchedSettings.push("throwOnNoIdempotencyKey");
    }
    if (config.expiresAfterSeconds !== this.expiresAfterSeconds) {
      mismatchedSettings.push("expiresAfterSeconds");
    }
    if (config.useLocalCache !== this.useLocalCache) {
      mismatchedSettings.push("useLocalCache");
    }
    if (config.maxLocalCacheSize !== this.#maxLocalCacheSize) {
      mismatchedSettings.push("maxLocalCacheSize");
    }
    if (config.hashFunction !== this.hashFunction) {
      mismatchedSettings.push("hashFunction");
    }
    if (config.jmesPathOptions?.customFunctions?.constructor !== this.#jmesPathOptions?.customFunctions?.constructor) {
      mismatchedSettings.push("jmesPathOptions");
    }
    if (mismatchedSettings.length === 0)
      return;
    this.#configMismatchWarned = true;
    console.warn(`This persistence layer is already configured with a different idempotency configuration; the new configuration is ignored (${mismatchedSettings.join(", ")}). If your idempotent operations require different configurations, use a separate persistence layer instance for each one.`);
  }
  /**
   * Deletes a record from the persistence store for the persistence key generated from the data passed in.
   *
   * @param data - the data payload that will be hashed to create the hash portion of the idempotency key
   */
  async deleteRecord(data) {
    const idempotencyRecord = new IdempotencyRecord({
      idempotencyKey: this.getHashedIdempotencyKey(data),
      status: IdempotencyRecordStatus.EXPIRED
    });
    await this._deleteRecord(idempotencyRecord);
    this.deleteFromCache(idempotencyRecord.idempotencyKey);
  }
  /**
   * Retrieve the number of seconds that records will be kept in the persistence store
   */
  getExpiresAfterSeconds() {
    return this.expiresAfterSeconds;
  }
  /**
   * Retrieves idempotency key for the provided data and fetches data for that key from the persistence store
   *
   * @param data - the data payload that will be hashed to create the hash portion of the idempotency key
   */
  async getRecord(data) {
    const idempotencyKey = this.getHashedIdempotencyKey(data);
    const cachedRecord = this.getFromCache(idempotencyKey);
    if (cachedRecord) {
      this.validatePayload(data, cachedRecord);
      return cachedRecord;
    }
    const record = await this._getRecord(idempotencyKey);
    this.processExistingRecord(record, data);
    return record;
  }
  /**
   * Check whether payload validation is enabled or not
   */
  isPayloadValidationEnabled() {
    return this.payloadValidationEnabled;
  }
  /**
   * Validates an existing record against the data payload being processed.
   * If the payload does not match the stored record, an `IdempotencyValidationError` error is thrown.
   *
   * Whenever a record is retrieved from the persistence layer, it should be validated against the data payload
   * being processed. This is to ensure that the data payload being processed is the same as the one that was
   * used to create the record in the first place.
   *
   * The record is also saved to the local cache if local caching is enabled.
   *
   * @param storedDataRecord - the stored record to validate against
   * @param processedData - the data payload being processed and to be validated against the stored record
   */
  processExistingRecord(storedDataRecord, processedData) {
    this.validatePayload(processedData, storedDataRecord);
    this.saveToCache(storedDataRecord);
    return storedDataRecord;
  }
  /**
   * Saves a record indicating that the function's execution is currently in progress
   *
   * @param data - the data payload that will be hashed to create the hash portion of the idempotency key
   * @param remainingTimeInMillis - the remaining time left in the lambda execution context
   */
  async saveInProgress(data, remainingTimeInMillis) {
    const idempotencyRecord = new IdempotencyRecord({
      idempotencyKey: this.getHashedIdempotencyKey(data),
      status: IdempotencyRecordStatus.INPROGRESS,
      expiryTimestamp: this.getExpiryTimestamp(),
      payloadHash: this.getHashedPayload(data)
    });
    if (remainingTimeInMillis) {
      idempotencyRecord.inProgressExpiryTimestamp = Date.now() + remainingTimeInMillis;
    } else {
      console.warn("Could not determine remaining time left. Did you call registerLambdaContext on IdempotencyConfig?");
    }
    const cachedRecord = this.getFromCache(idempotencyRecord.idempotencyKey);
    if (cachedRecord) {
      throw new IdempotencyItemAlreadyExistsError(`Failed to put record for already existing idempotency key: ${idempotencyRecord.idempotencyKey}`, cachedRecord);
    }
    await this._putRecord(idempotencyRecord);
  }
  /**
   * Saves a record of the function completing successfully. This will create a record with a COMPLETED status
   * and will save the result of the completed function in the idempotency record.
   *
   * @param data - the data payload that will be hashed to create the hash portion of the idempotency key
   * @param result - the result of the successfully completed function
   */
  async saveSuccess(data, result) {
    const idempotencyRecord = new IdempotencyRecord({
      idempotencyKey: this.getHashedIdempotencyKey(data),
      status: IdempotencyRecordStatus.COMPLETED,
      expiryTimestamp: this.getExpiryTimestamp(),
      responseData: result,
      payloadHash: this.getHashedPayload(data)
    });
    await this._updateRecord(idempotencyRecord);
    this.saveToCache(idempotencyRecord);
  }
  deleteFromCache(idempotencyKey) {
    if (!this.useLocalCache)
      return;
    if (this.cache?.has(idempotencyKey)) {
      this.cache?.remove(idempotencyKey);
    }
  }
  /**
   * Generates a hash of the data and returns the digest of that hash
   *
   * @param data the data payload that will generate the hash
   * @returns the digest of the generated hash
   */
  generateHash(data) {
    const hash = (0, import_node_crypto2.createHash)(this.hashFunction);
    hash.update(data);
    return hash.digest("base64");
  }
  /**
   * Creates the expiry timestamp for the idempotency record
   *
   * @returns the expiry time for the record expressed as number of seconds past the UNIX epoch
   */
  getExpiryTimestamp() {
    const currentTime = Date.now() / 1e3;
    return Math.round(currentTime + this.expiresAfterSeconds);
  }
  getFromCache(idempotencyKey) {
    if (!this.useLocalCache)
      return void 0;
    const cachedRecord = this.cache?.get(idempotencyKey);
    if (cachedRecord) {
      if (!cachedRecord.isExpired())
        return cachedRecord;
      this.deleteFromCache(idempotencyKey);
    }
  }
  /**
   * Generates the idempotency key used to identify records in the persistence store.
   *
   * @param data the data payload that will be hashed to create the hash portion of the idempotency key
   * @returns the idempotency key
   */
  getHashedIdempotencyKey(data) {
    const payload = this.eventKeyJmesPath ? search(this.eventKeyJmesPath, data, this.#jmesPathOptions) : data;
    if (_BasePersistenceLayer.isMissingIdempotencyKey(payload)) {
      if (this.throwOnNoIdempotencyKey) {
        throw new IdempotencyKeyError("No data found to create a hashed idempotency_key");
      }
      console.warn(`No value found for idempotency_key. jmespath: ${this.eventKeyJmesPath}`);
    }
    return `${this.idempotencyKeyPrefix}#${this.generateHash(JSON.stringify(deepSort(payload)))}`;
  }
  /**
   * Extract payload using validation key jmespath and return a hashed representation
   *
   * @param data payload
   */
  getHashedPayload(data) {
    if (this.isPayloadValidationEnabled() && this.validationKeyJmesPath) {
      return this.generateHash(JSON.stringify(deepSort(search(this.validationKeyJmesPath, data, this.#jmesPathOptions))));
    }
    return "";
  }
  static isMissingIdempotencyKey(data) {
    if (Array.isArray(data) || typeof data === "object") {
      if (data === null)
        return true;
      for (const value of Object.values(data)) {
        if (value) {
          return false;
        }
      }
      return true;
    }
    return !data;
  }
  /**
   * Save record to local cache except for when status is `INPROGRESS`.
   *
   * Records with `INPROGRESS` status are not cached because we have no way to
   * reflect updates that might happen to the record outside the execution
   * context of the function.
   *
   * @param record - record to save
   */
  saveToCache(record) {
    if (!this.useLocalCache)
      return;
    if (record.getStatus() === IdempotencyRecordStatus.INPROGRESS)
      return;
    this.cache?.add(record.idempotencyKey, record);
  }
  /**
   * Validates the payload against the stored record. If the payload does not match the stored record,
   * an `IdempotencyValidationError` error is thrown.
   *
   * @param data - The data payload to validate against the stored record
   * @param storedDataRecord - The stored record to validate against
   */
  validatePayload(data, storedDataRecord) {
    if (this.payloadValidationEnabled) {
      const hashedPayload = data instanceof IdempotencyRecord ? data.payloadHash : this.getHashedPayload(data);
      if (hashedPayload !== storedDataRecord.payloadHash) {
        throw new IdempotencyValidationError("Payload does not match stored record for this event key", storedDataRecord);
      }
    }
  }
};

// node_modules/@aws-lambda-powertools/idempotency/lib/esm/persistence/DynamoDBPersistenceLayer.js
var DynamoDBPersistenceLayer = class extends BasePersistenceLayer {
  client;
  dataAttr;
  expiryAttr;
  inProgressExpiryAttr;
  keyAttr;
  sortKeyAttr;
  staticPkValue;
  statusAttr;
  tableName;
  validationKeyAttr;
  constructor(config) {
    super();
    this.tableName = config.tableName;
    this.keyAttr = config.keyAttr ?? "id";
    this.statusAttr = config.statusAttr ?? PERSISTENCE_ATTRIBUTE_KEY_MAPPINGS.statusAttr;
    this.expiryAttr = config.expiryAttr ?? PERSISTENCE_ATTRIBUTE_KEY_MAPPINGS.expiryAttr;
    this.inProgressExpiryAttr = config.inProgressExpiryAttr ?? PERSISTENCE_ATTRIBUTE_KEY_MAPPINGS.inProgressExpiryAttr;
    this.dataAttr = config.dataAttr ?? PERSISTENCE_ATTRIBUTE_KEY_MAPPINGS.dataAttr;
    this.validationKeyAttr = config.validationKeyAttr ?? PERSISTENCE_ATTRIBUTE_KEY_MAPPINGS.validationKeyAttr;
    if (config.sortKeyAttr === this.keyAttr) {
      throw new Error(`keyAttr [${this.keyAttr}] and sortKeyAttr [${config.sortKeyAttr}] cannot be the same!`);
    }
    this.sortKeyAttr = config.sortKeyAttr;
    this.staticPkValue = config.staticPkValue ?? `idempotency#${this.idempotencyKeyPrefix}`;
    if (config.awsSdkV3Client) {
      if (isSdkClient(config.awsSdkV3Client)) {
        this.client = config.awsSdkV3Client;
      } else {
        console.warn("awsSdkV3Client is not an AWS SDK v3 client, using default client");
        this.client = new import_client_dynamodb.DynamoDBClient(config.clientConfig ?? {});
      }
    } else {
      this.client = new import_client_dynamodb.DynamoDBClient(config.clientConfig ?? {});
    }
    addUserAgentMiddleware(this.client, "idempotency");
  }
  async _deleteRecord(record) {
    await this.client.send(new import_client_dynamodb.DeleteItemCommand({
      TableName: this.tableName,
      Key: this.getKey(record.idempotencyKey)
    }));
  }
  async _getRecord(idempotencyKey) {
    const result = await this.client.send(new import_client_dynamodb.GetItemCommand({
      TableName: this.tableName,
      Key: this.getKey(idempotencyKey),
      ConsistentRead: true
    }));
    if (!result.Item) {
      throw new IdempotencyItemNotFoundError();
    }
    const item = (0, import_util_dynamodb.unmarshall)(result.Item);
    return new IdempotencyRecord({
      idempotencyKey: item[this.keyAttr],
      sortKey: this.sortKeyAttr && item[this.sortKeyAttr],
      status: item[this.statusAttr],
      expiryTimestamp: item[this.expiryAttr],
      inProgressExpiryTimestamp: item[this.inProgressExpiryAttr],
      responseData: item[this.dataAttr],
      payloadHash: item[this.validationKeyAttr]
    });
  }
  async _putRecord(record) {
    const item = {
      ...this.getKey(record.idempotencyKey),
      ...(0, import_util_dynamodb.marshall)({
        [this.expiryAttr]: record.expiryTimestamp,
        [this.statusAttr]: record.getStatus()
      })
    };
    if (record.inProgressExpiryTimestamp !== void 0) {
      item[this.inProgressExpiryAttr] = {
        N: record.inProgressExpiryTimestamp.toString()
      };
    }
    if (this.isPayloadValidationEnabled() && record.payloadHash !== void 0) {
      item[this.validationKeyAttr] = {
        S: record.payloadHash
      };
    }
    try {
      const idempotencyKeyDoesNotExist = "attribute_not_exists(#id)";
      const idempotencyKeyExpired = "#expiry < :now";
      const inProgressExpiryExpired = [
        "#status = :inprogress",
        "attribute_exists(#in_progress_expiry)",
        "#in_progress_expiry < :now_in_millis"
      ].join(" AND ");
      const conditionExpression = [
        idempotencyKeyDoesNotExist,
        idempotencyKeyExpired,
        `(${inProgressExpiryExpired})`
      ].join(" OR ");
      const now = Date.now();
      await this.client.send(new import_client_dynamodb.PutItemCommand({
        TableName: this.tableName,
        Item: item,
        ExpressionAttributeNames: {
          "#id": this.keyAttr,
          "#expiry": this.expiryAttr,
          "#in_progress_expiry": this.inProgressExpiryAttr,
          "#status": this.statusAttr
        },
        ExpressionAttributeValues: (0, import_util_dynamodb.marshall)({
          ":now": now / 1e3,
          ":now_in_millis": now,
          ":inprogress": IdempotencyRecordStatus.INPROGRESS
        }),
        ConditionExpression: conditionExpression,
        ReturnValuesOnConditionCheckFailure: "ALL_OLD"
      }));
    } catch (error) {
      if (error instanceof import_client_dynamodb.ConditionalCheckFailedException) {
        const item2 = error.Item && (0, import_util_dynamodb.unmarshall)(error.Item);
        const idempotencyRecord = item2 && new IdempotencyRecord({
          idempotencyKey: item2[this.keyAttr],
          sortKey: this.sortKeyAttr && item2[this.sortKeyAttr],
          status: item2[this.statusAttr],
          expiryTimestamp: item2[this.expiryAttr],
          inProgressExpiryTimestamp: item2[this.inProgressExpiryAttr],
          responseData: item2[this.dataAttr],
          payloadHash: item2[this.validationKeyAttr]
        });
        throw new IdempotencyItemAlreadyExistsError(`Failed to put record for already existing idempotency key: ${record.idempotencyKey}${this.sortKeyAttr ? ` and sort key: ${record.sortKey}` : ""}`, idempotencyRecord);
      }
      throw error;
    }
  }
  async _updateRecord(record) {
    const updateExpressionFields = [
      "#expiry = :expiry",
      "#status = :status"
    ];
    const expressionAttributeNames = {
      "#expiry": this.expiryAttr,
      "#status": this.statusAttr
    };
    const expressionAttributeValues = {
      ":expiry": record.expiryTimestamp,
      ":status": record.getStatus()
    };
    if (record.responseData !== void 0) {
      updateExpressionFields.push("#response_data = :response_data");
      expressionAttributeNames["#response_data"] = this.dataAttr;
      expressionAttributeValues[":response_data"] = record.responseData;
    }
    if (this.isPayloadValidationEnabled()) {
      updateExpressionFields.push("#validation_key = :validation_key");
      expressionAttributeNames["#validation_key"] = this.validationKeyAttr;
      expressionAttributeValues[":validation_key"] = record.payloadHash;
    }
    await this.client.send(new import_client_dynamodb.UpdateItemCommand({
      TableName: this.tableName,
      Key: this.getKey(record.idempotencyKey),
      UpdateExpression: `SET ${updateExpressionFields.join(", ")}`,
      ExpressionAttributeNames: expressionAttributeNames,
      ExpressionAttributeValues: (0, import_util_dynamodb.marshall)(expressionAttributeValues)
    }));
  }
  /**
   * Build primary key attribute simple or composite based on params.
   *
   * When sortKeyAttr is set, we must return a composite key with staticPkValue,
   * otherwise we use the idempotency key given.
   *
   * @param idempotencyKey
   */
  getKey(idempotencyKey) {
    if (this.sortKeyAttr) {
      return (0, import_util_dynamodb.marshall)({
        [this.keyAttr]: this.staticPkValue,
        [this.sortKeyAttr]: idempotencyKey
      });
    }
    return (0, import_util_dynamodb.marshall)({
      [this.keyAttr]: idempotencyKey
    });
  }
};

// bench/.cold-start-HJYAem/powertools-entry.mjs
var persistenceStore = new DynamoDBPersistenceLayer({ tableName: "idempotency" });
var handler = makeIdempotent(async (event) => ({ charged: event.orderId }), {
  persistenceStore,
  config: new IdempotencyConfig({ eventKeyJmesPath: "orderId" })
});
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  handler
});
/*! Bundled license information:

@aws-lambda-powertools/jmespath/lib/esm/utils.js:
@aws-lambda-powertools/jmespath/lib/esm/TreeInterpreter.js:
@aws-lambda-powertools/jmespath/lib/esm/Parser.js:
@aws-lambda-powertools/commons/lib/esm/awsSdkUtils.js:
@aws-lambda-powertools/commons/lib/esm/LRUCache.js:
@aws-lambda-powertools/idempotency/lib/esm/persistence/BasePersistenceLayer.js:
  (* v8 ignore else -- @preserve *)
*/

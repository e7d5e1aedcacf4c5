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
function outboxVariableName(bus2) {
  return `${environmentPrefix}OUTBOX_${bus2.toUpperCase()}`;
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
function awsWhere(service) {
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "(none set)";
  const endpoint = process.env[`AWS_ENDPOINT_URL_${service}`] ?? process.env.AWS_ENDPOINT_URL;
  return `in region ${region}${endpoint ? ` at ${endpoint}` : ""}`;
}
function accessDeniedMessage(operation, subject, grant, cause) {
  return `${operation} on ${subject} was refused: the function may do only what its state: block grants, and ${operation} needs ${grant}. ${cause instanceof Error ? cause.message : String(cause)}`;
}
var StatefulRuntimeError, ResourceNotDeclaredError, MissingModuleError, ConditionFailedError, TransactionTooLargeError, TransactionCanceledError, BatchIncompleteError, countOf, BatchWriteIncompleteError;
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
    ConditionFailedError = class extends StatefulRuntimeError {
      table;
      key;
      current;
      name = "ConditionFailedError";
      constructor(table2, key, current, detail, options) {
        super(`${detail} (table ${table2}, key ${JSON.stringify(key)})`, options);
        this.table = table2;
        this.key = key;
        this.current = current;
      }
    };
    TransactionTooLargeError = class extends StatefulRuntimeError {
      name = "TransactionTooLargeError";
    };
    TransactionCanceledError = class extends StatefulRuntimeError {
      reasons;
      attempts;
      name = "TransactionCanceledError";
      constructor(reasons, attempts, options) {
        const lines = reasons.map((reason) => `#${reason.index} ${reason.table} ${JSON.stringify(reason.key)}: ${reason.code}${reason.message ? ` (${reason.message})` : ""}`);
        super(`Transaction cancelled after ${attempts} attempt${attempts === 1 ? "" : "s"}: ${lines.join("; ")}`, options);
        this.reasons = reasons;
        this.attempts = attempts;
      }
    };
    BatchIncompleteError = class extends StatefulRuntimeError {
      table;
      unprocessed;
      name = "BatchIncompleteError";
      constructor(table2, unprocessed, attempts, options) {
        super(`${unprocessed.length} item(s) of table ${table2} still unprocessed after ${attempts} attempts`, options);
        this.table = table2;
        this.unprocessed = unprocessed;
      }
    };
    countOf = (writes) => writes.put.length + writes.delete.length;
    BatchWriteIncompleteError = class extends BatchIncompleteError {
      written;
      unwritten;
      uncertain;
      name = "BatchWriteIncompleteError";
      constructor(table2, written, unwritten, uncertain, attempts, options = {}) {
        super(table2, [...unwritten.put, ...unwritten.delete, ...uncertain.put, ...uncertain.delete], attempts, options);
        this.written = written;
        this.unwritten = unwritten;
        this.uncertain = uncertain;
        const total = countOf(written) + countOf(unwritten) + countOf(uncertain);
        const why = options.cause === void 0 ? `DynamoDB left writes unprocessed after ${attempts} attempts` : messageOf(options.cause);
        this.message = `batchWrite on table ${table2} stopped part-way: ${countOf(written)} of ${total} writes were made (error.written), ${countOf(unwritten)} were not (error.unwritten), and ${countOf(uncertain)} were sent without an answer and may have been (error.uncertain). ${why}`;
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
function toAttribute(value) {
  if (typeof value === "string")
    return { S: value };
  if (typeof value === "number" && Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER) {
    return { N: String(value) };
  }
  return (0, import_util_dynamodb.convertToAttr)(value, marshalOptions);
}
function toAttributeMap(map) {
  const converted = {};
  for (const name in map) {
    const value = map[name];
    if (value !== void 0 && typeof value !== "function")
      converted[name] = toAttribute(value);
  }
  return converted;
}
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
function tableFailure(error, tables2, operation) {
  if (!(error instanceof Error))
    return error;
  const notFound = error.name === "ResourceNotFoundException";
  if (!notFound && error.name !== "AccessDeniedException")
    return error;
  const concerned = tables2.filter((table2) => error.message.includes(`:table/${table2.tableName}`));
  const subjects = concerned.length > 0 ? concerned : [...new Map(tables2.map((table2) => [table2.tableName, table2])).values()];
  return notFound ? new TableNotFoundError(subjects, operation, { cause: error }) : new TableAccessDeniedError(subjects, operation, { cause: error });
}
function placeOf({ table: table2, operation, index: index2 }) {
  const position = index2 === void 0 ? "" : ` ${operation.startsWith("Transact") ? "operation" : "entry"} #${index2}`;
  return `${operation}${position} on table ${named([table2])}`;
}
function shownValue(value) {
  let text;
  try {
    text = JSON.stringify(value, (_name, inner) => typeof inner === "bigint" ? `${inner}n` : typeof inner === "number" && !Number.isFinite(inner) ? String(inner) : inner instanceof Set ? [...inner] : inner);
  } catch {
    text = void 0;
  }
  text ??= String(value);
  return text.length > 200 ? `${text.slice(0, 200)}\u2026` : text;
}
var reads, named, TableNotFoundError, TableAccessDeniedError, nothingDone, InvalidKeyError, ItemTooLargeError, UnstorableValueError, DuplicateItemError;
var init_table_errors = __esm({
  "runtime/dist/esm/tables/table-errors.js"() {
    "use strict";
    init_errors();
    reads = /* @__PURE__ */ new Set(["GetItem", "Query", "Scan", "BatchGetItem", "TransactGetItems"]);
    named = (tables2) => tables2.map((table2) => `${table2.name} (${table2.tableName})`).join(", ");
    TableNotFoundError = class extends StatefulRuntimeError {
      tables;
      operation;
      name = "TableNotFoundError";
      constructor(tables2, operation, options) {
        super(`${operation}: ${tables2.length === 1 ? "table" : "one of the tables"} ${named(tables2)} does not exist ${awsWhere("DYNAMODB")}. Is the stack deployed to this stage and region?`, options);
        this.tables = tables2;
        this.operation = operation;
      }
    };
    TableAccessDeniedError = class extends StatefulRuntimeError {
      tables;
      operation;
      name = "TableAccessDeniedError";
      constructor(tables2, operation, options) {
        const grant = reads.has(operation) ? "read (or readwrite)" : "write (or readwrite)";
        super(accessDeniedMessage(operation, `table ${named(tables2)}`, grant, options.cause), options);
        this.tables = tables2;
        this.operation = operation;
      }
    };
    nothingDone = (place) => reads.has(place.operation) ? "Nothing was read." : "Nothing was written.";
    InvalidKeyError = class extends StatefulRuntimeError {
      key;
      problems;
      keySchema;
      name = "InvalidKeyError";
      table;
      operation;
      constructor(place, key, problems, keySchema, options = {}) {
        const expected = keySchema ? `the table's key, ${keySchema}` : "the table's key";
        const what = problems.length > 0 ? `: ${problems.join("; ")}` : options.cause ? ` (DynamoDB: ${messageOf(options.cause)})` : "";
        const unread = options.schemaUnread === void 0 ? "" : ` The table's key could not be read to say more: ${messageOf(options.schemaUnread)}`;
        super(`${placeOf(place)}: key ${shownValue(key)} does not match ${expected}${what}. ${nothingDone(place)}${unread}`, {
          cause: options.cause
        });
        this.key = key;
        this.problems = problems;
        this.keySchema = keySchema;
        this.table = place.table;
        this.operation = place.operation;
      }
    };
    ItemTooLargeError = class extends StatefulRuntimeError {
      key;
      bytes;
      name = "ItemTooLargeError";
      table;
      operation;
      constructor(place, key, bytes, options = {}) {
        const size = bytes === void 0 ? "would be larger than DynamoDB stores after this update" : `is ${bytes} bytes, more than DynamoDB stores`;
        super(`${placeOf(place)}: the item with key ${shownValue(key)} ${size}: 409600 bytes (400 KB) an item, names and values counted. Nothing was written.`, options);
        this.key = key;
        this.bytes = bytes;
        this.table = place.table;
        this.operation = place.operation;
      }
    };
    UnstorableValueError = class extends StatefulRuntimeError {
      key;
      path;
      reason;
      name = "UnstorableValueError";
      table;
      operation;
      constructor(place, key, path, reason, options = {}) {
        const item = key === void 0 ? "" : ` (key ${shownValue(key)})`;
        super(`${placeOf(place)}${item}: ${path} is ${reason}. ${nothingDone(place)}`, options);
        this.key = key;
        this.path = path;
        this.reason = reason;
        this.table = place.table;
        this.operation = place.operation;
      }
    };
    DuplicateItemError = class extends StatefulRuntimeError {
      key;
      positions;
      name = "DuplicateItemError";
      table;
      operation;
      constructor(place, key, positions, options = {}) {
        const transaction = place.operation.startsWith("Transact");
        const [first, second] = positions;
        super(`${place.operation} on table ${named([place.table])}: ${transaction ? "operations" : "entries"} #${first} and #${second} are on the same item, key ${shownValue(key)}; DynamoDB takes one ${transaction ? "operation per item in a transaction" : "request per item in a batch"}. ${nothingDone(place)}`, options);
        this.key = key;
        this.positions = positions;
        this.table = place.table;
        this.operation = place.operation;
      }
    };
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
async function describe(tableName) {
  const { client, commands } = await dynamodbClient();
  const { Table: Table2 } = await client.send(new commands.DescribeTableCommand({ TableName: tableName }));
  const types = new Map((Table2?.AttributeDefinitions ?? []).map((d) => [d.AttributeName, d.AttributeType]));
  const attributes = (elements = []) => [...elements].sort((a, b) => a.KeyType === "HASH" ? -1 : b.KeyType === "HASH" ? 1 : 0).map((element) => ({ name: element.AttributeName ?? "", type: types.get(element.AttributeName) ?? "?" }));
  const indexes = {};
  for (const index2 of [...Table2?.GlobalSecondaryIndexes ?? [], ...Table2?.LocalSecondaryIndexes ?? []]) {
    if (index2.IndexName)
      indexes[index2.IndexName] = attributes(index2.KeySchema);
  }
  return { key: attributes(Table2?.KeySchema), indexes };
}
function keySchemaOf(tableName) {
  let schema = schemas.get(tableName);
  if (!schema) {
    schema = describe(tableName);
    schemas.set(tableName, schema);
    schema.catch(() => schemas.delete(tableName));
  }
  return schema;
}
function showKey(key) {
  return key.map((attribute) => `${attribute.name} (${attribute.type})`).join(" and ");
}
function typeOf(value) {
  if (typeof value === "string")
    return "S";
  if (typeof value === "number" || typeof value === "bigint")
    return "N";
  if (value instanceof Uint8Array)
    return "B";
  if (value === null)
    return "null";
  if (value instanceof Date)
    return "a Date";
  if (Array.isArray(value))
    return "a list";
  if (value instanceof Set)
    return "a set";
  return typeof value === "object" ? "a map" : `a ${typeof value}`;
}
function keyProblems(key, schema, query = false) {
  const problems = [];
  schema.forEach((attribute, position) => {
    const value = key[attribute.name];
    if (value === void 0) {
      if (!(query && position > 0))
        problems.push(`${attribute.name} is missing`);
      return;
    }
    const type = typeOf(value);
    if (type !== attribute.type)
      problems.push(`${attribute.name} is ${type === "S" || type === "N" || type === "B" ? `of type ${type}` : type}, not ${attribute.type}`);
    else if (type === "S" && value === "" || type === "B" && value.byteLength === 0) {
      problems.push(`${attribute.name} is empty, which DynamoDB refuses in a key`);
    }
  });
  const names = new Set(schema.map((attribute) => attribute.name));
  for (const name of Object.keys(key)) {
    if (!names.has(name) && key[name] !== void 0)
      problems.push(`${name} is not part of the key`);
  }
  return problems;
}
function keyOfItem(item, schema) {
  const key = {};
  for (const attribute of schema)
    key[attribute.name] = item[attribute.name];
  return key;
}
var schemas;
var init_key_schema = __esm({
  "runtime/dist/esm/tables/key-schema.js"() {
    "use strict";
    init_clients();
    schemas = /* @__PURE__ */ new Map();
  }
});

// runtime/dist/esm/tables/storable.js
function reasonOf(value, inList) {
  switch (typeof value) {
    case "number":
      if (!Number.isFinite(value))
        return `${value}, which DynamoDB cannot store`;
      if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
        return `${value}, beyond Number.MAX_SAFE_INTEGER, which would lose digits: pass a BigInt or a NumberValue`;
      }
      return void 0;
    case "symbol":
      return "a symbol, which DynamoDB cannot store";
    case "undefined":
      return inList ? "undefined in a list, which would be dropped and move the elements after it: use null" : void 0;
    case "object":
      if (value instanceof Date) {
        return "a Date, which DynamoDB has no type for (it would be stored as an empty map): store date.toISOString() or date.getTime()";
      }
      if (value instanceof Set)
        return setReason(value);
      return void 0;
    default:
      return void 0;
  }
}
function setReason(set) {
  if (set.size === 0)
    return "an empty Set, which DynamoDB cannot store: leave the attribute out, or remove it";
  const kinds = /* @__PURE__ */ new Set();
  for (const member of set) {
    kinds.add(typeof member === "bigint" ? "number" : isBinary(member) ? "binary" : typeof member);
  }
  const [kind] = kinds;
  if (kinds.size > 1 || kind !== "string" && kind !== "number" && kind !== "binary") {
    return `a Set of ${[...kinds].join(" and ")} members; DynamoDB stores sets of strings, of numbers or of binaries`;
  }
  return void 0;
}
function findUnstorable(value, path = "", inList = false) {
  const reason = reasonOf(value, inList);
  if (reason)
    return { path: path || "(the value)", reason };
  if (typeof value !== "object" || value === null || isBinary(value) || value instanceof Set)
    return void 0;
  if (Array.isArray(value)) {
    for (let index2 = 0; index2 < value.length; index2++) {
      const found = findUnstorable(value[index2], `${path}[${index2}]`, true);
      if (found)
        return found;
    }
    return void 0;
  }
  const entries = value instanceof Map ? [...value] : Object.entries(value);
  for (const [name, inner] of entries) {
    const here = path ? `${path}.${String(name)}` : String(name);
    if (name === "")
      return { path: `${path}[""]`, reason: "an empty attribute name, which DynamoDB refuses" };
    const found = findUnstorable(inner, here);
    if (found)
      return found;
  }
  return void 0;
}
var isBinary;
var init_storable = __esm({
  "runtime/dist/esm/tables/storable.js"() {
    "use strict";
    isBinary = (value) => ArrayBuffer.isView(value) || value instanceof ArrayBuffer;
  }
});

// runtime/dist/esm/tables/explain.js
async function schemaOf(request) {
  try {
    const schema = await keySchemaOf(request.place.table.tableName);
    const index2 = request.query?.index;
    return { key: index2 === void 0 ? schema.key : schema.indexes[index2] };
  } catch (error) {
    return { unread: error };
  }
}
async function keyOfRequest(request) {
  if (request.key !== void 0 || !isAttributes(request.item))
    return request.key;
  const { key } = await schemaOf(request);
  return key ? keyOfItem(request.item, key) : void 0;
}
function notAKey(request) {
  const { key } = request;
  return new InvalidKeyError(request.place, key, [
    `a key is an object of the key attributes, not ${key === null ? "null" : Array.isArray(key) ? "a list" : typeof key}`
  ], void 0);
}
async function keyFailure(request, cause) {
  const schema = await schemaOf(request);
  const key = request.key !== void 0 ? request.key : schema.key && isAttributes(request.item) ? keyOfItem(request.item, schema.key) : void 0;
  if (key === void 0)
    return void 0;
  if (!isAttributes(key))
    return notAKey(request);
  if (!schema.key) {
    const aboutKey = cause instanceof Error && /\bkeys?\b/i.test(cause.message);
    return aboutKey ? new InvalidKeyError(request.place, key, [], void 0, { cause, schemaUnread: schema.unread }) : void 0;
  }
  const problems = keyProblems(key, schema.key, request.query !== void 0);
  return problems.length > 0 ? new InvalidKeyError(request.place, key, problems, showKey(schema.key), { cause }) : void 0;
}
function valueFailure(request, cause) {
  const found = (request.item !== void 0 ? findUnstorable(request.item) : void 0) ?? (request.key !== void 0 && request.item === void 0 ? findUnstorable(request.key, "key") : void 0) ?? (request.values !== void 0 ? findUnstorable(request.values) : void 0);
  return found && new UnstorableValueError(request.place, request.key, found.path, found.reason, { cause });
}
async function refusedItem(request, bytes) {
  if ("item" in request && !isAttributes(request.item)) {
    const got = request.item === null ? "null" : Array.isArray(request.item) ? "a list" : typeof request.item;
    return new UnstorableValueError(request.place, void 0, "(the item)", `${got}; an item is an object of attributes`);
  }
  return valueFailure(request, void 0) ?? new ItemTooLargeError(request.place, await keyOfRequest(request), Number.isNaN(bytes) ? void 0 : bytes);
}
async function explainRefusal(error, request) {
  const named2 = tableFailure(error, [request.place.table], request.place.operation);
  if (named2 !== error)
    return named2;
  if (isItemSizeError(error)) {
    const bytes = isAttributes(request.item) ? itemSize(request.item) : void 0;
    return new ItemTooLargeError(request.place, await keyOfRequest(request), bytes, { cause: error });
  }
  if (!isServiceError(error))
    return valueFailure(request, error) ?? error;
  if (!isValidation(error))
    return error;
  return await keyFailure(request, error) ?? valueFailure(request, error) ?? error;
}
async function findDuplicate(requests, cause) {
  const seen = /* @__PURE__ */ new Map();
  for (const [position, request] of requests.entries()) {
    const key = await keyOfRequest(request);
    if (!isAttributes(key))
      continue;
    const identity2 = identityOf(request.place.table.tableName, key, (await schemaOf(request)).key);
    const earlier = seen.get(identity2);
    if (earlier !== void 0) {
      const place = { table: request.place.table, operation: request.place.operation };
      return new DuplicateItemError(place, key, [earlier, position], { cause });
    }
    seen.set(identity2, position);
  }
  return void 0;
}
async function explainRequests(error, requests) {
  if (isDuplicateItemError(error)) {
    return await findDuplicate(requests, error) ?? error;
  }
  if (isItemSizeError(error)) {
    const large = requests.find((request) => isAttributes(request.item) && !(itemSize(request.item) <= maxItemBytes));
    return large ? explainRefusal(error, large) : error;
  }
  if (isServiceError(error) && !isValidation(error))
    return error;
  for (const request of requests) {
    const explained = await explainRefusal(error, request);
    if (explained !== error)
      return explained;
  }
  return error;
}
var isObject, isAttributes, isServiceError, isValidation, isDuplicateItemError, identityOf;
var init_explain = __esm({
  "runtime/dist/esm/tables/explain.js"() {
    "use strict";
    init_item_size();
    init_key_schema();
    init_storable();
    init_table_errors();
    isObject = (value) => typeof value === "object" && value !== null;
    isAttributes = (value) => isObject(value) && !Array.isArray(value);
    isServiceError = (error) => isObject(error) && "$fault" in error && isObject(error.$metadata);
    isValidation = (error) => error instanceof Error && error.name === "ValidationException";
    isDuplicateItemError = (error) => isValidation(error) && /multiple operations on one item|list of item keys contains duplicates/i.test(error.message);
    identityOf = (tableName, key, schema) => `${tableName}\0${JSON.stringify(schema ? schema.map((attribute) => key[attribute.name]) : key, (_, value) => typeof value === "bigint" ? `${value}n` : value)}`;
  }
});

// runtime/dist/esm/tables/expressions.js
function hasEntries(map) {
  for (const _ in map)
    return true;
  return false;
}
function conditionOf(placeholders, options, versionAttribute, extra = []) {
  placeholders.adopt(options);
  const { expectVersion } = options;
  if (expectVersion !== void 0 && !(Number.isSafeInteger(expectVersion) && expectVersion >= 0)) {
    throw new StatefulRuntimeError(`expectVersion must be a whole number, 0 or more (0: the item must not exist yet); got ${typeof expectVersion === "string" ? JSON.stringify(expectVersion) : String(expectVersion)}`);
  }
  const clauses = [...extra];
  if (options.when)
    clauses.push(options.when);
  if (options.expectVersion !== void 0) {
    const version = placeholders.name(versionAttribute);
    clauses.push(options.expectVersion === 0 ? `attribute_not_exists(${version})` : `${version} = ${placeholders.value(options.expectVersion)}`);
  }
  if (clauses.length <= 1)
    return clauses[0];
  return clauses.map((clause) => `(${clause})`).join(" AND ");
}
function updateExpression(spec, versionAttribute) {
  const placeholders = new Placeholders();
  const set = [];
  const remove = [];
  const add = [];
  for (const path in spec.set) {
    const value = spec.set[path];
    if (value === void 0) {
      throw new StatefulRuntimeError(`an update cannot set ${path} to undefined, which DynamoDB has no value for: to delete the attribute, use remove: ['${path}']`);
    }
    set.push(`${placeholders.name(path)} = ${placeholders.value(value)}`);
  }
  for (const path in spec.append) {
    const name = placeholders.name(path);
    const empty = placeholders.value([]);
    set.push(`${name} = list_append(if_not_exists(${name}, ${empty}), ${placeholders.value(spec.append[path])})`);
  }
  if (spec.expectVersion !== void 0) {
    set.push(`${placeholders.name(versionAttribute)} = ${placeholders.value(spec.expectVersion + 1)}`);
  }
  for (const path of spec.remove ?? [])
    remove.push(placeholders.name(path));
  for (const path in spec.add)
    add.push(`${placeholders.name(path)} ${placeholders.value(spec.add[path])}`);
  let update = set.length > 0 ? `SET ${set.join(", ")}` : "";
  if (remove.length > 0)
    update += `${update ? " " : ""}REMOVE ${remove.join(", ")}`;
  if (add.length > 0)
    update += `${update ? " " : ""}ADD ${add.join(", ")}`;
  if (!update)
    throw new StatefulRuntimeError("an update needs at least one of set, remove, add or append");
  return placeholders.toExpression({ update, condition: conditionOf(placeholders, spec, versionAttribute) });
}
var namePrefix, valuePrefix, Placeholders;
var init_expressions = __esm({
  "runtime/dist/esm/tables/expressions.js"() {
    "use strict";
    init_errors();
    namePrefix = "#s";
    valuePrefix = ":s";
    Placeholders = class {
      names = {};
      values = {};
      nameCount = 0;
      valueCount = 0;
      nameOf = /* @__PURE__ */ new Map();
      /** `address.city` → `#s0.#s1`: each segment of a document path gets its own placeholder. */
      name(path) {
        if (!path.includes("."))
          return this.segment(path);
        return path.split(".").map((segment) => this.segment(segment)).join(".");
      }
      segment(segment) {
        let placeholder = this.nameOf.get(segment);
        if (!placeholder) {
          placeholder = `${namePrefix}${this.nameCount++}`;
          this.nameOf.set(segment, placeholder);
          this.names[placeholder] = segment;
        }
        return placeholder;
      }
      value(value) {
        const placeholder = `${valuePrefix}${this.valueCount++}`;
        this.values[placeholder] = value;
        return placeholder;
      }
      /** Adds the caller's own placeholders, refusing any that look like ours. */
      adopt(options) {
        for (const key in options.names) {
          if (/^#s\d+$/.test(key)) {
            throw new StatefulRuntimeError(`name placeholder ${key} is reserved for generated ones; use another`);
          }
          this.names[key] = options.names[key];
        }
        for (const key in options.values) {
          if (/^:s\d+$/.test(key)) {
            throw new StatefulRuntimeError(`value placeholder ${key} is reserved for generated ones; use another`);
          }
          this.values[key] = options.values[key];
        }
      }
      toExpression(parts) {
        const expression = {};
        if (parts.update)
          expression.UpdateExpression = parts.update;
        if (parts.condition)
          expression.ConditionExpression = parts.condition;
        if (hasEntries(this.names))
          expression.ExpressionAttributeNames = this.names;
        if (hasEntries(this.values))
          expression.ExpressionAttributeValues = this.values;
        return expression;
      }
    };
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
var OutboxNotDeclaredError, EventRefusedError, PublishReplayError;
var init_outbox_errors = __esm({
  "runtime/dist/esm/outbox/outbox-errors.js"() {
    "use strict";
    init_errors();
    OutboxNotDeclaredError = class extends StatefulRuntimeError {
      bus;
      variable;
      busDeclared;
      name = "OutboxNotDeclaredError";
      constructor(bus2, variable, busDeclared) {
        super(`bus ${bus2} has no outbox for this function: ${variable} is not set. ` + (busDeclared ? `The function publishes to bus ${bus2}, but the bus has no outbox: declare state.buses.${bus2}.outbox: true in serverless.yml.` : `Declare state.buses.${bus2}.outbox: true in serverless.yml and give the function "${bus2}: publish" in its state: block.`));
        this.bus = bus2;
        this.variable = variable;
        this.busDeclared = busDeclared;
      }
    };
    EventRefusedError = class extends StatefulRuntimeError {
      bus;
      detailType;
      code;
      reason;
      name = "EventRefusedError";
      constructor(bus2, detailType, code, reason) {
        super(`publish of ${typeof detailType === "string" && detailType !== "" ? detailType : "an event"} to bus ${bus2} was refused before sending, as EventBridge would refuse it: ${reason}. Nothing was written.`);
        this.bus = bus2;
        this.detailType = detailType;
        this.code = code;
        this.reason = reason;
      }
    };
    PublishReplayError = class extends StatefulRuntimeError {
      token;
      name = "PublishReplayError";
      constructor(token, options) {
        super(`transact() with token ${JSON.stringify(token)}: DynamoDB already applied a transaction with this token in the last 10 minutes, with other values. A transaction that publishes gives its events new ids each time it is built, so it is not replayed; nothing was written. If the transaction with this token was this one, it landed, and its events are in the outbox.`, options);
        this.token = token;
      }
    };
  }
});

// runtime/dist/esm/events/put-events.js
function missingField(field2, value) {
  if (typeof value === "string" && value !== "")
    return void 0;
  return `an event needs a ${field2}, a non-empty string; got ${typeof value === "string" ? '""' : String(value)}`;
}
function detailJson(detail) {
  if (typeof detail !== "object" || detail === null || Array.isArray(detail)) {
    const got = detail === null ? "null" : detail === void 0 ? "undefined" : Array.isArray(detail) ? "a list" : `a ${typeof detail}`;
    return { malformed: `EventBridge takes a JSON object as an event's detail; got ${got}` };
  }
  const json = jsonData(detail);
  if ("problem" in json) {
    const { path, reason } = json.problem;
    return { malformed: `${path === "(the value)" ? "the detail" : path} is ${reason}` };
  }
  if (!json.text.startsWith("{")) {
    return {
      malformed: `EventBridge takes a JSON object as an event's detail; this one is written ${json.text.slice(0, 40)}`
    };
  }
  return json;
}
function entrySize(entry) {
  const text = [entry.Source, entry.DetailType, entry.Detail, ...entry.Resources ?? []].filter((part) => part !== void 0);
  return text.reduce((sum, part) => sum + Buffer.byteLength(part, "utf8"), entry.Time ? 14 : 0);
}
var publishLimits;
var init_put_events = __esm({
  "runtime/dist/esm/events/put-events.js"() {
    "use strict";
    init_json_data();
    publishLimits = { entries: 10, bytes: 256 * 1024 };
  }
});

// runtime/dist/esm/outbox/outbox-item.js
function increment(bytes) {
  for (let index2 = bytes.length - 1; index2 >= 0; index2--) {
    const next = (bytes[index2] ?? 0) + 1 & 255;
    bytes[index2] = next;
    if (next !== 0)
      return true;
  }
  return false;
}
function base32(value, digits) {
  let text = "";
  for (let index2 = 0; index2 < digits; index2++) {
    text = crockford.charAt(value % 32) + text;
    value = Math.floor(value / 32);
  }
  return text;
}
function eventId(now = Date.now()) {
  if (now > lastTime) {
    lastTime = now;
    (0, import_node_crypto.randomFillSync)(lastRandom);
  } else if (!increment(lastRandom)) {
    lastTime += 1;
    (0, import_node_crypto.randomFillSync)(lastRandom);
  }
  const high = (lastRandom[0] ?? 0) * 2 ** 32 + word(1);
  const low = (lastRandom[5] ?? 0) * 2 ** 32 + word(6);
  return base32(lastTime, 10) + base32(high, 8) + base32(low, 8);
}
function word(offset) {
  return (lastRandom[offset] ?? 0) * 2 ** 24 + ((lastRandom[offset + 1] ?? 0) << 16) + ((lastRandom[offset + 2] ?? 0) << 8) + (lastRandom[offset + 3] ?? 0) >>> 0;
}
function eventEntry(item) {
  const stateful = { eventId: item.sk, aggregate: item.pk, committedAt: item.createdAt };
  const metadata = `"${reservedProperty}":${JSON.stringify(stateful)}`;
  const body = item.detail.trimEnd().slice(0, -1).trimEnd();
  const detail = body === "{" ? `{${metadata}}` : `${body},${metadata}}`;
  return {
    Source: item.source,
    DetailType: item.detailType,
    Detail: detail,
    Time: new Date(item.createdAt),
    ...item.resources ? { Resources: [...item.resources] } : {}
  };
}
function buildOutboxItem(bus2, event, aggregate, now = Date.now()) {
  const { detailType, detail, resources } = event;
  const source = event.source ?? defaultSource();
  const refuse = (code, reason) => new EventRefusedError(bus2, detailType, code, reason);
  const missing = missingField("detail type", detailType) ?? missingField("source", source);
  if (missing)
    throw refuse("InvalidArgument", missing);
  if (resources !== void 0 && !(Array.isArray(resources) && resources.every((arn) => typeof arn === "string"))) {
    throw refuse("InvalidArgument", "resources must be a list of ARNs");
  }
  const json = detailJson(detail);
  if ("malformed" in json)
    throw refuse("MalformedDetail", json.malformed);
  if (Object.prototype.hasOwnProperty.call(detail, reservedProperty)) {
    throw refuse("MalformedDetail", `the detail has a property "${reservedProperty}", which the outbox reserves for the event's id, aggregate and commit time`);
  }
  const item = {
    pk: aggregate,
    sk: eventId(now),
    detailType,
    source,
    detail: json.text,
    ...resources ? { resources: [...resources] } : {},
    createdAt: new Date(now).toISOString()
  };
  const size = entrySize(eventEntry(item));
  if (size > publishLimits.bytes) {
    throw refuse("EntryTooLarge", `it is ${size} bytes with its ${reservedProperty} metadata; EventBridge takes at most ${publishLimits.bytes}`);
  }
  return item;
}
var import_node_crypto, import_util_dynamodb2, reservedProperty, crockford, lastRandom, lastTime, defaultSource;
var init_outbox_item = __esm({
  "runtime/dist/esm/outbox/outbox-item.js"() {
    "use strict";
    import_node_crypto = require("node:crypto");
    import_util_dynamodb2 = require("@aws-sdk/util-dynamodb");
    init_put_events();
    init_outbox_errors();
    reservedProperty = "stateful";
    crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    lastRandom = new Uint8Array(10);
    lastTime = -1;
    defaultSource = () => process.env.AWS_LAMBDA_FUNCTION_NAME ?? "serverless-stateful";
  }
});

// runtime/dist/esm/outbox/outbox-table.js
function resolveOutbox(bus2, env = process.env) {
  const variable = outboxVariableName(bus2);
  const value = env[variable];
  if (!value)
    throw new OutboxNotDeclaredError(bus2, variable, Boolean(env[environmentVariableName("bus", bus2)]));
  return value;
}
function outboxTable(bus2) {
  let table2 = tables.get(bus2);
  if (!table2) {
    table2 = new OutboxTable(bus2);
    tables.set(bus2, table2);
  }
  return table2;
}
var OutboxTable, tables;
var init_outbox_table = __esm({
  "runtime/dist/esm/outbox/outbox-table.js"() {
    "use strict";
    init_environment();
    init_table();
    init_outbox_errors();
    OutboxTable = class extends Table {
      bus;
      outboxName;
      constructor(bus2) {
        super(`outbox of bus ${bus2}`, { key: ["pk", "sk"] });
        this.bus = bus2;
      }
      get tableName() {
        this.outboxName ??= resolveOutbox(this.bus);
        return this.outboxName;
      }
    };
    tables = /* @__PURE__ */ new Map();
  }
});

// runtime/dist/esm/transactions/transact.js
var transact_exports = {};
__export(transact_exports, {
  TransactionBuilder: () => TransactionBuilder,
  clientRequestToken: () => clientRequestToken,
  transact: () => transact,
  transactGet: () => transactGet,
  transactionLimits: () => transactionLimits
});
function describedOperation({ table: table2, kind, key, request, given }, index2) {
  const spec = given;
  const values = { set: spec?.set, add: spec?.add, append: spec?.append, values: spec?.values };
  const place = { table: table2, operation: "TransactWriteItems", index: index2 };
  return kind === "Put" ? { place, key: table2.knownKey(request.Item), item: request.Item, values } : { place, key, values };
}
function marshalled({ kind, request }) {
  const { Item, Key, ExpressionAttributeValues, ...text } = request;
  const converted = text;
  if (Item)
    converted.Item = toAttributeMap(Item);
  if (Key)
    converted.Key = toAttributeMap(Key);
  if (ExpressionAttributeValues)
    converted.ExpressionAttributeValues = toAttributeMap(ExpressionAttributeValues);
  return { [kind]: converted };
}
function clientRequestToken(token) {
  if (token.length > 0 && token.length <= 36)
    return token;
  return (0, import_node_crypto2.createHash)("sha256").update(token).digest("base64url").slice(0, 36);
}
function checkLimits(operations) {
  if (operations.length === 0)
    throw new TransactionTooLargeError("a transaction needs at least one operation");
  if (operations.length > transactionLimits.operations) {
    throw new TransactionTooLargeError(`a transaction takes at most ${transactionLimits.operations} operations; this one has ${operations.length}. Nothing was sent.`);
  }
  let bytes = 0;
  for (let index2 = 0; index2 < operations.length; index2++) {
    const operation = operations[index2];
    if (!(operation.bytes <= maxItemBytes))
      return index2;
    bytes += operation.bytes;
  }
  if (bytes > transactionLimits.bytes) {
    throw new TransactionTooLargeError(`a transaction carries at most 4 MB of items; this one carries ${(bytes / 1024 / 1024).toFixed(2)} MB. Nothing was sent.`);
  }
  return -1;
}
function reasonsOf(operations, reasons) {
  return reasons.flatMap((reason, index2) => {
    if (!reason.Code || reason.Code === "None")
      return [];
    const operation = operations[index2];
    return [
      {
        index: index2,
        table: operation?.table.name ?? "?",
        key: operation?.key ?? {},
        code: reason.Code,
        message: reason.Message,
        ...reason.Item ? { current: (0, import_util_dynamodb3.unmarshall)(reason.Item) } : {}
      }
    ];
  });
}
async function transact(build, options = {}) {
  const builder = new TransactionBuilder(options.returnCurrent ?? false);
  const built = build(builder);
  if (typeof built?.then === "function")
    await built;
  const eventIds = builder.publishes ? await builder.outboxItems() : [];
  const { operations } = builder;
  const refused = checkLimits(operations);
  if (refused >= 0) {
    const operation = operations[refused];
    throw await refusedItem(describedOperation(operation, refused), operation.kind === "Put" ? operation.bytes : NaN);
  }
  const { client, commands } = await dynamodbClient();
  let command;
  try {
    command = new commands.TransactWriteItemsCommand({
      TransactItems: operations.map(marshalled),
      ClientRequestToken: options.token !== void 0 ? clientRequestToken(options.token) : void 0
    });
  } catch (error) {
    throw await explainRequests(error, operations.map(describedOperation));
  }
  const maxAttempts = options.maxAttempts ?? 8;
  for (let attempt = 1; ; attempt++) {
    try {
      await client.send(command);
      return { eventIds };
    } catch (error) {
      const retryable = isAwsError(error, "TransactionInProgressException");
      if (isAwsError(error, "TransactionCanceledException") || retryable) {
        const reasons = retryable ? [] : reasonsOf(operations, error.CancellationReasons ?? []);
        if ((retryable || isConflictOnly(reasons)) && attempt < maxAttempts) {
          await sleep(backoffDelay(attempt, options));
          continue;
        }
        throw new TransactionCanceledError(reasons, attempt, { cause: error });
      }
      if (eventIds.length > 0 && options.token !== void 0 && isAwsError(error, "IdempotentParameterMismatchException")) {
        throw new PublishReplayError(options.token, { cause: error });
      }
      const named2 = tableFailure(error, operations.map((operation) => operation.table), "TransactWriteItems");
      throw named2 !== error ? named2 : await explainRequests(error, operations.map(describedOperation));
    }
  }
}
async function transactGet(reads2) {
  if (reads2.length > transactionLimits.operations) {
    throw new TransactionTooLargeError(`transactGet takes at most ${transactionLimits.operations} reads; got ${reads2.length}`);
  }
  const requests = reads2.map(([table2, key], index2) => ({
    place: { table: table2, operation: "TransactGetItems", index: index2 },
    key
  }));
  const notObject = requests.find((request) => !isAttributes(request.key));
  if (notObject)
    throw notAKey(notObject);
  const { client, commands } = await dynamodb();
  const command = new commands.TransactGetCommand({
    TransactItems: reads2.map(([table2, key]) => ({ Get: { TableName: table2.tableName, Key: key } }))
  });
  try {
    const result = await client.send(command);
    return (result.Responses ?? []).map((response) => response.Item);
  } catch (error) {
    const named2 = tableFailure(error, reads2.map(([table2]) => table2), "TransactGetItems");
    throw named2 !== error ? named2 : await explainRequests(error, requests);
  }
}
var import_node_crypto2, import_util_dynamodb3, transactionLimits, TransactionBuilder, isConflictOnly;
var init_transact = __esm({
  "runtime/dist/esm/transactions/transact.js"() {
    "use strict";
    import_node_crypto2 = require("node:crypto");
    import_util_dynamodb3 = require("@aws-sdk/util-dynamodb");
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
    TransactionBuilder = class {
      returnCurrent;
      operations = [];
      events = [];
      constructor(returnCurrent) {
        this.returnCurrent = returnCurrent;
      }
      /**
       * Publishes an event to bus `bus` if, and only if, the transaction commits: it is written as an
       * item of the bus's outbox (declared `state.buses.<bus>.outbox: true`), which the relay puts on
       * the bus. It counts as one operation of the 100 and its item toward the 4 MB; an event
       * EventBridge would refuse (over 256 KB, a detail that is not a JSON object) is refused here.
       */
      publish(bus2, detailType, detail, options = {}) {
        const table2 = outboxTable(bus2);
        const TableName = table2.tableName;
        const { aggregate, source, resources } = options;
        if (aggregate !== void 0 && (typeof aggregate !== "string" || aggregate === "")) {
          throw new StatefulRuntimeError(`tx.publish to bus ${bus2}: aggregate must be a non-empty string`);
        }
        const event = { detailType, detail, source, resources };
        this.events.push({ index: this.operations.length, bus: bus2, event, aggregate });
        return this.add(table2, {}, 0, "Put", {}, { TableName });
      }
      /** Whether tx.publish() was called. */
      get publishes() {
        return this.events.length > 0;
      }
      /**
       * Makes the outbox items of the events published, in the order published (so their ids are in
       * that order), and returns their ids.
       */
      async outboxItems() {
        let fallback;
        const ids = [];
        for (const { index: index2, bus: bus2, event, aggregate } of this.events) {
          const item = buildOutboxItem(bus2, event, aggregate ?? await (fallback ??= this.defaultAggregate(bus2)));
          const operation = this.operations[index2];
          ids.push(item.sk);
          const condition = "attribute_not_exists(#sk)";
          this.operations[index2] = {
            ...operation,
            key: { pk: item.pk, sk: item.sk },
            bytes: itemSize(item),
            request: {
              ...operation.request,
              Item: item,
              // A new id is new: the condition keeps a collision from overwriting another event.
              ConditionExpression: condition,
              ExpressionAttributeNames: { "#sk": "sk" },
              ...this.onFailure(condition)
            }
          };
        }
        return ids;
      }
      /** `<table>#<key as JSON, keys sorted>` of the first write that is not an event. */
      async defaultAggregate(bus2) {
        const events = new Set(this.events.map((event) => event.index));
        const first = this.operations.find((operation, index2) => !events.has(index2) && operation.kind !== "ConditionCheck");
        if (!first) {
          throw new StatefulRuntimeError(`tx.publish to bus ${bus2}: the transaction writes nothing to take a default aggregate from; pass { aggregate }`);
        }
        let key = first.key;
        if (first.kind === "Put" && !first.table.knownKey(first.request.Item)) {
          key = keyOfItem(first.request.Item ?? {}, (await keySchemaOf(first.table.tableName)).key);
        }
        const json = jsonData(key, true);
        if ("problem" in json) {
          throw new StatefulRuntimeError(`tx.publish to bus ${bus2}: the key of the first write cannot be an aggregate (${json.problem.path} is ${json.problem.reason}); pass { aggregate }`);
        }
        return `${first.table.name}#${json.text}`;
      }
      put(table2, item, options = {}) {
        if (!isAttributes(item))
          throw this.notAnItem(table2, item);
        const request = table2.putRequest(item, options);
        return this.add(table2, table2.keyOf(item), itemSize(request.item), "Put", options, {
          TableName: table2.tableName,
          Item: request.item,
          ...request.expression,
          ...this.onFailure(request.expression.ConditionExpression)
        });
      }
      update(table2, key, spec) {
        this.checkKey(table2, key);
        const expression = updateExpression(spec, table2.versionAttribute);
        return this.add(table2, key, itemSize(key) + itemSize(expression.ExpressionAttributeValues ?? {}), "Update", spec, { TableName: table2.tableName, Key: key, ...expression, ...this.onFailure(expression.ConditionExpression) });
      }
      delete(table2, key, options = {}) {
        this.checkKey(table2, key);
        const placeholders = new Placeholders();
        const condition = conditionOf(placeholders, options, table2.versionAttribute);
        return this.add(table2, key, itemSize(key), "Delete", options, {
          TableName: table2.tableName,
          Key: key,
          ...placeholders.toExpression(condition ? { condition } : {}),
          ...this.onFailure(condition)
        });
      }
      /** A condition on an item the transaction does not write. */
      check(table2, key, condition) {
        this.checkKey(table2, key);
        const placeholders = new Placeholders();
        const expression = conditionOf(placeholders, condition, table2.versionAttribute);
        if (!expression)
          throw new StatefulRuntimeError("check() needs a condition: pass when or expectVersion");
        return this.add(table2, key, itemSize(key), "ConditionCheck", condition, {
          TableName: table2.tableName,
          Key: key,
          ...placeholders.toExpression({ condition: expression }),
          ...this.onFailure(expression)
        });
      }
      place(table2) {
        return { table: table2, operation: "TransactWriteItems", index: this.operations.length };
      }
      checkKey(table2, key) {
        if (!isAttributes(key))
          throw notAKey({ place: this.place(table2), key });
      }
      notAnItem(table2, item) {
        const got = item === null ? "null" : Array.isArray(item) ? "a list" : typeof item;
        return new UnstorableValueError(this.place(table2), void 0, "(the item)", `${got}; an item is an object of attributes`);
      }
      onFailure(condition) {
        return condition && this.returnCurrent ? { ReturnValuesOnConditionCheckFailure: "ALL_OLD" } : {};
      }
      add(table2, key, bytes, kind, given, request) {
        this.operations.push({ table: table2, key, kind, request, bytes, given });
        return this;
      }
    };
    isConflictOnly = (reasons) => reasons.length > 0 && reasons.every((reason) => reason.code === "TransactionConflict");
  }
});

// runtime/dist/esm/tables/table.js
function chunks(items, size) {
  const result = [];
  for (let index2 = 0; index2 < items.length; index2 += size)
    result.push(items.slice(index2, index2 + size));
  return result;
}
function sortKeyClause(placeholders, attribute, condition) {
  const name = placeholders.name(attribute);
  if ("between" in condition) {
    return `${name} BETWEEN ${placeholders.value(condition.between[0])} AND ${placeholders.value(condition.between[1])}`;
  }
  if ("beginsWith" in condition)
    return `begins_with(${name}, ${placeholders.value(condition.beginsWith)})`;
  const [operator, value] = Object.entries(condition)[0];
  return `${name} ${operator} ${placeholders.value(value)}`;
}
function writesOf(entries) {
  const put = [];
  const remove = [];
  for (const { write } of entries) {
    if ("PutRequest" in write)
      put.push(write.PutRequest.Item);
    else
      remove.push(write.DeleteRequest.Key);
  }
  return { put, delete: remove };
}
function shownIdentity(attributes) {
  return JSON.stringify(Object.keys(attributes).filter((name) => attributes[name] !== void 0).sort().map((name) => [name, attributes[name]]), (_, value) => typeof value === "bigint" ? `${value}n` : value instanceof Set ? [...value].sort() : value);
}
function isRefusal(error) {
  return typeof error === "object" && error !== null && "$fault" in error && error.$fault === "client";
}
function table(name, options) {
  return new Table(name, options);
}
var import_util_dynamodb4, batchGetSize, batchWriteSize, Table;
var init_table = __esm({
  "runtime/dist/esm/tables/table.js"() {
    "use strict";
    import_util_dynamodb4 = require("@aws-sdk/util-dynamodb");
    init_backoff();
    init_clients();
    init_discovery();
    init_errors();
    init_explain();
    init_expressions();
    init_item_size();
    init_key_schema();
    init_table_errors();
    batchGetSize = 100;
    batchWriteSize = 25;
    Table = class {
      /** The name the table has in serverless.yml. */
      name;
      options;
      physicalName;
      constructor(name, options = {}) {
        this.name = name;
        this.options = options;
        preloadDynamoDB();
      }
      /** The table's DynamoDB name, from STATEFUL_TABLE_<NAME>; read when first needed. */
      get tableName() {
        this.physicalName ??= resolveResource("table", this.name);
        return this.physicalName;
      }
      get versionAttribute() {
        return this.options.versionAttribute ?? "version";
      }
      /** The key attributes of `item`, when the table was told its key; else the item itself. */
      keyOf(item) {
        if (!this.options.key)
          return item;
        const key = {};
        for (const attribute of this.options.key)
          key[attribute] = item[attribute];
        return key;
      }
      async get(key, options = {}) {
        const request = this.keyed("GetItem", key);
        const { Item } = await this.call(request, () => documents(({ client, commands }) => client.send(new commands.GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: options.consistent }))));
        return Item;
      }
      /**
       * Writes `item`; with `expectVersion`, checks the stored version and stores the next one. With
       * `publish`, the put and its events commit together, in one transaction.
       */
      async put(item, options = {}) {
        if (options.publish !== void 0) {
          const { expression } = this.putRequest(item, options);
          await this.publishing(this.keyOf(item), options.publish, expression.ConditionExpression, (tx) => tx.put(this, item, options));
          return this.putRequest(item, options).item;
        }
        const place = this.place("PutItem");
        if (!isAttributes(item))
          throw await refusedItem({ place, item }, NaN);
        const request = this.putRequest(item, options);
        const described = { place, item: request.item, key: this.knownKey(item), values: { values: options.values } };
        const bytes = itemSize(request.item);
        if (!(bytes <= maxItemBytes))
          throw await refusedItem(described, bytes);
        const condition = request.expression.ConditionExpression;
        await this.guard(described, this.keyOf(item), condition, () => documents(({ client, commands }) => client.send(new commands.PutCommand({
          TableName: this.tableName,
          Item: request.item,
          ...request.expression,
          ReturnValuesOnConditionCheckFailure: condition ? "ALL_OLD" : void 0
        }))));
        return request.item;
      }
      /** The item as a put writes it (with its next version) and the put's condition. */
      putRequest(item, options) {
        const written = options.expectVersion !== void 0 ? { ...item, [this.versionAttribute]: options.expectVersion + 1 } : item;
        const placeholders = new Placeholders();
        const condition = conditionOf(placeholders, options, this.versionAttribute, this.notExistsClauses(placeholders, item, options));
        return { item: written, expression: placeholders.toExpression(condition ? { condition } : {}) };
      }
      async update(key, spec) {
        if (spec.publish !== void 0) {
          const condition = updateExpression(spec, this.versionAttribute).ConditionExpression;
          await this.publishing(key, spec.publish, condition, (tx) => tx.update(this, key, spec));
          return void 0;
        }
        const request = this.keyed("UpdateItem", key, {
          set: spec.set,
          add: spec.add,
          append: spec.append,
          values: spec.values
        });
        const expression = updateExpression(spec, this.versionAttribute);
        if (!(itemSize(expression.ExpressionAttributeValues ?? {}) <= maxItemBytes))
          throw await refusedItem(request, NaN);
        const result = await this.guard(request, key, expression.ConditionExpression, () => documents(({ client, commands }) => client.send(new commands.UpdateCommand({
          TableName: this.tableName,
          Key: key,
          ...expression,
          ReturnValues: "ALL_NEW",
          ReturnValuesOnConditionCheckFailure: expression.ConditionExpression ? "ALL_OLD" : void 0
        }))));
        return result.Attributes;
      }
      async delete(key, options = {}) {
        if (options.publish !== void 0) {
          const condition2 = conditionOf(new Placeholders(), options, this.versionAttribute);
          await this.publishing(key, options.publish, condition2, (tx) => tx.delete(this, key, options));
          return void 0;
        }
        const request = this.keyed("DeleteItem", key, { values: options.values });
        const placeholders = new Placeholders();
        const condition = conditionOf(placeholders, options, this.versionAttribute);
        const result = await this.guard(request, key, condition, () => documents(({ client, commands }) => client.send(new commands.DeleteCommand({
          TableName: this.tableName,
          Key: key,
          ...placeholders.toExpression(condition ? { condition } : {}),
          ReturnValues: "ALL_OLD",
          ReturnValuesOnConditionCheckFailure: condition ? "ALL_OLD" : void 0
        }))));
        return result.Attributes;
      }
      /**
       * One write and its events, as one transaction; a failed condition of the write throws
       * ConditionFailedError with the current item, as the write alone does.
       */
      async publishing(key, publish, condition, write) {
        const { transact: transact2 } = await Promise.resolve().then(() => (init_transact(), transact_exports));
        const events = Array.isArray(publish) ? publish : [publish];
        try {
          await transact2((tx) => {
            write(tx);
            for (const { bus: bus2, detailType, detail, aggregate, source, resources } of events) {
              tx.publish(bus2, detailType, detail, { aggregate, source, resources });
            }
          }, { returnCurrent: true });
        } catch (error) {
          const failed = error instanceof TransactionCanceledError ? error.reasons.find((reason) => reason.index === 0 && reason.code === "ConditionalCheckFailed") : void 0;
          if (!failed)
            throw error;
          throw new ConditionFailedError(this.name, key, failed.current, `the condition ${condition ?? ""} did not hold`, { cause: error });
        }
      }
      /** Every item with partition key (and optional sort key condition), page by page as needed. */
      async *query(key, options = {}) {
        const request = { ...this.keyed("Query", key), query: { index: options.index } };
        const placeholders = new Placeholders();
        const clauses = Object.entries(key).map(([attribute, value]) => `${placeholders.name(attribute)} = ${placeholders.value(value)}`);
        for (const [attribute, condition] of Object.entries(options.sortKey ?? {})) {
          clauses.push(sortKeyClause(placeholders, attribute, condition));
        }
        const filter = options.filter ? conditionOf(placeholders, options.filter, this.versionAttribute) : void 0;
        const expression = placeholders.toExpression({});
        const input = {
          TableName: this.tableName,
          IndexName: options.index,
          KeyConditionExpression: clauses.join(" AND "),
          FilterExpression: filter,
          ExpressionAttributeNames: expression.ExpressionAttributeNames,
          ExpressionAttributeValues: expression.ExpressionAttributeValues,
          ConsistentRead: options.consistent,
          ScanIndexForward: options.reverse ? false : void 0,
          Limit: options.pageSize
        };
        yield* this.paginate(options.limit, async (ExclusiveStartKey) => {
          const page = await this.call(request, () => documents(({ client, commands }) => client.send(new commands.QueryCommand({ ...input, ExclusiveStartKey }))));
          return { items: page.Items ?? [], next: page.LastEvaluatedKey };
        });
      }
      /** Every item of the table (or index), page by page as needed. */
      async *scan(options = {}) {
        const placeholders = new Placeholders();
        const filter = options.filter ? conditionOf(placeholders, options.filter, this.versionAttribute) : void 0;
        const expression = placeholders.toExpression({});
        const input = {
          TableName: this.tableName,
          IndexName: options.index,
          FilterExpression: filter,
          ExpressionAttributeNames: expression.ExpressionAttributeNames,
          ExpressionAttributeValues: expression.ExpressionAttributeValues,
          ConsistentRead: options.consistent,
          Limit: options.pageSize
        };
        yield* this.paginate(options.limit, async (ExclusiveStartKey) => {
          const page = await this.call({ place: this.place("Scan") }, () => documents(({ client, commands }) => client.send(new commands.ScanCommand({ ...input, ExclusiveStartKey }))));
          return { items: page.Items ?? [], next: page.LastEvaluatedKey };
        });
      }
      /** The items with these keys that exist, in no particular order; retries what DynamoDB defers. */
      async batchGet(keys, options = {}) {
        this.checkList("batchGet", "keys", keys);
        const requests = keys.map((key, index2) => ({ place: this.place("BatchGetItem", index2), key }));
        const notObject = requests.find((request) => !isAttributes(request.key));
        if (notObject)
          throw notAKey(notObject);
        const found = [];
        for (const [position, chunk] of chunks(requests, batchGetSize).entries()) {
          let pending = chunk.map((request) => request.key);
          for (let attempt = 1; pending.length > 0; attempt++) {
            if (attempt > (options.maxAttempts ?? defaultBackoff.maxAttempts)) {
              const later = keys.slice((position + 1) * batchGetSize);
              throw new BatchIncompleteError(this.name, [...pending, ...later], attempt - 1);
            }
            if (attempt > 1)
              await sleep(backoffDelay(attempt - 1, options));
            let result;
            try {
              result = await documents(({ client, commands }) => client.send(new commands.BatchGetCommand({
                RequestItems: { [this.tableName]: { Keys: pending, ConsistentRead: options.consistent } }
              })));
            } catch (error) {
              throw await this.explainBatch(error, chunk);
            }
            found.push(...result.Responses?.[this.tableName] ?? []);
            pending = result.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
          }
        }
        return found;
      }
      /**
       * Puts and deletes in requests of 25; retries what DynamoDB leaves unprocessed. What can be known
       * before the first write is checked before it: every item is an object DynamoDB can store, within
       * 400 KB, and every key an object; and when the batch takes more than one request (so one could
       * land before another is refused), every key against the table's key schema, and that no two
       * writes are on the same item. A batch that stops part-way throws BatchWriteIncompleteError,
       * saying exactly which writes were made, which were not, and which may have been.
       */
      async batchWrite(writes, options = {}) {
        this.checkList("batchWrite", "put", writes.put ?? []);
        this.checkList("batchWrite", "delete", writes.delete ?? []);
        const entries = [
          ...(writes.put ?? []).map((item, index2) => ({
            request: { place: this.place("BatchWriteItem", index2), item, key: this.knownKey(item) },
            write: { PutRequest: { Item: item } }
          })),
          ...(writes.delete ?? []).map((key, index2) => ({
            request: { place: this.place("BatchWriteItem", (writes.put?.length ?? 0) + index2), key },
            write: { DeleteRequest: { Key: key } }
          }))
        ];
        await this.checkBatch(entries);
        const written = [];
        const batches2 = chunks(entries, batchWriteSize);
        for (const [position, chunk] of batches2.entries()) {
          let pending = chunk;
          const stop = (cause, attempts, uncertain = []) => {
            const later = batches2.slice(position + 1).flat();
            const unwritten = [...pending.filter((entry) => !uncertain.includes(entry)), ...later];
            const [made, notMade, maybe] = [written, unwritten, uncertain].map(writesOf);
            return new BatchWriteIncompleteError(this.name, made, notMade, maybe, attempts, { cause });
          };
          for (let attempt = 1; pending.length > 0; attempt++) {
            if (attempt > (options.maxAttempts ?? defaultBackoff.maxAttempts))
              throw stop(void 0, attempt - 1);
            if (attempt > 1)
              await sleep(backoffDelay(attempt - 1, options));
            let result;
            try {
              result = await documents(({ client, commands }) => client.send(new commands.BatchWriteCommand({
                RequestItems: { [this.tableName]: pending.map((entry) => entry.write) }
              })));
            } catch (error) {
              const refused = isRefusal(error);
              const explained = await this.explainBatch(error, pending);
              if (written.length === 0 && (refused || batches2.length === 1))
                throw explained;
              throw stop(explained, attempt, refused ? [] : pending);
            }
            const unprocessed = result.UnprocessedItems?.[this.tableName] ?? [];
            const left = unprocessed.length === 0 ? [] : await this.entriesOf(pending, unprocessed);
            written.push(...pending.filter((entry) => !left.includes(entry)));
            pending = left;
          }
        }
      }
      /** The entries of `sent` that DynamoDB returned unprocessed, matched by the table's key. */
      async entriesOf(sent, unprocessed) {
        const schema = (await keySchemaOf(this.tableName).catch(() => void 0))?.key;
        const identity2 = (write) => {
          const attributes = "PutRequest" in write ? write.PutRequest.Item : write.DeleteRequest.Key;
          return `${"PutRequest" in write ? "put" : "delete"}:${shownIdentity(schema ? keyOfItem(attributes, schema) : attributes)}`;
        };
        const left = new Set(unprocessed.map(identity2));
        return sent.filter((entry) => left.has(identity2(entry.write)));
      }
      /** Refuses, before any write, what would make the batch fail part-way. */
      async checkBatch(entries) {
        for (const { request, write } of entries) {
          if ("DeleteRequest" in write) {
            if (!isAttributes(request.key))
              throw notAKey(request);
            continue;
          }
          const bytes = isAttributes(request.item) ? itemSize(request.item) : NaN;
          if (!(bytes <= maxItemBytes))
            throw await refusedItem(request, bytes);
        }
        if (entries.length <= batchWriteSize)
          return;
        let schema;
        try {
          schema = (await keySchemaOf(this.tableName)).key;
        } catch {
          return;
        }
        for (const { request, write } of entries) {
          const key = "DeleteRequest" in write ? write.DeleteRequest.Key : keyOfItem(write.PutRequest.Item, schema);
          const problems = keyProblems(key, schema);
          if (problems.length > 0)
            throw new InvalidKeyError(request.place, key, problems, showKey(schema));
        }
        const duplicate = await findDuplicate(entries.map((entry) => entry.request));
        if (duplicate)
          throw duplicate;
      }
      /** `attribute_not_exists` over the key (or, with no key known, over every attribute of `item`). */
      notExistsClauses(placeholders, item, options) {
        if (!options.ifNotExists)
          return [];
        const attributes = this.options.key ?? Object.keys(item);
        return [attributes.map((attribute) => `attribute_not_exists(${placeholders.name(attribute)})`).join(" AND ")];
      }
      async *paginate(limit, fetchPage) {
        let start;
        let yielded = 0;
        do {
          const page = await fetchPage(start);
          for (const item of page.items) {
            if (limit !== void 0 && yielded >= limit)
              return;
            yielded++;
            yield item;
          }
          start = page.next;
        } while (start && (limit === void 0 || yielded < limit));
      }
      /** Plain JavaScript callers can pass anything: a batch's lists must be lists. */
      checkList(call, what, list) {
        if (!Array.isArray(list)) {
          const got = list === null ? "null" : typeof list === "object" ? "an object" : `a ${typeof list}`;
          throw new StatefulRuntimeError(`${call} on table ${this.name}: ${what} must be a list; got ${got}`);
        }
      }
      place(operation, index2) {
        return { table: this, operation, ...index2 === void 0 ? {} : { index: index2 } };
      }
      /** The key of `item`, when the table was told its key attributes (no round trip to learn them). */
      knownKey(item) {
        return this.options.key && isAttributes(item) ? this.keyOf(item) : void 0;
      }
      /** A request naming `key`, refused at once when the key is not an object. */
      keyed(operation, key, values) {
        const request = { place: this.place(operation), key, ...values === void 0 ? {} : { values } };
        if (!isAttributes(key))
          throw notAKey(request);
        return request;
      }
      /** Runs one DynamoDB call; what DynamoDB refuses is said in this table's terms (explain.ts). */
      async call(request, run) {
        try {
          return await run();
        } catch (error) {
          throw await explainRefusal(error, request);
        }
      }
      /** What DynamoDB refused of a batch request carrying `entries`, in this table's terms. */
      async explainBatch(error, entries) {
        const requests = entries.map((entry) => "request" in entry ? entry.request : entry);
        const named2 = tableFailure(error, [this], requests[0]?.place.operation ?? "");
        return named2 !== error ? named2 : await explainRequests(error, requests);
      }
      /** Runs a conditional write, turning a failed condition into ConditionFailedError. */
      async guard(request, key, condition, write) {
        try {
          return await this.call(request, write);
        } catch (error) {
          if (isAwsError(error, "ConditionalCheckFailedException")) {
            throw new ConditionFailedError(this.name, key, error.Item ? (0, import_util_dynamodb4.unmarshall)(error.Item) : void 0, `the condition ${condition ?? ""} did not hold`, { cause: error });
          }
          throw error;
        }
      }
    };
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
      pluralize(word2, count) {
        return count === 1 ? word2 : `${word2}s`;
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
var import_node_crypto3, Parser;
var init_Parser = __esm({
  "node_modules/@aws-lambda-powertools/jmespath/lib/esm/Parser.js"() {
    import_node_crypto3 = require("node:crypto");
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
          if ((0, import_node_crypto3.randomInt)(0, 100) > 50) {
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

// bench/.cold-start-HJYAem/table-entry.mjs
var table_entry_exports = {};
__export(table_entry_exports, {
  handler: () => handler,
  settle: () => startedModules
});
module.exports = __toCommonJS(table_entry_exports);

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

// runtime/dist/esm/idempotency/config.js
var jmespathModule = lazyModule("@aws-lambda-powertools/jmespath", async () => {
  const [jmespath, { PowertoolsFunctions: PowertoolsFunctions2 }] = await Promise.all([
    Promise.resolve().then(() => (init_esm(), esm_exports)),
    Promise.resolve().then(() => (init_PowertoolsFunctions(), PowertoolsFunctions_exports))
  ]);
  return { ...jmespath, functions: new PowertoolsFunctions2() };
});

// runtime/dist/esm/idempotency/event-key.js
init_json_data();

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

// bench/.cold-start-HJYAem/table-entry.mjs
init_lazy_module();
var carts = table("carts");
var handler = async (event) => carts.get({ cartId: event.cartId });
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

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
var __commonJS = (cb, mod) => function __require() {
  return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
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
var import_util_dynamodb;
var init_marshal = __esm({
  "runtime/dist/esm/tables/marshal.js"() {
    "use strict";
    import_util_dynamodb = require("@aws-sdk/util-dynamodb");
  }
});

// runtime/dist/esm/clients.js
async function eventBridge() {
  const commands = await eventBridgeModule();
  eventBridgeClient ??= new commands.EventBridgeClient({});
  return { client: eventBridgeClient, commands };
}
var dynamodbModule, documentModule, eventBridgeModule, stepFunctionsModule, lambdaModule, preloadEventBridge, eventBridgeClient;
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
    preloadEventBridge = () => eventBridgeModule.start();
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
var maxItemBytes;
var init_item_size = __esm({
  "runtime/dist/esm/tables/item-size.js"() {
    "use strict";
    maxItemBytes = 400 * 1024;
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

// node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/isStreamingPayload/isStreamingPayload.js
var import_node_stream, isStreamingPayload;
var init_isStreamingPayload = __esm({
  "node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/isStreamingPayload/isStreamingPayload.js"() {
    import_node_stream = require("node:stream");
    isStreamingPayload = (request) => request?.body instanceof import_node_stream.Readable || typeof ReadableStream !== "undefined" && request?.body instanceof ReadableStream;
  }
});

// node_modules/@smithy/types/dist-cjs/index.js
var require_dist_cjs = __commonJS({
  "node_modules/@smithy/types/dist-cjs/index.js"(exports2) {
    var HttpAuthLocation;
    (function(HttpAuthLocation2) {
      HttpAuthLocation2["HEADER"] = "header";
      HttpAuthLocation2["QUERY"] = "query";
    })(HttpAuthLocation || (HttpAuthLocation = {}));
    var HttpApiKeyAuthLocation;
    (function(HttpApiKeyAuthLocation2) {
      HttpApiKeyAuthLocation2["HEADER"] = "header";
      HttpApiKeyAuthLocation2["QUERY"] = "query";
    })(HttpApiKeyAuthLocation || (HttpApiKeyAuthLocation = {}));
    var EndpointURLScheme;
    (function(EndpointURLScheme2) {
      EndpointURLScheme2["HTTP"] = "http";
      EndpointURLScheme2["HTTPS"] = "https";
    })(EndpointURLScheme || (EndpointURLScheme = {}));
    var AlgorithmId;
    (function(AlgorithmId2) {
      AlgorithmId2["MD5"] = "md5";
      AlgorithmId2["CRC32"] = "crc32";
      AlgorithmId2["CRC32C"] = "crc32c";
      AlgorithmId2["SHA1"] = "sha1";
      AlgorithmId2["SHA256"] = "sha256";
    })(AlgorithmId || (AlgorithmId = {}));
    var getChecksumConfiguration = (runtimeConfig) => {
      const checksumAlgorithms = [];
      if (runtimeConfig.sha256 !== void 0) {
        checksumAlgorithms.push({
          algorithmId: () => AlgorithmId.SHA256,
          checksumConstructor: () => runtimeConfig.sha256
        });
      }
      if (runtimeConfig.md5 != void 0) {
        checksumAlgorithms.push({
          algorithmId: () => AlgorithmId.MD5,
          checksumConstructor: () => runtimeConfig.md5
        });
      }
      return {
        addChecksumAlgorithm(algo) {
          checksumAlgorithms.push(algo);
        },
        checksumAlgorithms() {
          return checksumAlgorithms;
        }
      };
    };
    var resolveChecksumRuntimeConfig = (clientConfig) => {
      const runtimeConfig = {};
      clientConfig.checksumAlgorithms().forEach((checksumAlgorithm) => {
        runtimeConfig[checksumAlgorithm.algorithmId()] = checksumAlgorithm.checksumConstructor();
      });
      return runtimeConfig;
    };
    var getDefaultClientConfiguration = (runtimeConfig) => {
      return getChecksumConfiguration(runtimeConfig);
    };
    var resolveDefaultRuntimeConfig = (config) => {
      return resolveChecksumRuntimeConfig(config);
    };
    var FieldPosition;
    (function(FieldPosition2) {
      FieldPosition2[FieldPosition2["HEADER"] = 0] = "HEADER";
      FieldPosition2[FieldPosition2["TRAILER"] = 1] = "TRAILER";
    })(FieldPosition || (FieldPosition = {}));
    var SMITHY_CONTEXT_KEY2 = "__smithy_context";
    var IniSectionType;
    (function(IniSectionType2) {
      IniSectionType2["PROFILE"] = "profile";
      IniSectionType2["SSO_SESSION"] = "sso-session";
      IniSectionType2["SERVICES"] = "services";
    })(IniSectionType || (IniSectionType = {}));
    var RequestHandlerProtocol;
    (function(RequestHandlerProtocol2) {
      RequestHandlerProtocol2["HTTP_0_9"] = "http/0.9";
      RequestHandlerProtocol2["HTTP_1_0"] = "http/1.0";
      RequestHandlerProtocol2["TDS_8_0"] = "tds/8.0";
    })(RequestHandlerProtocol || (RequestHandlerProtocol = {}));
    exports2.AlgorithmId = AlgorithmId;
    exports2.EndpointURLScheme = EndpointURLScheme;
    exports2.FieldPosition = FieldPosition;
    exports2.HttpApiKeyAuthLocation = HttpApiKeyAuthLocation;
    exports2.HttpAuthLocation = HttpAuthLocation;
    exports2.IniSectionType = IniSectionType;
    exports2.RequestHandlerProtocol = RequestHandlerProtocol;
    exports2.SMITHY_CONTEXT_KEY = SMITHY_CONTEXT_KEY2;
    exports2.getDefaultClientConfiguration = getDefaultClientConfiguration;
    exports2.resolveDefaultRuntimeConfig = resolveDefaultRuntimeConfig;
  }
});

// node_modules/@smithy/core/dist-es/submodules/transport/hasOwn.js
function hasOwn(o, k) {
  return Object.prototype.hasOwnProperty.call(o, k);
}
var init_hasOwn = __esm({
  "node_modules/@smithy/core/dist-es/submodules/transport/hasOwn.js"() {
  }
});

// node_modules/@smithy/core/dist-es/submodules/transport/httpRequest.js
function cloneQuery(query) {
  return Object.keys(query).reduce((carry, paramName) => {
    const param = query[paramName];
    return {
      ...carry,
      [paramName]: Array.isArray(param) ? [...param] : param
    };
  }, {});
}
var HttpRequest;
var init_httpRequest = __esm({
  "node_modules/@smithy/core/dist-es/submodules/transport/httpRequest.js"() {
    HttpRequest = class _HttpRequest {
      method;
      protocol;
      hostname;
      port;
      path;
      query;
      headers;
      username;
      password;
      fragment;
      body;
      constructor(options) {
        this.method = options.method || "GET";
        this.hostname = options.hostname || "localhost";
        this.port = options.port;
        this.query = options.query || {};
        this.headers = options.headers || {};
        this.body = options.body;
        this.protocol = options.protocol ? options.protocol.slice(-1) !== ":" ? `${options.protocol}:` : options.protocol : "https:";
        this.path = options.path ? options.path.charAt(0) !== "/" ? `/${options.path}` : options.path : "/";
        this.username = options.username;
        this.password = options.password;
        this.fragment = options.fragment;
      }
      static clone(request) {
        const cloned = new _HttpRequest({
          ...request,
          headers: { ...request.headers }
        });
        if (cloned.query) {
          cloned.query = cloneQuery(cloned.query);
        }
        return cloned;
      }
      static isInstance(request) {
        if (!request) {
          return false;
        }
        const req = request;
        return "method" in req && "protocol" in req && "hostname" in req && "path" in req && typeof req["query"] === "object" && typeof req["headers"] === "object";
      }
      clone() {
        return _HttpRequest.clone(this);
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/transport/httpResponse.js
var HttpResponse;
var init_httpResponse = __esm({
  "node_modules/@smithy/core/dist-es/submodules/transport/httpResponse.js"() {
    HttpResponse = class {
      statusCode;
      reason;
      headers;
      body;
      constructor(options) {
        this.statusCode = options.statusCode;
        this.reason = options.reason;
        this.headers = options.headers || {};
        this.body = options.body;
      }
      static isInstance(response) {
        if (!response) {
          return false;
        }
        const resp = response;
        return typeof resp.statusCode === "number" && typeof resp.headers === "object";
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/transport/normalizeProvider.js
var normalizeProvider;
var init_normalizeProvider = __esm({
  "node_modules/@smithy/core/dist-es/submodules/transport/normalizeProvider.js"() {
    normalizeProvider = (input) => {
      if (typeof input === "function") {
        return input;
      }
      const promisified = Promise.resolve(input);
      return () => promisified;
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/transport/index.js
var init_transport = __esm({
  "node_modules/@smithy/core/dist-es/submodules/transport/index.js"() {
    init_hasOwn();
    init_httpRequest();
    init_httpResponse();
    init_normalizeProvider();
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/smithy-client/NoOpLogger.js
var NoOpLogger;
var init_NoOpLogger = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/smithy-client/NoOpLogger.js"() {
    NoOpLogger = class {
      trace() {
      }
      debug() {
      }
      info() {
      }
      warn() {
      }
      error() {
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/client/index.js
var init_client = __esm({
  "node_modules/@smithy/core/dist-es/submodules/client/index.js"() {
    init_transport();
    init_NoOpLogger();
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/is-array-buffer/is-array-buffer.js
var isArrayBuffer;
var init_is_array_buffer = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/is-array-buffer/is-array-buffer.js"() {
    isArrayBuffer = (arg) => typeof ArrayBuffer === "function" && arg instanceof ArrayBuffer || Object.prototype.toString.call(arg) === "[object ArrayBuffer]";
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-buffer-from/buffer-from.js
var fromArrayBuffer, fromString;
var init_buffer_from = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-buffer-from/buffer-from.js"() {
    init_is_array_buffer();
    fromArrayBuffer = (input, offset = 0, length = input.byteLength - offset) => {
      if (!isArrayBuffer(input)) {
        throw new TypeError(`The "input" argument must be ArrayBuffer. Received type ${typeof input} (${input})`);
      }
      return Buffer.from(input, offset, length);
    };
    fromString = (input, encoding) => {
      if (typeof input !== "string") {
        throw new TypeError(`The "input" argument must be of type string. Received type ${typeof input} (${input})`);
      }
      return encoding ? Buffer.from(input, encoding) : Buffer.from(input);
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-base64/fromBase64.js
var BASE64_REGEX, fromBase64;
var init_fromBase64 = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-base64/fromBase64.js"() {
    init_buffer_from();
    BASE64_REGEX = /^[A-Za-z0-9+/]*={0,2}$/;
    fromBase64 = (input) => {
      if (input.length * 3 % 4 !== 0) {
        throw new TypeError(`Incorrect padding on base64 string.`);
      }
      if (!BASE64_REGEX.exec(input)) {
        throw new TypeError(`Invalid base64 string.`);
      }
      const buffer = fromString(input, "base64");
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/fromUtf8.js
var fromUtf8;
var init_fromUtf8 = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/fromUtf8.js"() {
    init_buffer_from();
    fromUtf8 = (input) => {
      const buf = fromString(input, "utf8");
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength / Uint8Array.BYTES_PER_ELEMENT);
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-base64/toBase64.js
var toBase64;
var init_toBase64 = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-base64/toBase64.js"() {
    init_buffer_from();
    init_fromUtf8();
    toBase64 = (_input) => {
      let input;
      if (typeof _input === "string") {
        input = fromUtf8(_input);
      } else {
        input = _input;
      }
      if (typeof input !== "object" || typeof input.byteOffset !== "number" || typeof input.byteLength !== "number") {
        throw new Error("@smithy/util-base64: toBase64 encoder function only accepts string | Uint8Array.");
      }
      return fromArrayBuffer(input.buffer, input.byteOffset, input.byteLength).toString("base64");
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-stream/blob/Uint8ArrayBlobAdapter.js
function bindUint8ArrayBlobAdapter(toUtf82, fromUtf82, toBase642, fromBase643) {
  return class Uint8ArrayBlobAdapter2 extends Uint8Array {
    static fromString(source, encoding = "utf-8") {
      if (typeof source === "string") {
        if (encoding === "base64") {
          return Uint8ArrayBlobAdapter2.mutate(fromBase643(source));
        }
        return Uint8ArrayBlobAdapter2.mutate(fromUtf82(source));
      }
      throw new Error(`Unsupported conversion from ${typeof source} to Uint8ArrayBlobAdapter.`);
    }
    static mutate(source) {
      Object.setPrototypeOf(source, Uint8ArrayBlobAdapter2.prototype);
      return source;
    }
    transformToString(encoding = "utf-8") {
      if (encoding === "base64") {
        return toBase642(this);
      }
      return toUtf82(this);
    }
  };
}
var init_Uint8ArrayBlobAdapter = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-stream/blob/Uint8ArrayBlobAdapter.js"() {
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/toUtf8.js
var toUtf8;
var init_toUtf8 = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/util-utf8/toUtf8.js"() {
    init_buffer_from();
    toUtf8 = (input) => {
      if (typeof input === "string") {
        return input;
      }
      if (typeof input !== "object" || typeof input.byteOffset !== "number" || typeof input.byteLength !== "number") {
        throw new Error("@smithy/util-utf8: toUtf8 encoder function only accepts string | Uint8Array.");
      }
      return fromArrayBuffer(input.buffer, input.byteOffset, input.byteLength).toString("utf8");
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/uuid/v4.js
function bindV4(getRandomValues2) {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") {
    return () => crypto.randomUUID();
  }
  return () => {
    const rnds = new Uint8Array(16);
    getRandomValues2(rnds);
    rnds[6] = rnds[6] & 15 | 64;
    rnds[8] = rnds[8] & 63 | 128;
    return decimalToHex[rnds[0]] + decimalToHex[rnds[1]] + decimalToHex[rnds[2]] + decimalToHex[rnds[3]] + "-" + decimalToHex[rnds[4]] + decimalToHex[rnds[5]] + "-" + decimalToHex[rnds[6]] + decimalToHex[rnds[7]] + "-" + decimalToHex[rnds[8]] + decimalToHex[rnds[9]] + "-" + decimalToHex[rnds[10]] + decimalToHex[rnds[11]] + decimalToHex[rnds[12]] + decimalToHex[rnds[13]] + decimalToHex[rnds[14]] + decimalToHex[rnds[15]];
  };
}
var decimalToHex;
var init_v4 = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/uuid/v4.js"() {
    decimalToHex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/parse-utils.js
var expectNumber, MAX_FLOAT, expectFloat32, expectLong, expectShort, expectByte, expectSizedInt, castInt, strictParseFloat32, NUMBER_REGEX, parseNumber, strictParseShort, strictParseByte, stackTraceWarning, logger;
var init_parse_utils = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/parse-utils.js"() {
    expectNumber = (value) => {
      if (value === null || value === void 0) {
        return void 0;
      }
      if (typeof value === "string") {
        const parsed = parseFloat(value);
        if (!Number.isNaN(parsed)) {
          if (String(parsed) !== String(value)) {
            logger.warn(stackTraceWarning(`Expected number but observed string: ${value}`));
          }
          return parsed;
        }
      }
      if (typeof value === "number") {
        return value;
      }
      throw new TypeError(`Expected number, got ${typeof value}: ${value}`);
    };
    MAX_FLOAT = Math.ceil(2 ** 127 * (2 - 2 ** -23));
    expectFloat32 = (value) => {
      const expected = expectNumber(value);
      if (expected !== void 0 && !Number.isNaN(expected) && expected !== Infinity && expected !== -Infinity) {
        if (Math.abs(expected) > MAX_FLOAT) {
          throw new TypeError(`Expected 32-bit float, got ${value}`);
        }
      }
      return expected;
    };
    expectLong = (value) => {
      if (value === null || value === void 0) {
        return void 0;
      }
      if (Number.isInteger(value) && !Number.isNaN(value)) {
        return value;
      }
      throw new TypeError(`Expected integer, got ${typeof value}: ${value}`);
    };
    expectShort = (value) => expectSizedInt(value, 16);
    expectByte = (value) => expectSizedInt(value, 8);
    expectSizedInt = (value, size) => {
      const expected = expectLong(value);
      if (expected !== void 0 && castInt(expected, size) !== expected) {
        throw new TypeError(`Expected ${size}-bit integer, got ${value}`);
      }
      return expected;
    };
    castInt = (value, size) => {
      switch (size) {
        case 32:
          return Int32Array.of(value)[0];
        case 16:
          return Int16Array.of(value)[0];
        case 8:
          return Int8Array.of(value)[0];
      }
    };
    strictParseFloat32 = (value) => {
      if (typeof value == "string") {
        return expectFloat32(parseNumber(value));
      }
      return expectFloat32(value);
    };
    NUMBER_REGEX = /(-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)|(-?Infinity)|(NaN)/g;
    parseNumber = (value) => {
      const matches = value.match(NUMBER_REGEX);
      if (matches === null || matches[0].length !== value.length) {
        throw new TypeError(`Expected real number, got implicit NaN`);
      }
      return parseFloat(value);
    };
    strictParseShort = (value) => {
      if (typeof value === "string") {
        return expectShort(parseNumber(value));
      }
      return expectShort(value);
    };
    strictParseByte = (value) => {
      if (typeof value === "string") {
        return expectByte(parseNumber(value));
      }
      return expectByte(value);
    };
    stackTraceWarning = (message) => {
      return String(new TypeError(message).stack || message).split("\n").slice(0, 5).filter((s) => !s.includes("stackTraceWarning")).join("\n");
    };
    logger = {
      warn: console.warn
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/date-utils.js
var MONTHS, RFC3339, RFC3339_WITH_OFFSET, IMF_FIXDATE, RFC_850_DATE, ASC_TIME, parseRfc7231DateTime, buildDate, parseTwoDigitYear, FIFTY_YEARS_IN_MILLIS, adjustRfc850Year, parseMonthByShortName, DAYS_IN_MONTH, validateDayOfMonth, isLeapYear, parseDateValue, parseMilliseconds, stripLeadingZeroes;
var init_date_utils = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/date-utils.js"() {
    init_parse_utils();
    MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    RFC3339 = new RegExp(/^(\d{4})-(\d{2})-(\d{2})[tT](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?[zZ]$/);
    RFC3339_WITH_OFFSET = new RegExp(/^(\d{4})-(\d{2})-(\d{2})[tT](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(([-+]\d{2}:\d{2})|[zZ])$/);
    IMF_FIXDATE = new RegExp(/^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))? GMT$/);
    RFC_850_DATE = new RegExp(/^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d{2})-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(\d{2}) (\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))? GMT$/);
    ASC_TIME = new RegExp(/^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ( [1-9]|\d{2}) (\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))? (\d{4})$/);
    parseRfc7231DateTime = (value) => {
      if (value === null || value === void 0) {
        return void 0;
      }
      if (typeof value !== "string") {
        throw new TypeError("RFC-7231 date-times must be expressed as strings");
      }
      let match = IMF_FIXDATE.exec(value);
      if (match) {
        const [_, dayStr, monthStr, yearStr, hours, minutes, seconds, fractionalMilliseconds] = match;
        return buildDate(strictParseShort(stripLeadingZeroes(yearStr)), parseMonthByShortName(monthStr), parseDateValue(dayStr, "day", 1, 31), { hours, minutes, seconds, fractionalMilliseconds });
      }
      match = RFC_850_DATE.exec(value);
      if (match) {
        const [_, dayStr, monthStr, yearStr, hours, minutes, seconds, fractionalMilliseconds] = match;
        return adjustRfc850Year(buildDate(parseTwoDigitYear(yearStr), parseMonthByShortName(monthStr), parseDateValue(dayStr, "day", 1, 31), {
          hours,
          minutes,
          seconds,
          fractionalMilliseconds
        }));
      }
      match = ASC_TIME.exec(value);
      if (match) {
        const [_, monthStr, dayStr, hours, minutes, seconds, fractionalMilliseconds, yearStr] = match;
        return buildDate(strictParseShort(stripLeadingZeroes(yearStr)), parseMonthByShortName(monthStr), parseDateValue(dayStr.trimLeft(), "day", 1, 31), { hours, minutes, seconds, fractionalMilliseconds });
      }
      throw new TypeError("Invalid RFC-7231 date-time value");
    };
    buildDate = (year, month, day, time) => {
      const adjustedMonth = month - 1;
      validateDayOfMonth(year, adjustedMonth, day);
      return new Date(Date.UTC(year, adjustedMonth, day, parseDateValue(time.hours, "hour", 0, 23), parseDateValue(time.minutes, "minute", 0, 59), parseDateValue(time.seconds, "seconds", 0, 60), parseMilliseconds(time.fractionalMilliseconds)));
    };
    parseTwoDigitYear = (value) => {
      const thisYear = (/* @__PURE__ */ new Date()).getUTCFullYear();
      const valueInThisCentury = Math.floor(thisYear / 100) * 100 + strictParseShort(stripLeadingZeroes(value));
      if (valueInThisCentury < thisYear) {
        return valueInThisCentury + 100;
      }
      return valueInThisCentury;
    };
    FIFTY_YEARS_IN_MILLIS = 50 * 365 * 24 * 60 * 60 * 1e3;
    adjustRfc850Year = (input) => {
      if (input.getTime() - (/* @__PURE__ */ new Date()).getTime() > FIFTY_YEARS_IN_MILLIS) {
        return new Date(Date.UTC(input.getUTCFullYear() - 100, input.getUTCMonth(), input.getUTCDate(), input.getUTCHours(), input.getUTCMinutes(), input.getUTCSeconds(), input.getUTCMilliseconds()));
      }
      return input;
    };
    parseMonthByShortName = (value) => {
      const monthIdx = MONTHS.indexOf(value);
      if (monthIdx < 0) {
        throw new TypeError(`Invalid month: ${value}`);
      }
      return monthIdx + 1;
    };
    DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    validateDayOfMonth = (year, month, day) => {
      let maxDays = DAYS_IN_MONTH[month];
      if (month === 1 && isLeapYear(year)) {
        maxDays = 29;
      }
      if (day > maxDays) {
        throw new TypeError(`Invalid day for ${MONTHS[month]} in ${year}: ${day}`);
      }
    };
    isLeapYear = (year) => {
      return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    };
    parseDateValue = (value, type, lower, upper) => {
      const dateVal = strictParseByte(stripLeadingZeroes(value));
      if (dateVal < lower || dateVal > upper) {
        throw new TypeError(`${type} must be between ${lower} and ${upper}, inclusive`);
      }
      return dateVal;
    };
    parseMilliseconds = (value) => {
      if (value === null || value === void 0) {
        return 0;
      }
      return strictParseFloat32("0." + value) * 1e3;
    };
    stripLeadingZeroes = (value) => {
      let idx = 0;
      while (idx < value.length - 1 && value.charAt(idx) === "0") {
        idx++;
      }
      if (idx === 0) {
        return value;
      }
      return value.slice(idx);
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/serde/index.js
var import_node_crypto, Uint8ArrayBlobAdapter, _getRandomValues, v4;
var init_serde = __esm({
  "node_modules/@smithy/core/dist-es/submodules/serde/index.js"() {
    import_node_crypto = require("node:crypto");
    init_fromBase64();
    init_toBase64();
    init_Uint8ArrayBlobAdapter();
    init_fromUtf8();
    init_toUtf8();
    init_v4();
    init_date_utils();
    Uint8ArrayBlobAdapter = class extends bindUint8ArrayBlobAdapter(toUtf8, fromUtf8, toBase64, fromBase64) {
    };
    _getRandomValues = import_node_crypto.getRandomValues;
    v4 = bindV4(_getRandomValues);
  }
});

// node_modules/@smithy/core/dist-es/submodules/protocols/index.js
var init_protocols = __esm({
  "node_modules/@smithy/core/dist-es/submodules/protocols/index.js"() {
    init_transport();
    init_transport();
  }
});

// node_modules/@smithy/core/dist-es/submodules/retry/service-error-classification/constants.js
var CLOCK_SKEW_ERROR_CODES, THROTTLING_ERROR_CODES, TRANSIENT_ERROR_CODES, TRANSIENT_ERROR_STATUS_CODES, NODEJS_TIMEOUT_ERROR_CODES, NODEJS_NETWORK_ERROR_CODES;
var init_constants = __esm({
  "node_modules/@smithy/core/dist-es/submodules/retry/service-error-classification/constants.js"() {
    CLOCK_SKEW_ERROR_CODES = [
      "AccessDeniedException",
      "AuthFailure",
      "InvalidSignatureException",
      "RequestExpired",
      "RequestInTheFuture",
      "RequestTimeTooSkewed",
      "SignatureDoesNotMatch"
    ];
    THROTTLING_ERROR_CODES = [
      "BandwidthLimitExceeded",
      "EC2ThrottledException",
      "LimitExceededException",
      "PriorRequestNotComplete",
      "ProvisionedThroughputExceededException",
      "RequestLimitExceeded",
      "RequestThrottled",
      "RequestThrottledException",
      "SlowDown",
      "ThrottledException",
      "Throttling",
      "ThrottlingException",
      "TooManyRequestsException",
      "TransactionInProgressException"
    ];
    TRANSIENT_ERROR_CODES = ["TimeoutError", "RequestTimeout", "RequestTimeoutException"];
    TRANSIENT_ERROR_STATUS_CODES = [500, 502, 503, 504];
    NODEJS_TIMEOUT_ERROR_CODES = ["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT"];
    NODEJS_NETWORK_ERROR_CODES = ["EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"];
  }
});

// node_modules/@smithy/core/dist-es/submodules/retry/service-error-classification/service-error-classification.js
function isNodeJsHttp2TransientError(error) {
  return error.code === "ERR_HTTP2_STREAM_ERROR" && error.message.includes("NGHTTP2_REFUSED_STREAM");
}
var isRetryableByTrait, isClockSkewError, isClockSkewCorrectedError, isBrowserNetworkError, isThrottlingError, isTransientError, isServerError;
var init_service_error_classification = __esm({
  "node_modules/@smithy/core/dist-es/submodules/retry/service-error-classification/service-error-classification.js"() {
    init_constants();
    isRetryableByTrait = (error) => error?.$retryable !== void 0;
    isClockSkewError = (error) => CLOCK_SKEW_ERROR_CODES.includes(error.name);
    isClockSkewCorrectedError = (error) => error.$metadata?.clockSkewCorrected;
    isBrowserNetworkError = (error) => {
      const errorMessages = /* @__PURE__ */ new Set([
        "Failed to fetch",
        "NetworkError when attempting to fetch resource",
        "The Internet connection appears to be offline",
        "Load failed",
        "Network request failed"
      ]);
      const isValid = error && error instanceof TypeError;
      if (!isValid) {
        return false;
      }
      return errorMessages.has(error.message);
    };
    isThrottlingError = (error) => error.$metadata?.httpStatusCode === 429 || THROTTLING_ERROR_CODES.includes(error.name) || error.$retryable?.throttling == true;
    isTransientError = (error, depth = 0) => error?.name !== "AbortError" && (isRetryableByTrait(error) || isClockSkewCorrectedError(error) || error.name === "InvalidSignatureException" && error.message?.includes("Signature expired") || TRANSIENT_ERROR_CODES.includes(error.name) || NODEJS_TIMEOUT_ERROR_CODES.includes(error?.code || "") || NODEJS_NETWORK_ERROR_CODES.includes(error?.code || "") || TRANSIENT_ERROR_STATUS_CODES.includes(error.$metadata?.httpStatusCode || 0) || isBrowserNetworkError(error) || isNodeJsHttp2TransientError(error) || error.cause !== void 0 && depth <= 10 && isTransientError(error.cause, depth + 1));
    isServerError = (error) => {
      if (error.$metadata?.httpStatusCode !== void 0) {
        const statusCode = error.$metadata.httpStatusCode;
        if (500 <= statusCode && statusCode <= 599 && !isTransientError(error)) {
          return true;
        }
        return false;
      }
      return false;
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/retry/util-retry/race.js
var race, createAbortError, isAbortError;
var init_race = __esm({
  "node_modules/@smithy/core/dist-es/submodules/retry/util-retry/race.js"() {
    race = (promise, signal) => {
      if (!signal) {
        return promise;
      }
      let cleanup = () => {
      };
      const aborted = new Promise((_, reject) => {
        const handler2 = () => reject(createAbortError(signal));
        if (signal.aborted) {
          handler2();
        } else if (typeof signal.addEventListener === "function") {
          signal.addEventListener("abort", handler2, { once: true });
          cleanup = () => signal.removeEventListener("abort", handler2);
        } else {
          signal.onabort = handler2;
        }
      });
      return Promise.race([promise, aborted]).finally(cleanup);
    };
    createAbortError = (signal) => {
      const reason = signal.reason;
      if (reason instanceof Error) {
        return Object.assign(new Error("Request aborted"), { name: "AbortError", cause: reason });
      }
      return Object.assign(new Error(reason ? String(reason) : "Request aborted"), { name: "AbortError" });
    };
    isAbortError = (error) => typeof error === "object" && error !== null && "name" in error && error.name === "AbortError";
  }
});

// node_modules/@smithy/core/dist-es/submodules/retry/util-retry/constants.js
var DEFAULT_RETRY_DELAY_BASE, MAXIMUM_RETRY_DELAY, THROTTLING_RETRY_DELAY_BASE, INITIAL_RETRY_TOKENS, RETRY_COST, TIMEOUT_RETRY_COST, NO_RETRY_INCREMENT, INVOCATION_ID_HEADER, REQUEST_HEADER;
var init_constants2 = __esm({
  "node_modules/@smithy/core/dist-es/submodules/retry/util-retry/constants.js"() {
    DEFAULT_RETRY_DELAY_BASE = 100;
    MAXIMUM_RETRY_DELAY = 20 * 1e3;
    THROTTLING_RETRY_DELAY_BASE = 500;
    INITIAL_RETRY_TOKENS = 500;
    RETRY_COST = 5;
    TIMEOUT_RETRY_COST = 10;
    NO_RETRY_INCREMENT = 1;
    INVOCATION_ID_HEADER = "amz-sdk-invocation-id";
    REQUEST_HEADER = "amz-sdk-request";
  }
});

// node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/parseRetryAfterHeader.js
function parseRetryAfterHeader(response, logger2) {
  if (!HttpResponse.isInstance(response)) {
    return;
  }
  for (const header in response.headers) {
    if (!hasOwn(response.headers, header)) {
      continue;
    }
    const h = header.toLowerCase();
    if (h === "retry-after") {
      const retryAfter = response.headers[header];
      let retryAfterSeconds = NaN;
      if (retryAfter.endsWith("GMT")) {
        try {
          const date = parseRfc7231DateTime(retryAfter);
          retryAfterSeconds = (date.getTime() - Date.now()) / 1e3;
        } catch (e) {
          logger2?.trace?.("Failed to parse retry-after header");
          logger2?.trace?.(e);
        }
      } else if (retryAfter.match(/ GMT, ((\d+)|(\d+\.\d+))$/)) {
        retryAfterSeconds = Number(retryAfter.match(/ GMT, ([\d.]+)$/)?.[1]);
      } else if (retryAfter.match(/^((\d+)|(\d+\.\d+))$/)) {
        retryAfterSeconds = Number(retryAfter);
      } else if (Date.parse(retryAfter) >= Date.now()) {
        retryAfterSeconds = (Date.parse(retryAfter) - Date.now()) / 1e3;
      }
      if (isNaN(retryAfterSeconds)) {
        return;
      }
      return new Date(Date.now() + retryAfterSeconds * 1e3);
    } else if (h === "x-amz-retry-after") {
      const v = response.headers[header];
      const backoffMilliseconds = Number(v);
      if (isNaN(backoffMilliseconds)) {
        logger2?.trace?.(`Failed to parse x-amz-retry-after=${v}`);
        return;
      }
      return new Date(Date.now() + backoffMilliseconds);
    }
  }
}
function getRetryAfterHint(response, logger2) {
  return parseRetryAfterHeader(response, logger2);
}
var init_parseRetryAfterHeader = __esm({
  "node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/parseRetryAfterHeader.js"() {
    init_transport();
    init_protocols();
    init_serde();
  }
});

// node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/util.js
var asSdkError;
var init_util = __esm({
  "node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/util.js"() {
    asSdkError = (error) => {
      if (error instanceof Error) {
        return error;
      }
      if (error instanceof Object) {
        return Object.assign(new Error(), error);
      }
      if (typeof error === "string") {
        return new Error(error);
      }
      return new Error(`AWS SDK error wrapper for ${error}`);
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/retryMiddleware.js
function bindRetryMiddleware(isStreamingPayload2) {
  return (options) => (next, context) => async (args) => {
    let retryStrategy = await options.retryStrategy();
    const maxAttempts = await options.maxAttempts();
    const abortSignal = context[import_types.SMITHY_CONTEXT_KEY]?.abortSignal;
    if (isRetryStrategyV2(retryStrategy)) {
      retryStrategy = retryStrategy;
      const retryTokenScope = (context["partition_id"] ?? "") + (context.__retryLongPoll ? ":longpoll" : "");
      let retryToken = await race(retryStrategy.acquireInitialRetryToken(retryTokenScope), abortSignal);
      let lastError = new Error();
      let attempts = 0;
      let totalRetryDelay = 0;
      const { request } = args;
      const isRequest = HttpRequest.isInstance(request);
      if (isRequest) {
        request.headers[INVOCATION_ID_HEADER] = v4();
      }
      while (true) {
        try {
          if (isRequest) {
            request.headers[REQUEST_HEADER] = `attempt=${attempts + 1}; max=${maxAttempts}`;
          }
          const { response, output } = await next(args);
          retryStrategy.recordSuccess(retryToken);
          output.$metadata.attempts = attempts + 1;
          output.$metadata.totalRetryDelay = totalRetryDelay;
          return { response, output };
        } catch (e) {
          const retryErrorInfo = getRetryErrorInfo(e, options.logger);
          lastError = asSdkError(e);
          if (isRequest && isStreamingPayload2(request)) {
            (context.logger instanceof NoOpLogger ? console : context.logger)?.warn("An error was encountered in a non-retryable streaming request.");
            throw lastError;
          }
          try {
            if (abortSignal?.aborted) {
              throw lastError;
            }
            retryToken = await race(retryStrategy.refreshRetryTokenForRetry(retryToken, retryErrorInfo), abortSignal);
          } catch (refreshError) {
            if (refreshError !== lastError && abortSignal?.aborted && isAbortError(refreshError)) {
              throw refreshError;
            }
            if (!lastError.$metadata) {
              lastError.$metadata = {};
            }
            lastError.$metadata.attempts = attempts + 1;
            lastError.$metadata.totalRetryDelay = totalRetryDelay;
            throw lastError;
          }
          attempts = retryToken.getRetryCount();
          const delay = retryToken.getRetryDelay();
          totalRetryDelay += (retryToken?.$retryLog?.acquisitionDelay ?? 0) + delay;
          if (delay > 0) {
            await race(new Promise((resolve) => setTimeout(resolve, delay)), abortSignal);
          }
        }
      }
    } else {
      retryStrategy = retryStrategy;
      if (retryStrategy?.mode) {
        context.userAgent = [...context.userAgent || [], ["cfg/retry-mode", retryStrategy.mode]];
      }
      return retryStrategy.retry(next, args);
    }
  };
}
function bindGetRetryPlugin(isStreamingPayload2) {
  const retryMiddleware2 = bindRetryMiddleware(isStreamingPayload2);
  return (options) => ({
    applyToStack: (clientStack) => {
      clientStack.add(retryMiddleware2(options), retryMiddlewareOptions);
    }
  });
}
var import_types, isRetryStrategyV2, getRetryErrorInfo, getRetryErrorType, retryMiddlewareOptions;
var init_retryMiddleware = __esm({
  "node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/retryMiddleware.js"() {
    init_client();
    init_protocols();
    init_serde();
    import_types = __toESM(require_dist_cjs());
    init_service_error_classification();
    init_race();
    init_constants2();
    init_parseRetryAfterHeader();
    init_util();
    isRetryStrategyV2 = (retryStrategy) => typeof retryStrategy.acquireInitialRetryToken !== "undefined" && typeof retryStrategy.refreshRetryTokenForRetry !== "undefined" && typeof retryStrategy.recordSuccess !== "undefined";
    getRetryErrorInfo = (error, logger2) => {
      const errorInfo = {
        error,
        errorType: getRetryErrorType(error)
      };
      const retryAfterHint = parseRetryAfterHeader(error.$response, logger2);
      if (retryAfterHint) {
        errorInfo.retryAfterHint = retryAfterHint;
      }
      return errorInfo;
    };
    getRetryErrorType = (error) => {
      if (isThrottlingError(error)) {
        return "THROTTLING";
      }
      if (isTransientError(error)) {
        return "TRANSIENT";
      }
      if (isServerError(error)) {
        return "SERVER_ERROR";
      }
      return "CLIENT_ERROR";
    };
    retryMiddlewareOptions = {
      name: "retryMiddleware",
      tags: ["RETRY"],
      step: "finalizeRequest",
      priority: "high",
      override: true
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/retry/util-retry/DefaultRateLimiter.js
var DefaultRateLimiter;
var init_DefaultRateLimiter = __esm({
  "node_modules/@smithy/core/dist-es/submodules/retry/util-retry/DefaultRateLimiter.js"() {
    init_service_error_classification();
    DefaultRateLimiter = class _DefaultRateLimiter {
      static setTimeoutFn = (fn, delay) => setTimeout(fn, delay);
      beta;
      minCapacity;
      minFillRate;
      scaleConstant;
      smooth;
      enabled = false;
      availableTokens = 0;
      lastMaxRate = 0;
      measuredTxRate = 0;
      requestCount = 0;
      fillRate;
      lastThrottleTime;
      lastTimestamp = 0;
      lastTxRateBucket;
      maxCapacity;
      timeWindow = 0;
      constructor(options) {
        this.beta = options?.beta ?? 0.7;
        this.minCapacity = options?.minCapacity ?? 1;
        this.minFillRate = options?.minFillRate ?? 0.5;
        this.scaleConstant = options?.scaleConstant ?? 0.4;
        this.smooth = options?.smooth ?? 0.8;
        this.lastThrottleTime = this.getCurrentTimeInSeconds();
        this.lastTxRateBucket = Math.floor(this.getCurrentTimeInSeconds());
        this.fillRate = this.minFillRate;
        this.maxCapacity = this.minCapacity;
      }
      async getSendToken() {
        return this.acquireTokenBucket(1);
      }
      updateClientSendingRate(response) {
        let calculatedRate;
        this.updateMeasuredRate();
        const retryErrorInfo = response;
        const isThrottling = retryErrorInfo?.errorType === "THROTTLING" || isThrottlingError(retryErrorInfo?.error ?? response);
        if (isThrottling) {
          const rateToUse = !this.enabled ? this.measuredTxRate : Math.min(this.measuredTxRate, this.fillRate);
          this.lastMaxRate = rateToUse;
          this.calculateTimeWindow();
          this.lastThrottleTime = this.getCurrentTimeInSeconds();
          calculatedRate = this.cubicThrottle(rateToUse);
          this.enableTokenBucket();
        } else {
          this.calculateTimeWindow();
          calculatedRate = this.cubicSuccess(this.getCurrentTimeInSeconds());
        }
        const newRate = Math.min(calculatedRate, 2 * this.measuredTxRate);
        this.updateTokenBucketRate(newRate);
      }
      getCurrentTimeInSeconds() {
        return Date.now() / 1e3;
      }
      async acquireTokenBucket(amount) {
        if (!this.enabled) {
          return;
        }
        this.refillTokenBucket();
        while (amount > this.availableTokens) {
          const delay = (amount - this.availableTokens) / this.fillRate * 1e3;
          await new Promise((resolve) => _DefaultRateLimiter.setTimeoutFn(resolve, delay));
          this.refillTokenBucket();
        }
        this.availableTokens = this.availableTokens - amount;
      }
      refillTokenBucket() {
        const timestamp = this.getCurrentTimeInSeconds();
        if (!this.lastTimestamp) {
          this.lastTimestamp = timestamp;
          return;
        }
        const fillAmount = (timestamp - this.lastTimestamp) * this.fillRate;
        this.availableTokens = Math.min(this.maxCapacity, this.availableTokens + fillAmount);
        this.lastTimestamp = timestamp;
      }
      calculateTimeWindow() {
        this.timeWindow = this.getPrecise(Math.pow(this.lastMaxRate * (1 - this.beta) / this.scaleConstant, 1 / 3));
      }
      cubicThrottle(rateToUse) {
        return this.getPrecise(rateToUse * this.beta);
      }
      cubicSuccess(timestamp) {
        return this.getPrecise(this.scaleConstant * Math.pow(timestamp - this.lastThrottleTime - this.timeWindow, 3) + this.lastMaxRate);
      }
      enableTokenBucket() {
        this.enabled = true;
      }
      updateTokenBucketRate(newRate) {
        this.refillTokenBucket();
        this.fillRate = Math.max(newRate, this.minFillRate);
        this.maxCapacity = Math.max(newRate, this.minCapacity);
        this.availableTokens = Math.min(this.availableTokens, this.maxCapacity);
      }
      updateMeasuredRate() {
        const t = this.getCurrentTimeInSeconds();
        const timeBucket = Math.floor(t * 2) / 2;
        this.requestCount++;
        if (timeBucket > this.lastTxRateBucket) {
          const currentRate = this.requestCount / (timeBucket - this.lastTxRateBucket);
          this.measuredTxRate = this.getPrecise(currentRate * this.smooth + this.measuredTxRate * (1 - this.smooth));
          this.requestCount = 0;
          this.lastTxRateBucket = timeBucket;
        }
      }
      getPrecise(num) {
        return parseFloat(num.toFixed(8));
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/retry/util-retry/retries-2026-config.js
var Retry;
var init_retries_2026_config = __esm({
  "node_modules/@smithy/core/dist-es/submodules/retry/util-retry/retries-2026-config.js"() {
    Retry = class {
      static v2026 = true;
      static delay() {
        return 50;
      }
      static throttlingDelay() {
        return 1e3;
      }
      static cost() {
        return 14;
      }
      static throttlingCost() {
        return 5;
      }
      static modifiedCostType() {
        return "THROTTLING";
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/retry/util-retry/DefaultRetryBackoffStrategy.js
var DefaultRetryBackoffStrategy;
var init_DefaultRetryBackoffStrategy = __esm({
  "node_modules/@smithy/core/dist-es/submodules/retry/util-retry/DefaultRetryBackoffStrategy.js"() {
    init_constants2();
    init_retries_2026_config();
    DefaultRetryBackoffStrategy = class {
      x = Retry.delay();
      computeNextBackoffDelay(i) {
        const b = Math.random();
        const r = 2;
        const t_i = b * Math.min(this.x * r ** i, MAXIMUM_RETRY_DELAY);
        return Math.floor(t_i);
      }
      setDelayBase(delay) {
        this.x = delay;
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/retry/util-retry/DefaultRetryToken.js
var DefaultRetryToken;
var init_DefaultRetryToken = __esm({
  "node_modules/@smithy/core/dist-es/submodules/retry/util-retry/DefaultRetryToken.js"() {
    init_constants2();
    DefaultRetryToken = class {
      delay;
      count;
      cost;
      longPoll;
      $retryLog = {
        acquisitionDelay: 0
      };
      constructor(delay, count, cost, longPoll) {
        this.delay = delay;
        this.count = count;
        this.cost = cost;
        this.longPoll = longPoll;
      }
      getRetryCount() {
        return this.count;
      }
      getRetryDelay() {
        return Math.min(MAXIMUM_RETRY_DELAY, this.delay);
      }
      getRetryCost() {
        return this.cost;
      }
      isLongPoll() {
        return this.longPoll;
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/retry/util-retry/config.js
var RETRY_MODES, DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY_MODE;
var init_config = __esm({
  "node_modules/@smithy/core/dist-es/submodules/retry/util-retry/config.js"() {
    (function(RETRY_MODES2) {
      RETRY_MODES2["STANDARD"] = "standard";
      RETRY_MODES2["ADAPTIVE"] = "adaptive";
    })(RETRY_MODES || (RETRY_MODES = {}));
    DEFAULT_MAX_ATTEMPTS = 3;
    DEFAULT_RETRY_MODE = RETRY_MODES.STANDARD;
  }
});

// node_modules/@smithy/core/dist-es/submodules/retry/util-retry/StandardRetryStrategy.js
var refusal, StandardRetryStrategy;
var init_StandardRetryStrategy = __esm({
  "node_modules/@smithy/core/dist-es/submodules/retry/util-retry/StandardRetryStrategy.js"() {
    init_DefaultRetryBackoffStrategy();
    init_DefaultRetryToken();
    init_config();
    init_constants2();
    init_retries_2026_config();
    refusal = {
      incompatible: 1,
      attempts: 2,
      capacity: 3
    };
    StandardRetryStrategy = class {
      mode = RETRY_MODES.STANDARD;
      retryBackoffStrategy;
      capacity = INITIAL_RETRY_TOKENS;
      maxAttemptsProvider;
      baseDelay;
      constructor(arg1) {
        if (typeof arg1 === "number") {
          this.maxAttemptsProvider = async () => arg1;
        } else if (typeof arg1 === "function") {
          this.maxAttemptsProvider = arg1;
        } else if (arg1 && typeof arg1 === "object") {
          this.maxAttemptsProvider = async () => arg1.maxAttempts;
          this.baseDelay = arg1.baseDelay;
          this.retryBackoffStrategy = arg1.backoff;
        }
        this.maxAttemptsProvider ??= async () => DEFAULT_MAX_ATTEMPTS;
        this.baseDelay ??= Retry.delay();
        this.retryBackoffStrategy ??= new DefaultRetryBackoffStrategy();
      }
      async acquireInitialRetryToken(retryTokenScope) {
        return new DefaultRetryToken(Retry.delay(), 0, void 0, retryTokenScope.includes(":longpoll"));
      }
      async refreshRetryTokenForRetry(token, errorInfo) {
        const maxAttempts = await this.getMaxAttempts();
        const retryCode = this.retryCode(token, errorInfo, maxAttempts);
        const shouldRetry = retryCode === 0;
        const isLongPoll = token.isLongPoll?.();
        if (shouldRetry || isLongPoll) {
          const errorType = errorInfo.errorType;
          this.retryBackoffStrategy.setDelayBase(errorType === "THROTTLING" ? Retry.throttlingDelay() : this.baseDelay);
          const delayFromErrorType = this.retryBackoffStrategy.computeNextBackoffDelay(token.getRetryCount());
          let retryDelay = delayFromErrorType;
          if (errorInfo.retryAfterHint instanceof Date) {
            retryDelay = Math.max(delayFromErrorType, Math.min(errorInfo.retryAfterHint.getTime() - Date.now(), delayFromErrorType + 5e3));
          }
          if (!shouldRetry) {
            const longPollBackoff = retryCode === refusal.capacity && isLongPoll ? retryDelay : 0;
            if (longPollBackoff > 0) {
              await new Promise((r) => setTimeout(r, longPollBackoff));
            }
          } else {
            const capacityCost = this.getCapacityCost(errorType);
            this.capacity -= capacityCost;
            const nextToken = new DefaultRetryToken(0, token.getRetryCount() + 1, capacityCost, token.isLongPoll?.() ?? false);
            await new Promise((r) => setTimeout(r, retryDelay));
            nextToken.$retryLog.acquisitionDelay = retryDelay;
            return nextToken;
          }
        }
        throw new Error("No retry token available");
      }
      recordSuccess(token) {
        this.capacity = Math.min(INITIAL_RETRY_TOKENS, this.capacity + (token.getRetryCost() ?? NO_RETRY_INCREMENT));
      }
      getCapacity() {
        return this.capacity;
      }
      async maxAttempts() {
        return this.maxAttemptsProvider();
      }
      async getMaxAttempts() {
        try {
          return await this.maxAttemptsProvider();
        } catch (ignored) {
          console.warn(`Max attempts provider could not resolve. Using default of ${DEFAULT_MAX_ATTEMPTS}`);
          return DEFAULT_MAX_ATTEMPTS;
        }
      }
      retryCode(tokenToRenew, errorInfo, maxAttempts) {
        const attempts = tokenToRenew.getRetryCount() + 1;
        const retryableStatus = this.isRetryableError(errorInfo.errorType) ? 0 : refusal.incompatible;
        const attemptStatus = attempts < maxAttempts ? 0 : refusal.attempts;
        const capacityStatus = this.capacity >= this.getCapacityCost(errorInfo.errorType) ? 0 : refusal.capacity;
        return retryableStatus || attemptStatus || capacityStatus;
      }
      getCapacityCost(errorType) {
        return errorType === Retry.modifiedCostType() ? Retry.throttlingCost() : Retry.cost();
      }
      isRetryableError(errorType) {
        return errorType === "THROTTLING" || errorType === "TRANSIENT";
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/retry/util-retry/AdaptiveRetryStrategy.js
var AdaptiveRetryStrategy;
var init_AdaptiveRetryStrategy = __esm({
  "node_modules/@smithy/core/dist-es/submodules/retry/util-retry/AdaptiveRetryStrategy.js"() {
    init_DefaultRateLimiter();
    init_StandardRetryStrategy();
    init_config();
    AdaptiveRetryStrategy = class {
      mode = RETRY_MODES.ADAPTIVE;
      rateLimiter;
      standardRetryStrategy;
      constructor(maxAttemptsProvider, options) {
        const { rateLimiter } = options ?? {};
        this.rateLimiter = rateLimiter ?? new DefaultRateLimiter();
        this.standardRetryStrategy = options ? new StandardRetryStrategy({
          maxAttempts: typeof maxAttemptsProvider === "number" ? maxAttemptsProvider : 3,
          ...options
        }) : new StandardRetryStrategy(maxAttemptsProvider);
      }
      async acquireInitialRetryToken(retryTokenScope) {
        const token = await this.standardRetryStrategy.acquireInitialRetryToken(retryTokenScope);
        await this.rateLimiter.getSendToken();
        return token;
      }
      async refreshRetryTokenForRetry(tokenToRenew, errorInfo) {
        this.rateLimiter.updateClientSendingRate(errorInfo);
        const token = await this.standardRetryStrategy.refreshRetryTokenForRetry(tokenToRenew, errorInfo);
        await this.rateLimiter.getSendToken();
        return token;
      }
      recordSuccess(token) {
        this.rateLimiter.updateClientSendingRate({});
        this.standardRetryStrategy.recordSuccess(token);
      }
      async maxAttemptsProvider() {
        return this.standardRetryStrategy.maxAttempts();
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/retry/util-retry/ConfiguredRetryStrategy.js
var ConfiguredRetryStrategy;
var init_ConfiguredRetryStrategy = __esm({
  "node_modules/@smithy/core/dist-es/submodules/retry/util-retry/ConfiguredRetryStrategy.js"() {
    init_StandardRetryStrategy();
    init_retries_2026_config();
    ConfiguredRetryStrategy = class extends StandardRetryStrategy {
      computeNextBackoffDelay;
      constructor(maxAttempts, computeNextBackoffDelay = Retry.delay()) {
        super(typeof maxAttempts === "function" ? maxAttempts : async () => maxAttempts);
        if (typeof computeNextBackoffDelay === "number") {
          this.computeNextBackoffDelay = () => computeNextBackoffDelay;
        } else {
          this.computeNextBackoffDelay = computeNextBackoffDelay;
        }
        this.retryBackoffStrategy.computeNextBackoffDelay = (completedAttempt) => {
          const nextAttempt = completedAttempt + 1;
          return this.computeNextBackoffDelay(nextAttempt);
        };
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/retry-pre-sra-deprecated/defaultRetryQuota.js
var getDefaultRetryQuota;
var init_defaultRetryQuota = __esm({
  "node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/retry-pre-sra-deprecated/defaultRetryQuota.js"() {
    init_constants2();
    getDefaultRetryQuota = (initialRetryTokens, options) => {
      const MAX_CAPACITY = initialRetryTokens;
      const noRetryIncrement = options?.noRetryIncrement ?? NO_RETRY_INCREMENT;
      const retryCost = options?.retryCost ?? RETRY_COST;
      const timeoutRetryCost = options?.timeoutRetryCost ?? TIMEOUT_RETRY_COST;
      let availableCapacity = initialRetryTokens;
      const getCapacityAmount = (error) => error.name === "TimeoutError" ? timeoutRetryCost : retryCost;
      const hasRetryTokens = (error) => getCapacityAmount(error) <= availableCapacity;
      const retrieveRetryTokens = (error) => {
        if (!hasRetryTokens(error)) {
          throw new Error("No retry token available");
        }
        const capacityAmount = getCapacityAmount(error);
        availableCapacity -= capacityAmount;
        return capacityAmount;
      };
      const releaseRetryTokens = (capacityReleaseAmount) => {
        availableCapacity += capacityReleaseAmount ?? noRetryIncrement;
        availableCapacity = Math.min(availableCapacity, MAX_CAPACITY);
      };
      return Object.freeze({
        hasRetryTokens,
        retrieveRetryTokens,
        releaseRetryTokens
      });
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/retry-pre-sra-deprecated/delayDecider.js
var defaultDelayDecider;
var init_delayDecider = __esm({
  "node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/retry-pre-sra-deprecated/delayDecider.js"() {
    init_constants2();
    defaultDelayDecider = (delayBase, attempts) => Math.floor(Math.min(MAXIMUM_RETRY_DELAY, Math.random() * 2 ** attempts * delayBase));
  }
});

// node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/retry-pre-sra-deprecated/retryDecider.js
var defaultRetryDecider;
var init_retryDecider = __esm({
  "node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/retry-pre-sra-deprecated/retryDecider.js"() {
    init_service_error_classification();
    defaultRetryDecider = (error) => {
      if (!error) {
        return false;
      }
      return isRetryableByTrait(error) || isClockSkewError(error) || isThrottlingError(error) || isTransientError(error);
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/retry-pre-sra-deprecated/StandardRetryStrategy.js
var StandardRetryStrategy2, getDelayFromRetryAfterHeader;
var init_StandardRetryStrategy2 = __esm({
  "node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/retry-pre-sra-deprecated/StandardRetryStrategy.js"() {
    init_protocols();
    init_serde();
    init_service_error_classification();
    init_config();
    init_constants2();
    init_util();
    init_defaultRetryQuota();
    init_delayDecider();
    init_retryDecider();
    StandardRetryStrategy2 = class {
      maxAttemptsProvider;
      retryDecider;
      delayDecider;
      retryQuota;
      mode = RETRY_MODES.STANDARD;
      constructor(maxAttemptsProvider, options) {
        this.maxAttemptsProvider = maxAttemptsProvider;
        this.retryDecider = options?.retryDecider ?? defaultRetryDecider;
        this.delayDecider = options?.delayDecider ?? defaultDelayDecider;
        this.retryQuota = options?.retryQuota ?? getDefaultRetryQuota(INITIAL_RETRY_TOKENS);
      }
      shouldRetry(error, attempts, maxAttempts) {
        return attempts < maxAttempts && this.retryDecider(error) && this.retryQuota.hasRetryTokens(error);
      }
      async getMaxAttempts() {
        let maxAttempts;
        try {
          maxAttempts = await this.maxAttemptsProvider();
        } catch (ignored) {
          maxAttempts = DEFAULT_MAX_ATTEMPTS;
        }
        return maxAttempts;
      }
      async retry(next, args, options) {
        let retryTokenAmount;
        let attempts = 0;
        let totalDelay = 0;
        const maxAttempts = await this.getMaxAttempts();
        const { request } = args;
        if (HttpRequest.isInstance(request)) {
          request.headers[INVOCATION_ID_HEADER] = v4();
        }
        while (true) {
          try {
            if (HttpRequest.isInstance(request)) {
              request.headers[REQUEST_HEADER] = `attempt=${attempts + 1}; max=${maxAttempts}`;
            }
            if (options?.beforeRequest) {
              await options.beforeRequest();
            }
            const { response, output } = await next(args);
            if (options?.afterRequest) {
              options.afterRequest(response);
            }
            this.retryQuota.releaseRetryTokens(retryTokenAmount);
            output.$metadata.attempts = attempts + 1;
            output.$metadata.totalRetryDelay = totalDelay;
            return { response, output };
          } catch (e) {
            const err = asSdkError(e);
            attempts++;
            if (this.shouldRetry(err, attempts, maxAttempts)) {
              retryTokenAmount = this.retryQuota.retrieveRetryTokens(err);
              const delayFromDecider = this.delayDecider(isThrottlingError(err) ? THROTTLING_RETRY_DELAY_BASE : DEFAULT_RETRY_DELAY_BASE, attempts);
              const delayFromResponse = getDelayFromRetryAfterHeader(err.$response);
              const delay = Math.max(delayFromResponse || 0, delayFromDecider);
              totalDelay += delay;
              await new Promise((resolve) => setTimeout(resolve, delay));
              continue;
            }
            if (!err.$metadata) {
              err.$metadata = {};
            }
            err.$metadata.attempts = attempts;
            err.$metadata.totalRetryDelay = totalDelay;
            throw err;
          }
        }
      }
    };
    getDelayFromRetryAfterHeader = (response) => {
      if (!HttpResponse.isInstance(response)) {
        return;
      }
      const retryAfterHeaderName = Object.keys(response.headers).find((key) => key.toLowerCase() === "retry-after");
      if (!retryAfterHeaderName) {
        return;
      }
      const retryAfter = response.headers[retryAfterHeaderName];
      const retryAfterSeconds = Number(retryAfter);
      if (!Number.isNaN(retryAfterSeconds)) {
        return Math.min(retryAfterSeconds * 1e3, 2e4);
      }
      const retryAfterDate = new Date(retryAfter);
      return Math.min(retryAfterDate.getTime() - Date.now(), 2e4);
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/retry-pre-sra-deprecated/AdaptiveRetryStrategy.js
var AdaptiveRetryStrategy2;
var init_AdaptiveRetryStrategy2 = __esm({
  "node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/retry-pre-sra-deprecated/AdaptiveRetryStrategy.js"() {
    init_DefaultRateLimiter();
    init_config();
    init_StandardRetryStrategy2();
    AdaptiveRetryStrategy2 = class extends StandardRetryStrategy2 {
      rateLimiter;
      constructor(maxAttemptsProvider, options) {
        const { rateLimiter, ...superOptions } = options ?? {};
        super(maxAttemptsProvider, superOptions);
        this.rateLimiter = rateLimiter ?? new DefaultRateLimiter();
        this.mode = RETRY_MODES.ADAPTIVE;
      }
      async retry(next, args) {
        return super.retry(next, args, {
          beforeRequest: async () => {
            return this.rateLimiter.getSendToken();
          },
          afterRequest: (response) => {
            this.rateLimiter.updateClientSendingRate(response);
          }
        });
      }
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/configurations.js
var ENV_MAX_ATTEMPTS, CONFIG_MAX_ATTEMPTS, NODE_MAX_ATTEMPT_CONFIG_OPTIONS, resolveRetryConfig, ENV_RETRY_MODE, CONFIG_RETRY_MODE, NODE_RETRY_MODE_CONFIG_OPTIONS;
var init_configurations = __esm({
  "node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/configurations.js"() {
    init_client();
    init_AdaptiveRetryStrategy();
    init_StandardRetryStrategy();
    init_config();
    init_retries_2026_config();
    ENV_MAX_ATTEMPTS = "AWS_MAX_ATTEMPTS";
    CONFIG_MAX_ATTEMPTS = "max_attempts";
    NODE_MAX_ATTEMPT_CONFIG_OPTIONS = {
      environmentVariableSelector: (env) => {
        const value = env[ENV_MAX_ATTEMPTS];
        if (!value) {
          return void 0;
        }
        const maxAttempt = parseInt(value);
        if (Number.isNaN(maxAttempt)) {
          throw new Error(`Environment variable ${ENV_MAX_ATTEMPTS} mast be a number, got "${value}"`);
        }
        return maxAttempt;
      },
      configFileSelector: (profile) => {
        const value = profile[CONFIG_MAX_ATTEMPTS];
        if (!value) {
          return void 0;
        }
        const maxAttempt = parseInt(value);
        if (Number.isNaN(maxAttempt)) {
          throw new Error(`Shared config file entry ${CONFIG_MAX_ATTEMPTS} mast be a number, got "${value}"`);
        }
        return maxAttempt;
      },
      default: DEFAULT_MAX_ATTEMPTS
    };
    resolveRetryConfig = (input, defaults2) => {
      const { retryStrategy, retryMode } = input;
      const { defaultMaxAttempts = DEFAULT_MAX_ATTEMPTS, defaultBaseDelay = Retry.delay() } = defaults2 ?? {};
      const maxAttemptsProvider = normalizeProvider(input.maxAttempts ?? defaultMaxAttempts);
      let controller = retryStrategy ? Promise.resolve(retryStrategy) : void 0;
      const getDefault = async () => {
        const maxAttempts = await maxAttemptsProvider();
        const adaptive = await normalizeProvider(retryMode)() === RETRY_MODES.ADAPTIVE;
        if (adaptive) {
          return new AdaptiveRetryStrategy(maxAttemptsProvider, {
            maxAttempts,
            baseDelay: defaultBaseDelay
          });
        }
        return new StandardRetryStrategy({
          maxAttempts,
          baseDelay: defaultBaseDelay
        });
      };
      return Object.assign(input, {
        maxAttempts: maxAttemptsProvider,
        retryStrategy: () => controller ??= getDefault()
      });
    };
    ENV_RETRY_MODE = "AWS_RETRY_MODE";
    CONFIG_RETRY_MODE = "retry_mode";
    NODE_RETRY_MODE_CONFIG_OPTIONS = {
      environmentVariableSelector: (env) => env[ENV_RETRY_MODE],
      configFileSelector: (profile) => profile[CONFIG_RETRY_MODE],
      default: DEFAULT_RETRY_MODE
    };
  }
});

// node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/omitRetryHeadersMiddleware.js
var omitRetryHeadersMiddleware, omitRetryHeadersMiddlewareOptions, getOmitRetryHeadersPlugin;
var init_omitRetryHeadersMiddleware = __esm({
  "node_modules/@smithy/core/dist-es/submodules/retry/middleware-retry/omitRetryHeadersMiddleware.js"() {
    init_protocols();
    init_constants2();
    omitRetryHeadersMiddleware = () => (next) => async (args) => {
      const { request } = args;
      if (HttpRequest.isInstance(request)) {
        delete request.headers[INVOCATION_ID_HEADER];
        delete request.headers[REQUEST_HEADER];
      }
      return next(args);
    };
    omitRetryHeadersMiddlewareOptions = {
      name: "omitRetryHeadersMiddleware",
      tags: ["RETRY", "HEADERS", "OMIT_RETRY_HEADERS"],
      relation: "before",
      toMiddleware: "awsAuthMiddleware",
      override: true
    };
    getOmitRetryHeadersPlugin = (options) => ({
      applyToStack: (clientStack) => {
        clientStack.addRelativeTo(omitRetryHeadersMiddleware(), omitRetryHeadersMiddlewareOptions);
      }
    });
  }
});

// node_modules/@smithy/core/dist-es/submodules/retry/index.js
var retry_exports = {};
__export(retry_exports, {
  AdaptiveRetryStrategy: () => AdaptiveRetryStrategy,
  CONFIG_MAX_ATTEMPTS: () => CONFIG_MAX_ATTEMPTS,
  CONFIG_RETRY_MODE: () => CONFIG_RETRY_MODE,
  ConfiguredRetryStrategy: () => ConfiguredRetryStrategy,
  DEFAULT_MAX_ATTEMPTS: () => DEFAULT_MAX_ATTEMPTS,
  DEFAULT_RETRY_DELAY_BASE: () => DEFAULT_RETRY_DELAY_BASE,
  DEFAULT_RETRY_MODE: () => DEFAULT_RETRY_MODE,
  DefaultRateLimiter: () => DefaultRateLimiter,
  DeprecatedAdaptiveRetryStrategy: () => AdaptiveRetryStrategy2,
  DeprecatedStandardRetryStrategy: () => StandardRetryStrategy2,
  ENV_MAX_ATTEMPTS: () => ENV_MAX_ATTEMPTS,
  ENV_RETRY_MODE: () => ENV_RETRY_MODE,
  INITIAL_RETRY_TOKENS: () => INITIAL_RETRY_TOKENS,
  INVOCATION_ID_HEADER: () => INVOCATION_ID_HEADER,
  MAXIMUM_RETRY_DELAY: () => MAXIMUM_RETRY_DELAY,
  NODE_MAX_ATTEMPT_CONFIG_OPTIONS: () => NODE_MAX_ATTEMPT_CONFIG_OPTIONS,
  NODE_RETRY_MODE_CONFIG_OPTIONS: () => NODE_RETRY_MODE_CONFIG_OPTIONS,
  NO_RETRY_INCREMENT: () => NO_RETRY_INCREMENT,
  REQUEST_HEADER: () => REQUEST_HEADER,
  RETRY_COST: () => RETRY_COST,
  RETRY_MODES: () => RETRY_MODES,
  Retry: () => Retry,
  StandardRetryStrategy: () => StandardRetryStrategy,
  THROTTLING_RETRY_DELAY_BASE: () => THROTTLING_RETRY_DELAY_BASE,
  TIMEOUT_RETRY_COST: () => TIMEOUT_RETRY_COST,
  defaultDelayDecider: () => defaultDelayDecider,
  defaultRetryDecider: () => defaultRetryDecider,
  getOmitRetryHeadersPlugin: () => getOmitRetryHeadersPlugin,
  getRetryAfterHint: () => getRetryAfterHint,
  getRetryPlugin: () => getRetryPlugin,
  isBrowserNetworkError: () => isBrowserNetworkError,
  isClockSkewCorrectedError: () => isClockSkewCorrectedError,
  isClockSkewError: () => isClockSkewError,
  isNodeJsHttp2TransientError: () => isNodeJsHttp2TransientError,
  isRetryableByTrait: () => isRetryableByTrait,
  isServerError: () => isServerError,
  isThrottlingError: () => isThrottlingError,
  isTransientError: () => isTransientError,
  omitRetryHeadersMiddleware: () => omitRetryHeadersMiddleware,
  omitRetryHeadersMiddlewareOptions: () => omitRetryHeadersMiddlewareOptions,
  resolveRetryConfig: () => resolveRetryConfig,
  retryMiddleware: () => retryMiddleware,
  retryMiddlewareOptions: () => retryMiddlewareOptions
});
var retryMiddleware, getRetryPlugin;
var init_retry = __esm({
  "node_modules/@smithy/core/dist-es/submodules/retry/index.js"() {
    init_isStreamingPayload();
    init_retryMiddleware();
    init_service_error_classification();
    init_AdaptiveRetryStrategy();
    init_ConfiguredRetryStrategy();
    init_DefaultRateLimiter();
    init_StandardRetryStrategy();
    init_config();
    init_constants2();
    init_retries_2026_config();
    init_AdaptiveRetryStrategy2();
    init_StandardRetryStrategy2();
    init_delayDecider();
    init_retryDecider();
    init_configurations();
    init_omitRetryHeadersMiddleware();
    init_retryMiddleware();
    init_parseRetryAfterHeader();
    retryMiddleware = bindRetryMiddleware(isStreamingPayload);
    getRetryPlugin = bindGetRetryPlugin(isStreamingPayload);
  }
});

// runtime/dist/esm/events/put-events.js
async function isPassing(error) {
  if (!(error instanceof Error))
    return false;
  const { isServerError: isServerError2, isThrottlingError: isThrottlingError2, isTransientError: isTransientError2 } = await (retryChecks ??= Promise.resolve().then(() => (init_retry(), retry_exports)));
  const sdkError = error;
  return isThrottlingError2(sdkError) || isTransientError2(sdkError) || isServerError2(sdkError);
}
function describeError(error) {
  if (!(error instanceof Error))
    return { code: "Error", message: String(error) };
  const systemCode = error.code;
  const code = error.name === "Error" && typeof systemCode === "string" ? systemCode : error.name;
  return { code, message: error.message };
}
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
function batches(entries) {
  const result = [];
  let current = [];
  let bytes = 0;
  for (const entry of entries) {
    if (current.length === publishLimits.entries || bytes + entry.size > publishLimits.bytes) {
      result.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += entry.size;
  }
  if (current.length > 0)
    result.push(current);
  return result;
}
var publishLimits, retryableCodes, retryChecks;
var init_put_events = __esm({
  "runtime/dist/esm/events/put-events.js"() {
    "use strict";
    init_json_data();
    publishLimits = { entries: 10, bytes: 256 * 1024 };
    retryableCodes = /* @__PURE__ */ new Set([
      "ThrottlingException",
      "InternalFailure",
      "InternalException",
      "ServiceUnavailable"
    ]);
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
var init_constants3 = __esm({
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
    init_constants3();
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
var import_node_crypto2, Parser;
var init_Parser = __esm({
  "node_modules/@aws-lambda-powertools/jmespath/lib/esm/Parser.js"() {
    import_node_crypto2 = require("node:crypto");
    init_ast();
    init_constants3();
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
          if ((0, import_node_crypto2.randomInt)(0, 100) > 50) {
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
var BASE64_REGEX2, fromBase642;
var init_fromBase642 = __esm({
  "node_modules/@aws-lambda-powertools/commons/lib/esm/fromBase64.js"() {
    BASE64_REGEX2 = /^[A-Za-z0-9+/]*={0,2}$/;
    fromBase642 = (input, encoding) => {
      if (input.length * 3 % 4 !== 0) {
        throw new TypeError("Incorrect padding on base64 string.");
      }
      if (!BASE64_REGEX2.exec(input)) {
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
    init_fromBase642();
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
        return decoder.decode(fromBase642(value, "base64"));
      }
      funcPowertoolsBase64Gzip(value) {
        const encoded = fromBase642(value, "base64");
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

// bench/.cold-start-HJYAem/bus-entry.mjs
var bus_entry_exports = {};
__export(bus_entry_exports, {
  handler: () => handler,
  settle: () => startedModules
});
module.exports = __toCommonJS(bus_entry_exports);

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
var PublishError = class extends StatefulRuntimeError {
  bus;
  published;
  failed;
  name = "PublishError";
  constructor(bus2, published, failed, options) {
    const cause = options.cause instanceof Error ? `${options.cause.name}: ${options.cause.message}` : String(options.cause);
    const denied = options.cause instanceof Error && options.cause.name === "AccessDeniedException";
    const refusal2 = options.cause instanceof StatefulRuntimeError ? `publishing to bus ${bus2} was refused before sending, as EventBridge would refuse it: ${options.cause.message}` : `EventBridge refused to publish to bus ${bus2}: ${cause}`;
    super(`${refusal2}. ` + (denied ? "The function may publish only to buses its state: block grants publish. " : "") + `${published} event(s) were published; the ${failed.length} others are in error.failed.`, options);
    this.bus = bus2;
    this.published = published;
    this.failed = failed;
  }
};
var Bus = class {
  name;
  busName;
  constructor(name) {
    this.name = name;
    preloadEventBridge();
  }
  get eventBusName() {
    this.busName ??= resolveResource("bus", this.name);
    return this.busName;
  }
  /** Publishes one event per detail; returns how many landed and which did not. */
  async publish(detailType, detail, options = {}) {
    const details = Array.isArray(detail) ? detail : [detail];
    const failed = [];
    const byIndex = () => failed.sort((a, b) => a.index - b.index);
    const fail = (item, errorCode, errorMessage) => failed.push({ index: item.index, detail: item.detail, errorCode, errorMessage });
    const source = options.source ?? process.env.AWS_LAMBDA_FUNCTION_NAME ?? "serverless-stateful";
    const missing = missingField("detail type", detailType) ?? missingField("source", source);
    if (missing) {
      details.forEach((item, index2) => fail({ index: index2, detail: item }, "InvalidArgument", missing));
      throw new PublishError(this.name, 0, byIndex(), { cause: new StatefulRuntimeError(missing) });
    }
    let pending = [];
    details.forEach((item, index2) => {
      const json = detailJson(item);
      if ("malformed" in json)
        return fail({ index: index2, detail: item }, "MalformedDetail", json.malformed);
      const entry = this.entry(detailType, json.text, source, options);
      const size = entrySize(entry);
      if (size > publishLimits.bytes) {
        fail({ index: index2, detail: item }, "EntryTooLarge", `${size} bytes; EventBridge takes at most 262144`);
      } else
        pending.push({ index: index2, detail: item, entry, size });
    });
    let published = 0;
    const maxAttempts = options.maxAttempts ?? 4;
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > 1)
        await sleep(backoffDelay(attempt - 1, options));
      const retry = [];
      const notPublished = (item, errorCode, errorMessage, passing) => {
        if (passing && attempt < maxAttempts)
          retry.push({ ...item, lastError: { errorCode, errorMessage } });
        else
          fail(item, errorCode, errorMessage);
      };
      const queue = batches(pending);
      for (const [position, batch] of queue.entries()) {
        let outcomes;
        const { client, commands } = await eventBridge();
        try {
          const result = await client.send(new commands.PutEventsCommand({ Entries: batch.map((item) => item.entry) }));
          outcomes = result.Entries ?? [];
        } catch (error) {
          const { code, message } = describeError(error);
          if (!await isPassing(error)) {
            for (const item of retry)
              fail(item, item.lastError?.errorCode ?? code, item.lastError?.errorMessage);
            for (const item of queue.slice(position).flat())
              fail(item, code, message);
            throw new PublishError(this.name, published, byIndex(), { cause: error });
          }
          for (const item of batch)
            notPublished(item, code, message, true);
          continue;
        }
        batch.forEach((item, index2) => {
          const outcome = outcomes[index2];
          if (outcome && !outcome.ErrorCode)
            published++;
          else if (outcome?.ErrorCode) {
            notPublished(item, outcome.ErrorCode, outcome.ErrorMessage, retryableCodes.has(outcome.ErrorCode));
          } else
            notPublished(item, "NoOutcome", "EventBridge answered without an outcome for this entry", false);
        });
      }
      pending = retry;
    }
    return { published, failed: byIndex() };
  }
  entry(detailType, detail, source, options) {
    return {
      EventBusName: this.eventBusName,
      Source: source,
      DetailType: detailType,
      Detail: detail,
      ...options.resources ? { Resources: [...options.resources] } : {}
    };
  }
};
function bus(name) {
  return new Bus(name);
}

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

// bench/.cold-start-HJYAem/bus-entry.mjs
init_lazy_module();
var shop = bus("shop");
var handler = async (event) => shop.publish("CartUpdated", event);
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

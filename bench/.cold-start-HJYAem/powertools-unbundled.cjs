var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
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
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var stdin_exports = {};
__export(stdin_exports, {
  handler: () => handler
});
module.exports = __toCommonJS(stdin_exports);
var import_idempotency = require("@aws-lambda-powertools/idempotency");
var import_dynamodb = require("@aws-lambda-powertools/idempotency/dynamodb");
const persistenceStore = new import_dynamodb.DynamoDBPersistenceLayer({ tableName: "idempotency" });
const handler = (0, import_idempotency.makeIdempotent)(async (event) => ({ charged: event.orderId }), {
  persistenceStore,
  config: new import_idempotency.IdempotencyConfig({ eventKeyJmesPath: "orderId" })
});
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  handler
});

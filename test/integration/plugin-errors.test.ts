/**
 * @services
 */
// Every error code of the plugin, triggered through the real framework (osls package), with the
// path of the problem and the valid options in the message. Schema errors are shown with
// configValidationMode: warn, where Serverless would only warn and the plugin still fails the
// build; under osls 4's default (error) the framework reports them first, also by path.
import { errorCodes } from '../../plugin/errors';
import { frameworks, runOnService, serviceYaml } from '../support/package-service';

/** A line of a JavaScript stack trace: "    at fn (/path/file.js:1:2)". */
const stackFrame = /^\s+at .+:\d+:\d+\)?$/m;

interface Case {
  readonly code: (typeof errorCodes)[number];
  readonly title: string;
  readonly yaml: string;
  readonly message: RegExp[];
}

const fn = (state: string, extra = '') => `
functions:
  updateCart:
    handler: handler.main
    state: ${state}${extra}
`;

const warnOnly = { configValidationMode: 'warn' } as const;

const cases: Case[] = [
  {
    code: 'STATE_CONFIG_INVALID',
    title: 'a misspelt table key',
    yaml: serviceYaml(`state:\n  tables:\n    carts: { partitonKey: cartId }`, warnOnly),
    message: [
      /state\.tables\.carts: unknown key "partitonKey"; valid keys are partitionKey, sortKey, indexes, ttl, stream/,
      /state\.tables\.carts: "partitionKey" is required/,
    ],
  },
  {
    code: 'STATE_CONFIG_INVALID',
    title: 'a stream view that does not exist',
    yaml: serviceYaml(`state:\n  tables:\n    carts: { partitionKey: cartId, stream: newandold }`, warnOnly),
    message: [/state\.tables\.carts\.stream: "newandold" is not allowed; use keys-only, new, old or new-and-old/],
  },
  {
    code: 'STATE_CONFIG_INVALID',
    title: 'a key type that does not exist',
    yaml: serviceYaml(`state:\n  tables:\n    carts: { partitionKey: { name: cartId, type: X } }`, warnOnly),
    message: [
      /Invalid state configuration:\n {2}- state\.tables\.carts\.partitionKey\.type: "X" is not allowed; use S, N or B \(/,
    ],
  },
  {
    code: 'STATE_CONFIG_INVALID',
    title: 'a key that is neither a name nor a { name, type }',
    yaml: serviceYaml(`state:\n  tables:\n    carts: { partitionKey: [cartId, sk] }`, warnOnly),
    message: [/state\.tables\.carts\.partitionKey: must be a string or an object/],
  },
  {
    code: 'STATE_CONFIG_INVALID',
    title: 'an access level that does not exist',
    yaml: serviceYaml(`state:\n  tables:\n    carts: { partitionKey: cartId }${fn('{ carts: readonly }')}`, warnOnly),
    message: [
      /functions\.updateCart\.state\.carts: "readonly" is not allowed; use read, write, readwrite, publish, start or callback/,
    ],
  },
  {
    code: 'STATE_CONFIG_INVALID',
    title: 'a name with odd characters, under osls 4 default validation',
    yaml: serviceYaml(`state:\n  tables:\n    my-table: { partitionKey: cartId }`),
    message: [
      /state\.tables\.my-table: "my-table" is not a valid name: use letters and digits, starting with a letter, as it becomes part of logical ids and environment variable names\. Rename it, for example to "myTable"\./,
    ],
  },
  {
    code: 'STATE_CONFIG_INVALID',
    title: 'a retention that CloudWatch does not offer, under osls 4 default validation',
    yaml: serviceYaml(`state:
  workflows:
    flow:
      logging: { retentionDays: 2 }
      definition: { StartAt: A, States: { A: { Type: Pass, End: true } } }`),
    message: [/state\.workflows\.flow\.logging\.retentionDays: 2 is not allowed; use 1, 3, 5, 7, 14, 30, 60, 90/],
  },
  {
    code: 'STATE_CONFIG_INVALID',
    title: 'a key given as an object without its type',
    yaml: serviceYaml(`state:\n  tables:\n    carts: { partitionKey: { name: cartId } }`, warnOnly),
    message: [/state\.tables\.carts\.partitionKey: "type" is required/],
  },
  {
    code: 'STATE_UNKNOWN_RESOURCE',
    title: 'a function naming an undeclared resource',
    yaml: serviceYaml(
      `state:\n  tables:\n    carts: { partitionKey: cartId }\n    orders: { partitionKey: orderId }${fn('{ cart: read }')}`,
    ),
    message: [
      /functions\.updateCart\.state\.cart: no state resource is named "cart" \(did you mean "carts"\?\)\. Declared: carts and orders\./,
    ],
  },
  {
    code: 'STATE_ACCESS_NOT_ALLOWED',
    title: 'an access level that does not apply to a table',
    yaml: serviceYaml(`state:\n  tables:\n    carts: { partitionKey: cartId }${fn('{ carts: publish }')}`),
    message: [
      /functions\.updateCart\.state\.carts: "publish" does not apply to table carts; use read, write or readwrite\./,
    ],
  },
  {
    code: 'STATE_KEY_TYPE_CONFLICT',
    title: 'one attribute with two types',
    yaml: serviceYaml(
      `state:\n  tables:\n    carts:\n      partitionKey: cartId\n      indexes:\n        byTime: { partitionKey: { name: cartId, type: N } }`,
    ),
    message: [
      /state\.tables\.carts: attribute "cartId" is type S in one key and N at state\.tables\.carts\.indexes\.byTime\.partitionKey/,
    ],
  },
  {
    code: 'STATE_LOCAL_INDEX_PARTITION_KEY',
    title: 'a local index with another partition key',
    yaml: serviceYaml(
      `state:\n  tables:\n    carts:\n      partitionKey: cartId\n      sortKey: sk\n      indexes:\n        bySku: { partitionKey: sku, sortKey: at, local: true }`,
    ),
    message: [
      /state\.tables\.carts\.indexes\.bySku: a local index shares the table's partition key "cartId", not "sku"/,
    ],
  },
  {
    code: 'STATE_LOCAL_INDEX_NEEDS_SORT_KEY',
    title: 'a local index on a table without a sort key',
    yaml: serviceYaml(
      `state:\n  tables:\n    carts:\n      partitionKey: cartId\n      indexes:\n        bySku: { partitionKey: cartId, sortKey: sku, local: true }`,
    ),
    message: [/state\.tables\.carts\.indexes\.bySku: a local index needs a table with a sort key, and carts has none/],
  },
  {
    code: 'STATE_CACHE_ENGINE_VERSION',
    title: 'IAM auth on Redis OSS 6.2',
    yaml: serviceYaml(`state:\n  caches:\n    catalog: { mode: cluster, engine: redis, version: '6.2' }`),
    message: [
      /state\.caches\.catalog\.version: IAM auth needs Redis OSS 7\.0 or later, and redis 6\.2 is older\. Use "7\.0" or "7\.1", or auth: token/,
    ],
  },
  {
    code: 'STATE_CACHE_OPTION_NOT_IN_MODE',
    title: 'a node type on a serverless cache',
    yaml: serviceYaml(`state:\n  caches:\n    catalog: { nodeType: cache.t4g.micro }`),
    message: [
      /state\.caches\.catalog: nodeType applies to cluster mode, and the cache is in serverless mode \(the default\)/,
    ],
  },
  {
    code: 'STATE_CACHE_OPTION_CONFLICT',
    title: 'Multi-AZ without a replica',
    yaml: serviceYaml(`state:\n  caches:\n    catalog: { mode: cluster, replicas: 0, multiAz: true }`),
    message: [/state\.caches\.catalog\.multiAz: Multi-AZ fails over to a replica, and replicas is 0/],
  },
  {
    code: 'STATE_CACHE_WINDOW_INVALID',
    title: 'a maintenance window of half an hour',
    yaml: serviceYaml(`state:\n  caches:\n    catalog: { mode: cluster, maintenanceWindow: 'sun:05:00-sun:05:30' }`),
    message: [
      /state\.caches\.catalog\.maintenanceWindow: "sun:05:00-sun:05:30" lasts 30 minutes; ElastiCache needs a window of at least 60/,
    ],
  },
  {
    code: 'STATE_KEY_TEMPLATE_INVALID',
    title: 'an invalidation key template that does not close',
    yaml: serviceYaml(
      `state:\n  tables:\n    products:\n      partitionKey: productId\n      invalidates: [{ cache: catalog, keys: ['product:\${productId'] }]`,
    ),
    message: [
      /state\.tables\.products\.invalidates\.0\.keys\.0: the template "product:\$\{productId" opens \$\{ without closing it/,
    ],
  },
  {
    code: 'STATE_STREAM_VIEW_TOO_NARROW',
    title: 'a new-image stream for invalidates that names an attribute beyond the key',
    yaml: serviceYaml(
      `state:\n  tables:\n    products:\n      partitionKey: productId\n      stream: new\n      invalidates: [{ cache: catalog, tags: ['category:\${categoryId}'] }]`,
    ),
    message: [
      /state\.tables\.products\.stream: it is new, and state\.tables\.products\.invalidates names categoryId, beyond the table's key\..*Set stream: new-and-old/s,
    ],
  },
  {
    code: 'STATE_UNKNOWN_REFERENCE',
    title: 'invalidates naming a cache that is not declared',
    yaml: serviceYaml(
      `state:\n  network:\n    vpc: { subnetIds: [subnet-0a1b2c3d], securityGroupIds: [sg-0123abcd] }\n  caches:\n    catalogue: {}\n  tables:\n    products:\n      partitionKey: productId\n      invalidates: [{ cache: catalog, keys: ['product:\${productId}'] }]`,
    ),
    message: [
      /state\.tables\.products\.invalidates\.0\.cache: no cache is named "catalog"\. Declared caches: catalogue\./,
    ],
  },
  {
    code: 'STATE_CAPACITY_MISSING',
    title: 'provisioned billing without capacity',
    yaml: serviceYaml(`state:\n  tables:\n    carts: { partitionKey: cartId, billing: provisioned }`),
    message: [
      /state\.tables\.carts: billing is provisioned but no capacity is given\. Add capacity: \{ read: <units>, write: <units> \}/,
    ],
  },
  {
    code: 'STATE_CAPACITY_NOT_PROVISIONED',
    title: 'capacity on an on-demand table',
    yaml: serviceYaml(`state:\n  tables:\n    carts: { partitionKey: cartId, capacity: { read: 1, write: 1 } }`),
    message: [/state\.tables\.carts: capacity is set but billing is on-demand\. Set billing: provisioned/],
  },
  {
    code: 'STATE_STREAM_NOT_ENABLED',
    title: 'the stream of a table that has none',
    yaml: serviceYaml(`state:\n  tables:\n    carts: { partitionKey: cartId }
functions:
  summarise:
    handler: handler.main
    events:
      - stream: { type: dynamodb, arn: '\${state:carts.streamArn}' }`),
    message: [
      /\$\{state:carts\.streamArn\}: table carts has no stream\. Add stream: keys-only, new, old or new-and-old to state\.tables\.carts/,
    ],
  },
  {
    code: 'STATE_UNKNOWN_VARIABLE',
    title: 'a reference to an undeclared resource',
    yaml: serviceYaml(`state:\n  tables:\n    carts: { partitionKey: cartId }
functions:
  health:
    handler: handler.main
    environment: { TABLE: '\${state:cart.name}' }`),
    message: [
      /\$\{state:cart\.name\}: no state resource is named "cart" \(did you mean "carts"\?\)\. Declared: carts\./,
    ],
  },
  {
    code: 'STATE_UNKNOWN_VARIABLE',
    title: 'a property a table does not have',
    yaml: serviceYaml(`state:\n  tables:\n    carts: { partitionKey: cartId }
functions:
  health:
    handler: handler.main
    environment: { TABLE: '\${state:carts.url}' }`),
    message: [
      /\$\{state:carts\.url\}: table carts has no "url"; use \$\{state:carts\.name\}, \$\{state:carts\.arn\} or \$\{state:carts\.streamArn\}\./,
    ],
  },
  {
    code: 'STATE_UNKNOWN_VARIABLE',
    title: 'references with no property, two properties, or an object property',
    yaml: serviceYaml(`state:\n  tables:\n    carts: { partitionKey: cartId }
functions:
  health:
    handler: handler.main
    environment:
      EXTRA: '\${state:carts.name.extra}'
      BARE: '\${state:carts}'
      INHERITED: '\${state:carts.toString}'
      PROTOTYPE: '\${state:carts.__proto__}'`),
    message: [
      /\$\{state:carts\.name\.extra\}: a reference has one property; use \$\{state:carts\.name\}/,
      /\$\{state:carts\}: name the property of table carts you want; use \$\{state:carts\.name\}/,
      /\$\{state:carts\.toString\}: table carts has no "toString"/,
      /\$\{state:carts\.__proto__\}: table carts has no "__proto__"/,
    ],
  },
  {
    code: 'STATE_FUNCTION_HAS_ROLE',
    title: 'a function with state: and its own role',
    yaml: serviceYaml(
      `state:\n  tables:\n    carts: { partitionKey: cartId }${fn('{ carts: read }', '\n    role: arn:aws:iam::123456789012:role/mine')}`,
    ),
    message: [/functions\.updateCart: it declares state: and uses the role set at functions\.updateCart\.role/],
  },
  {
    code: 'STATE_FUNCTION_HAS_ROLE',
    title: 'a function with permissions: in a service whose provider role is an existing role',
    yaml: serviceYaml(
      `functions:\n  upload:\n    handler: handler.main\n    permissions:\n      - { Effect: Allow, Action: 's3:PutObject', Resource: '*' }`,
      { provider: '  iam:\n    role: arn:aws:iam::123456789012:role/mine' },
    ),
    message: [
      /functions\.upload: it declares permissions: and uses the role set at provider\.iam\.role\. serverless-stateful gives a function with permissions: a role of its own/,
    ],
  },
  {
    code: 'STATE_EVENT_PERMISSIONS_UNKNOWN',
    title: 'an event whose permissions the plugin does not know',
    yaml: serviceYaml(
      `state:\n  tables:\n    carts: { partitionKey: cartId }${fn(
        '{ carts: read }',
        `\n    events:\n      - stream: { arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/clicks', consumer: true }`,
      )}`,
    ),
    message: [
      /functions\.updateCart\.events\.0: a stream event with a Kinesis consumer is not supported on a function with a state: block yet/,
    ],
  },
  {
    code: 'STATE_NAME_TOO_LONG',
    title: 'a physical name over the limit',
    yaml: serviceYaml(`state:\n  tables:\n    carts: { partitionKey: cartId }`, {
      provider: `  stage: ${'x'.repeat(250)}`,
    }),
    message: [/state\.tables\.carts: its name "shop-x+-carts" is 261 characters; AWS allows 255\./],
  },
  {
    code: 'STATE_NETWORK_CIDR_INVALID',
    title: 'a network block with bits set after its prefix',
    yaml: serviceYaml(`state:\n  network:\n    cidr: 10.0.1.0/16`),
    message: [
      /state\.network\.cidr: "10\.0\.1\.0\/16" has bits set after its prefix; the block it lies in is 10\.0\.0\.0\/16\./,
    ],
  },
  {
    code: 'STATE_NETWORK_CONFLICT',
    title: 'options of the generated network beside an existing VPC',
    yaml: serviceYaml(`state:
  network:
    availabilityZones: 3
    vpc: { subnetIds: [subnet-0123456789abcdef0], securityGroupIds: [sg-0123456789abcdef0] }`),
    message: [/state\.network: state\.network\.availabilityZones is an option of the VPC the plugin generates/],
  },
  {
    code: 'STATE_NAME_TAKEN',
    title: 'two kinds with one name',
    yaml: serviceYaml(`state:\n  tables:\n    carts: { partitionKey: cartId }\n  buses:\n    carts: {}`),
    message: [
      /state\.buses\.carts: table carts already has this name\. A function's state: block names resources by name alone/,
    ],
  },
  {
    code: 'STATE_UNKNOWN_REFERENCE',
    title: 'a workflow naming a function the service does not have',
    yaml: serviceYaml(`state:
  workflows:
    flow:
      definition: { StartAt: Charge, States: { Charge: { Type: Task, Resource: 'function:chargePaymnt', End: true } } }
functions:
  chargePayment: { handler: handler.main }
  ship: { handler: handler.main }`),
    message: [
      /state\.workflows\.flow\.definition\.States\.Charge\.Resource: no function is named "chargePaymnt" \(did you mean "chargePayment"\?\)\. Functions of this service: chargePayment and ship\./,
    ],
  },
  {
    code: 'STATE_UNKNOWN_REFERENCE',
    title: 'a workflow naming a table that is not declared',
    yaml: serviceYaml(`state:
  tables:
    orders: { partitionKey: orderId }
  workflows:
    flow:
      definition:
        StartAt: Save
        States:
          Save:
            Type: Task
            Resource: arn:aws:states:::dynamodb:putItem
            Parameters: { TableName: 'table:order', Item: { orderId: { S: x } } }
            End: true`),
    message: [
      /state\.workflows\.flow\.definition\.States\.Save\.Parameters\.TableName: no table is named "order" \(did you mean "orders"\?\)\. Declared tables: orders\./,
    ],
  },
  {
    code: 'STATE_UNKNOWN_REFERENCE',
    title: 'a misspelt reference prefix',
    yaml: serviceYaml(`state:
  tables:
    orders: { partitionKey: orderId }
  workflows:
    flow:
      definition:
        StartAt: Save
        States:
          Save:
            Type: Task
            Resource: arn:aws:states:::dynamodb:putItem
            Parameters: { TableName: 'tabel:orders', Item: { orderId: { S: x } } }
            End: true`),
    message: [
      /state\.workflows\.flow\.definition\.States\.Save\.Parameters\.TableName: "tabel:orders" reads like a reference, but "tabel" is no kind of reference; did you mean table:orders\? References are function:<name>, table:<name>, bus:<name> and workflow:<name>, and TableName takes table:<name>\./,
    ],
  },
  {
    code: 'STATE_WORKFLOW_DEFINITION_INVALID',
    title: 'a state of a type ASL does not have',
    yaml: serviceYaml(`state:
  workflows:
    flow:
      definition: { StartAt: Wait, States: { Wait: { Type: Sleep, Seconds: 1, End: true } } }`),
    message: [
      /Invalid Amazon States Language:\n {2}- state\.workflows\.flow\.definition\.States\.Wait\.Type: .*must be equal to one of the allowed values \(SCHEMA_VALIDATION_FAILED\)/,
    ],
  },
  {
    code: 'STATE_WORKFLOW_DEFINITION_INVALID',
    title: 'a transition to a state that does not exist',
    yaml: serviceYaml(`state:
  workflows:
    flow:
      definition: { StartAt: A, States: { A: { Type: Pass, Next: B } } }`),
    message: [
      /state\.workflows\.flow\.definition: Missing 'StartAt'\|'Next'\|'Default' target: B \(MISSING_TRANSITION_TARGET\)/,
    ],
  },
  {
    code: 'STATE_WORKFLOW_PERMISSIONS_UNKNOWN',
    title: 'a task whose permissions cannot be inferred',
    yaml: serviceYaml(`state:
  workflows:
    flow:
      definition:
        StartAt: Read
        States:
          Read:
            Type: Task
            Resource: arn:aws:states:::aws-sdk:s3:getObject
            Parameters: { Bucket: b, Key: k }
            End: true`),
    message: [
      /state\.workflows\.flow\.definition\.States\.Read: no rule infers the permissions of Resource "arn:aws:states:::aws-sdk:s3:getObject"/,
      /Add the statements they need under state\.workflows\.flow\.permissions/,
    ],
  },
  {
    code: 'STATE_EVENT_PATTERN_INVALID',
    title: 'a pattern value that is not a list',
    yaml: serviceYaml(`state:
  buses:
    shop:
      rules:
        itemAdded:
          pattern: { detail-type: ItemAddedToCart }
          targets: [{ function: updateCart }]
functions:
  updateCart: { handler: handler.main }`),
    message: [
      /state\.buses\.shop\.rules\.itemAdded\.pattern\.detail-type: values are matched from a list: write \["ItemAddedToCart"\]/,
    ],
  },
  {
    code: 'STATE_TABLE_INDEX_LIMIT',
    title: 'more than 5 local indexes on a table',
    yaml: serviceYaml(
      `state:\n  tables:\n    carts:\n      partitionKey: cartId\n      sortKey: sk\n      indexes:\n${[
        1, 2, 3, 4, 5, 6,
      ]
        .map((n) => `        by${n}: { partitionKey: cartId, sortKey: at${n}, local: true }`)
        .join('\n')}`,
    ),
    message: [/state\.tables\.carts\.indexes: 6 local secondary indexes; DynamoDB allows at most 5 on a table\./],
  },
  {
    code: 'STATE_SORT_KEY_IS_PARTITION_KEY',
    title: 'a sort key that is the partition key',
    yaml: serviceYaml(`state:\n  tables:\n    carts: { partitionKey: cartId, sortKey: { name: cartId, type: S } }`),
    message: [
      /state\.tables\.carts: the sort key "cartId" is also the partition key; DynamoDB needs two different attributes/,
    ],
  },
  {
    code: 'STATE_CONFIG_INVALID',
    title: 'capacity given as .inf, under the default validation',
    yaml: serviceYaml(
      `state:\n  tables:\n    carts: { partitionKey: cartId, billing: provisioned, capacity: { read: .inf, write: 1 } }`,
    ),
    message: [
      /state\.tables\.carts\.capacity\.read: has no value a number or a string can be read from \(YAML ~, an empty value, \.inf or \.nan\); give an integer from 1 to 40000/,
    ],
  },
  {
    code: 'STATE_CONFIG_INVALID',
    title: 'ttl given as a number, under the default validation',
    yaml: serviceYaml(`state:\n  tables:\n    carts: { partitionKey: cartId, ttl: -5 }`),
    message: [
      /state\.tables\.carts\.ttl: -5 is not an attribute name\. ttl names the attribute that holds each item's expiry time/,
    ],
  },
  {
    code: 'STATE_CONFIG_INVALID',
    title: 'a tag key under the reserved aws: prefix',
    yaml: serviceYaml(
      `state:\n  tables:\n    carts: { partitionKey: cartId, tags: { 'aws:team': checkout } }`,
      warnOnly,
    ),
    message: [
      /state\.tables\.carts\.tags\.aws:team: "aws:team" is not a valid name: a tag key is 1 to 128 letters, digits, spaces and/,
    ],
  },
  {
    code: 'STATE_RULE_TARGET_REPEATED',
    title: 'one function twice in a rule',
    yaml: serviceYaml(`state:
  buses:
    shop:
      rules:
        itemAdded:
          pattern: { detail-type: [ItemAdded] }
          targets: [{ function: updateCart }, { function: updateCart }]
functions:
  updateCart: { handler: handler.main }`),
    message: [/state\.buses\.shop\.rules\.itemAdded\.targets\.1: function updateCart is already target 0 of this rule/],
  },
  {
    code: 'STATE_TARGET_INPUT_CONFLICT',
    title: 'inputPath with inputTransformer',
    yaml: serviceYaml(`state:
  buses:
    shop:
      rules:
        itemAdded:
          pattern: { detail-type: [ItemAdded] }
          targets: [{ function: updateCart, inputPath: $.detail, inputTransformer: { inputTemplate: '"x"' } }]
functions:
  updateCart: { handler: handler.main }`),
    message: [
      /state\.buses\.shop\.rules\.itemAdded\.targets\.0: inputPath and inputTransformer are both set; EventBridge takes one of them/,
    ],
  },
  {
    code: 'STATE_EVENT_PATTERN_INVALID',
    title: 'a numeric range upside down',
    yaml: serviceYaml(`state:
  buses:
    shop:
      rules:
        bigOrder:
          pattern: { detail: { total: [{ numeric: ['<', 5, '>', 1] }] } }
          targets: [{ function: updateCart }]
functions:
  updateCart: { handler: handler.main }`),
    message: [
      /state\.buses\.shop\.rules\.bigOrder\.pattern\.detail\.total\.0\.numeric: a range is a lower bound \(> or >=\) then an upper one \(< or <=\)/,
    ],
  },
  {
    code: 'STATE_WORKFLOW_CYCLE',
    title: 'two workflows that start each other',
    yaml: serviceYaml(`state:
  workflows:
    ping:
      definition: { StartAt: Go, States: { Go: { Type: Task, Resource: 'arn:aws:states:::states:startExecution', Parameters: { StateMachineArn: 'workflow:pong' }, End: true } } }
    pong:
      definition: { StartAt: Go, States: { Go: { Type: Task, Resource: 'arn:aws:states:::states:startExecution', Parameters: { StateMachineArn: 'workflow:ping' }, End: true } } }`),
    message: [
      /state\.workflows\.ping\.definition: workflows start each other in a cycle, ping → pong → ping\. CloudFormation cannot create that/,
    ],
  },
  {
    code: 'STATE_WORKFLOW_NAME_INVALID',
    title: 'a state machine name with a colon',
    yaml: serviceYaml(`state:
  workflows:
    flow:
      name: 'orders:v2'
      definition: { StartAt: Done, States: { Done: { Type: Succeed } } }`),
    message: [
      /state\.workflows\.flow\.name: "orders:v2" cannot name a state machine: it holds special characters/,
      /A name is 1 to 80 characters with no white space/,
    ],
  },
  {
    code: 'STATE_WORKFLOW_SCHEDULE_INVALID',
    title: 'a schedule that is no expression',
    yaml: serviceYaml(`state:
  workflows:
    flow:
      events: [{ schedule: every hour }]
      definition: { StartAt: Done, States: { Done: { Type: Succeed } } }`),
    message: [
      /state\.workflows\.flow\.events\.0\.schedule: "every hour" is no schedule expression EventBridge Scheduler takes/,
      /rate\(<n> minutes\|hours\|days\)/,
    ],
  },
  {
    code: 'STATE_WORKFLOW_ROUTE_INVALID',
    title: 'a route without a method',
    yaml: serviceYaml(`state:
  workflows:
    flow:
      events: [{ httpApi: /orders }]
      definition: { StartAt: Done, States: { Done: { Type: Succeed } } }`),
    message: [/state\.workflows\.flow\.events\.0\.httpApi: "\/orders" is no route\. Write "<METHOD> \/<path>"/],
  },
  {
    code: 'STATE_HTTP_API_MISSING',
    title: 'a workflow route in a service with no HTTP API',
    yaml: serviceYaml(`state:
  workflows:
    flow:
      events: [{ httpApi: POST /orders }]
      definition: { StartAt: Done, States: { Done: { Type: Succeed } } }`),
    message: [/state\.workflows\.flow\.events\.0\.httpApi: the service has no HTTP API to add the route to/],
  },
  {
    code: 'STATE_DURABLE_OUT_OF_RANGE',
    title: 'a durable execution timeout over a year',
    yaml: serviceYaml(`functions:
  reminder:
    handler: handler.main
    durable: { timeout: 40000000 }`),
    message: [/functions\.reminder\.durable\.timeout: 40000000 is outside 1–31622400 seconds \(366 days\)/],
  },
  {
    code: 'STATE_DURABLE_RUNTIME',
    title: 'a durable function on a runtime Lambda cannot run durably',
    yaml: serviceYaml(`functions:
  reminder:
    handler: handler.main
    runtime: nodejs20.x
    durable: { timeout: 60 }`),
    message: [/runtime nodejs20\.x cannot run durable functions; Lambda runs them on nodejs22\.x, nodejs24\.x/],
  },
  {
    code: 'STATE_DURABLE_CONFLICT',
    title: "durable: beside osls's durableConfig:",
    yaml: serviceYaml(`functions:
  reminder:
    handler: handler.main
    durable: { timeout: 60 }
    durableConfig: { executionTimeout: 60 }`),
    message: [/it declares both durable: and osls's durableConfig:/],
  },
  {
    code: 'STATE_DEPENDENCY_CYCLE',
    title: "a workflow's task holding ${state:<workflow>.arn}",
    yaml: serviceYaml(`state:
  workflows:
    flow:
      definition: { StartAt: Charge, States: { Charge: { Type: Task, Resource: 'function:charge', End: true } } }
functions:
  charge:
    handler: handler.main
    environment: { FLOW: '\${state:flow.arn}' }`),
    message: [
      /The template's resources depend on each other in a cycle, which CloudFormation refuses: \w+ → .*StatefulWorkflowFlow.* → \w+\./,
      /name the workflow in the function's state: block instead/,
    ],
  },
];

describe('plugin errors', () => {
  it("leaves a schema error to osls 4's own validation by default, which names the path", async () => {
    const run = await runOnService(serviceYaml(`state:\n  tables:\n    carts: { partitonKey: cartId }`));
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/at 'state\.tables\.carts': unrecognized property 'partitonKey'/);
  });

  it('covers every error code', () => {
    // Raised by a deploy, after the package, on what Lambda says is deployed.
    const atDeploy = { STATE_DURABLE_CHANGED: 'test/e2e/durable-added.test.ts' };
    expect(new Set([...cases.map((c) => c.code), ...Object.keys(atDeploy)])).toEqual(new Set(errorCodes));
  });

  test.concurrent.each(cases)('$code: $title', async ({ code, yaml, message }) => {
    const run = await runOnService(yaml);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(`(${code})`);
    for (const expected of message) expect(run.output).toMatch(expected);
    // The user's error to fix: message and code, never the plugin's stack.
    expect(run.output).not.toMatch(stackFrame);
  });

  it.each(Object.entries(frameworks))(
    'prints a ${state:…} error under %s as message and code, without the stack',
    async (_framework, bin) => {
      const run = await runOnService(
        serviceYaml(`state:\n  tables:\n    carts: { partitionKey: cartId }
functions:
  health:
    handler: handler.main
    environment: { TABLE: '\${state:cart.name}' }`),
        ['package'],
        { bin },
      );
      expect(run.code).not.toBe(0);
      expect(run.output).toMatch(
        /Cannot resolve variable at "functions\.health\.environment\.TABLE": \$\{state:cart\.name\}: no state resource is named "cart"/,
      );
      expect(run.output).not.toMatch(stackFrame);
    },
  );
});

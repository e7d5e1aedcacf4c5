/**
 * @services
 */
// Names that differ in the config but would meet after the transform to a logical id or an
// environment variable: each keeps its own resource, or the build fails naming both.
import { packageService, roleStatements, runOnService, serviceYaml } from '../support/package-service';

describe('function roles', () => {
  it('gives order-sync and orderSync a role each, named as Serverless names their functions', async () => {
    const { template } = await packageService(
      serviceYaml(`
state:
  tables:
    carts: { partitionKey: cartId }
    payments: { partitionKey: paymentId }
functions:
  order-sync:
    handler: handler.main
    state: { carts: read }
  orderSync:
    handler: handler.main
    state: { payments: readwrite }
`),
    );
    expect(template.Resources.OrderDashsyncLambdaFunction?.Properties.Role).toEqual({
      'Fn::GetAtt': ['StatefulRoleOrderDashsync', 'Arn'],
    });
    expect(template.Resources.OrderSyncLambdaFunction?.Properties.Role).toEqual({
      'Fn::GetAtt': ['StatefulRoleOrderSync', 'Arn'],
    });
    const dashed = JSON.stringify(roleStatements(template, 'StatefulRoleOrderDashsync'));
    expect(dashed).toContain('StatefulTableCarts');
    expect(dashed).toContain('/aws/lambda/shop-dev-order-sync:');
    expect(dashed).not.toContain('StatefulTablePayments');
    const camel = JSON.stringify(roleStatements(template, 'StatefulRoleOrderSync'));
    expect(camel).toContain('StatefulTablePayments');
    expect(camel).toContain('/aws/lambda/shop-dev-orderSync:');
    expect(camel).not.toContain('StatefulTableCarts');
  });
});

describe('bus rule permissions', () => {
  it('gives my-fn and myFn, targets of one rule, a Lambda permission each, as Serverless names them', async () => {
    const { template } = await packageService(
      serviceYaml(`
state:
  buses:
    shop:
      rules:
        itemAdded:
          pattern: { source: [shop] }
          targets: [{ function: my-fn }, { function: myFn }]
functions:
  my-fn: { handler: handler.main }
  myFn: { handler: handler.main }
`),
    );
    const permissions = Object.entries(template.Resources).filter(
      ([, resource]) =>
        resource.Type === 'AWS::Lambda::Permission' && resource.Properties.Principal === 'events.amazonaws.com',
    );
    expect(Object.fromEntries(permissions.map(([id, resource]) => [id, resource.Properties.FunctionName]))).toEqual({
      StatefulBusShopRuleItemAddedPermissionMyDashfn: { 'Fn::GetAtt': ['MyDashfnLambdaFunction', 'Arn'] },
      StatefulBusShopRuleItemAddedPermissionMyFn: { 'Fn::GetAtt': ['MyFnLambdaFunction', 'Arn'] },
    });
  });
});

const anyFunction = `
functions:
  updateCart: { handler: handler.main }`;

interface Collision {
  readonly title: string;
  readonly yaml: string;
  readonly code: 'STATE_NAME_TAKEN' | 'STATE_NAME_TOO_LONG';
  readonly message: RegExp;
}

const collisions: Collision[] = [
  {
    title: 'tables carts and Carts',
    yaml: serviceYaml(`state:\n  tables:\n    carts: { partitionKey: cartId }\n    Carts: { partitionKey: cartId }`),
    code: 'STATE_NAME_TAKEN',
    message:
      /state\.tables\.carts and state\.tables\.Carts differ only by case\. Both would be found through STATEFUL_TABLE_CARTS \(variable names are upper-cased\)/,
  },
  {
    title: "tables cartItems and cartitems (table('cartItems') would reach the other)",
    yaml: serviceYaml(
      `state:\n  tables:\n    cartItems: { partitionKey: cartId }\n    cartitems: { partitionKey: cartId }`,
    ),
    code: 'STATE_NAME_TAKEN',
    message: /state\.tables\.cartItems and state\.tables\.cartitems differ only by case\..*STATEFUL_TABLE_CARTITEMS/,
  },
  {
    title: 'a table Idempotency beside state.idempotency: true',
    yaml: serviceYaml(`state:\n  idempotency: true\n  tables:\n    Idempotency: { partitionKey: key }`),
    code: 'STATE_NAME_TAKEN',
    message: /state\.tables\.Idempotency and state\.idempotency differ only by case/,
  },
  {
    title: 'rules itemAdded and ItemAdded of one bus',
    yaml: serviceYaml(`state:
  buses:
    shop:
      rules:
        itemAdded: { pattern: { source: [shop] }, targets: [{ function: updateCart }] }
        ItemAdded: { pattern: { source: [cart] }, targets: [{ function: updateCart }] }${anyFunction}`),
    code: 'STATE_NAME_TAKEN',
    message:
      /state\.buses\.shop\.rules\.itemAdded and state\.buses\.shop\.rules\.ItemAdded both compile to StatefulBusShopRuleItemAdded, so one would replace the other/,
  },
  {
    title: 'a workflow orders beside one named ordersRole',
    yaml: serviceYaml(`state:
  workflows:
    orders:
      definition: { StartAt: A, States: { A: { Type: Pass, End: true } } }
    ordersRole:
      definition: { StartAt: A, States: { A: { Type: Pass, End: true } } }`),
    code: 'STATE_NAME_TAKEN',
    message: /state\.workflows\.orders and state\.workflows\.ordersRole both compile to StatefulWorkflowOrdersRole/,
  },
  {
    title: 'a bus shop with an archive beside a bus shopArchive',
    yaml: serviceYaml(`state:\n  buses:\n    shop: { archive: { retentionDays: 7 } }\n    shopArchive: {}`),
    code: 'STATE_NAME_TAKEN',
    message: /state\.buses\.shop and state\.buses\.shopArchive both compile to StatefulBusShopArchive/,
  },
  {
    title: "a table whose logical id is a function's",
    yaml: serviceYaml(`state:
  tables:
    cartsLambdaFunction: { partitionKey: cartId }
functions:
  statefulTableCarts: { handler: handler.main }`),
    code: 'STATE_NAME_TAKEN',
    message:
      /state\.tables\.cartsLambdaFunction compiles to StatefulTableCartsLambdaFunction, which the template already holds \(AWS::Lambda::Function\)/,
  },
  {
    title: "a function role whose logical id is another function's log group",
    yaml: serviceYaml(`state:
  tables:
    carts: { partitionKey: cartId }
functions:
  statefulRoleCarts: { handler: handler.main }
  cartsLogGroup:
    handler: handler.main
    state: { carts: read }`),
    code: 'STATE_NAME_TAKEN',
    message:
      /functions\.cartsLogGroup compiles to StatefulRoleCartsLogGroup, which the template already holds \(AWS::Logs::LogGroup\)/,
  },
  {
    title: "a resource of another type under resources: at a table's logical id",
    yaml: serviceYaml(`state:
  tables:
    carts: { partitionKey: cartId }
resources:
  Resources:
    StatefulTableCarts: { Type: AWS::S3::Bucket }`),
    code: 'STATE_NAME_TAKEN',
    message:
      /resources\.Resources\.StatefulTableCarts and state\.tables\.carts both compile to StatefulTableCarts: yours is a AWS::S3::Bucket, the plugin's a AWS::DynamoDB::Table/,
  },
  {
    title: 'a variable the function sets to something else',
    yaml: serviceYaml(`state:
  tables:
    carts: { partitionKey: cartId }
functions:
  updateCart:
    handler: handler.main
    environment: { STATEFUL_TABLE_CARTS: legacy-carts }
    state: { carts: read }`),
    code: 'STATE_NAME_TAKEN',
    message:
      /functions\.updateCart\.environment\.STATEFUL_TABLE_CARTS is set, and functions\.updateCart\.state\.carts sets STATEFUL_TABLE_CARTS to the address of table carts/,
  },
  {
    title: 'a variable the provider sets to something else',
    yaml: serviceYaml(
      `state:
  tables:
    carts: { partitionKey: cartId }
functions:
  updateCart:
    handler: handler.main
    state: { carts: read }`,
      { provider: '  environment: { STATEFUL_TABLE_CARTS: legacy-carts }' },
    ),
    code: 'STATE_NAME_TAKEN',
    message: /provider\.environment\.STATEFUL_TABLE_CARTS is set, and functions\.updateCart\.state\.carts sets/,
  },
  {
    title: "a rule whose logical id is over CloudFormation's 255 characters",
    yaml: serviceYaml(`state:
  buses:
    shop:
      rules:
        ${'r'.repeat(240)}: { pattern: { source: [shop] }, targets: [{ function: updateCart }] }${anyFunction}`),
    code: 'STATE_NAME_TOO_LONG',
    message: new RegExp(
      `state\\.buses\\.shop\\.rules\\.r{240}: its logical id "StatefulBusShopRuleRr{239}" is 259 characters; CloudFormation allows 255\\.`,
    ),
  },
  {
    title: "a table whose logical id is over 255 characters though its name fits DynamoDB's",
    yaml: serviceYaml(`state:\n  tables:\n    ${'t'.repeat(243)}: { partitionKey: id }`),
    code: 'STATE_NAME_TOO_LONG',
    message:
      /state\.tables\.t{243}: its logical id "StatefulTableTt{242}" is 256 characters; CloudFormation allows 255\./,
  },
];

describe('names that meet after the transform to a logical id or a variable', () => {
  test.concurrent.each(collisions)('$code: $title', async ({ yaml, code, message }) => {
    const run = await runOnService(yaml);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(`(${code})`);
    expect(run.output).toMatch(message);
  });

  it("lets a resource of the plugin's own type under resources: override the plugin's, as Serverless allows", async () => {
    const { template } = await packageService(
      serviceYaml(`state:
  tables:
    carts: { partitionKey: cartId }
resources:
  Resources:
    StatefulTableCarts:
      Type: AWS::DynamoDB::Table
      Properties: { ContributorInsightsSpecification: { Enabled: true } }`),
    );
    expect(template.Resources.StatefulTableCarts?.Properties).toMatchObject({
      TableName: 'shop-dev-carts',
      ContributorInsightsSpecification: { Enabled: true },
    });
  });

  it('accepts a variable the function sets to the very value the plugin injects', async () => {
    const { template } = await packageService(
      serviceYaml(`state:
  tables:
    carts: { partitionKey: cartId }
functions:
  updateCart:
    handler: handler.main
    environment: { STATEFUL_TABLE_CARTS: '\${state:carts.name}' }
    state: { carts: read }`),
    );
    expect(template.Resources.UpdateCartLambdaFunction?.Properties.Environment).toEqual({
      Variables: { STATEFUL_TABLE_CARTS: 'shop-dev-carts' },
    });
  });
});

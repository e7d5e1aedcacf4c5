/**
 * @services
 */
// Names that differ in the config but would meet after the transform to a logical id or an
// environment variable: each keeps its own resource, or the build fails naming both.
import { packageService, roleStatements, serviceYaml } from '../support/package-service';

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

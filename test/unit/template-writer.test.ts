import type { CfnTemplate } from '../../plugin/cloudformation';
import { TemplateWriter } from '../../plugin/template-writer';

const table = { Type: 'AWS::DynamoDB::Table', Properties: {} };
const fresh = (): CfnTemplate => ({
  Resources: { UpdateCartLambdaFunction: { Type: 'AWS::Lambda::Function' } },
  Outputs: { ServerlessDeploymentBucketName: { Value: 'b' } },
});

describe('TemplateWriter', () => {
  it('writes resources and outputs', () => {
    const template = fresh();
    const writer = new TemplateWriter(template, undefined);
    writer.addResource('StatefulTableCarts', table, 'state.tables.carts');
    writer.addOutput('StatefulTableCartsArn', { Value: 'x' }, 'state.tables.carts');
    expect(template.Resources.StatefulTableCarts).toEqual(table);
    expect(template.Outputs?.StatefulTableCartsArn).toEqual({ Value: 'x' });
  });

  it('writes copies, so two resources built from one constant share no object', () => {
    const template = fresh();
    const writer = new TemplateWriter(template, undefined);
    const vpc = { Ref: 'StatefulNetworkVpc' };
    writer.addResource(
      'StatefulNetworkSubnetA',
      { Type: 'AWS::EC2::Subnet', Properties: { VpcId: vpc } },
      'state.network',
    );
    writer.addResource(
      'StatefulNetworkSubnetB',
      { Type: 'AWS::EC2::Subnet', Properties: { VpcId: vpc } },
      'state.network',
    );
    const [a, b] = [template.Resources.StatefulNetworkSubnetA, template.Resources.StatefulNetworkSubnetB];
    expect(a?.Properties?.VpcId).toEqual(vpc);
    expect(a?.Properties?.VpcId).not.toBe(b?.Properties?.VpcId);
  });

  it('refuses two sources that compile to one logical id, naming both', () => {
    const writer = new TemplateWriter(fresh(), undefined);
    writer.addResource('StatefulWorkflowOrdersRole', table, 'state.workflows.orders');
    expect(() => writer.addResource('StatefulWorkflowOrdersRole', table, 'state.workflows.ordersRole')).toThrow(
      /^state\.workflows\.orders and state\.workflows\.ordersRole both compile to StatefulWorkflowOrdersRole, so one would replace the other\..*\(STATE_NAME_TAKEN\)$/,
    );
  });

  it('keeps resources and outputs apart, as CloudFormation does', () => {
    const writer = new TemplateWriter(fresh(), undefined);
    writer.addResource('StatefulTableCartsArn', table, 'state.tables.cartsArn');
    expect(() => writer.addOutput('StatefulTableCartsArn', { Value: 'x' }, 'state.tables.carts')).not.toThrow();
    expect(() => writer.addOutput('StatefulTableCartsArn', { Value: 'y' }, 'state.tables.other')).toThrow(
      /state\.tables\.carts and state\.tables\.other both compile to the output StatefulTableCartsArn/,
    );
  });

  it('refuses a logical id the template already holds, from Serverless or another plugin', () => {
    const writer = new TemplateWriter(fresh(), undefined);
    expect(() => writer.addResource('UpdateCartLambdaFunction', table, 'state.tables.x')).toThrow(
      /state\.tables\.x compiles to UpdateCartLambdaFunction, which the template already holds \(AWS::Lambda::Function\)/,
    );
    expect(() => writer.addOutput('ServerlessDeploymentBucketName', { Value: 'x' }, 'state.tables.x')).toThrow(
      /compiles to the output ServerlessDeploymentBucketName, which the template already holds/,
    );
  });

  it("refuses another resource at its id under the user's resources:, and lets one of the same type override", () => {
    const other = new TemplateWriter(fresh(), { Resources: { StatefulTableCarts: { Type: 'AWS::S3::Bucket' } } });
    expect(() => other.addResource('StatefulTableCarts', table, 'state.tables.carts')).toThrow(
      /resources\.Resources\.StatefulTableCarts and state\.tables\.carts both compile to StatefulTableCarts: yours is a AWS::S3::Bucket/,
    );
    const override = new TemplateWriter(fresh(), {
      Resources: { StatefulTableCarts: { Type: 'AWS::DynamoDB::Table' }, StatefulTableOrders: {} as never },
    });
    expect(() => override.addResource('StatefulTableCarts', table, 'state.tables.carts')).not.toThrow();
    expect(() => override.addResource('StatefulTableOrders', table, 'state.tables.orders')).not.toThrow();
  });

  it("refuses a logical id over CloudFormation's 255 characters, naming its source", () => {
    const writer = new TemplateWriter(fresh(), undefined);
    const long = `StatefulTable${'A'.repeat(243)}`;
    expect(() => writer.addResource(long, table, 'state.tables.x')).toThrow(
      /^state\.tables\.x: its logical id "StatefulTableA+" is 256 characters; CloudFormation allows 255\. Shorten the name\. \(STATE_NAME_TOO_LONG\)$/,
    );
    expect(() => writer.addResource(long.slice(0, 255), table, 'state.tables.x')).not.toThrow();
  });
});

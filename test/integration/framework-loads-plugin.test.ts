/**
 * @services
 */
// The plugin loads by name in the real frameworks, which then validate `state:` with its schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runServerless } from '../../testing/local-aws/serverless-cli';
import { makeServiceDir, type ServiceDir } from '../support/service-dir';
import { assertAcyclic } from '../support/dependency-graph';

// serverless 3.40, the last of v3, knows Lambda runtimes up to nodejs20.x: with
// configValidationMode: error it refuses nodejs22.x (docs/local-aws.md, Frameworks).
const frameworks = {
  'osls 4': { bin: require.resolve('osls/bin/serverless.js'), runtime: 'nodejs22.x' },
  'serverless 3': { bin: require.resolve('serverless-v3/bin/serverless.js'), runtime: 'nodejs20.x' },
};

function serviceYamlOn(
  runtime: string,
  state: string,
  functionState = '{ carts: readwrite }',
  environment = '',
): string {
  return [
    'service: stateful-load',
    "frameworkVersion: '>=3'",
    'configValidationMode: error',
    'plugins: [serverless-stateful]',
    `provider: { name: aws, runtime: ${runtime}, region: us-east-1 }`,
    // node_modules/serverless-stateful links to this repository; keep it out of the zip.
    "package: { patterns: ['!node_modules/**'] }",
    state,
    'functions:',
    '  updateCart:',
    '    handler: handler.main',
    `    state: ${functionState}`,
    ...(environment ? [`    environment: ${environment}`] : []),
    '',
  ].join('\n');
}

const handler = 'exports.main = async () => ({ table: process.env.STATEFUL_TABLE_CARTS });\n';

describe.each(Object.entries(frameworks))('%s', (_framework, { bin, runtime }) => {
  const serviceYaml = (state: string, functionState?: string, environment?: string) =>
    serviceYamlOn(runtime, state, functionState, environment);
  let service: ServiceDir | undefined;
  afterEach(() => service?.remove());

  it('packages a service that declares state: blocks, and resolves ${state:…}', async () => {
    service = makeServiceDir({
      'serverless.yml': serviceYaml(
        'state: { tables: { carts: { partitionKey: cartId } } }',
        '{ carts: readwrite }',
        "{ CARTS_ARN: '${state:carts.arn}' }",
      ),
      'handler.js': handler,
    });
    const run = await runServerless(['package'], { cwd: service.path, bin });
    expect(run).toMatchObject({ code: 0 });
    const template = JSON.parse(
      readFileSync(join(service.path, '.serverless', 'cloudformation-template-update-stack.json'), 'utf8'),
    ) as { Resources: Record<string, { Properties: Record<string, unknown> }> };
    expect(template.Resources).toHaveProperty('StatefulTableCarts');
    assertAcyclic(template);
    expect(template.Resources.UpdateCartLambdaFunction?.Properties).toMatchObject({
      Role: { 'Fn::GetAtt': ['StatefulRoleUpdateCart', 'Arn'] },
      Environment: {
        Variables: {
          CARTS_ARN: { 'Fn::GetAtt': ['StatefulTableCarts', 'Arn'] },
          STATEFUL_TABLE_CARTS: 'stateful-load-dev-carts',
        },
      },
    });
  });

  it('gives the injected variable to serverless invoke local', async () => {
    service = makeServiceDir({
      'serverless.yml': serviceYaml('state: { tables: { carts: { partitionKey: cartId } } }'),
      'handler.js': handler,
    });
    const run = await runServerless(['invoke', 'local', '-f', 'updateCart'], { cwd: service.path, bin });
    expect(run).toMatchObject({ code: 0 });
    expect(run.output).toMatch(/"table": "stateful-load-dev-carts"/);
  });

  it('prints serverless state:info', async () => {
    service = makeServiceDir({
      'serverless.yml': serviceYaml('state: { tables: { carts: { partitionKey: cartId } } }'),
      'handler.js': handler,
    });
    const run = await runServerless(['state:info'], { cwd: service.path, bin });
    expect(run).toMatchObject({ code: 0 });
    expect(run.output).toMatch(
      /carts\s+table\s+key cartId:S, on-demand, PITR, AWS managed key\s+updateCart \(readwrite\)/,
    );
  });

  it('refuses a misspelt top-level state key, naming where it is', async () => {
    service = makeServiceDir({ 'serverless.yml': serviceYaml('state: { tabels: {} }'), 'handler.js': handler });
    const run = await runServerless(['package'], { cwd: service.path, bin });
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/at 'state': unrecognized property 'tabels'/);
  });

  it('refuses an access level that does not exist, listing those that do', async () => {
    service = makeServiceDir({
      'serverless.yml': serviceYaml('state: { tables: { carts: { partitionKey: cartId } } }', '{ carts: readonly }'),
      'handler.js': handler,
    });
    const run = await runServerless(['package'], { cwd: service.path, bin });
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/functions\.updateCart\.state\.carts'?: must be equal to one of the allowed values/);
    expect(run.output).toMatch(/read, write, readwrite, publish, start/);
  });
});

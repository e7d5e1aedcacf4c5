// Packages a service with the real framework and returns what it wrote, for assertions on the
// compiled template.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listedStatements } from './statements';
import { runServerless, type ServerlessRun } from '../../testing/local-aws/serverless-cli';
import { assertAcyclic } from './dependency-graph';
import { makeServiceDir } from './service-dir';
import { bundleHandler } from './bundle-handler';

export interface Template {
  Resources: Record<string, { Type: string; Properties: Record<string, unknown>; [key: string]: unknown }>;
  Outputs: Record<string, { Value: unknown }>;
}

export interface Statement {
  Effect: string;
  Action: string[];
  Resource: unknown[];
}

export const handlerFile = 'exports.main = async () => ({});\n';

/** The frameworks the plugin is packaged with: osls 4 (the default) and serverless v3. */
export const frameworks = {
  'osls 4': require.resolve('osls/bin/serverless.js'),
  'serverless 3': require.resolve('serverless-v3/bin/serverless.js'),
} as const;

/**
 * `osls package` of serverless.yml `yaml` (`packages`: other plugins it lists, linked from this
 * repository's node_modules); throws with the framework's output on failure, and
 * on a template CloudFormation would refuse for a dependency cycle.
 */
export async function packageService(
  yaml: string,
  options: { args?: string[]; files?: Record<string, string>; bin?: string; packages?: readonly string[] } = {},
): Promise<{ template: Template; run: ServerlessRun }> {
  const service = makeServiceDir(
    { 'serverless.yml': yaml, 'handler.js': handlerFile, ...options.files },
    options.packages,
  );
  try {
    const run = await runServerless(['package', ...(options.args ?? [])], { cwd: service.path, bin: options.bin });
    if (run.code !== 0) throw new Error(`serverless package failed:\n${run.output}`);
    const file = join(service.path, '.serverless', 'cloudformation-template-update-stack.json');
    const template = JSON.parse(readFileSync(file, 'utf8')) as Template;
    assertAcyclic(template);
    return { template, run };
  } finally {
    service.remove();
  }
}

/**
 * `osls package --stage <stage>` of the service in test/fixtures/<name>. The artifacts go to a
 * temporary folder: the fixture's own .serverless is the one its e2e test deploys.
 */
export async function packageFixture(name: string, stage = 'local'): Promise<Template> {
  const out = mkdtempSync(join(tmpdir(), `stateful-${name.replace(/\//g, '-')}-`));
  try {
    const cwd = join(__dirname, '..', 'fixtures', name);
    await bundleHandler(cwd);
    const run = await runServerless(['package', '--stage', stage, '--package', out], { cwd });
    if (run.code !== 0) throw new Error(`serverless package of test/fixtures/${name} failed:\n${run.output}`);
    return JSON.parse(readFileSync(join(out, 'cloudformation-template-update-stack.json'), 'utf8')) as Template;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Runs `serverless <args>` on serverless.yml `yaml` and returns the run, success or not. */
export async function runOnService(
  yaml: string,
  args: string[] = ['package'],
  options: { bin?: string } = {},
): Promise<ServerlessRun> {
  const service = makeServiceDir({ 'serverless.yml': yaml, 'handler.js': handlerFile });
  try {
    return await runServerless(args, { cwd: service.path, bin: options.bin });
  } finally {
    service.remove();
  }
}

/**
 * The statements of the inline policy of role `logicalId`, each Action and Resource as a list
 * (IAM reads a single one written without the list alike).
 */
export function roleStatements(template: Template, logicalId: string): Statement[] {
  const role = template.Resources[logicalId];
  if (!role) throw new Error(`the template has no ${logicalId}; it has ${Object.keys(template.Resources).join(', ')}`);
  const policies = role.Properties.Policies as { PolicyDocument: { Statement: Record<string, unknown>[] } }[];
  return policies.flatMap((policy) => listedStatements(policy.PolicyDocument.Statement));
}

/**
 * A base serverless.yml with the plugin; `body` is appended (state:, functions:, …) and
 * `provider` holds more lines of the provider block, indented by two spaces.
 */
export function serviceYaml(
  body: string,
  options: { provider?: string; service?: string; configValidationMode?: 'error' | 'warn' | 'off' } = {},
): string {
  return [
    `service: ${options.service ?? 'shop'}`,
    "frameworkVersion: '>=3'",
    ...(options.configValidationMode ? [`configValidationMode: ${options.configValidationMode}`] : []),
    'plugins: [serverless-stateful]',
    'provider:',
    '  name: aws',
    '  runtime: nodejs22.x',
    '  region: us-east-1',
    ...(options.provider ? [options.provider.replace(/^\n/, '').trimEnd()] : []),
    // node_modules/serverless-stateful links to this repository; keep it out of the zip.
    "package: { patterns: ['!node_modules/**'] }",
    body,
    '',
  ].join('\n');
}

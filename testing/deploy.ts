// A user's service deployed to the emulator with `serverless deploy --stage <stage>`, and what a
// test needs from the stack: its outputs, and the physical names of its state and functions by
// the names serverless.yml gives them.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { stateLogicalId } from '../plugin/naming';
import { environmentVariableName } from '../runtime/environment';
import { awsClients, cloudFormationSdk, emulatorEndpoint } from './clients';
import { frameworkBin, serverless } from './local-aws/serverless-cli';
import { withServiceLock } from './service-lock';

export interface DeployOptions {
  readonly stage: string;
  /** Output of `serverless deploy`/`remove` as it comes (quiet by default). */
  readonly onOutput?: (chunk: string) => void;
  /** How long each `serverless` command may run (default 10 minutes). */
  readonly timeoutMs?: number;
  /**
   * The framework's entry point (a `bin/serverless.js`). By default the service's own `osls` or
   * `serverless`, found from `serviceDir`, else the project's or the one beside this package.
   */
  readonly serverlessBin?: string;
  /** More variables for the framework's process (the kit already aims it at the emulator). */
  readonly env?: NodeJS.ProcessEnv;
}

export interface DeployedService {
  readonly serviceDir: string;
  readonly stage: string;
  readonly stackName: string;
  /** Every output of the stack, by output key. */
  readonly outputs: Readonly<Record<string, string>>;
  /** Physical names by the name declared in `state:`: tables (incl. idempotency's), buses, caches. */
  readonly tables: Readonly<Record<string, string>>;
  readonly buses: Readonly<Record<string, string>>;
  /** Where each cache answers, as its functions are told (STATEFUL_CACHE_*), by cache name. */
  readonly caches: Readonly<Record<string, string>>;
  /** State machine ARNs by workflow name. */
  readonly workflows: Readonly<Record<string, string>>;
  /** Deployed Lambda function names by the name in `functions:`. */
  readonly functions: Readonly<Record<string, string>>;
  /**
   * The base URL (no trailing slash) of the service's HTTP API (`httpApi` events) on the emulator,
   * if it has one: `<endpoint>/_aws/execute-api/<api id>/$default`, where MiniStack and LocalStack
   * serve it. (Given a Host header `<api id>.execute-api.localhost` they answer at the root too.)
   */
  readonly httpApiUrl: string | undefined;
  /** `serverless remove --stage <stage>` of this service. */
  remove(): Promise<void>;
}

/** What is given as a service folder holds no service. */
export class ServiceDeployError extends Error {
  override readonly name = 'ServiceDeployError';
}

/** Where `name`'s `bin/serverless.js` is, seen from `from`, if it is installed there. */
function frameworkEntry(name: string, from: string): string | undefined {
  try {
    const manifest = require.resolve(`${name}/package.json`, { paths: [from] });
    const entry = join(dirname(manifest), 'bin', 'serverless.js');
    return existsSync(entry) ? entry : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The service's own framework (osls, then serverless), else the one beside the project or this
 * package; MissingDependencyError says to install osls when there is none.
 */
export function serverlessEntry(serviceDir: string): string {
  return frameworkEntry('osls', serviceDir) ?? frameworkEntry('serverless', serviceDir) ?? frameworkBin();
}

/** The parts of `.serverless/serverless-state.json` read here. */
interface PackagedState {
  readonly service: {
    readonly service: string;
    readonly provider: { readonly stage?: string; readonly stackName?: string };
    readonly functions?: Readonly<
      Record<string, { readonly name?: string; readonly environment?: Readonly<Record<string, unknown>> }>
    >;
    readonly initialServerlessConfig?: { readonly state?: StateDeclaration };
  };
}

/** The names `state:` declares (values are not read). */
interface StateDeclaration {
  readonly tables?: Readonly<Record<string, unknown>>;
  readonly caches?: Readonly<Record<string, unknown>>;
  readonly buses?: Readonly<Record<string, unknown>>;
  readonly workflows?: Readonly<Record<string, unknown>>;
  readonly idempotency?: boolean;
}

function checkServiceDir(serviceDir: string): string {
  const dir = resolve(serviceDir);
  if (
    !['serverless.yml', 'serverless.yaml', 'serverless.json', 'serverless.js', 'serverless.ts'].some((file) =>
      existsSync(join(dir, file)),
    )
  ) {
    throw new ServiceDeployError(`${dir} holds no serverless.yml: pass the folder of the service to deploy.`);
  }
  return dir;
}

function frameworkOptions(serviceDir: string, options: DeployOptions) {
  // Aimed at the emulator before anything starts: a missing endpoint must not become a deploy to AWS.
  const endpoint = emulatorEndpoint();
  return {
    cwd: serviceDir,
    bin: options.serverlessBin ?? serverlessEntry(serviceDir),
    env: { AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', ...options.env },
    onOutput: options.onOutput,
    timeoutMs: options.timeoutMs ?? 600_000,
  };
}

/**
 * `serverless deploy --stage <stage>` of the service in `serviceDir` onto the emulator. Runs in
 * one service folder take turns, across processes (runServerless); a deploy holds the folder
 * until it has read back the serverless-state.json it wrote to `.serverless/`.
 */
export async function deploy(serviceDir: string, options: DeployOptions): Promise<DeployedService> {
  const dir = checkServiceDir(serviceDir);
  const framework = frameworkOptions(dir, options);
  const state = await withServiceLock(dir, 2 * framework.timeoutMs, async () => {
    await serverless(['deploy', '--stage', options.stage], { ...framework, holdsServiceLock: true });
    return JSON.parse(await readFile(join(dir, '.serverless', 'serverless-state.json'), 'utf8')) as PackagedState;
  });
  return describeDeployed(dir, options, state);
}

/** `serverless remove --stage <stage>` of the service in `serviceDir`. */
export async function remove(serviceDir: string, options: DeployOptions): Promise<void> {
  const dir = checkServiceDir(serviceDir);
  await serverless(['remove', '--stage', options.stage], frameworkOptions(dir, options));
}

async function describeDeployed(
  serviceDir: string,
  options: DeployOptions,
  state: PackagedState,
): Promise<DeployedService> {
  const { service, provider, functions = {}, initialServerlessConfig } = state.service;
  const stackName = provider.stackName ?? `${service}-${options.stage}`;
  const { Stacks } = await awsClients().cloudFormation.send(
    new (cloudFormationSdk().DescribeStacksCommand)({ StackName: stackName }),
  );
  const outputs: Record<string, string> = {};
  for (const { OutputKey, OutputValue } of Stacks?.[0]?.Outputs ?? []) {
    if (OutputKey && OutputValue !== undefined) outputs[OutputKey] = OutputValue;
  }
  const output = (key: string, what: string) => {
    const value = outputs[key];
    if (value === undefined) throw new ServiceDeployError(`stack ${stackName} has no output ${key} (${what})`);
    return value;
  };
  // The plugin's outputs are named after each resource's logical id (plugin/naming.ts).
  const declared = initialServerlessConfig?.state ?? {};
  const names = (kind: keyof StateDeclaration) => Object.keys((declared[kind] as object | undefined) ?? {});
  const tableNames = [
    ...names('tables'),
    ...(declared.idempotency === true && !names('tables').includes('idempotency') ? ['idempotency'] : []),
  ];
  const tables = Object.fromEntries(
    tableNames.map((name) => [name, output(`${stateLogicalId('Table', name)}Name`, `the name of table ${name}`)]),
  );
  const buses = Object.fromEntries(
    names('buses').map((name) => [
      name,
      name === 'default' ? 'default' : output(`${stateLogicalId('Bus', name)}Name`, `the name of bus ${name}`),
    ]),
  );
  const workflows = Object.fromEntries(
    names('workflows').map((name) => [
      name,
      output(`${stateLogicalId('Workflow', name)}Arn`, `the ARN of workflow ${name}`),
    ]),
  );
  const caches: Record<string, string> = {};
  for (const name of names('caches')) {
    const variable = environmentVariableName('cache', name);
    const told = Object.values(functions)
      .map((definition) => definition.environment?.[variable])
      .find((value): value is string => typeof value === 'string');
    const endpoint = outputs[`${stateLogicalId('Cache', name)}Endpoint`];
    const port = outputs[`${stateLogicalId('Cache', name)}Port`];
    const address = told ?? (endpoint && port ? `${endpoint}:${port}` : undefined);
    if (address) caches[name] = address;
  }
  const deployedFunctions = Object.fromEntries(
    Object.entries(functions).map(([name, definition]) => [
      name,
      definition.name ?? `${service}-${options.stage}-${name}`,
    ]),
  );
  return {
    serviceDir,
    stage: options.stage,
    stackName,
    outputs,
    tables,
    buses,
    caches,
    workflows,
    functions: deployedFunctions,
    httpApiUrl: outputs.HttpApiId ? `${emulatorEndpoint()}/_aws/execute-api/${outputs.HttpApiId}/$default` : undefined,
    remove: () => remove(serviceDir, options),
  };
}

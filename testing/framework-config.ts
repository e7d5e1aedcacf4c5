// The service's configuration as its own framework resolves it (`serverless print`), for what
// localTables cannot read itself: a serverless.ts or .js, variables from SSM, CloudFormation or a
// plugin. Every variable of the file is resolved, so it costs seconds (3-10 s for the shop) and
// whatever AWS access those variables need.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LocalTablesError } from './local-tables-error';
import { serviceConfigOf, type ServiceConfig, type ServiceConfigOptions } from './service-config';

/** The framework packages, in the order they are looked for: the one the service installed wins. */
const frameworks = ['osls', 'serverless'] as const;
const configNames = ['yml', 'yaml', 'json', 'js', 'cjs', 'mjs', 'ts'].map((extension) => `serverless.${extension}`);

/** The entry point of the framework installed for `serviceDir` (or, failing that, beside this package). */
function frameworkEntry(serviceDir: string): string {
  for (const paths of [[serviceDir], [process.cwd()], [__dirname]]) {
    for (const name of frameworks) {
      try {
        const manifest = require.resolve(`${name}/package.json`, { paths });
        const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin?: string | Record<string, string> };
        const entry = typeof bin === 'string' ? bin : (bin?.serverless ?? bin?.sls);
        if (entry) return join(dirname(manifest), entry);
      } catch {
        // Not installed there: look further.
      }
    }
  }
  throw new LocalTablesError(
    'FRAMEWORK_PRINT_FAILED',
    `resolver 'framework' runs \`serverless print\`, and no framework (${frameworks.join(' or ')}) is installed for ${serviceDir}. Install one, or leave resolver out.`,
  );
}

function run(
  entry: string,
  args: readonly string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [entry, ...args], {
      cwd,
      env: {
        ...process.env,
        SLS_TELEMETRY_DISABLED: '1',
        SLS_NOTIFICATIONS_MODE: 'off',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
  });
}

/** What localTables needs of the service, from `serverless print --format json --stage <stage>`. */
export async function printedServiceConfig(serviceDir: string, options: ServiceConfigOptions): Promise<ServiceConfig> {
  const path = resolve(serviceDir);
  const dir = existsSync(path) && statSync(path).isFile() ? dirname(path) : path;
  const file = configNames.map((name) => join(dir, name)).find((candidate) => existsSync(candidate));
  if (!file) {
    throw new LocalTablesError('SERVICE_FILE_NOT_FOUND', `No ${configNames.join(', ')} in ${dir}.`);
  }
  const args = ['print', '--format', 'json', '--stage', options.stage];
  if (options.region) args.push('--region', options.region);
  const printed = await run(frameworkEntry(dir), args, dir);
  let document: unknown;
  try {
    if (printed.code !== 0) throw new Error(`exited with ${printed.code}`);
    document = JSON.parse(printed.stdout);
  } catch (error) {
    const output = `${printed.stderr}\n${printed.stdout}`.trim().split('\n').slice(-15).join('\n');
    throw new LocalTablesError('FRAMEWORK_PRINT_FAILED', `serverless ${args.join(' ')} in ${dir} failed:\n${output}`, {
      cause: error,
    });
  }
  // Every variable is resolved already; what is left of `${…}` is the framework's text to keep.
  return serviceConfigOf(document, file, options);
}

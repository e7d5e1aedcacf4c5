// A durable function (docs/durable.md). `durable:` on a function becomes osls's own
// `durableConfig`, so osls writes DurableConfig, publishes the version and the `durable` alias the
// function is invoked through, and applies its own checks; this module adds what osls leaves out:
// limits and runtimes refused before anything is packaged, the KMS key, and the checkpoint
// permissions on the role of its own a function with `state:` gets from this plugin (osls grants
// them on the shared role only).
import { sub, type CfnResource, type CfnValue } from '../cloudformation';
import { StatefulConfigError, listOf } from '../errors';
import { allow, type Statement } from '../iam';
import type { FunctionDefinition } from '../serverless';
import { validateAgainstSchema } from '../validate';

/** `functions.<name>.durable`. */
export const durableSchema = {
  type: 'object',
  properties: {
    timeout: { type: 'integer', description: 'seconds one execution may run, replays and waits included' },
    retention: { type: 'integer', description: 'days the execution history is kept once it ends' },
    kmsKey: {
      anyOf: [{ type: 'string' }, { type: 'object' }],
      description: "the ARN of a customer managed key for the execution's payloads",
    },
  },
  required: ['timeout'],
  additionalProperties: false,
} as const;

export interface DurableOptions {
  /** ExecutionTimeout, in seconds. */
  readonly timeout: number;
  /** RetentionPeriodInDays; AWS's default (14) when left out. */
  readonly retention?: number;
  /** DurableConfig.KMSKeyArn. */
  readonly kmsKey?: CfnValue;
}

/** AWS's limits (API_DurableConfig): ExecutionTimeout 1–31,622,400 s (366 days), retention 1–90 days. */
export const durableLimits = {
  timeout: { minimum: 1, maximum: 31_622_400, unit: 'seconds (366 days)', property: 'ExecutionTimeout' },
  retention: { minimum: 1, maximum: 90, unit: 'days', property: 'RetentionPeriodInDays' },
} as const;

/**
 * The managed runtimes durable execution supports (docs durable-supported-runtimes), as osls 4.3.1
 * checks them too. A container image (`image:`) may carry any runtime.
 */
export const durableRuntimes = [
  'nodejs22.x',
  'nodejs24.x',
  'python3.13',
  'python3.14',
  'java17',
  'java21',
  'java25',
] as const;

/** The alias osls publishes for a durable function, which starters invoke (naming.getLambdaDurableAliasName). */
export const durableAlias = 'durable';

/** A durable function of the service, declared with `durable:` or with osls's `durableConfig`. */
export interface DurableFunction {
  /** Its key under `functions:`. */
  readonly functionName: string;
  /** The name Lambda knows it by (`service-stage-key` unless `name:` says otherwise). */
  readonly physicalName: string;
  readonly options: DurableOptions;
  /** Where it is declared, for messages. */
  readonly source: string;
}

/** osls's spelling of the same settings, read where a function uses it directly. */
interface OslsDurableConfig {
  readonly executionTimeout: number;
  readonly retentionPeriodInDays?: number;
}

function checkRange(where: string, option: keyof typeof durableLimits, value: number | undefined): void {
  if (value === undefined) return;
  const { minimum, maximum, unit, property } = durableLimits[option];
  if (value < minimum || value > maximum) {
    throw new StatefulConfigError(
      'STATE_DURABLE_OUT_OF_RANGE',
      `${where}.${option}: ${value} is outside ${minimum}–${maximum} ${unit}, the range AWS takes for DurableConfig.${property}.`,
    );
  }
}

/**
 * Checks `definition.durable` (schema, limits, runtime) and returns its options; undefined for a
 * function that does not declare it. `runtime` is the function's runtime as the framework resolves
 * it (its own, the provider's, or the framework's default).
 */
export function durableOptions(
  functionName: string,
  definition: FunctionDefinition,
  runtime: string | undefined,
): DurableOptions | undefined {
  if (definition.durable === undefined) return undefined;
  const where = `functions.${functionName}.durable`;
  validateAgainstSchema(where, durableSchema, definition.durable);
  const options = definition.durable as DurableOptions;
  if (definition.durableConfig !== undefined) {
    throw new StatefulConfigError(
      'STATE_DURABLE_CONFLICT',
      `functions.${functionName}: it declares both durable: and osls's durableConfig:, which set the same DurableConfig. Keep one; durable: also takes kmsKey.`,
    );
  }
  checkRange(where, 'timeout', options.timeout);
  checkRange(where, 'retention', options.retention);
  if (definition.image === undefined && runtime !== undefined && !isDurableRuntime(runtime)) {
    throw new StatefulConfigError(
      'STATE_DURABLE_RUNTIME',
      `${where}: runtime ${runtime} cannot run durable functions; Lambda runs them on ${listOf(durableRuntimes)} (or a container image). Set functions.${functionName}.runtime to one of them.`,
    );
  }
  return options;
}

const isDurableRuntime = (runtime: string): boolean => (durableRuntimes as readonly string[]).includes(runtime);

/** The durable functions of `functions`: those with `durable:` (checked already) or `durableConfig:`. */
export function durableFunctions(functions: Readonly<Record<string, FunctionDefinition>>): DurableFunction[] {
  const found: DurableFunction[] = [];
  for (const [functionName, definition] of Object.entries(functions)) {
    const physicalName = definition.name ?? functionName;
    if (definition.durable !== undefined) {
      found.push({
        functionName,
        physicalName,
        options: definition.durable as DurableOptions,
        source: `functions.${functionName}.durable`,
      });
    } else if (definition.durableConfig !== undefined) {
      const config = definition.durableConfig as OslsDurableConfig;
      found.push({
        functionName,
        physicalName,
        options: {
          timeout: config.executionTimeout,
          ...(config.retentionPeriodInDays !== undefined ? { retention: config.retentionPeriodInDays } : {}),
        },
        source: `functions.${functionName}.durableConfig`,
      });
    }
  }
  return found;
}

/** `durable:` as osls's `durableConfig`, which osls compiles (with its version and alias). */
export function oslsDurableConfig(options: DurableOptions): OslsDurableConfig {
  return {
    executionTimeout: options.timeout,
    ...(options.retention !== undefined ? { retentionPeriodInDays: options.retention } : {}),
  };
}

/** What osls does not write into the compiled function: the KMS key. */
export function completeDurableConfig(compiled: CfnResource, options: DurableOptions): void {
  const properties = (compiled.Properties ??= {});
  const config = (properties.DurableConfig ?? {}) as Record<string, CfnValue>;
  properties.DurableConfig = {
    ...config,
    ExecutionTimeout: options.timeout,
    ...(options.retention !== undefined ? { RetentionPeriodInDays: options.retention } : {}),
    ...(options.kmsKey !== undefined ? { KMSKeyArn: options.kmsKey } : {}),
  };
}

/**
 * The ARN pattern of function `physicalName`'s executions. Lambda authorises the durable execution
 * APIs against the execution's ARN, `function:NAME:QUALIFIER/durable-execution/EXEC-NAME/EXEC-ID`,
 * whose qualifier is the version number the `durable` alias resolved to when the execution
 * started (never the alias), so a new one at every deploy; the name and id are Lambda's. Those
 * three parts are the wildcards; the function is exact.
 */
export function executionsArn(physicalName: string): CfnValue {
  return sub(
    `arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:${physicalName}:*/durable-execution/*/*`,
  );
}

/** What the durable function's own role needs to checkpoint and read its state (docs durable-security). */
export function checkpointStatement(physicalName: string): Statement {
  return allow(['lambda:CheckpointDurableExecution', 'lambda:GetDurableExecutionState'], [executionsArn(physicalName)]);
}

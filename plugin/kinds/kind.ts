// The contract every kind of state honours. The plugin class runs the kinds; a kind imports only
// the shared helpers below it (naming, IAM, CloudFormation shapes, errors), never the plugin.
import type { CfnOutput, CfnResource, CfnValue } from '../cloudformation';
import type { Statement } from '../iam';
import type { FunctionDefinition, JsonSchema } from '../serverless';
import type { StateKind as KindName } from '../../runtime/environment';

/**
 * The kinds' singular names ("table"), typed by the runtime's list in runtime/environment.ts: a
 * plugin kind the runtime does not know fails to compile.
 */
export type { KindName };

export const accessLevels = ['read', 'write', 'readwrite', 'publish', 'start', 'callback'] as const;
export type AccessLevel = (typeof accessLevels)[number];

/** What a kind knows of the service it compiles into. */
export interface CompileContext {
  readonly service: string;
  readonly stage: string;
  /** The stage is listed in state.ephemeralStages: its data may be deleted with the stack. */
  readonly ephemeral: boolean;
  /**
   * The stage is listed in state.local.stages: it deploys to a LocalStack-compatible emulator,
   * so the kinds emit only what such an emulator runs.
   */
  readonly local: boolean;
  /** `state.local.redis`: the Redis a local stage's caches use instead of the emulator's. */
  readonly localRedis?: string;
  /** Finds other resources and functions; each lookup throws, naming the valid ones, on a miss. */
  readonly lookup: Lookup;
  /** The functions whose state: block names resource `name`, with the access each asks for. */
  usesOf(name: string): readonly { readonly functionName: string; readonly access: AccessLevel }[];
  /**
   * The service's network (state.network, or the VPC the plugin generates), for resources that
   * live in a VPC; throws a coded error when the configuration gives none.
   */
  network(): NetworkPlacement;
  /**
   * The id of the service's HTTP API (the `HttpApi` osls creates for `httpApi` events, or
   * `provider.httpApi.id`), for routes a resource adds to it; throws a coded error, naming
   * `where`, when the service has none.
   */
  httpApi(where: string): CfnValue;
}

/** Where a networked resource (a cache) goes inside the service's network. */
export interface NetworkPlacement {
  /** The private subnets, as a list value: literal ids or references to generated subnets. */
  readonly subnetIds: CfnValue;
  /** The security groups a networked resource carries; they admit its ports from the functions that use it only. */
  readonly resourceSecurityGroupIds: CfnValue;
}

/**
 * The AWS APIs the runtime calls for a resource, by the name of their VPC endpoint service
 * (com.amazonaws.<region>.<name>): a function placed in the VPC needs an endpoint for each.
 */
export const awsServices = ['dynamodb', 'events', 'states', 'secretsmanager', 'lambda'] as const;
export type AwsService = (typeof awsServices)[number];

/** How a function reaches a resource of a kind. */
export interface Reach {
  /** The AWS APIs the runtime calls for this resource. */
  readonly awsServices: readonly AwsService[];
  /**
   * The ports a networked resource listens on inside the service's network. A function that uses
   * a resource with ports runs in that network; every other function stays out of it.
   */
  readonly ports?: readonly number[];
}

export interface Lookup {
  /** `${state:<name>.<property>}` of resource `name`, which must be of kind `kind`. */
  reference(kind: KindName, name: string, property: string, where: string): CfnValue;
  /** The ARN of function `name` of this service; a durable function's `durable` alias, which Lambda requires. */
  functionArn(name: string, where: string): CfnValue;
  /** The logical id of function `name`'s AWS::Lambda::Function. */
  functionLogicalId(name: string, where: string): string;
  /** The configuration of resource `name` if it is declared and of kind `kind`. */
  declared(kind: KindName, name: string): unknown;
  /** The names of the declared resources of kind `kind`, for messages. */
  names(kind: KindName): readonly string[];
  /** Function `name` as Serverless writes it in logical ids ("order-sync" → "OrderDashsync"). */
  normalizedFunctionName(name: string, where: string): string;
}

/** A resource a kind adds to the template. */
export interface CompiledResource {
  readonly logicalId: string;
  readonly resource: CfnResource;
  /** The config path it comes from, for messages; `state.<configKey>.<name>` when left out. */
  readonly source?: string;
}

/** An output a kind adds to the template. */
export interface CompiledOutput {
  readonly logicalId: string;
  readonly output: CfnOutput;
  /** The config path it comes from, for messages; `state.<configKey>.<name>` when left out. */
  readonly source?: string;
}

/**
 * Lists, not maps: two parts of the config that compile to one logical id both reach the
 * template writer, which refuses them, instead of one silently replacing the other.
 */
export interface Compiled {
  readonly resources: readonly CompiledResource[];
  readonly outputs: readonly CompiledOutput[];
}

/**
 * A function a resource brings into the service (the invalidation function of a table with
 * `invalidates`). The plugin adds it to the service's functions before the framework compiles
 * them, so it is compiled, packaged and given its role like a function the user wrote; its own
 * `state:` block names what it uses.
 */
export interface GeneratedFunction {
  /** Its key under `functions:`; the plugin refuses one that a function of the user's already has. */
  readonly key: string;
  readonly definition: FunctionDefinition;
  /** The config path it comes from, for messages. */
  readonly source: string;
}

/**
 * A kind of state. The key under `state:` that holds its resources ("tables") is the key it is
 * registered under in kinds/index.ts, not a property of its own: the registry is its one source.
 */
export interface StateKind<Config> {
  /** Singular, for messages, state:info, logical ids (StatefulTable…) and variables (STATEFUL_TABLE_…): "table". */
  readonly kind: KindName;
  /** The JSON schema of one resource of this kind. */
  readonly schema: JsonSchema;
  /** The access levels a function may ask for on a resource of this kind. */
  readonly accessLevels: readonly AccessLevel[];
  /** Checks what the schema cannot (cross-references within the resource); throws coded errors. */
  validate(name: string, config: Config): void;
  compile(name: string, config: Config, context: CompileContext): Compiled;
  /** The statements function `functionName`, which asked for `access`, gets on this resource's exact ARNs. */
  grant(name: string, config: Config, access: AccessLevel, context: CompileContext, functionName: string): Statement[];
  /**
   * Variables that tell a function where the resource is. Plain strings where the value is
   * known before deploy, so `serverless deploy function` and `serverless invoke local` carry
   * them too; a template reference only where it needs the account id (an ARN).
   */
  environment(name: string, config: Config, context: CompileContext, functionName: string): Record<string, CfnValue>;
  /** What `${state:<name>.<property>}` resolves to; the keys are the valid properties. */
  references(name: string, config: Config, context: CompileContext): Record<string, () => CfnValue>;
  /**
   * The access functions get without naming it in their `state:` block, because the resource's
   * own configuration makes them need it (a function a workflow invokes with a task token must
   * hand the token back); none when left out.
   */
  impliedUses?(
    name: string,
    config: Config,
  ): readonly { readonly functionName: string; readonly access: AccessLevel }[];
  /** The functions this resource brings into the service; none when left out. */
  functions?(name: string, config: Config, context: CompileContext): readonly GeneratedFunction[];
  /** How a function that uses this resource reaches it. */
  reach(name: string, config: Config, context: CompileContext): Reach;
  /** One line of its key settings, for `serverless state:info`. */
  describe(name: string, config: Config): string;
  /**
   * The logical id the configuration gives the resource in place of the plugin's own
   * `Stateful<Kind><Name>` (a table that keeps the id it had under `resources:`); none when left out.
   */
  keptLogicalId?(name: string, config: Config): string | undefined;
  /**
   * Remarks `serverless state:info` prints under its table: a default AWS bills for, say.
   */
  notes?(name: string, config: Config): readonly string[];
  /**
   * What `serverless deploy` tells the user before it deploys: a default AWS bills for that the
   * deployed resource did not have. `aws` is the SDK client configuration of the service's
   * account and region; a kind that cannot tell says what may change rather than fail the deploy.
   */
  deployNotices?(
    name: string,
    config: Config,
    context: CompileContext,
    aws: AwsClientConfig,
  ): Promise<readonly string[]>;
}

/** The configuration an AWS SDK v3 client of the deploying account and region is made with. */
export type AwsClientConfig = Readonly<Record<string, unknown>>;

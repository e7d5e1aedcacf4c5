// The slice of the Serverless Framework plugin API this plugin uses. osls (v3 line), serverless
// v3 and serverless v4 share it; typing only what we touch keeps us off any one version's types.
import type { CfnTemplate, CfnValue } from './cloudformation';

/** A JSON schema fragment as Serverless' AJV-based configSchemaHandler accepts it. */
export type JsonSchema = { readonly [keyword: string]: unknown };

export interface ConfigSchemaHandler {
  defineTopLevelProperty(name: string, schema: JsonSchema): void;
  defineFunctionProperties(provider: 'aws', schema: JsonSchema): void;
}

/** A function as Serverless holds it after loading serverless.yml (the fields we read). */
export interface FunctionDefinition {
  name?: string;
  handler?: string;
  description?: string;
  runtime?: string;
  memorySize?: number;
  timeout?: number;
  /** `artifact`: a zip of the function's own, which the framework deploys instead of packaging one. */
  package?: { artifact?: string; individually?: boolean; patterns?: string[] };
  /** Read by serverless-esbuild: a function it must not bundle. */
  skipEsbuild?: boolean;
  role?: CfnValue;
  environment?: Record<string, CfnValue>;
  events?: Record<string, unknown>[];
  vpc?: unknown;
  tracing?: unknown;
  onError?: CfnValue;
  destinations?: { onSuccess?: unknown; onFailure?: unknown };
  kmsKeyArn?: CfnValue;
  fileSystemConfig?: { arn: CfnValue };
  disableLogs?: boolean;
  state?: Readonly<Record<string, string>>;
  /** `durable:` (plugin/functions/durable.ts); osls's own spelling is `durableConfig`. */
  durable?: unknown;
  durableConfig?: unknown;
  /** A container image: the function has no managed runtime. */
  image?: unknown;
  /** IAM statements for the function's own role (plugin/functions/own-statements.ts). */
  permissions?: unknown;
  /** serverless-iam-roles-per-function's settings, which a function with its own role takes over. */
  iamRoleStatements?: unknown;
  iamRoleStatementsInherit?: boolean;
  iamRoleStatementsName?: string;
  iamPermissionsBoundary?: CfnValue;
}

/** The user's `resources:` block, which Serverless merges into the template after the events are compiled. */
export interface UserResources {
  readonly Resources?: Readonly<Record<string, { readonly Type?: unknown } | null | undefined>>;
  readonly Outputs?: Readonly<Record<string, unknown>>;
}

export interface IamRoleConfig {
  statements?: unknown[];
  managedPolicies?: CfnValue[];
  permissionsBoundary?: CfnValue;
  permissionBoundary?: CfnValue;
  tags?: Record<string, string>;
  path?: string;
}

export interface ProviderConfig {
  readonly name: string;
  stage?: string;
  region?: string;
  iam?: { role?: IamRoleConfig | string; deploymentRole?: string };
  role?: unknown;
  iamRoleStatements?: unknown[];
  iamManagedPolicies?: CfnValue[];
  rolePermissionsBoundary?: CfnValue;
  vpc?: unknown;
  tracing?: { lambda?: unknown };
  kmsKeyArn?: CfnValue;
  apiGateway?: { websocketApiId?: unknown };
  /** `provider.httpApi.id`: an HTTP API made outside the service, which osls then uses. */
  httpApi?: { id?: CfnValue };
  environment?: Record<string, unknown>;
  compiledCloudFormationTemplate: CfnTemplate;
}

export interface AwsNaming {
  /** "order-sync" → "OrderDashsync": the part of a function's logical ids that names it. */
  getNormalizedFunctionName(functionName: string): string;
  getLambdaLogicalId(functionName: string): string;
  getWebsocketsApiLogicalId(): string;
  getHttpApiLogicalId(): string;
  getLogGroupName(functionName: string): string;
  getRoleLogicalId(): string;
  getRolePath(): string;
  /** An Fn::Join of the service, the stage and `lambda`. */
  getPolicyName(): CfnValue;
}

export interface AwsProvider {
  readonly naming: AwsNaming;
  getStage(): string;
  getRegion(): string;
  /** The runtime a function with `runtime` (possibly none) runs on: its own, the provider's, or the framework's default. */
  getRuntime?(runtime?: string): string;
  /** osls 4: the configuration of an AWS SDK v3 client with the service's credentials and region. */
  getAwsSdkV3Config?(): Promise<Record<string, unknown>>;
}

export interface Serverless {
  readonly version: string;
  readonly configSchemaHandler: ConfigSchemaHandler;
  readonly configurationInput?: { readonly state?: unknown };
  /** The folder serverless.yml is in. */
  readonly serviceDir?: string;
  readonly service: {
    readonly service: string;
    readonly provider: ProviderConfig;
    functions?: Record<string, FunctionDefinition>;
    readonly custom?: Readonly<Record<string, unknown>>;
    /** The `resources:` block, merged into the template after the events are compiled. */
    readonly resources?: UserResources;
  };
  getProvider(name: 'aws'): AwsProvider;
  addServiceOutputSection?(section: string, content: string | string[]): void;
}

export interface Logger {
  (message: string): void;
  debug(message: string): void;
  verbose(message: string): void;
  notice(message: string): void;
  success(message: string): void;
  warning(message: string): void;
  error(message: string): void;
}

export interface PluginUtils {
  readonly log: Logger;
  readonly writeText?: (text: string | string[]) => void;
}

export type CliOptions = Readonly<Record<string, unknown>>;

/** What a variable source's resolver receives (Serverless v3 and v4 variables engine). */
export interface VariableResolverInput {
  readonly address: string | null;
  readonly options: CliOptions;
  readonly resolveConfigurationProperty: (path: readonly string[]) => Promise<unknown>;
}

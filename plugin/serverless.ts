// The slice of the Serverless Framework plugin API this plugin uses. osls (v3 line), serverless
// v3 and serverless v4 share it; typing only what we touch keeps us off any one version's types.

/** A JSON schema fragment as Serverless' AJV-based configSchemaHandler accepts it. */
export type JsonSchema = { readonly [keyword: string]: unknown };

export interface ConfigSchemaHandler {
  defineTopLevelProperty(name: string, schema: JsonSchema): void;
  defineFunctionProperties(provider: 'aws', schema: JsonSchema): void;
}

export interface Serverless {
  readonly version: string;
  readonly configSchemaHandler: ConfigSchemaHandler;
  readonly service: {
    readonly service: string;
    readonly provider: { readonly name: string; readonly stage?: string };
    readonly initialServerlessConfig?: { readonly state?: unknown };
  };
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
}

export type CliOptions = Readonly<Record<string, unknown>>;

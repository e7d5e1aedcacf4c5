import { functionStateSchema, stateSchema } from './schema';
import type { CliOptions, PluginUtils, Serverless } from './serverless';

/**
 * The serverless-stateful plugin. Serverless instantiates it once per command; it registers the
 * `state:` language so that the framework's own validation covers it.
 */
class StatefulPlugin {
  readonly hooks: Record<string, () => void | Promise<void>> = {};

  constructor(
    private readonly serverless: Serverless,
    private readonly options: CliOptions = {},
    private readonly utils?: PluginUtils,
  ) {
    serverless.configSchemaHandler.defineTopLevelProperty('state', stateSchema);
    serverless.configSchemaHandler.defineFunctionProperties('aws', {
      properties: { state: functionStateSchema },
    });
  }
}

// Serverless loads plugins with require() and calls the export as a constructor.
export = StatefulPlugin;

import { sub, type CfnResource, type CfnTemplate } from './cloudformation';
import { dependencyCycle } from './dependency-graph';
import { StatefulConfigError, listOf } from './errors';
import { ownConfiguration } from './functions/event-permissions';
import { functionRole, functionRoleLogicalId, providerStatements } from './functions/function-role';
import {
  handOverFromRolesPerFunction,
  ownStatements,
  rolesPerFunctionSettings,
  type OwnStatements,
} from './functions/own-statements';
import {
  arnResourceTypes,
  providerStatementWarning,
  providerStatementsOnState,
  type StateTarget,
} from './functions/provider-statements-on-state';
import { scrubSharedRole } from './functions/shared-role';
import type { Statement } from './iam';
import { stateInfoLines, stateInfoTable } from './info';
import {
  frameworkSchema,
  functionDurableSchema,
  functionPermissionsSchema,
  functionStateSchema,
  stateSchema,
} from './schema';
import {
  checkpointStatement,
  completeDurableConfig,
  durableFunctions,
  durableOptions,
  oslsDurableConfig,
} from './functions/durable';
import type { CliOptions, FunctionDefinition, PluginUtils, Serverless, VariableResolverInput } from './serverless';
import {
  buildStateModel,
  compileContext,
  declaredNames,
  findResource,
  type StateModel,
  type StateResource,
} from './state-model';
import { didYouMean } from './suggest';
import type { StateConfig } from './config';
import { stateKinds } from './kinds';
import type { AwsClientConfig, CompileContext } from './kinds/kind';
import { stateVariables } from './functions/state-variables';
import { tableDefinitions } from './table-definitions';
import { TemplateWriter } from './template-writer';
import { compileNetwork, type FunctionVpcConfig } from './network';

/**
 * The serverless-stateful plugin: compiles `state:` blocks into CloudFormation and gives each
 * function that declares one its own least-privilege role.
 */
class StatefulPlugin {
  readonly hooks: Record<string, () => void | Promise<void>>;
  readonly commands = {
    'state:info': {
      usage: 'Lists the state resources, their key settings, and which functions use them with which access',
      lifecycleEvents: ['print'],
    },
    'state:local': {
      usage:
        'Creates the tables state: declares in a local DynamoDB (DynamoDB Local), under the names a deploy of the stage gives them, for serverless-offline and other local tools',
      lifecycleEvents: ['create'],
      options: {
        endpoint: {
          usage:
            'The local DynamoDB endpoint (default: AWS_ENDPOINT_URL_DYNAMODB, then STATEFUL_LOCAL_DYNAMODB_ENDPOINT)',
          type: 'string',
        },
        reset: { usage: 'Drop the tables that exist and create them again, empty', type: 'boolean' },
        seed: { usage: 'A JSON or YAML file { <table>: [items] } to put in the tables', type: 'string' },
      },
    },
  };
  readonly configurationVariablesSources = {
    state: { resolve: (input: VariableResolverInput) => this.resolveVariable(input) },
  };
  private stateModel: StateModel | undefined;
  /** The functions the state resources brought into the service (keys under `functions:`). */
  private readonly generatedFunctions = new Set<string>();
  /** What each function with a role of its own declares for it, read before other plugins see it. */
  private readonly declaredStatements = new Map<string, OwnStatements>();

  constructor(
    private readonly serverless: Serverless,
    private readonly options: CliOptions = {},
    private readonly utils?: PluginUtils,
  ) {
    serverless.configSchemaHandler.defineTopLevelProperty('state', frameworkSchema(stateSchema));
    serverless.configSchemaHandler.defineFunctionProperties('aws', {
      properties: {
        state: frameworkSchema(functionStateSchema),
        permissions: frameworkSchema(functionPermissionsSchema),
        durable: frameworkSchema(functionDurableSchema),
      },
    });
    this.hooks = {
      // Every command (package, deploy function, invoke local) sees the injected variables.
      initialize: () => this.injectEnvironment(),
      'before:package:setupProviderConfiguration': () => this.assignRoles(),
      'after:package:compileEvents': () => this.compileState(),
      'before:deploy:deploy': async () => {
        await this.refuseDurabilityChanges();
        await this.printDeployNotices();
      },
      'after:info:info': () => this.addInfoSection(),
      'state:info:print': () => this.printStateInfo(),
      'state:local:create': () => this.createLocalTables(),
    };
  }

  private get functions(): Record<string, FunctionDefinition> {
    return this.serverless.service.functions ?? {};
  }

  /**
   * The validated state model; built once, on first use (the `initialize` hook, before the
   * framework compiles or packages anything). The functions resources bring are added to the
   * service first, so the model, the roles and the framework see them as any other function.
   */
  private model(): StateModel {
    if (this.stateModel) return this.stateModel;
    const state = this.serverless.configurationInput?.state;
    this.prepareDurableFunctions();
    this.addGeneratedFunctions(buildStateModel(state, {}));
    this.stateModel = buildStateModel(state, this.functions);
    return this.stateModel;
  }

  /**
   * Checks each function's `durable:` and hands it to osls as `durableConfig`, which osls compiles
   * with the version and the `durable` alias a durable function is invoked through.
   */
  private prepareDurableFunctions(): void {
    const provider = this.serverless.getProvider('aws');
    for (const [functionName, definition] of Object.entries(this.functions)) {
      const runtime = provider.getRuntime?.(definition.runtime) ?? definition.runtime;
      const options = durableOptions(functionName, definition, runtime);
      if (options !== undefined) definition.durableConfig = oslsDurableConfig(options);
    }
  }

  private addGeneratedFunctions(declared: StateModel): void {
    const context = this.context(declared);
    const naming = this.serverless.getProvider('aws').naming;
    const service = this.serverless.service;
    for (const resource of declared.resources.values()) {
      for (const generated of resource.kind.functions?.(resource.name, resource.config, context) ?? []) {
        const normalized = naming.getNormalizedFunctionName(generated.key);
        const taken = Object.keys(this.functions).find(
          (name) => name === generated.key || naming.getNormalizedFunctionName(name) === normalized,
        );
        if (taken !== undefined) {
          throw new StatefulConfigError(
            'STATE_NAME_TAKEN',
            `functions.${taken} and ${generated.source} both compile to ${naming.getLambdaLogicalId(generated.key)}: ${generated.source} brings a function named ${generated.key} into the service. Rename functions.${taken}.`,
          );
        }
        service.functions ??= {};
        service.functions[generated.key] = generated.definition;
        this.generatedFunctions.add(generated.key);
      }
    }
  }

  private context(model: StateModel = this.model()) {
    const provider = this.serverless.getProvider('aws');
    return compileContext({
      config: model.config,
      service: this.serverless.service.service,
      stage: provider.getStage(),
      functionNames: Object.keys(this.functions),
      durableFunctions: durableFunctions(this.functions).map((target) => target.functionName),
      functionLogicalId: (name) => provider.naming.getLambdaLogicalId(name),
      normalizedFunctionName: (name) => provider.naming.getNormalizedFunctionName(name),
      uses: model.uses,
      // As osls decides it (compile/events/http-api.js): the external id, else the API it made.
      httpApiId: () => {
        const { httpApi, compiledCloudFormationTemplate } = this.serverless.service.provider;
        if (httpApi?.id !== undefined) return httpApi.id;
        const logicalId = provider.naming.getHttpApiLogicalId();
        return compiledCloudFormationTemplate.Resources[logicalId] ? { Ref: logicalId } : undefined;
      },
    });
  }

  /** Tells each function where the resources its `state:` block names are. */
  private injectEnvironment(): void {
    const model = this.model();
    const context = this.context();
    for (const [functionName, definition] of Object.entries(this.functions)) {
      const uses = model.uses.filter((use) => use.functionName === functionName);
      if (uses.length === 0) continue;
      const variables = stateVariables({
        functionName,
        uses,
        context,
        functionEnvironment: definition.environment,
        providerEnvironment: this.serverless.service.provider.environment,
      });
      definition.environment = { ...definition.environment, ...variables };
    }
  }

  /**
   * Gives each function with a `state:` block or `permissions:` its own role, built in
   * compileState, with the statements it declares for it.
   */
  private assignRoles(): void {
    const { provider, custom } = this.serverless.service;
    for (const functionName of this.model().statefulFunctions) {
      const definition = this.functions[functionName];
      if (!definition) continue;
      if (definition.role !== undefined || typeof provider.iam?.role === 'string' || provider.role !== undefined) {
        const where = definition.role !== undefined ? `functions.${functionName}.role` : 'provider.iam.role';
        const block =
          definition.state === undefined && definition.permissions !== undefined ? 'permissions:' : 'state:';
        throw new StatefulConfigError(
          'STATE_FUNCTION_HAS_ROLE',
          `functions.${functionName}: it declares ${block} and uses the role set at ${where}. serverless-stateful gives a function with ${block} a role of its own, holding exactly its grants; remove ${where}, or the function's ${block} block and grant access in that role yourself.`,
        );
      }
      this.declaredStatements.set(
        functionName,
        ownStatements(functionName, definition, rolesPerFunctionSettings(custom)),
      );
      if (definition.iamRoleStatementsName !== undefined) {
        this.warn(
          `functions.${functionName}.iamRoleStatementsName is not used: the function has a role of its own from serverless-stateful, which CloudFormation names.`,
        );
      }
      handOverFromRolesPerFunction(definition);
      definition.role = functionRoleLogicalId(this.serverless.getProvider('aws').naming, functionName);
    }
  }

  private warn(message: string): void {
    if (this.utils) this.utils.log.warning(message);
    else console.warn(message);
  }

  private compileState(): void {
    const model = this.model();
    const context = this.context();
    const { provider } = this.serverless.service;
    const naming = this.serverless.getProvider('aws').naming;
    const template: CfnTemplate = provider.compiledCloudFormationTemplate;
    const writer = new TemplateWriter(template, this.serverless.service.resources);

    const targets: StateTarget[] = [];
    for (const resource of model.resources.values()) {
      const compiled = resource.kind.compile(resource.name, resource.config, context);
      for (const entry of compiled.resources) {
        writer.addResource(entry.logicalId, entry.resource, entry.source ?? resource.source);
      }
      targets.push(this.stateTarget(resource, compiled.resources, context));
      for (const entry of compiled.outputs)
        writer.addOutput(entry.logicalId, entry.output, entry.source ?? resource.source);
    }
    // Before the roles: a function's role follows its placement in a VPC.
    const network = compileNetwork(model, context);
    for (const entry of network.resources)
      writer.addResource(entry.logicalId, entry.resource, entry.source ?? 'state.network');
    for (const [functionName, vpcConfig] of network.placements) {
      this.placeInNetwork(template, functionName, vpcConfig);
    }

    const durable = new Map(durableFunctions(this.functions).map((target) => [target.functionName, target]));
    for (const target of durable.values()) {
      const compiled = template.Resources[naming.getLambdaLogicalId(target.functionName)];
      if (compiled) completeDurableConfig(compiled, target.options);
    }

    const functionArn = (name: string) =>
      sub(
        `arn:\${AWS::Partition}:lambda:\${AWS::Region}:\${AWS::AccountId}:function:${this.functions[name]?.name ?? name}`,
      );
    const movedOut: Statement[] = [];
    const keptFor: Statement[] = [];
    for (const [functionName, definition] of Object.entries(this.functions)) {
      const input = {
        functionName,
        definition,
        provider,
        functionArn,
        websocketsApiLogicalId: naming.getWebsocketsApiLogicalId(),
      };
      if (!model.statefulFunctions.has(functionName)) {
        // Only the polling events matter for the shared role; unknown kinds stay as osls made them.
        keptFor.push(...ownConfiguration(input, { skipUnsupported: true }).statements);
        continue;
      }
      const own = ownConfiguration(input);
      const declared =
        this.declaredStatements.get(functionName) ??
        ownStatements(functionName, definition, rolesPerFunctionSettings(this.serverless.service.custom));
      movedOut.push(...own.statements);
      const durableSelf = durable.get(functionName);
      const grants = [
        // osls grants the checkpoint permissions on the shared role only.
        ...(durableSelf ? [checkpointStatement(durableSelf.physicalName)] : []),
        ...model.uses
          .filter((use) => use.functionName === functionName)
          .flatMap((use) =>
            use.resource.kind.grant(use.resource.name, use.resource.config, use.access, context, functionName),
          ),
      ];
      writer.addResource(
        functionRoleLogicalId(naming, functionName),
        functionRole({
          naming,
          provider,
          definition,
          compiledFunction: template.Resources[naming.getLambdaLogicalId(functionName)],
          ownConfiguration: own,
          grants,
          declared: declared.statements,
          ...(declared.permissionsBoundary !== undefined ? { permissionsBoundary: declared.permissionsBoundary } : {}),
          // A function the plugin generated holds what it needs and nothing the user gave every function.
          inheritsProviderRole: !this.generatedFunctions.has(functionName) && (declared.inheritsProviderRole ?? true),
        }),
        `functions.${functionName}`,
      );
    }
    scrubSharedRole(template.Resources[naming.getRoleLogicalId()], movedOut, keptFor, providerStatements(provider));
    this.refuseDependencyCycle(template);
    for (const finding of providerStatementsOnState(provider, targets)) this.warn(providerStatementWarning(finding));
  }

  /** `resource` as a provider statement may name it: its resources (not its roles) and its ARN. */
  private stateTarget(
    resource: StateResource,
    compiled: readonly { logicalId: string; resource: CfnResource }[],
    context: CompileContext,
  ): StateTarget {
    const arn = arnResourceTypes[resource.kind.kind];
    const references = resource.kind.references(resource.name, resource.config, context);
    const name = arn !== undefined && 'name' in references ? (references.name as () => unknown)() : undefined;
    return {
      label: `${resource.kind.kind} ${resource.name}`,
      source: resource.source,
      logicalIds: compiled
        .filter((entry) => !entry.resource.Type.startsWith('AWS::IAM::'))
        .map((entry) => entry.logicalId),
      arnResources: arn !== undefined && typeof name === 'string' ? [`${arn.prefix}${name}`] : [],
      ...(arn !== undefined ? { service: arn.service } : {}),
    };
  }

  /** Puts function `functionName` in the service's network, unless its own `vpc` puts it elsewhere. */
  private placeInNetwork(template: CfnTemplate, functionName: string, vpcConfig: FunctionVpcConfig): void {
    const compiled = template.Resources[this.serverless.getProvider('aws').naming.getLambdaLogicalId(functionName)];
    if (!compiled) return;
    compiled.Properties ??= {};
    const own = compiled.Properties.VpcConfig;
    if (own !== undefined && JSON.stringify(own) !== JSON.stringify(vpcConfig)) {
      const where = this.functions[functionName]?.vpc !== undefined ? `functions.${functionName}.vpc` : 'provider.vpc';
      throw new StatefulConfigError(
        'STATE_NETWORK_CONFLICT',
        `functions.${functionName}: it uses a cache, so it runs in the service's network, and ${where} puts it in another (${JSON.stringify(own)}): it could not reach the cache. Give state.network.vpc the subnets and security groups of ${where}, or remove ${where}.`,
      );
    }
    compiled.Properties.VpcConfig = structuredClone(vpcConfig); // each function its own, as osls writes them
  }

  /** CloudFormation refuses a template whose resources depend on each other in a cycle, at deploy. */
  private refuseDependencyCycle(template: CfnTemplate): void {
    const cycle = dependencyCycle(template);
    if (!cycle) return;
    throw new StatefulConfigError(
      'STATE_DEPENDENCY_CYCLE',
      `The template's resources depend on each other in a cycle, which CloudFormation refuses: ${cycle.join(' → ')}. ` +
        `A function that a workflow runs and that holds \${state:<workflow>.arn} is one way to get here: name the workflow in the function's state: block instead (its variable then references no resource), or break the reference at one of these resources.`,
    );
  }

  private async resolveVariable({ address, options, resolveConfigurationProperty }: VariableResolverInput) {
    const variable = `\${state:${address ?? ''}}`;
    const parts = (address ?? '').split('.');
    const [name = '', property] = parts;
    const state = await this.stateAround(name, resolveConfigurationProperty);
    const resource = name ? findResource(state, name) : undefined;
    if (!resource) {
      const declared = declaredNames(await this.stateNames(resolveConfigurationProperty));
      throw new StatefulConfigError(
        'STATE_UNKNOWN_VARIABLE',
        `${variable}: ${name ? `no state resource is named "${name}"${didYouMean(name, declared)}` : 'write ${state:<name>.<property>}'}. Declared: ${listOf(declared, 'and')}.`,
      );
    }
    const service = String(await resolveConfigurationProperty(['service']));
    const stage = (options.stage ?? (await resolveConfigurationProperty(['provider', 'stage'])) ?? 'dev') as string;
    // References name state resources only; resolving `functions` here would be circular when
    // the variable stands inside a function.
    const naming = this.serverless.getProvider('aws').naming;
    const context = compileContext({
      config: state,
      service,
      stage,
      functionNames: [],
      functionLogicalId: (functionName) => naming.getLambdaLogicalId(functionName),
      normalizedFunctionName: (functionName) => naming.getNormalizedFunctionName(functionName),
    });
    const references = resource.kind.references(name, resource.config, context);
    const valid = listOf(Object.keys(references).map((key) => `\${state:${name}.${key}}`));
    if (parts.length !== 2 || property === undefined || !Object.hasOwn(references, property)) {
      const problem =
        property === undefined || property === ''
          ? `name the property of ${resource.kind.kind} ${name} you want`
          : parts.length > 2
            ? 'a reference has one property'
            : `${resource.kind.kind} ${name} has no "${property}"`;
      throw new StatefulConfigError('STATE_UNKNOWN_VARIABLE', `${variable}: ${problem}; use ${valid}.`);
    }
    return { value: (references[property] as () => unknown)() };
  }

  /**
   * The part of `state:` a reference to `name` needs: that resource and the stage settings. Read
   * narrowly, so a reference inside `state:` itself (a workflow's permissions naming a table's
   * ARN) does not depend on the property being resolved.
   */
  private async stateAround(name: string, resolve: VariableResolverInput['resolveConfigurationProperty']) {
    const read = (path: readonly string[]) => resolve(['state', ...path]);
    const state: Record<string, unknown> = {
      idempotency: await read(['idempotency']),
      ephemeralStages: await read(['ephemeralStages']),
      local: await read(['local']),
    };
    for (const kind of stateKinds) {
      const config = name ? await read([kind.configKey, name]) : undefined;
      if (config !== undefined && config !== null) state[kind.configKey] = { [name]: config };
    }
    return state as StateConfig;
  }

  /** Every resource name under `state:`, for messages; a kind being resolved is left out. */
  private async stateNames(resolve: VariableResolverInput['resolveConfigurationProperty']) {
    const state: Record<string, unknown> = { idempotency: await resolve(['state', 'idempotency']) };
    for (const kind of stateKinds) {
      try {
        state[kind.configKey] = await resolve(['state', kind.configKey]);
      } catch {
        // The variable stands inside this kind: its names are not known yet.
      }
    }
    return state as StateConfig;
  }

  /** The client configuration of the service's account and region (osls 4), else the SDK's defaults. */
  private async awsConfig(): Promise<AwsClientConfig> {
    const provider = this.serverless.getProvider('aws');
    const fallback = { region: provider.getRegion() };
    return (await provider.getAwsSdkV3Config?.().catch(() => fallback)) ?? fallback;
  }

  /**
   * Stops a deploy that would add durability to a function already deployed, which Lambda refuses
   * mid-update. Skipped on a local stage: MiniStack 1.5.33 drops DurableConfig from templates, so
   * every durable function would look plain there (docs/local-aws.md).
   */
  private async refuseDurabilityChanges(): Promise<void> {
    const targets = durableFunctions(this.functions);
    if (targets.length === 0 || this.context().local) return;
    const { refuseDurabilityAdded } = await import('./functions/durable-deployed');
    await refuseDurabilityAdded(targets, await this.awsConfig());
  }

  /**
   * Says, before the stack is updated, what the deploy turns on that AWS bills for and the
   * deployed resources did not have (point-in-time recovery on a table that moved into state:).
   */
  private async printDeployNotices(): Promise<void> {
    const model = this.model();
    const context = this.context();
    // osls 4 hands out its client configuration; elsewhere the SDK's default credential chain.
    const aws = await this.awsConfig();
    const notices = await Promise.all(
      [...model.resources.values()].map(
        async (resource) => (await resource.kind.deployNotices?.(resource.name, resource.config, context, aws)) ?? [],
      ),
    );
    for (const notice of notices.flat()) {
      if (this.utils) this.utils.log.notice(`state: ${notice}`);
      else console.log(`state: ${notice}`);
    }
  }

  private addInfoSection(): void {
    const lines = stateInfoLines(this.model());
    if (lines.length > 0) this.serverless.addServiceOutputSection?.('state', lines);
  }

  /** `serverless state:local`; the DynamoDB client is loaded only here. */
  private async createLocalTables(): Promise<void> {
    const { localEndpoint, createLocalTables } = await import('./state-local');
    const endpoint = localEndpoint(this.options.endpoint, process.env);
    const provider = this.serverless.getProvider('aws');
    const state = (this.serverless.configurationInput?.state ?? {}) as StateConfig;
    await createLocalTables({
      definitions: tableDefinitions(state, { service: this.serverless.service.service, stage: provider.getStage() }),
      endpoint,
      region: provider.getRegion(),
      reset: this.options.reset === true,
      ...(typeof this.options.seed === 'string' ? { seed: this.options.seed } : {}),
      serviceDir: this.serverless.serviceDir ?? process.cwd(),
      print: (line) => (this.utils ? this.utils.log.notice(line) : console.log(line)),
    });
  }

  private printStateInfo(): void {
    const text = stateInfoTable(this.model());
    const writeText = this.utils?.writeText;
    if (writeText) writeText(text);
    else console.log(text);
  }
}

// Serverless loads plugins with require() and calls the export as a constructor.
export = StatefulPlugin;

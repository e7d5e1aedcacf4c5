// A service model with a networked stand-in kind (a port, like a cache), compiled to the network
// alone: for tests of plugin/network before and apart from the cache kind.
import type { CfnResource } from '../../plugin/cloudformation';
import type { StateConfig } from '../../plugin/config';
import type { AccessLevel, StateKind } from '../../plugin/kinds/kind';
import { tables } from '../../plugin/kinds/tables';
import { compileNetwork } from '../../plugin/network';
import type { NetworkConfig } from '../../plugin/network/schema';
import { compileContext, type StateModel, type StateResource } from '../../plugin/state-model';

interface StandInConfig {
  readonly auth?: 'token';
}

const networked = {
  ...(tables as unknown as StateKind<StandInConfig>),
  kind: 'cache',
  accessLevels: ['read', 'write', 'readwrite'],
  reach: (_name: string, config: StandInConfig) => ({
    awsServices: config.auth === 'token' ? ['secretsmanager' as const] : [],
    ports: [6379],
  }),
} satisfies StateKind<StandInConfig>;

export function model(
  network: NetworkConfig | undefined,
  uses: Record<string, Record<string, AccessLevel>>,
  caches: Record<string, { auth?: 'token' }> = { catalog: {} },
): StateModel {
  const config: StateConfig = {
    ...(network ? { network } : {}),
    tables: { carts: { partitionKey: 'id' } },
  };
  const resources = new Map<string, StateResource>([
    ['carts', { name: 'carts', kind: tables, config: { partitionKey: 'id' }, source: 'state.tables.carts' }],
    ...Object.entries(caches).map(([name, cache]): [string, StateResource] => [
      name,
      { name, kind: networked, config: cache, source: `state.caches.${name}` },
    ]),
  ]);
  const functionUses = Object.entries(uses).flatMap(([functionName, state]) =>
    Object.entries(state).map(([name, access]) => {
      const resource = resources.get(name);
      if (!resource) throw new Error(`${functionName} uses ${name}, which the model does not declare`);
      return { functionName, resource, access };
    }),
  );
  return { config, resources, uses: functionUses, statefulFunctions: new Set(Object.keys(uses)) };
}

export function compile(state: StateModel) {
  const context = compileContext({
    config: state.config,
    service: 'shop',
    stage: 'dev',
    functionNames: [...state.statefulFunctions],
    functionLogicalId: (name) => `${name}LambdaFunction`,
    normalizedFunctionName: (name) => name,
  });
  const network = compileNetwork(state, context);
  const resources: Record<string, CfnResource> = Object.fromEntries(
    network.resources.map((entry) => [entry.logicalId, entry.resource]),
  );
  return { resources, placements: network.placements };
}

// The local AWS harness: one entry point for tests, the demo and the benchmarks. It reuses what
// already runs, starts what is missing, health-checks everything, says what it did, and stops
// only what it started.
import { dynamodbLocal } from './dynamodb-local';
import { ministack } from './ministack';
import { isAlive, stopProcessGroup } from './processes';
import { redis } from './redis';
import type { Context, LocalService } from './service';
import { endpointVariables, serviceLabel, serviceNames, type Endpoints, type ServiceName } from './services';
import { readState, updateState, type StartedService } from './state-file';

export { MissingPrerequisiteError, ServiceUnavailableError } from './errors';
export { MissingDependencyError } from './optional-dependency';
export { localAwsDir, localAwsDirVariable, projectDir } from './project-dir';
export { useLocalAwsCredentials } from './credentials';
export {
  endpointsFromEnvironment,
  endpointVariables,
  serviceLabel,
  servicesFromEnvironment,
  type Endpoints,
  type ServiceName,
} from './services';

const modules: Readonly<Record<ServiceName, LocalService>> = { redis, dynamodb: dynamodbLocal, emulator: ministack };

export interface StartOptions {
  /** Which services to bring up; all by default. */
  readonly services?: readonly ServiceName[];
  /** Leave what this call starts running after the process ends (`npm run local -- up`). */
  readonly keep?: boolean;
  readonly log?: (line: string) => void;
}

export type Origin = 'external' | 'reused' | 'started';

export interface LocalAws {
  readonly endpoints: Partial<Endpoints>;
  readonly origins: Partial<Record<ServiceName, Origin>>;
  /** Stops the services this call started (none when `keep` was set). */
  stop(): Promise<void>;
}

async function bringUp(
  service: LocalService,
  context: Context,
  owner: StartedService['owner'],
): Promise<{ endpoint: string; origin: Origin; pid?: number }> {
  const label = serviceLabel(service.name);
  const external = await service.findExternal(context);
  if (external) {
    context.log(`local AWS: ${label} at ${external} (already running)`);
    return { endpoint: external, origin: 'external' };
  }
  const known = readState()[service.name];
  if (known && isAlive(known.pid) && (await service.answers(known.endpoint))) {
    // A reused emulator keeps the node its handlers ran on when it started.
    const handlers = known.handlerNode ? `, Node.js handlers on node ${known.handlerNode}` : '';
    context.log(`local AWS: ${label} at ${known.endpoint} (reused, pid ${known.pid}${handlers})`);
    return { endpoint: known.endpoint, origin: 'reused' };
  }
  const started = await service.start(context);
  updateState((state) => ({ ...state, [service.name]: { ...started, owner } }));
  context.log(`local AWS: ${label} at ${started.endpoint} (started, pid ${started.pid}, log ${started.logFile})`);
  return { endpoint: started.endpoint, origin: 'started', pid: started.pid };
}

/** Whether `name` answers at `endpoint` now: a bounded health check, cheap when it does. */
export function serviceAnswers(name: ServiceName, endpoint: string): Promise<boolean> {
  return modules[name].answers(endpoint);
}

/** Brings up the local AWS and publishes each endpoint in process.env (see endpointVariables). */
export async function startLocalAws(options: StartOptions = {}): Promise<LocalAws> {
  const wanted = new Set(options.services ?? serviceNames);
  // MiniStack's emulated ElastiCache points at our Redis, so Redis comes first.
  if (wanted.has('emulator')) wanted.add('redis');
  const log = options.log ?? ((line: string) => console.log(line));
  const owner: StartedService['owner'] = options.keep ? 'kept' : process.pid;
  const endpoints: Partial<Record<ServiceName, string>> = {};
  const origins: Partial<Record<ServiceName, Origin>> = {};
  const startedPids = new Map<ServiceName, number>();
  const context: Context = { endpoints, log };

  const settle = async (name: ServiceName) => {
    const { endpoint, origin, pid } = await bringUp(modules[name], context, owner);
    endpoints[name] = endpoint;
    origins[name] = origin;
    if (pid !== undefined) startedPids.set(name, pid);
    process.env[endpointVariables[name]] = endpoint;
  };
  // Only what this call started, and only while it is still the process we started.
  const stop = async () => {
    if (options.keep) return;
    const stopped = await stopServices((name, service) => startedPids.get(name) === service.pid);
    for (const name of stopped) log(`local AWS: stopped ${serviceLabel(name)}`);
  };

  try {
    if (wanted.has('redis')) await settle('redis');
    await Promise.all([...wanted].filter((name) => name !== 'redis').map(settle));
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoints, origins, stop };
}

/** Stops the harness-started services that `select` picks (all by default), and forgets them. */
export async function stopServices(
  select: (name: ServiceName, service: StartedService) => boolean = () => true,
): Promise<ServiceName[]> {
  const stopped: ServiceName[] = [];
  for (const name of serviceNames) {
    const service = readState()[name];
    if (!service || !select(name, service)) continue;
    if (isAlive(service.pid)) await stopProcessGroup(service.pid);
    updateState(({ [name]: _stopped, ...rest }) => rest);
    stopped.push(name);
  }
  return stopped;
}

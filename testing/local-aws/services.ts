// The parts of the local AWS, how tests find them, and how a person recognises them in a message.

export const serviceNames = ['redis', 'dynamodb', 'emulator'] as const;
export type ServiceName = (typeof serviceNames)[number];

/** Where each service answers. Tests read these from the environment the harness sets. */
export interface Endpoints {
  /** redis://host:port */
  readonly redis: string;
  /** http://host:port of DynamoDB Local */
  readonly dynamodb: string;
  /** http://host:port of MiniStack, or of LocalStack when LOCALSTACK_ENDPOINT is set */
  readonly emulator: string;
}

/** The environment variable that carries each endpoint from the harness to tests and scripts. */
export const endpointVariables: Readonly<Record<ServiceName, string>> = {
  redis: 'STATEFUL_LOCAL_REDIS_URL',
  dynamodb: 'STATEFUL_LOCAL_DYNAMODB_ENDPOINT',
  emulator: 'STATEFUL_LOCAL_AWS_ENDPOINT',
};

/** The name people know a service by, used in every message about it. */
export function serviceLabel(name: ServiceName, env: NodeJS.ProcessEnv = process.env): string {
  switch (name) {
    case 'redis':
      return 'Redis';
    case 'dynamodb':
      return 'DynamoDB Local';
    case 'emulator':
      return env.LOCALSTACK_ENDPOINT ? 'LocalStack' : 'MiniStack';
  }
}

export function isServiceName(value: string): value is ServiceName {
  return (serviceNames as readonly string[]).includes(value);
}

/** The endpoints the harness published in this process' environment, if it did. */
export function endpointsFromEnvironment(env: NodeJS.ProcessEnv = process.env): Partial<Endpoints> {
  const found: Partial<Record<ServiceName, string>> = {};
  for (const name of serviceNames) {
    const value = env[endpointVariables[name]];
    if (value) found[name] = value;
  }
  return found;
}

/** Names the services a run brings up (`redis,dynamodb`), instead of all of them. */
export const servicesVariable = 'STATEFUL_LOCAL_SERVICES';

/** The services STATEFUL_LOCAL_SERVICES names, or undefined when it is not set. */
export function servicesFromEnvironment(env: NodeJS.ProcessEnv = process.env): ServiceName[] | undefined {
  const value = env[servicesVariable]?.trim();
  if (!value) return undefined;
  const names = value.split(/[\s,]+/).filter(Boolean);
  const unknown = names.filter((name) => !isServiceName(name));
  if (unknown.length > 0) {
    throw new Error(`${servicesVariable} names unknown services ${unknown.join(', ')}; use ${serviceNames.join(', ')}`);
  }
  return names.filter(isServiceName);
}

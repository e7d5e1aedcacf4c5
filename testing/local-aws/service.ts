// The contract each local service module honours, so the harness treats them alike.
import type { ServiceName } from './services';
import type { StartedService } from './state-file';

export interface Context {
  /** Endpoints already settled by services that start earlier (MiniStack needs Redis's). */
  readonly endpoints: Partial<Record<ServiceName, string>>;
  readonly log: (line: string) => void;
}

export interface LocalService {
  readonly name: ServiceName;
  /**
   * An endpoint that already answers without our starting anything (a system service, a user's
   * LocalStack), or undefined. May throw when something else holds the service's place.
   */
  findExternal(context: Context): Promise<string | undefined>;
  /** Whether a server the harness started earlier still answers at `endpoint`. */
  answers(endpoint: string): Promise<boolean>;
  /** Starts a server and waits until it answers; throws naming the service if it never does. */
  start(context: Context): Promise<Omit<StartedService, 'owner'>>;
}

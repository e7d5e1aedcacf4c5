// Errors the harness raises. Each names the service and says what to do about it.
import { serviceLabel, type ServiceName } from './services';

/** A program a service needs is not installed. */
export class MissingPrerequisiteError extends Error {
  override readonly name = 'MissingPrerequisiteError';
  constructor(
    readonly service: ServiceName,
    readonly program: string,
    readonly install: string,
  ) {
    super(`${serviceLabel(service)} needs ${program}, which is not installed. Install it with: ${install}`);
  }
}

/** A service was started but never answered, or stopped answering. */
export class ServiceUnavailableError extends Error {
  override readonly name = 'ServiceUnavailableError';
  constructor(
    readonly service: ServiceName,
    readonly endpoint: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${serviceLabel(service)} at ${endpoint} ${detail}`, options);
  }
}

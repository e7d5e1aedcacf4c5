// serverless-stateful/testing: integration tests of a service that declares its state with
// `state:`, against the local AWS (Redis, DynamoDB Local, MiniStack) or a LocalStack.
export {
  endpointsFromEnvironment,
  endpointVariables,
  localAwsDir,
  MissingDependencyError,
  MissingPrerequisiteError,
  ServiceUnavailableError,
  startLocalAws,
  stopServices,
  useLocalAwsCredentials,
  type Endpoints,
  type LocalAws,
  type ServiceName,
  type StartOptions,
} from './local-aws';
export { awsClients, type LocalAwsClients } from './clients';
export { deploy, remove, type DeployedService, type DeployOptions } from './deploy';
export { eventually, waitForExecution, waitForItem, type FinishedExecution, type WaitOptions } from './wait';
export { captureEvents, type BusEvent, type EventCapture } from './bus-events';
export {
  localTables,
  LocalTablesError,
  type LocalTables,
  type LocalTablesErrorCode,
  type LocalTablesOptions,
} from './local-tables';

// serverless-stateful/runtime: what a Lambda handler imports. The helpers (table, transact,
// cache, idempotent, bus, workflow) arrive with their issues; each finds its resource through
// the environment variable the plugin injects for it.
export { environmentPrefix, environmentVariableName, stateKinds, type StateKind } from './environment.js';

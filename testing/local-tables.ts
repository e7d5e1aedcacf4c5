// The fast path: the tables a service declares in `state:`, created in DynamoDB Local straight
// from its serverless.yml (keys, indexes, streams), seeded from a file, with the STATEFUL_*
// variables set so the runtime in a handler under test finds them. No deploy. Contract seam:
// bodies are filled in by the fast-path work.

export interface LocalTablesOptions {
  /** Stage used to resolve serverless.yml and to name the tables (default `test`). */
  readonly stage?: string;
  /** Items to put before the tests: a JSON/YAML file (`{ <table>: [items] }`) or the same object. */
  readonly seed?: string | Readonly<Record<string, readonly Record<string, unknown>[]>>;
}

export interface LocalTables {
  /** Physical table names in DynamoDB Local by the name declared in `state:`. */
  readonly tableNames: Readonly<Record<string, string>>;
  /** The variables set in process.env (STATEFUL_TABLE_*, the SDK's endpoint and region). */
  readonly environment: Readonly<Record<string, string>>;
  /** Empties every table and puts the seed again. */
  reset(): Promise<void>;
  /** Deletes the tables and restores the variables it set. */
  drop(): Promise<void>;
}

/** Creates the tables declared by the service in `serviceDir` in DynamoDB Local. */
export function localTables(serviceDir: string, options?: LocalTablesOptions): Promise<LocalTables> {
  void serviceDir;
  void options;
  throw new Error('localTables: not built yet');
}

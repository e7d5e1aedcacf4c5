// The kit's own dependencies (DynamoDB Local's jar, the framework, Jest's node environment) are
// optional peers of serverless-stateful: a Lambda bundle of the runtime never pulls them in. They
// are looked up in the user's project first, then beside this package, and a missing one is named
// with the command that installs it.
import { projectDir } from './project-dir';

/** A package the testing kit needs for `purpose` is not installed in the project. */
export class MissingDependencyError extends Error {
  override readonly name = 'MissingDependencyError';
  constructor(
    readonly dependency: string,
    readonly purpose: string,
    options?: { cause?: unknown },
  ) {
    super(`serverless-stateful/testing needs ${dependency} for ${purpose}: npm install -D ${dependency}`, options);
  }
}

/** `@scope/name` or `name` of a request such as `osls/bin/serverless.js`. */
function packageOf(request: string): string {
  const parts = request.split('/');
  return (request.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

// Not `instanceof Error`: under Jest the resolver's error comes from outside the test's realm.
function isModuleNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'MODULE_NOT_FOUND';
}

/** The file `request` names (a package, or a file inside one), from the project, else from this package. */
export function resolveOptional(request: string, purpose: string, from: string = projectDir()): string {
  try {
    return require.resolve(request, { paths: [from, __dirname] });
  } catch (error) {
    if (isModuleNotFound(error)) throw new MissingDependencyError(packageOf(request), purpose, { cause: error });
    throw error;
  }
}

/** Loads the optional package `name`, or throws MissingDependencyError naming it. */
export function requireOptional(name: string, purpose: string): unknown {
  // A computed path: bundlers and type checkers must not treat the optional package as a dependency.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(resolveOptional(name, purpose));
}

// Modules the runtime loads on first use, once per container, so that importing the runtime costs
// only what a handler touches. Each call site keeps a literal `import('…')`, which bundlers see
// (bundling it, or leaving an external SDK external).
import { MissingModuleError } from './errors.js';

export interface LazyModule<M> {
  /** The module, loaded on the first call; a missing one rejects with MissingModuleError. */
  (): Promise<M>;
  /** Starts loading without waiting: a helper declared at a handler's top level loads during init. */
  start(): void;
}

const started = new Set<Promise<unknown>>();

export function lazyModule<M>(packageName: string, load: () => Promise<M>): LazyModule<M> {
  let loading: Promise<M> | undefined;
  const get = () =>
    (loading ??= load().catch((error: unknown) => {
      throw isModuleNotFound(error) ? new MissingModuleError(packageName, { cause: error }) : error;
    }));
  // A failure surfaces where the module is awaited, not as an unhandled rejection at init.
  const start = () => void started.add(get().catch(() => undefined));
  return Object.assign(get, { start });
}

/**
 * A CommonJS package (the AWS SDK's have no ES build Node would pick): through `require` where the
 * code runs as CommonJS (the package's CJS build, or an ES module bundled to CommonJS as for
 * Lambda), else through `import()`. Node's ESM loader takes a CommonJS package through interop
 * that costs about as much again as the require itself.
 */
export async function loadCommonJs<M>(required: () => M, imported: () => Promise<M>): Promise<M> {
  try {
    return required();
  } catch {
    // No `require` here (an ES module; a bundle's stand-in that refuses), or the package is
    // missing, which import() then says in its own words.
    return imported();
  }
}

/** Settles once every module started so far has loaded or failed (for benchmarks and tests). */
export async function startedModules(): Promise<void> {
  await Promise.all(started);
}

function isModuleNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND';
}

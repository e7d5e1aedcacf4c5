// Where the handlers the plugin deploys as functions of their own are: zips that `npm run build`
// writes to dist/lambda/ (scripts/bundle-handlers.mjs), shipped in the npm package. Should one be
// missing (a broken install), the framework refuses the package naming the path and the function
// (INVALID_PACKAGE_ARTIFACT_PATH).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type BundledHandler = 'invalidation' | 'outbox-relay';

/** The Lambda handler inside every bundled zip. */
export const bundledHandlerEntry = 'index.handler';

/** This package's root: the same walk from the sources (tests) and from dist/cjs (installed). */
function packageRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'serverless-stateful'
    )
      return dir;
  }
  throw new Error(`serverless-stateful: no package.json of serverless-stateful above ${__dirname}`);
}

/** The absolute path of the zip of `handler`. */
export function bundledHandlerPath(handler: BundledHandler): string {
  return join(packageRoot(), 'dist', 'lambda', `${handler}.zip`);
}

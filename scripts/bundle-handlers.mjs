// The handlers the plugin deploys as functions of their own (the invalidation function of
// `tables.<t>.invalidates`, the outbox relay of `buses.<b>.outbox`): each bundled with everything
// it imports into one file and zipped, so the generated function carries its own code whatever
// the user's packaging does (a plugin installed as a devDependency is left out of the service's
// zip; a bundler sees no handler file).
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { zip } from './zip.mjs';

/** name → entry point; the zip dist/lambda/<name>.zip holds index.js, whose `handler` Lambda calls. */
export const bundledHandlers = {
  invalidation: 'runtime/invalidation.ts',
  'outbox-relay': 'runtime/outbox-relay.ts',
};

export async function bundleHandlers() {
  mkdirSync('dist/lambda', { recursive: true });
  const sizes = {};
  for (const [name, entry] of Object.entries(bundledHandlers)) {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      minify: true,
      // Error classes are told apart by name in logs and by callers.
      keepNames: true,
      // Optional peer, loaded only by the MessagePack codec, which this handler never uses.
      external: ['msgpackr'],
      legalComments: 'none',
      write: false,
      logLevel: 'warning',
    });
    const [output] = result.outputFiles;
    const archive = zip({ 'index.js': output.contents });
    writeFileSync(`dist/lambda/${name}.zip`, archive);
    sizes[name] = { bundle: output.contents.length, zip: archive.length };
  }
  return sizes;
}

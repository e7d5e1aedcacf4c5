// A fixture's TypeScript handler bundled into .build/handler.js, as a user's build step would:
// one file with its dependencies (ioredis, this library), since the emulator's Lambda, like
// AWS's, brings the AWS SDK and nothing else.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Bundles `<serviceDir>/handler.ts` when the fixture has one; a fixture in plain JS needs nothing. */
export async function bundleHandler(serviceDir: string): Promise<void> {
  const entry = join(serviceDir, 'handler.ts');
  if (!existsSync(entry)) return;
  await build({
    entryPoints: [entry],
    outfile: join(serviceDir, '.build', 'handler.js'),
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    logLevel: 'warning',
  });
}

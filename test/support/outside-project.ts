// A project outside this repository's source, as a user has one: a copy of a sample folder with
// its own package.json, and the workspace's packages installed in it from the tarballs `npm pack`
// makes (the plugin as a devDependency, the runtime as a dependency), so only what the packages
// publish is there to use.
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const packageRoot = resolve(__dirname, '..', '..');
const pluginPackage = 'serverless-stateful';
const runtimePackage = '@serverless-stateful/runtime';

interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export interface NpmRun {
  readonly code: number;
  readonly stdout: string;
  /** stdout and stderr as they came. */
  readonly output: string;
  readonly durationMs: number;
}

/**
 * The environment of a child npm: this process' own, without what the npm that started it
 * exported (npm_config_*, npm_package_*, the lifecycle), which would make a child npm act on this
 * repository's configuration, and without Jest's worker id, which would confuse a child Jest.
 */
export function childEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name) && name !== 'JEST_WORKER_ID'),
  );
  return { ...env, ...extra };
}

/** Runs `npm <args>` in `cwd`; resolves with its exit code and combined output. */
export function npm(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<NpmRun> {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn('npm', args, {
      cwd: options.cwd,
      env: options.env ?? childEnvironment(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      output += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('close', (code) =>
      resolvePromise({ code: code ?? 1, stdout, output, durationMs: Date.now() - started }),
    );
  });
}

/** Like npm(), but throws with the end of the output unless the command succeeds. */
export async function npmOk(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  const run = await npm(args, options);
  if (run.code !== 0) {
    const tail = run.output.trim().split('\n').slice(-40).join('\n');
    throw new Error(`npm ${args.join(' ')} in ${options.cwd} exited with ${run.code}:\n${tail}`);
  }
  return run;
}

export interface PackedFile {
  readonly path: string;
  readonly size: number;
}

export interface PackedPackage {
  /** The tarball the package was installed from. */
  readonly tarball: string;
  /** What the tarball holds, as npm pack lists it. */
  readonly files: readonly PackedFile[];
}

export interface OutsideProject {
  /** The copy of the sample, with the packages installed. */
  readonly path: string;
  readonly plugin: PackedPackage;
  readonly runtime: PackedPackage;
  readonly timings: { readonly packMs: number; readonly installMs: number };
  remove(): void;
}

/** Packs the package in `folder` into `destination`. */
async function pack(folder: string, destination: string): Promise<PackedPackage & { durationMs: number }> {
  const run = await npmOk(['pack', '--json', '--pack-destination', destination], { cwd: folder });
  const [packed] = JSON.parse(run.stdout) as { filename: string; files: PackedFile[] }[];
  if (!packed) throw new Error(`npm pack listed no tarball:\n${run.stdout}`);
  return { tarball: join(destination, packed.filename), files: packed.files, durationMs: run.durationMs };
}

/**
 * Packs the plugin and the runtime (their dist/ must be built), copies `sampleDir` beside the
 * tarballs, and installs the sample's dependencies with the tarballs in place of their versions.
 */
export async function installOutsideProject(sampleDir: string): Promise<OutsideProject> {
  const workDir = mkdtempSync(join(tmpdir(), 'stateful-outside-'));
  const remove = () => rmSync(workDir, { recursive: true, force: true });
  try {
    const plugin = await pack(packageRoot, workDir);
    const runtime = await pack(join(packageRoot, 'runtime'), workDir);

    const path = join(workDir, basename(sampleDir));
    cpSync(sampleDir, path, {
      recursive: true,
      filter: (source) => !/[/\\](node_modules|\.build|\.serverless|\.local-aws)$/.test(source),
    });
    // The sample's lock is this repository's: its ranges admit the locked versions, so each
    // package it installs is one this package was tested with, and one `npm ci` put in npm's
    // cache: the install needs no network. npm drops what the sample does not use.
    copyFileSync(join(packageRoot, 'package-lock.json'), join(path, 'package-lock.json'));
    // The sample names both packages by version; they are installed from the tarballs instead,
    // in one install (two would each look for the other's version on the registry).
    const manifestPath = join(path, 'package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    manifest.dependencies = { ...manifest.dependencies, [runtimePackage]: `file:../${basename(runtime.tarball)}` };
    manifest.devDependencies = { ...manifest.devDependencies, [pluginPackage]: `file:../${basename(plugin.tarball)}` };
    writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
    const install = await npmOk(['install', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: path });
    return {
      path,
      plugin: { tarball: plugin.tarball, files: plugin.files },
      runtime: { tarball: runtime.tarball, files: runtime.files },
      timings: {
        packMs: plugin.durationMs + runtime.durationMs,
        installMs: install.durationMs,
      },
      remove,
    };
  } catch (error) {
    remove();
    throw error;
  }
}

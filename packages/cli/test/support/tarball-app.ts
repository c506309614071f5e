import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { packWorkspaces, type PackedWorkspace } from '../../../../scripts/pack-workspaces.mjs';
import { appLockEntries, type LockPackages, type OwnPackage } from './app-lockfile.js';

const ROOT = resolve(import.meta.dirname, '../../../..');
const run = promisify(execFile);

/** A new app, outside any workspace, with every published package installed from its tarball. */
export interface TarballApp {
  readonly dir: string;
  readonly packages: readonly PackedWorkspace[];
}

/**
 * The environment for npm and npx in the app. None of the npm run context of `npm test` is
 * passed on (`npm_config_local_prefix` would point npm at the repository), and npm works
 * offline, from the cache that `npm ci` filled: a package missing there fails, never downloads.
 */
export function appEnv(): Record<string, string> {
  const kept = ['PATH', 'HOME', 'TMPDIR', 'npm_config_cache', 'npm_config_userconfig'];
  const env: Record<string, string> = { npm_config_offline: 'true', SWITCHBOARD_LOG_LEVEL: 'warn' };
  for (const name of kept) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/** Packs every published workspace into `workDir/packs` and installs them all in `workDir/app`. */
export async function installTarballApp(workDir: string): Promise<TarballApp> {
  const packs = join(workDir, 'packs');
  const dir = join(workDir, 'app');
  await Promise.all([mkdir(packs), mkdir(dir)]);
  const packages = await packWorkspaces(ROOT, packs);
  const own = await Promise.all(packages.map(ownPackage));
  const entries = appLockEntries(await repoLock(), own);
  const dependencies = Object.fromEntries(packages.map((pkg) => [pkg.name, `file:${pkg.tarball}`]));
  const root = { name: 'tarball-app', version: '1.0.0', private: true, dependencies };
  const lockPackages = Object.fromEntries([...entries].map(([path, item]) => [path, item.entry]));
  await writeJson(join(dir, 'package.json'), { ...root, type: 'module' });
  await writeJson(join(dir, 'package-lock.json'), {
    name: root.name,
    version: root.version,
    lockfileVersion: 3,
    requires: true,
    packages: { '': root, ...lockPackages },
  });
  await npmInstall(dir);
  for (const item of entries.values()) {
    if (item.entry.hasInstallScript === true)
      await copyNativeBuild(item.repoPath, join(dir, item.path));
  }
  return { dir, packages };
}

async function ownPackage(pkg: PackedWorkspace): Promise<OwnPackage> {
  const manifest = JSON.parse(await readFile(join(pkg.dir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return {
    location: relative(ROOT, pkg.dir),
    installedAt: `node_modules/${pkg.name}`,
    dependencies: manifest.dependencies ?? {},
  };
}

async function repoLock(): Promise<LockPackages> {
  const lock = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: LockPackages;
  };
  return lock.packages;
}

/**
 * Install scripts are skipped: ours have none, and better-sqlite3's compiles SQLite, which takes
 * minutes on a small machine and proves nothing about our packages.
 */
async function npmInstall(dir: string): Promise<void> {
  const args = ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
  try {
    await run('npm', args, { cwd: dir, env: appEnv(), maxBuffer: 16 << 20 });
  } catch (error) {
    const { stderr = '' } = error as { stderr?: string };
    throw new Error(`npm install of the tarballs failed offline:\n${stderr}`, { cause: error });
  }
}

/** The native addons `npm ci` built for the repository (node-gyp's `build/Release/*.node`). */
async function copyNativeBuild(repoPath: string, installedAt: string): Promise<void> {
  const from = join(ROOT, repoPath, 'build/Release');
  const addons = (await readdir(from).catch(() => [])).filter((file) => file.endsWith('.node'));
  if (addons.length === 0) return;
  await mkdir(join(installedAt, 'build/Release'), { recursive: true });
  for (const addon of addons) {
    await copyFile(join(from, addon), join(installedAt, 'build/Release', addon));
  }
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`);
}

import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, relative, sep } from 'node:path';
import { contentType } from './content-type.js';

/** One file of the dashboard build, held in memory (the whole build is a few hundred kB). */
export interface DashboardFile {
  readonly body: Buffer;
  readonly type: string;
  /** Hashed asset names never change content, so browsers may keep them for good. */
  readonly immutable: boolean;
}

/**
 * The committed build in `packages/server/dashboard-dist`. The path is the same from `src/` and
 * from `dist/`, which sit at the same depth, so tests and the installed package find it alike.
 */
export const DASHBOARD_DIST = fileURLToPath(new URL('../../../dashboard-dist/', import.meta.url));

/** Reads every file of `root` into a map keyed by URL path (`/index.html`, `/assets/…`). */
export async function loadDashboardFiles(
  root: string = DASHBOARD_DIST,
): Promise<ReadonlyMap<string, DashboardFile>> {
  const files = new Map<string, DashboardFile>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    const urlPath = `/${relative(root, full).split(sep).join('/')}`;
    files.set(urlPath, {
      body: await readFile(full),
      type: contentType(full),
      immutable: urlPath.startsWith('/assets/'),
    });
  }
  return files;
}

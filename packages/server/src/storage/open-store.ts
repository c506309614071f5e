import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openPostgresStore } from './postgres/postgres-store.js';
import { openSqliteThreadStore } from './sqlite/sqlite-thread-store.js';
import type { Store } from './store.js';

export interface OpenStoreOptions {
  /** `postgres://` or `postgresql://` selects PostgreSQL; unset or empty selects SQLite. */
  readonly databaseUrl?: string | undefined;
  /** Holds the SQLite file `switchboard.db`; created if missing. */
  readonly dataDir: string;
}

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

/**
 * Opens the configured backend and applies pending migrations. Any other URL scheme is an error
 * rather than a silent fallback to a local file nobody else can see.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const url = options.databaseUrl ?? '';
  if (POSTGRES_URL.test(url)) return openPostgresStore({ connectionString: url });
  if (url !== '') throw new Error(`Unsupported database URL scheme: ${schemeOf(url)}`);
  await mkdir(options.dataDir, { recursive: true });
  // The database gets a thread of its own, so the event loop keeps to HTTP (see SqliteThreadStore).
  return openSqliteThreadStore({ filename: join(options.dataDir, 'switchboard.db') });
}

/** Only the scheme, so credentials in the URL never reach an error message. */
function schemeOf(url: string): string {
  const colon = url.indexOf(':');
  return colon === -1 ? '(none)' : url.slice(0, colon + 1);
}

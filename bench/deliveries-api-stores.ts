/**
 * Seeded stores for the benches that need a million stored deliveries
 * (`deliveries-api.ts`, `dashboard-polling.ts`): a throwaway SQLite file or PostgreSQL schema,
 * one account holding the seeded rows, removed again when the body returns.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createAccount } from '../packages/server/src/engine/accounts/create-account.js';
import { openPostgresStore } from '../packages/server/src/storage/postgres/postgres-store.js';
import { openSqliteStore } from '../packages/server/src/storage/sqlite/sqlite-store.js';
import type { Store } from '../packages/server/src/storage/store.js';
import { seedPostgres, seedSqlite, type SeedPlan } from './deliveries-api-seed.js';

/** A store with `count` deliveries in one account, and that account's API key. */
export interface SeededStore {
  readonly store: Store;
  readonly accountId: string;
  readonly apiKey: string;
  /** The seeding clock: the newest row was created just before it. */
  readonly now: number;
}

async function seeded(
  store: Store,
  count: number,
  seed: (plan: SeedPlan) => Promise<void>,
): Promise<Omit<SeededStore, 'store'>> {
  const now = Date.now();
  const made = await createAccount(store, { name: 'bench', now });
  const started = performance.now();
  await seed({ accountId: made.account.id, count, now });
  const seconds = (performance.now() - started) / 1000;
  console.log(`  seeded ${count} deliveries in ${seconds.toFixed(1)} s`);
  return { accountId: made.account.id, apiKey: made.apiKey, now };
}

/** Runs `body` on a seeded SQLite file (WAL), seeded through a second connection. */
export async function withSeededSqlite<T>(
  count: number,
  body: (seededStore: SeededStore) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-deliveries-api-'));
  const filename = join(dir, 'bench.db');
  const store = await openSqliteStore({ filename });
  try {
    const db = new Database(filename);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    const made = await seeded(store, count, (plan) => {
      seedSqlite(db, plan);
      return Promise.resolve();
    });
    db.close();
    return await body({ store, ...made });
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs `body` on a seeded schema of its own; `null` when PostgreSQL is unreachable. */
export async function withSeededPostgres<T>(
  databaseUrl: string,
  count: number,
  body: (seededStore: SeededStore) => Promise<T>,
): Promise<T | null> {
  const admin = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    await admin.query('SELECT 1');
  } catch {
    console.warn('PostgreSQL unreachable: skipped');
    await admin.end();
    return null;
  }
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  const store = await openPostgresStore({ connectionString: databaseUrl, schema });
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 1,
    options: `-c search_path=${schema}`,
  });
  try {
    const made = await seeded(store, count, (plan) => seedPostgres(pool, plan));
    return await body({ store, ...made });
  } finally {
    await pool.end();
    await store.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}

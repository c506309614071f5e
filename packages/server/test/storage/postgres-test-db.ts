import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStore } from '../../src/storage/postgres/postgres-store.js';
import type { Store } from '../../src/storage/store.js';

/** The test database (loopback, trust auth); PostgreSQL tests skip when it is unreachable. */
export const PG_TEST_URL =
  process.env['SWITCHBOARD_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_TEST_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A migrated store in a schema of its own, and how to close it and drop the schema. */
export async function openPostgresTestStore(): Promise<{
  store: Store;
  drop: () => Promise<void>;
}> {
  const schema = `sb_test_${randomBytes(6).toString('hex')}`;
  const store = await openPostgresStore({ connectionString: PG_TEST_URL, schema });
  const drop = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: PG_TEST_URL });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await client.end();
    }
  };
  return { store, drop };
}

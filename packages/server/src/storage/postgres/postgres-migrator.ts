import pg from 'pg';
import { MIGRATIONS_TABLE_SQL, pendingMigrations, type Migration } from '../sql/migration.js';
import { inTransaction } from './postgres-transaction.js';

/**
 * Applies pending migrations in one transaction under a transaction-scoped advisory lock, so
 * processes starting together on one database apply each migration exactly once: the others
 * wait for the lock, then find the ledger up to date. The lock is per schema, so stores in
 * different schemas do not wait for each other.
 */
export async function migratePostgres(
  pool: pg.Pool,
  schema: string | undefined,
  migrations: readonly Migration[],
): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `switchboard:migrate:${schema ?? ''}`,
    ]);
    if (schema !== undefined) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(schema)}`);
    }
    await client.query(MIGRATIONS_TABLE_SQL);
    for (const migration of pendingMigrations(migrations, await appliedVersions(client))) {
      await apply(client, migration);
    }
  });
}

async function appliedVersions(client: pg.PoolClient): Promise<number[]> {
  const result = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
  return result.rows.map((row) => row.version);
}

async function apply(client: pg.PoolClient, migration: Migration): Promise<void> {
  for (const statement of migration.statements) await client.query(statement);
  await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
    migration.version,
    Date.now(),
  ]);
}

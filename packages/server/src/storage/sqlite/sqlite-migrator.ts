import type Database from 'better-sqlite3';
import { MIGRATIONS_TABLE_SQL, pendingMigrations, type Migration } from '../sql/migration.js';

/**
 * Applies pending migrations in one IMMEDIATE transaction: it takes the write lock before reading
 * the ledger, so two processes migrating the same file apply each migration once (the second
 * waits on the busy timeout, then finds nothing to do).
 */
export function migrateSqlite(db: Database.Database, migrations: readonly Migration[]): void {
  db.transaction(() => {
    db.exec(MIGRATIONS_TABLE_SQL);
    const applied = db
      .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
      .all()
      .map((row) => row.version);
    const record = db.prepare<[number, number]>(
      'INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)',
    );
    for (const migration of pendingMigrations(migrations, applied)) {
      for (const statement of migration.statements) db.exec(statement);
      record.run(migration.version, Date.now());
    }
  }).immediate();
}

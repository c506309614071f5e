/**
 * One versioned schema change. Each dialect keeps its own ordered list as TypeScript strings, so
 * the built package never has to find `.sql` files at run time.
 */
export interface Migration {
  /** Strictly increasing across the list; recorded in `schema_migrations.version`. */
  readonly version: number;
  /** Short description for humans; not stored. */
  readonly name: string;
  /** Run in order inside the migration's transaction. */
  readonly statements: readonly string[];
}

/**
 * The ledger both dialects share. `BIGINT` is an integer type in SQLite too, so one statement
 * serves both.
 */
export const MIGRATIONS_TABLE_SQL =
  'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)';

/** The migrations of `all` not yet in `applied`, in version order. Throws on a malformed list. */
export function pendingMigrations(
  all: readonly Migration[],
  applied: Iterable<number>,
): readonly Migration[] {
  assertOrdered(all);
  const done = new Set(applied);
  return all.filter((migration) => !done.has(migration.version));
}

function assertOrdered(all: readonly Migration[]): void {
  all.forEach((migration, index) => {
    const previous = all[index - 1];
    if (previous !== undefined && migration.version <= previous.version) {
      throw new Error(
        `Migration ${migration.version} (${migration.name}) must come after ${previous.version}`,
      );
    }
  });
}

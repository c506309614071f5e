import type Database from 'better-sqlite3';

/**
 * The part of a better-sqlite3 statement the store uses, declared here so that the statements'
 * types can be named in emitted declarations (the driver's own interface is not exported).
 * `Params` is a positional tuple, or a one-object tuple for `@named` parameters.
 */
export interface SqliteStatement<Params extends unknown[], Row = unknown> {
  run(...params: Params): { readonly changes: number };
  get(...params: Params): Row | undefined;
  all(...params: Params): Row[];
}

/** Prepares `sql`; the caller states the parameters and the row the SQL produces. */
export function prepareStatement<Params extends unknown[], Row = unknown>(
  db: Database.Database,
  sql: string,
): SqliteStatement<Params, Row> {
  return db.prepare<Params, Row>(sql);
}

import type Database from 'better-sqlite3';
import { prepareStatement, type SqliteStatement } from './sqlite-statement.js';

/**
 * Prepared statements for SQL built at run time (the delivery list filters). Each filter shape
 * yields one SQL text, and there are few shapes, so the cache stays small without eviction.
 */
export class SqliteStatementCache {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, SqliteStatement<unknown[]>>();

  constructor(db: Database.Database) {
    this.#db = db;
  }

  /** The statement for `sql`, typed by the caller, who knows the columns the SQL selects. */
  get<Row>(sql: string): SqliteStatement<unknown[], Row> {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = prepareStatement<unknown[]>(this.#db, sql);
      this.#statements.set(sql, statement);
    }
    return statement as SqliteStatement<unknown[], Row>;
  }
}

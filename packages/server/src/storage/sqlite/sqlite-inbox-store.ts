import type Database from 'better-sqlite3';
import type {
  Capture,
  CaptureFilter,
  CaptureStreamFilter,
  ForwardAttempt,
  InboxStore,
  NewCapture,
} from '../inbox-store.js';
import { captureListQuery, capturesAfterQuery } from '../sql/capture-list-query.js';
import {
  captureInsertRow,
  toCapture,
  type CaptureInsertRow,
  type CaptureRow,
} from '../sql/capture-row.js';
import { toJsonText } from '../sql/json-text.js';
import { toResource, type ResourceRow } from '../sql/resource-row.js';
import type { Page, PageResult, Resource } from '../store.js';
import { SQLITE_FLAVOR } from './sqlite-flavor.js';
import { prepareStatement } from './sqlite-statement.js';
import { SqliteStatementCache } from './sqlite-statement-cache.js';

type Statements = ReturnType<typeof prepare>;

/**
 * {@link InboxStore} on the SQLite connection of a `SqliteStore`. Like the store, every method
 * runs synchronously to completion, so calls never interleave on the connection.
 */
export class SqliteInboxStore implements InboxStore {
  readonly #db: Database.Database;
  readonly #dynamic: SqliteStatementCache;
  #prepared: Statements | undefined;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#dynamic = new SqliteStatementCache(db);
  }

  /** Prepared on first use, after the store's migrations created the table. */
  get #s(): Statements {
    this.#prepared ??= prepare(this.#db);
    return this.#prepared;
  }

  findInboxByToken(token: string): Promise<Resource | null> {
    return settle(() => mapOne(this.#s.findInbox.get(token), toResource));
  }

  insertCapture(capture: NewCapture): Promise<Capture> {
    return settle(() => {
      const row = this.#s.insertCapture.get(captureInsertRow(capture));
      if (row === undefined) throw new Error(`Capture ${capture.id} was not stored`);
      return toCapture(row);
    });
  }

  getCapture(accountId: string, id: string): Promise<Capture | null> {
    return settle(() => mapOne(this.#s.getCapture.get(accountId, id), toCapture));
  }

  listCaptures(accountId: string, filter: CaptureFilter, page: Page): Promise<PageResult<Capture>> {
    return settle(() => {
      const query = captureListQuery(accountId, filter, page, SQLITE_FLAVOR);
      const count = this.#dynamic
        .get<{ total: number }>(query.count.sql)
        .get(...query.count.values);
      const rows = this.#dynamic.get<CaptureRow>(query.page.sql).all(...query.page.values);
      return { rows: rows.map(toCapture), total: count?.total ?? 0 };
    });
  }

  capturesAfter(
    accountId: string,
    after: number,
    limit: number,
    filter: CaptureStreamFilter,
  ): Promise<readonly Capture[]> {
    return settle(() => {
      const query = capturesAfterQuery(accountId, after, limit, filter, SQLITE_FLAVOR);
      return this.#dynamic
        .get<CaptureRow>(query.sql)
        .all(...query.values)
        .map(toCapture);
    });
  }

  lastCaptureSequence(accountId: string): Promise<number> {
    return settle(() => this.#s.lastSequence.get(accountId)?.last ?? 0);
  }

  addForwardAttempt(
    accountId: string,
    captureId: string,
    attempt: ForwardAttempt,
  ): Promise<boolean> {
    return settle(
      () => this.#s.addForward.run(toJsonText(attempt), accountId, captureId).changes > 0,
    );
  }
}

function prepare(db: Database.Database) {
  return {
    findInbox: prepareStatement<[string], ResourceRow>(
      db,
      `SELECT * FROM resources WHERE kind = 'inbox' AND json_extract(data, '$.token') = ?`,
    ),
    insertCapture: prepareStatement<[CaptureInsertRow], CaptureRow>(
      db,
      `INSERT INTO captures (id, account_id, inbox_id, method, path, query, headers, body,
        remote_address, received_at, event_type, verification)
      VALUES (@id, @account_id, @inbox_id, @method, @path, @query, @headers, @body,
        @remote_address, @received_at, @event_type, @verification)
      RETURNING *`,
    ),
    getCapture: prepareStatement<[string, string], CaptureRow>(
      db,
      'SELECT * FROM captures WHERE account_id = ? AND id = ?',
    ),
    lastSequence: prepareStatement<[string], { last: number | null }>(
      db,
      'SELECT max(seq) AS last FROM captures WHERE account_id = ?',
    ),
    addForward: prepareStatement<[string, string, string]>(
      db,
      `UPDATE captures SET forwards = json_insert(forwards, '$[#]', json(?))
      WHERE account_id = ? AND id = ?`,
    ),
  };
}

/** Runs synchronous driver work as a promise, turning a throw into a rejection. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => {
    resolve(work());
  });
}

function mapOne<R, T>(row: R | undefined, map: (row: R) => T): T | null {
  return row === undefined ? null : map(row);
}

import type pg from 'pg';
import type {
  Capture,
  CaptureFilter,
  CaptureStreamFilter,
  ForwardAttempt,
  InboxStore,
  NewCapture,
} from '../inbox-store.js';
import { captureListQuery, capturesAfterQuery } from '../sql/capture-list-query.js';
import { captureInsertRow, toCapture, type CaptureRow } from '../sql/capture-row.js';
import { toJsonText } from '../sql/json-text.js';
import { toResource, type ResourceRow } from '../sql/resource-row.js';
import type { Page, PageResult, Resource } from '../store.js';
import { POSTGRES_FLAVOR } from './postgres-flavor.js';
import { inTransaction } from './postgres-transaction.js';

const INSERT_CAPTURE = `INSERT INTO captures (id, account_id, inbox_id, method, path, query,
    headers, body, remote_address, received_at, event_type, verification)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
  RETURNING *`;

/** {@link InboxStore} on the pool of a `PostgresStore`. */
export class PostgresInboxStore implements InboxStore {
  readonly #pool: pg.Pool;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  async findInboxByToken(token: string): Promise<Resource | null> {
    const result = await this.#pool.query<ResourceRow>(
      `SELECT * FROM resources WHERE kind = 'inbox' AND data ->> 'token' = $1`,
      [token],
    );
    return mapOne(result.rows, toResource);
  }

  /**
   * `seq` is drawn under a per-account lock held until commit, so an account's captures commit
   * in sequence order and a stream reading past N never misses a later commit below N.
   */
  async insertCapture(capture: NewCapture): Promise<Capture> {
    const row = captureInsertRow(capture);
    return inTransaction(this.#pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `switchboard:captures:${row.account_id}`,
      ]);
      const result = await client.query<CaptureRow>(INSERT_CAPTURE, [
        row.id,
        row.account_id,
        row.inbox_id,
        row.method,
        row.path,
        row.query,
        row.headers,
        row.body,
        row.remote_address,
        row.received_at,
        row.event_type,
        row.verification,
      ]);
      const inserted = mapOne(result.rows, toCapture);
      if (inserted === null) throw new Error(`Capture ${capture.id} was not stored`);
      return inserted;
    });
  }

  async getCapture(accountId: string, id: string): Promise<Capture | null> {
    const result = await this.#pool.query<CaptureRow>(
      'SELECT * FROM captures WHERE account_id = $1 AND id = $2',
      [accountId, id],
    );
    return mapOne(result.rows, toCapture);
  }

  async listCaptures(
    accountId: string,
    filter: CaptureFilter,
    page: Page,
  ): Promise<PageResult<Capture>> {
    const query = captureListQuery(accountId, filter, page, POSTGRES_FLAVOR);
    const [count, rows] = await Promise.all([
      this.#pool.query<{ total: string }>(query.count.sql, [...query.count.values]),
      this.#pool.query<CaptureRow>(query.page.sql, [...query.page.values]),
    ]);
    return { rows: rows.rows.map(toCapture), total: Number(count.rows[0]?.total ?? 0) };
  }

  async capturesAfter(
    accountId: string,
    after: number,
    limit: number,
    filter: CaptureStreamFilter,
  ): Promise<readonly Capture[]> {
    const query = capturesAfterQuery(accountId, after, limit, filter, POSTGRES_FLAVOR);
    return (await this.#pool.query<CaptureRow>(query.sql, [...query.values])).rows.map(toCapture);
  }

  async lastCaptureSequence(accountId: string): Promise<number> {
    const result = await this.#pool.query<{ last: number | null }>(
      'SELECT max(seq) AS last FROM captures WHERE account_id = $1',
      [accountId],
    );
    return result.rows[0]?.last ?? 0;
  }

  async addForwardAttempt(
    accountId: string,
    captureId: string,
    attempt: ForwardAttempt,
  ): Promise<boolean> {
    const result = await this.#pool.query(
      `UPDATE captures SET forwards = forwards || jsonb_build_array($1::jsonb)
      WHERE account_id = $2 AND id = $3`,
      [toJsonText(attempt), accountId, captureId],
    );
    return (result.rowCount ?? 0) > 0;
  }
}

function mapOne<R, T>(rows: readonly R[], map: (row: R) => T): T | null {
  const [row] = rows;
  return row === undefined ? null : map(row);
}

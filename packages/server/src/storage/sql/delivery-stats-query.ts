import { LATENCY_BIN_EDGES_MS } from '../delivery-queries.js';
import type { SqlFlavor, SqlQuery } from './sql-flavor.js';

/** The statements behind `Store.deliveryStats`. */
export interface DeliveryStatsQueries {
  /** Per creation bucket: created, delivered, failed, queued. */
  readonly deliveries: SqlQuery;
  /**
   * One pass over the window's tries, two groupings: per finish bucket and latency bin (tries,
   * failed tries; `url` null) and per URL (failures, latest try, latest failure and success).
   */
  readonly attempts: SqlQuery;
  readonly queueDepth: SqlQuery;
}

/**
 * Builds the stats statements. Every aggregate is a sum of CASEs and every bucket an integer
 * division, so one SQL text runs on both dialects; counts may come back as strings (PostgreSQL
 * bigint), so readers convert with `Number`.
 */
export function deliveryStatsQueries(
  accountId: string,
  sinceMs: number,
  bucketMs: number,
  flavor: SqlFlavor,
): DeliveryStatsQueries {
  const build = (sql: (bind: Binder) => string): SqlQuery => {
    const values: unknown[] = [];
    const bind: Binder = (value) => flavor.placeholder(values.push(value));
    return { sql: sql(bind), values };
  };
  const scope = (bind: Binder) =>
    `d.account_id = ${bind(accountId)} AND d.created_at >= ${bind(sinceMs)}`;
  // The cast truncates: better-sqlite3 binds JS numbers as REAL, which would divide exactly.
  const bucketOf = (column: string, bind: Binder) =>
    `CAST((${column} - ${bind(sinceMs)}) / ${bind(bucketMs)} AS INTEGER)`;
  return {
    deliveries: build((bind) => deliveriesSql(bucketOf('d.created_at', bind), scope(bind))),
    attempts: build((bind) =>
      attemptsSql(bucketOf('a.finished_at', bind), scope(bind), flavor.attemptsOfDeliveries),
    ),
    queueDepth: build(
      (bind) => `SELECT count(*) AS total FROM deliveries d
        WHERE d.account_id = ${bind(accountId)} AND d.state = 'queued'`,
    ),
  };
}

/**
 * Binds one value where it appears; SQLite's `?` needs a value per occurrence, so callers bind
 * in the order the fragments appear in the SQL text.
 */
type Binder = (value: unknown) => string;

/** Both dialects group by the select list's position, so the bucket expression is bound once. */
function deliveriesSql(bucketOf: string, scope: string): string {
  return `SELECT ${bucketOf} AS bucket, count(*) AS created,
      ${countWhere("d.state = 'delivered'")} AS delivered,
      ${countWhere("d.state = 'failed'")} AS failed,
      ${countWhere("d.state = 'queued'")} AS queued
    FROM deliveries d WHERE ${scope}
    GROUP BY 1`;
}

/**
 * The window's tries are read once (a CTE referenced twice is materialised on both dialects)
 * and grouped twice: joining a million-row attempts table twice per poll was the overview's
 * largest cost.
 */
function attemptsSql(bucketOf: string, scope: string, attemptsJoin: string): string {
  const failedTry = "t.status = 'failed'";
  return `WITH t AS MATERIALIZED (
      SELECT ${bucketOf} AS bucket, ${latencyBin('a.latency_ms')} AS bin, a.url AS url,
        a.status AS status, a.finished_at AS finished_at
      FROM deliveries d ${attemptsJoin} WHERE ${scope})
    SELECT t.bucket AS bucket, t.bin AS bin, NULL AS url, count(*) AS attempts,
      ${countWhere(failedTry)} AS failed, NULL AS last_at, NULL AS last_failed_at,
      NULL AS last_delivered_at
    FROM t GROUP BY t.bucket, t.bin
    UNION ALL
    SELECT NULL, NULL, t.url, count(*), ${countWhere(failedTry)}, max(t.finished_at),
      max(CASE WHEN ${failedTry} THEN t.finished_at END),
      max(CASE WHEN t.status = 'delivered' THEN t.finished_at END)
    FROM t GROUP BY t.url`;
}

function countWhere(condition: string): string {
  return `sum(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
}

/** Index of the first edge at or above the latency; the last bin holds everything slower. */
function latencyBin(column: string): string {
  const cases = LATENCY_BIN_EDGES_MS.map(
    (edge, index) => `WHEN ${column} <= ${edge} THEN ${index}`,
  );
  return `(CASE ${cases.join(' ')} ELSE ${LATENCY_BIN_EDGES_MS.length} END)`;
}

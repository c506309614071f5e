import { LATENCY_BIN_EDGES_MS } from '../store.js';
import type { SqlFlavor, SqlQuery } from './sql-flavor.js';

/** The statements behind `Store.deliveryStats`. */
export interface DeliveryStatsQueries {
  /** Per creation bucket: created, delivered, failed, queued. */
  readonly deliveries: SqlQuery;
  /** Per finish bucket and latency bin: tries and failed tries. */
  readonly attempts: SqlQuery;
  /** Per URL: failures, latest try, latest success. */
  readonly endpoints: SqlQuery;
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
    attempts: build((bind) => attemptsSql(bucketOf('a.finished_at', bind), scope(bind))),
    endpoints: build((bind) => endpointsSql(scope(bind))),
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

function attemptsSql(bucketOf: string, scope: string): string {
  const bin = latencyBin('a.latency_ms');
  return `SELECT ${bucketOf} AS bucket, ${bin} AS bin, count(*) AS attempts,
      ${countWhere("a.status = 'failed'")} AS failed
    FROM attempts a JOIN deliveries d ON d.id = a.delivery_id
    WHERE ${scope}
    GROUP BY 1, 2`;
}

function endpointsSql(scope: string): string {
  return `SELECT a.url AS url, ${countWhere("a.status = 'failed'")} AS failures,
      max(a.finished_at) AS last_at,
      max(CASE WHEN a.status = 'failed' THEN a.finished_at END) AS last_failed_at,
      max(CASE WHEN a.status = 'delivered' THEN a.finished_at END) AS last_delivered_at
    FROM attempts a JOIN deliveries d ON d.id = a.delivery_id
    WHERE ${scope}
    GROUP BY a.url`;
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

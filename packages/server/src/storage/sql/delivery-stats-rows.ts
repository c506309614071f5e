import {
  LATENCY_BIN_EDGES_MS,
  type DeliveryStats,
  type DeliveryStatsFigures,
  type FailingEndpoint,
} from '../delivery-queries.js';

/** Numbers as the drivers return them: PostgreSQL sends bigint and sums as strings. */
type Num = number | string;

export interface DeliveryBucketRow {
  readonly bucket: Num;
  readonly created: Num;
  readonly delivered: Num;
  readonly failed: Num;
  readonly queued: Num;
}

/** A row of the attempts statement: a bucket-and-bin group when `url` is null, else a URL group. */
export interface AttemptGroupRow {
  readonly bucket: Num | null;
  readonly bin: Num | null;
  readonly url: string | null;
  readonly attempts: Num;
  readonly failed: Num;
  readonly last_at: Num | null;
  readonly last_failed_at: Num | null;
  readonly last_delivered_at: Num | null;
}

export interface DeliveryStatsRows {
  readonly deliveries: readonly DeliveryBucketRow[];
  readonly attempts: readonly AttemptGroupRow[];
  readonly queueDepth: Num;
}

interface Tally {
  created: number;
  delivered: number;
  failed: number;
  queued: number;
  attempts: number;
  failedAttempts: number;
  bins: number[];
}

/** Folds the stats statements' rows into {@link DeliveryStats}; shared by both backends. */
export function toDeliveryStats(
  sinceMs: number,
  bucketMs: number,
  rows: DeliveryStatsRows,
): DeliveryStats {
  const buckets = new Map<number, Tally>();
  const total = emptyTally();
  for (const row of rows.deliveries) {
    for (const tally of [total, tallyOf(buckets, Number(row.bucket))]) addDeliveries(tally, row);
  }
  for (const row of rows.attempts) {
    if (row.url !== null) continue;
    for (const tally of [total, tallyOf(buckets, Number(row.bucket))]) addAttempts(tally, row);
  }
  return {
    sinceMs,
    bucketMs,
    totals: figures(total),
    buckets: [...buckets.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, tally]) => ({ startMs: sinceMs + index * bucketMs, ...figures(tally) })),
    queueDepth: Number(rows.queueDepth),
    failingEndpoints: failing(rows.attempts),
  };
}

function emptyTally(): Tally {
  const bins = LATENCY_BIN_EDGES_MS.map(() => 0);
  return {
    created: 0,
    delivered: 0,
    failed: 0,
    queued: 0,
    attempts: 0,
    failedAttempts: 0,
    bins: [...bins, 0],
  };
}

function tallyOf(buckets: Map<number, Tally>, index: number): Tally {
  let tally = buckets.get(index);
  if (tally === undefined) {
    tally = emptyTally();
    buckets.set(index, tally);
  }
  return tally;
}

function addDeliveries(tally: Tally, row: DeliveryBucketRow): void {
  tally.created += Number(row.created);
  tally.delivered += Number(row.delivered);
  tally.failed += Number(row.failed);
  tally.queued += Number(row.queued);
}

function addAttempts(tally: Tally, row: AttemptGroupRow): void {
  const count = Number(row.attempts);
  tally.attempts += count;
  tally.failedAttempts += Number(row.failed);
  const bin = Number(row.bin);
  tally.bins[bin] = (tally.bins[bin] ?? 0) + count;
}

function figures(tally: Tally): DeliveryStatsFigures {
  return {
    created: tally.created,
    delivered: tally.delivered,
    failed: tally.failed,
    queued: tally.queued,
    attempts: tally.attempts,
    failedAttempts: tally.failedAttempts,
    p50Ms: percentile(tally.bins, tally.attempts, 0.5),
    p99Ms: percentile(tally.bins, tally.attempts, 0.99),
  };
}

/** The upper edge of the bin holding the `q`-th try; slower than the last edge reports that edge. */
function percentile(bins: readonly number[], count: number, q: number): number | null {
  if (count === 0) return null;
  const rank = Math.ceil(q * count);
  let seen = 0;
  for (const [index, inBin] of bins.entries()) {
    seen += inBin;
    if (seen >= rank) return edge(index);
  }
  return edge(bins.length - 1);
}

function edge(index: number): number {
  return LATENCY_BIN_EDGES_MS[Math.min(index, LATENCY_BIN_EDGES_MS.length - 1)] ?? 0;
}

type UrlRow = AttemptGroupRow & { readonly url: string; readonly last_failed_at: Num };

/** Endpoints whose latest try failed: the ones to look at now. Worst first. */
function failing(rows: readonly AttemptGroupRow[]): FailingEndpoint[] {
  return rows
    .filter(failingNow)
    .map((row) => ({
      url: row.url,
      failures: Number(row.failed),
      lastFailedAt: Number(row.last_failed_at),
      lastDeliveredAt: row.last_delivered_at === null ? null : Number(row.last_delivered_at),
    }))
    .sort((a, b) => b.failures - a.failures || b.lastFailedAt - a.lastFailedAt);
}

/** A URL group (bin groups have no URL) whose latest try is its latest failure. */
function failingNow(row: AttemptGroupRow): row is UrlRow {
  return (
    row.url !== null &&
    row.last_failed_at !== null &&
    Number(row.last_failed_at) === Number(row.last_at)
  );
}

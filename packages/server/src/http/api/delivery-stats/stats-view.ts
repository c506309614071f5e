import type {
  DeliveryStatsBucket,
  DeliveryStats as DeliveryStatsView,
  DeliveryStatsFigures as FiguresView,
} from '@switchboard/core/contract';
import type { DeliveryStats, DeliveryStatsFigures } from '../../../storage/store.js';

/**
 * `GET /switchboard/stats` as the API shows it: snake_case, ISO times, one bucket per step of
 * the window up to `now` (empty ones included, so charts need no gap filling), plus the derived
 * rate and ratio.
 */
export function statsView(stats: DeliveryStats, now: number): DeliveryStatsView {
  const windowMs = Math.max(now - stats.sinceMs, 1);
  return {
    record_type: 'delivery_stats',
    since: new Date(stats.sinceMs).toISOString(),
    until: new Date(now).toISOString(),
    bucket_secs: stats.bucketMs / 1000,
    totals: figuresView(stats.totals),
    delivery_rate_per_min: round((stats.totals.created * 60_000) / windowMs),
    success_ratio: successRatio(stats.totals),
    queue_depth: stats.queueDepth,
    failing_endpoints: stats.failingEndpoints.map((endpoint) => ({
      url: endpoint.url,
      failures: endpoint.failures,
      last_failed_at: new Date(endpoint.lastFailedAt).toISOString(),
      last_delivered_at:
        endpoint.lastDeliveredAt === null ? null : new Date(endpoint.lastDeliveredAt).toISOString(),
    })),
    buckets: filledBuckets(stats, now),
  };
}

function filledBuckets(stats: DeliveryStats, now: number): DeliveryStatsBucket[] {
  const byStart = new Map(stats.buckets.map((bucket) => [bucket.startMs, bucket]));
  const rows: DeliveryStatsBucket[] = [];
  for (let start = stats.sinceMs; start <= now; start += stats.bucketMs) {
    const bucket = byStart.get(start) ?? EMPTY;
    rows.push({ start: new Date(start).toISOString(), ...figuresView(bucket) });
  }
  return rows;
}

const EMPTY: DeliveryStatsFigures = {
  created: 0,
  delivered: 0,
  failed: 0,
  queued: 0,
  attempts: 0,
  failedAttempts: 0,
  p50Ms: null,
  p99Ms: null,
};

function figuresView(figures: DeliveryStatsFigures): FiguresView {
  return {
    created: figures.created,
    delivered: figures.delivered,
    failed: figures.failed,
    queued: figures.queued,
    attempts: figures.attempts,
    failed_attempts: figures.failedAttempts,
    success_ratio: successRatio(figures),
    p50_ms: figures.p50Ms,
    p99_ms: figures.p99Ms,
  };
}

/** Successful tries over all tries; null before any try. */
function successRatio(figures: DeliveryStatsFigures): number | null {
  if (figures.attempts === 0) return null;
  return round((figures.attempts - figures.failedAttempts) / figures.attempts);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

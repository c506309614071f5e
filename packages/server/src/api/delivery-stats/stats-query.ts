import { fail, failAll, ok, type Checked } from '../validation/checked.js';
import { invalidIssue, rangeIssue } from '../validation/issues.js';
import type { QueryParams } from '../query-params.js';

/** The window of `GET /switchboard/stats`. */
export interface StatsQuery {
  readonly sinceMs: number;
  readonly bucketMs: number;
}

const DEFAULT_WINDOW_MS = 60 * 60_000;
const DEFAULT_BUCKET_SECS = 60;
/** Bounds the bucket list (and the chart) at a day of minutes. */
const MAX_BUCKETS = 1440;

/** Reads `since` (ISO 8601, default an hour ago) and `bucket_secs` (1..86400, default 60). */
export function parseStatsQuery(params: QueryParams, now: number): Checked<StatsQuery> {
  const since = readSince(params.get('since'), now);
  const bucket = readBucket(params.get('bucket_secs'));
  if (!since.ok || !bucket.ok) return failAll([since, bucket]);
  const buckets = Math.ceil((now - since.value) / bucket.value);
  if (buckets > MAX_BUCKETS) {
    const detail = `The window holds ${buckets} buckets; at most ${MAX_BUCKETS} are allowed.`;
    return fail({ ...rangeIssue({ parameter: 'bucket_secs' }, 1, 86_400), detail });
  }
  return ok({ sinceMs: since.value, bucketMs: bucket.value });
}

function readSince(text: string | undefined, now: number): Checked<number> {
  if (text === undefined || text === '') return ok(now - DEFAULT_WINDOW_MS);
  const epoch = Date.parse(text);
  if (Number.isNaN(epoch))
    return fail(invalidIssue({ parameter: 'since' }, 'an ISO 8601 date-time'));
  return ok(Math.min(epoch, now));
}

function readBucket(text: string | undefined): Checked<number> {
  if (text === undefined || text === '') return ok(DEFAULT_BUCKET_SECS * 1000);
  const secs = Number(text);
  if (!Number.isInteger(secs) || secs < 1 || secs > 86_400) {
    return fail(rangeIssue({ parameter: 'bucket_secs' }, 1, 86_400));
  }
  return ok(secs * 1000);
}

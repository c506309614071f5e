import type { StatsQuery } from '@switchboard/core/contract';
import { ValidationError } from '../../../support/errors/api-error.js';
import { rangeIssue } from '../../validation/issues.js';

/** The window of `GET /switchboard/stats`, in epoch ms. */
export interface StatsWindow {
  readonly sinceMs: number;
  readonly bucketMs: number;
}

const DEFAULT_WINDOW_MS = 60 * 60_000;
const DEFAULT_BUCKET_SECS = 60;
/** Bounds the bucket list (and the chart) at a day of minutes. */
const MAX_BUCKETS = 1440;

/**
 * The window of a declared query: `since` (default an hour ago; a future one is now) and
 * `bucket_secs`. A window of more than {@link MAX_BUCKETS} buckets is a 422 at `bucket_secs`.
 */
export function statsWindow(query: StatsQuery, now: number): StatsWindow {
  const sinceMs =
    query.since === undefined ? now - DEFAULT_WINDOW_MS : Math.min(Date.parse(query.since), now);
  const bucketMs = (query.bucket_secs ?? DEFAULT_BUCKET_SECS) * 1000;
  const buckets = Math.ceil((now - sinceMs) / bucketMs);
  if (buckets > MAX_BUCKETS) {
    const detail = `The window holds ${buckets} buckets; at most ${MAX_BUCKETS} are allowed.`;
    throw new ValidationError([{ ...rangeIssue({ parameter: 'bucket_secs' }, 1, 86_400), detail }]);
  }
  return { sinceMs, bucketMs };
}

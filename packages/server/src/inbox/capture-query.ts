import type { QueryParams } from '../api/query-params.js';
import { fail, failAll, ok, type Checked } from '../api/validation/checked.js';
import { enumIssue } from '../api/validation/issues.js';
import { readTimeFilters, splitList } from '../api/validation/query-filters.js';
import type { CaptureFilter } from '../storage/inbox-store.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const TIME_FILTERS = [
  ['filter[received_at][gte]', 'receivedGte'],
  ['filter[received_at][lte]', 'receivedLte'],
] as const;

/** Reads the capture list filters: event type list, verified, received-at range. */
export function parseCaptureFilter(params: QueryParams, inboxId: string): Checked<CaptureFilter> {
  const filter: Mutable<CaptureFilter> = { inboxId };
  const results = [readVerified(params, filter), ...readTimeFilters(params, TIME_FILTERS, filter)];
  if (results.some((result) => !result.ok)) return failAll(results);
  const eventTypes = params.get('filter[event_type]');
  if (eventTypes !== undefined) filter.eventTypes = splitList(eventTypes);
  return ok(filter);
}

function readVerified(params: QueryParams, filter: Mutable<CaptureFilter>): Checked<null> {
  const text = params.get('filter[verified]');
  if (text === undefined || text === '') return ok(null);
  if (text !== 'true' && text !== 'false') {
    return fail(enumIssue({ parameter: 'filter[verified]' }, ['true', 'false']));
  }
  filter.verified = text === 'true';
  return ok(null);
}

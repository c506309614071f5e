import type { DeliveryFilter } from '../../storage/store.js';
import { fail, failAll, ok, type Checked } from '../validation/checked.js';
import { enumIssue } from '../validation/issues.js';
import { readTimeFilters, splitList } from '../validation/query-filters.js';
import type { QueryParams } from '../query-params.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const TIME_FILTERS = [
  ['filter[started_at][gte]', 'startedGte'],
  ['filter[started_at][lte]', 'startedLte'],
  ['filter[finished_at][gte]', 'finishedGte'],
  ['filter[finished_at][lte]', 'finishedLte'],
] as const;

/** Reads every documented `GET /v2/webhook_deliveries` filter (facts §3). */
export function parseDeliveryFilter(params: QueryParams): Checked<DeliveryFilter> {
  const filter: Mutable<DeliveryFilter> = {};
  const results = [readStatus(params, filter), ...readTimeFilters(params, TIME_FILTERS, filter)];
  if (results.some((result) => !result.ok)) return failAll(results);
  const eventTypes = params.get('filter[event_type]');
  if (eventTypes !== undefined) filter.eventTypes = splitList(eventTypes);
  const webhook = params.get('filter[webhook][contains]');
  if (webhook !== undefined && webhook !== '') filter.webhookContains = webhook;
  const attempts = params.get('filter[attempts][contains]');
  if (attempts !== undefined && attempts !== '') filter.attemptsContains = attempts;
  return ok(filter);
}

function readStatus(params: QueryParams, filter: Mutable<DeliveryFilter>): Checked<null> {
  const status = params.get('filter[status][eq]');
  if (status === undefined || status === '') return ok(null);
  if (status !== 'delivered' && status !== 'failed') {
    return fail(enumIssue({ parameter: 'filter[status][eq]' }, ['delivered', 'failed']));
  }
  filter.status = status;
  return ok(null);
}

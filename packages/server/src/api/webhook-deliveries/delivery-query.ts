import type { DeliveryFilter } from '../../storage/store.js';
import { fail, failAll, ok, type Checked } from '../validation/checked.js';
import { enumIssue, invalidIssue } from '../validation/issues.js';
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
  const results = [
    readStatus(params, filter),
    ...TIME_FILTERS.map(([name, key]) => readTime(params, name, key, filter)),
  ];
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

function readTime(
  params: QueryParams,
  parameter: string,
  key: (typeof TIME_FILTERS)[number][1],
  filter: Mutable<DeliveryFilter>,
): Checked<null> {
  const text = params.get(parameter);
  if (text === undefined || text === '') return ok(null);
  const epoch = Date.parse(text);
  if (Number.isNaN(epoch)) return fail(invalidIssue({ parameter }, 'an ISO 8601 date-time'));
  filter[key] = epoch;
  return ok(null);
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

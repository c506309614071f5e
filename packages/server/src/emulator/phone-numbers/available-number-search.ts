import type { QueryParams } from '../../api/query-params.js';
import { fail, failAll, ok, type Checked } from '../../api/validation/checked.js';
import { enumIssue, invalidIssue, rangeIssue } from '../../api/validation/issues.js';
import type { NumberSearch } from './available-numbers.js';

const TYPES = ['local', 'toll_free', 'mobile', 'national', 'shared_cost'] as const;
const FEATURES = [
  'sms',
  'mms',
  'voice',
  'fax',
  'emergency',
  'hd_voice',
  'international_sms',
  'local_calling',
] as const;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 250;

/**
 * Reads the `filter[...]` query of `GET /v2/available_phone_numbers`. `features` comes as the
 * SDKs send it (comma-separated) or repeated; `country_code` defaults to US.
 */
export function readNumberSearch(params: QueryParams, query: unknown): Checked<NumberSearch> {
  const text = (key: string) => {
    const value = params.get(`filter[${key}]`);
    return value === undefined || value === '' ? null : value;
  };
  const type = oneOf('filter[phone_number_type]', text('phone_number_type') ?? 'local', TYPES);
  const features = readFeatures(params, query);
  const limit = readLimit(text('limit'));
  const digits = ['starts_with', 'ends_with', 'contains'].map((key) => {
    const parameter = `filter[phone_number][${key}]`;
    return digitsOf(parameter, params.get(parameter) ?? null);
  });
  const [startsWith, endsWith, contains] = digits;
  if (!type.ok || !features.ok || !limit.ok || digits.some((d) => !d.ok)) {
    return failAll([type, features, limit, ...digits]);
  }
  return ok({
    countryCode: text('country_code') ?? 'US',
    type: type.value,
    nationalDestinationCode: text('national_destination_code'),
    startsWith: startsWith?.ok === true ? startsWith.value : null,
    endsWith: endsWith?.ok === true ? endsWith.value : null,
    contains: contains?.ok === true ? contains.value : null,
    locality: text('locality'),
    administrativeArea: text('administrative_area'),
    rateCenter: text('rate_center'),
    features: features.value,
    limit: limit.value,
  });
}

function oneOf(parameter: string, value: string, allowed: readonly string[]): Checked<string> {
  return allowed.includes(value) ? ok(value) : fail(enumIssue({ parameter }, allowed));
}

function readFeatures(params: QueryParams, query: unknown): Checked<string[]> {
  const repeated = (query as Record<string, unknown> | null)?.['filter[features][]'];
  const list = Array.isArray(repeated)
    ? repeated.map(String)
    : (params.get('filter[features][]') ?? params.get('filter[features]') ?? '')
        .split(',')
        .filter((name) => name !== '');
  const bad = list.find((name) => !(FEATURES as readonly string[]).includes(name));
  return bad === undefined
    ? ok(list)
    : fail(enumIssue({ parameter: 'filter[features]' }, FEATURES));
}

function readLimit(text: string | null): Checked<number> {
  if (text === null) return ok(DEFAULT_LIMIT);
  const parameter = 'filter[limit]';
  if (!/^\d+$/.test(text)) return fail(invalidIssue({ parameter }, 'a positive integer'));
  const value = Number(text);
  return value < 1 || value > MAX_LIMIT ? fail(rangeIssue({ parameter }, 1, MAX_LIMIT)) : ok(value);
}

function digitsOf(parameter: string, text: string | null): Checked<string | null> {
  if (text === null || text === '') return ok(null);
  const digits = text.replace(/^\+/, '');
  return /^\d+$/.test(digits) ? ok(digits) : fail(invalidIssue({ parameter }, 'digits'));
}

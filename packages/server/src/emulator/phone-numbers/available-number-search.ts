import { ValidationError } from '../../support/errors/api-error.js';
import { enumIssue } from '../../http/validation/issues.js';
import type { NumberSearch } from './available-numbers.js';
import { NUMBER_FEATURES, type AvailableNumbersQuery } from './number-order-schemas.js';

/**
 * The search of a declared `GET /v2/available_phone_numbers` query. `features` comes as the
 * SDKs send it (comma-separated) or repeated; `country_code` defaults to US.
 */
export function readNumberSearch(query: AvailableNumbersQuery): NumberSearch {
  const text = (value: string | undefined) => (value === undefined || value === '' ? null : value);
  const digits = (value: string | undefined) => text(value)?.replace(/^\+/, '') ?? null;
  return {
    countryCode: text(query['filter[country_code]']) ?? 'US',
    type: query['filter[phone_number_type]'] ?? 'local',
    nationalDestinationCode: text(query['filter[national_destination_code]']),
    startsWith: digits(query['filter[phone_number][starts_with]']),
    endsWith: digits(query['filter[phone_number][ends_with]']),
    contains: digits(query['filter[phone_number][contains]']),
    locality: text(query['filter[locality]']),
    administrativeArea: text(query['filter[administrative_area]']),
    rateCenter: text(query['filter[rate_center]']),
    features: featuresOf(query),
    limit: query['filter[limit]'] ?? 50,
  };
}

// A comma-separated list cannot be declared item by item, so its names are checked here.
function featuresOf(query: AvailableNumbersQuery): string[] {
  const repeated = query['filter[features][]'];
  if (repeated !== undefined) return repeated;
  const list = (query['filter[features]'] ?? '').split(',').filter((name) => name !== '');
  if (list.every((name) => NUMBER_FEATURES.includes(name))) return list;
  throw new ValidationError([enumIssue({ parameter: 'filter[features]' }, NUMBER_FEATURES)]);
}

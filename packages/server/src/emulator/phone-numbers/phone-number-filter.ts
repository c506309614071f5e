import type { QueryParams } from '../../http/api/query-params.js';
import { countryOf } from './e164.js';
import type { PhoneNumber } from './phone-number.js';

type Test = (number: PhoneNumber, value: string) => boolean;

// The cheap subset of the spec's `filter[...]` keys; the others are ignored, as Telnyx ignores unknown keys.
const FILTERS: Readonly<Record<string, Test>> = {
  // Spec: digits match anywhere in the number; non-digits match nothing.
  'filter[phone_number]': (n, v) =>
    /^\+?\d+$/.test(v) && n.phone_number.includes(v.replace('+', '')),
  'filter[connection_id]': (n, v) => n.connection_id === v,
  'filter[tag]': (n, v) => n.tags.includes(v),
  'filter[customer_reference]': (n, v) => n.customer_reference === v,
  'filter[country_iso_alpha2]': (n, v) => v.split(',').includes(countryOf(n.phone_number)),
  'filter[status]': (_n, v) => v === 'active',
};

/** The numbers that pass every supported filter present in the query. */
export function filterNumbers(numbers: readonly PhoneNumber[], params: QueryParams): PhoneNumber[] {
  const active = Object.entries(FILTERS).flatMap(([key, test]) => {
    const value = params.get(key);
    return value === undefined ? [] : [(n: PhoneNumber) => test(n, value)];
  });
  return numbers.filter((number) => active.every((passes) => passes(number)));
}

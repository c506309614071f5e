import type { AvailablePhoneNumber } from './number-order-schemas.js';

/** Number types the inventory holds; the spec's others (mobile, national, …) find nothing. */
export type InventoryType = 'local' | 'toll_free';

/** A checked `GET /v2/available_phone_numbers` search. */
export interface NumberSearch {
  readonly countryCode: string;
  readonly type: string;
  readonly nationalDestinationCode: string | null;
  readonly startsWith: string | null;
  readonly endsWith: string | null;
  readonly contains: string | null;
  readonly locality: string | null;
  readonly administrativeArea: string | null;
  readonly rateCenter: string | null;
  readonly features: readonly string[];
  readonly limit: number;
}

interface Area {
  readonly country: string;
  readonly callingCode: string;
  readonly ndc: string;
  readonly type: InventoryType;
  /** Digits after the NDC, before the running line number. */
  readonly exchange: string;
  readonly locality: string | null;
  readonly state: string | null;
  readonly features: readonly string[];
  readonly monthlyCost: string;
}

const NANP_LOCAL = ['sms', 'mms', 'voice', 'fax', 'emergency', 'hd_voice'];
const NANP_TOLL_FREE = ['sms', 'mms', 'voice', 'fax'];
const GB_LOCAL = ['voice', 'fax', 'emergency'];

const local = (country: string, ndc: string, locality: string, state: string): Area => ({
  country,
  callingCode: '1',
  ndc,
  type: 'local',
  exchange: '5552',
  locality,
  state,
  features: NANP_LOCAL,
  monthlyCost: '1.00',
});

/**
 * The emulator's inventory. NANP numbers are +1 NPA 555 2XXX, outside the 555 01XX test
 * numbers (docs/emulator.md) so a bought number never plays a scripted far end; UK numbers are
 * in Ofcom's drama ranges.
 */
const AREAS: readonly Area[] = [
  local('US', '312', 'CHICAGO', 'IL'),
  local('US', '415', 'SAN FRANCISCO', 'CA'),
  local('US', '212', 'NEW YORK', 'NY'),
  local('US', '737', 'AUSTIN', 'TX'),
  local('US', '206', 'SEATTLE', 'WA'),
  local('CA', '416', 'TORONTO', 'ON'),
  local('CA', '604', 'VANCOUVER', 'BC'),
  ...['888', '877'].map((ndc) => ({
    ...local('US', ndc, '', ''),
    type: 'toll_free' as const,
    locality: null,
    state: null,
    features: NANP_TOLL_FREE,
    monthlyCost: '2.00',
  })),
  {
    country: 'GB',
    callingCode: '44',
    ndc: '20',
    type: 'local',
    exchange: '79460',
    locality: 'LONDON',
    state: null,
    features: GB_LOCAL,
    monthlyCost: '1.50',
  },
  {
    country: 'GB',
    callingCode: '44',
    ndc: '161',
    type: 'local',
    exchange: '4960',
    locality: 'MANCHESTER',
    state: null,
    features: GB_LOCAL,
    monthlyCost: '1.50',
  },
];

/** Numbers per area: enough to page through, few enough to list at once. */
const PER_AREA = 100;

/** Spec `AvailablePhoneNumber` items matching the search, skipping numbers in `taken`. */
export function searchNumbers(
  search: NumberSearch,
  taken: ReadonlySet<string>,
): AvailablePhoneNumber[] {
  const found: AvailablePhoneNumber[] = [];
  for (const area of AREAS.filter((candidate) => areaMatches(candidate, search))) {
    for (let i = 0; i < PER_AREA && found.length < search.limit; i += 1) {
      const national = nationalNumber(area, i);
      const e164 = `+${area.callingCode}${national}`;
      if (taken.has(e164) || !digitsMatch(national, area, search)) continue;
      found.push(available(area, e164));
    }
  }
  return found;
}

// A fixed stride through the 1000 line numbers (coprime to 1000, so no repeats), so a page
// looks like an inventory rather than a counter.
function nationalNumber(area: Area, index: number): string {
  const line = (index * 7919) % 1000;
  return `${area.ndc}${area.exchange}${String(line).padStart(3, '0')}`;
}

function areaMatches(area: Area, search: NumberSearch): boolean {
  const same = (wanted: string | null, actual: string | null) =>
    wanted === null || (actual !== null && wanted.toUpperCase() === actual);
  return (
    area.country === search.countryCode.toUpperCase() &&
    area.type === search.type &&
    (search.nationalDestinationCode === null || search.nationalDestinationCode === area.ndc) &&
    same(search.locality, area.locality) &&
    same(search.rateCenter, area.locality) &&
    same(search.administrativeArea, area.state) &&
    search.features.every((feature) => area.features.includes(feature))
  );
}

// Patterns apply to the national number; with an NDC filter, `contains` skips the NDC (spec).
function digitsMatch(national: string, area: Area, search: NumberSearch): boolean {
  const rest = search.nationalDestinationCode === null ? national : national.slice(area.ndc.length);
  return (
    (search.startsWith === null || national.startsWith(search.startsWith)) &&
    (search.endsWith === null || national.endsWith(search.endsWith)) &&
    (search.contains === null || rest.includes(search.contains))
  );
}

function available(area: Area, e164: string): AvailablePhoneNumber {
  const regions: AvailablePhoneNumber['region_information'] = [
    { region_type: 'country_code', region_name: area.country },
  ];
  if (area.locality !== null)
    regions.push({ region_type: 'rate_center', region_name: area.locality });
  if (area.state !== null) regions.push({ region_type: 'state', region_name: area.state });
  return {
    record_type: 'available_phone_number' as const,
    phone_number: e164,
    vanity_format: '',
    best_effort: false,
    quickship: true,
    reservable: true,
    region_information: regions,
    cost_information: {
      currency: 'USD',
      monthly_cost: area.monthlyCost,
      upfront_cost: area.monthlyCost,
    },
    features: area.features.map((name) => ({ name })),
  };
}

import type { QueryParams } from '../query-params.js';
import { fail, ok, type Checked } from './checked.js';
import { invalidIssue } from './issues.js';

/**
 * Reads ISO 8601 date-time parameters (`filter[started_at][gte]`, …) into epoch ms under their
 * keys; absent or empty ones are left out. One result per parameter, so every bad one is reported.
 */
export function readTimeFilters<K extends string>(
  params: QueryParams,
  filters: readonly (readonly [parameter: string, key: K])[],
  into: Partial<Record<K, number>>,
): Checked<null>[] {
  return filters.map(([parameter, key]) => {
    const text = params.get(parameter);
    if (text === undefined || text === '') return ok(null);
    const epoch = Date.parse(text);
    if (Number.isNaN(epoch)) return fail(invalidIssue({ parameter }, 'an ISO 8601 date-time'));
    into[key] = epoch;
    return ok(null);
  });
}

/** A comma-separated list without blanks. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

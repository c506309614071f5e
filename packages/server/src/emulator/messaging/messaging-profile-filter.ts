import type { QueryParams } from '../../api/query-params.js';
import type { JsonObject } from '../../storage/store.js';
import { stringField } from '../phone-numbers/json-fields.js';

/** Applies `filter[name]` / `filter[name][eq]` (exact) and `filter[name][contains]`. */
export function filterProfiles(profiles: readonly JsonObject[], params: QueryParams): JsonObject[] {
  const eq = params.get('filter[name][eq]') ?? params.get('filter[name]');
  const contains = params.get('filter[name][contains]')?.toLowerCase();
  return profiles.filter((profile) => {
    const name = stringField(profile, 'name');
    if (eq !== undefined && name !== eq) return false;
    return contains === undefined || name.toLowerCase().includes(contains);
  });
}

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A 24-character `v1_secret`, drawn from the injected random source. */
export function v1Secret(random: () => number): string {
  return Array.from({ length: 24 }, () => SECRET_ALPHABET[Math.floor(random() * 62)] ?? 'A').join(
    '',
  );
}

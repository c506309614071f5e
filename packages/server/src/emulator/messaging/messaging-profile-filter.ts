import type { MessagingProfile } from './messaging-schemas.js';

/** The name filters of `GET /v2/messaging_profiles`. */
export interface ProfileFilter {
  readonly 'filter[name]'?: string | undefined;
  readonly 'filter[name][eq]'?: string | undefined;
  readonly 'filter[name][contains]'?: string | undefined;
}

/** Applies `filter[name]` / `filter[name][eq]` (exact) and `filter[name][contains]`. */
export function filterProfiles(
  profiles: readonly MessagingProfile[],
  filter: ProfileFilter,
): MessagingProfile[] {
  const eq = filter['filter[name][eq]'] ?? filter['filter[name]'];
  const contains = filter['filter[name][contains]']?.toLowerCase();
  return profiles.filter(({ name }) => {
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

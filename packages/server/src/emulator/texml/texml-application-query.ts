import type { TexmlApplication, TexmlApplicationQuery } from './texml-application-contract.js';

type SortKey = 'created_at' | 'friendly_name' | 'active';

/**
 * Filters and sorts in memory. `filter[friendly_name]` matches names that contain it,
 * ignoring case (the spec does not say; Telnyx's portal search behaves so).
 */
export function selectTexmlApplications(
  applications: readonly TexmlApplication[],
  query: TexmlApplicationQuery,
): TexmlApplication[] {
  const name = query['filter[friendly_name]']?.toLowerCase() ?? null;
  const profile = query['filter[outbound_voice_profile_id]'] ?? null;
  const selected = applications.filter(
    (application) =>
      (name === null || application.friendly_name.toLowerCase().includes(name)) &&
      (profile === null || application.outbound.outbound_voice_profile_id === profile),
  );
  const sort = query.sort ?? 'created_at';
  const descending = sort.startsWith('-');
  const key = sortKey(sort);
  const direction = descending ? -1 : 1;
  return selected.sort(
    (a, b) => direction * compare(sortValue(a, key), sortValue(b, key)) || compare(a.id, b.id),
  );
}

function sortKey(sort: NonNullable<TexmlApplicationQuery['sort']>): SortKey {
  switch (sort) {
    case 'friendly_name':
    case '-friendly_name':
      return 'friendly_name';
    case 'active':
    case '-active':
      return 'active';
    default:
      return 'created_at';
  }
}

function sortValue(application: TexmlApplication, key: SortKey): string | number {
  if (key === 'created_at') return application.created_at;
  if (key === 'active') return application.active ? 1 : 0;
  return application.friendly_name;
}

function compare(x: string | number, y: string | number): number {
  if (x === y) return 0;
  return x < y ? -1 : 1;
}

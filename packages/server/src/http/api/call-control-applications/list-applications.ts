import type {
  CallControlApplication,
  CallControlApplicationListQuery,
} from '@switchboard/core/contract';
import type { Resource } from '../../../storage/store.js';
import { applicationOf } from './application-document.js';

/** One listed application, with the resource times it sorts by. */
interface Listed {
  readonly resource: Resource;
  readonly application: CallControlApplication;
}

type SortKey = 'created_at' | 'connection_name' | 'active';

/**
 * Filters (`filter[application_name][contains]`, the outbound voice profile) and sorts (`sort`)
 * applications in memory (an account has few).
 */
export function selectApplications(
  resources: readonly Resource[],
  query: CallControlApplicationListQuery,
): CallControlApplication[] {
  const sort = query.sort ?? '-created_at';
  const descending = sort.startsWith('-');
  const key = sortKey(sort);
  const listed = resources
    .map((resource) => ({ resource, application: applicationOf(resource) }))
    .filter((entry) => matches(entry.application, query));
  const direction = descending ? -1 : 1;
  return listed.sort((a, b) => direction * compare(a, b, key)).map((entry) => entry.application);
}

function sortKey(sort: NonNullable<CallControlApplicationListQuery['sort']>): SortKey {
  switch (sort) {
    case 'created_at':
    case '-created_at':
      return 'created_at';
    case 'connection_name':
    case '-connection_name':
      return 'connection_name';
    default:
      return 'active';
  }
}

function matches(
  application: CallControlApplication,
  query: CallControlApplicationListQuery,
): boolean {
  const contains = query['filter[application_name][contains]'];
  const name = application.application_name.toLowerCase();
  if (contains !== undefined && !name.includes(contains.toLowerCase())) return false;
  const profile =
    query['filter[outbound.outbound_voice_profile_id]'] ??
    query['filter[outbound_voice_profile_id]'];
  return profile === undefined || application.outbound.outbound_voice_profile_id === profile;
}

function compare(a: Listed, b: Listed, key: SortKey): number {
  return order(sortValue(a, key), sortValue(b, key)) || order(a.resource.id, b.resource.id);
}

function order(x: string | number, y: string | number): number {
  if (x === y) return 0;
  return x < y ? -1 : 1;
}

function sortValue(entry: Listed, key: SortKey): string | number {
  if (key === 'created_at') return entry.resource.createdAt;
  if (key === 'active') return entry.application.active ? 1 : 0;
  return entry.application.application_name;
}

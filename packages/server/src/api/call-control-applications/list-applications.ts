import type { Json, Resource } from '../../storage/store.js';
import { fail, ok, type Checked } from '../validation/checked.js';
import { enumIssue, invalidIssue } from '../validation/issues.js';
import type { QueryParams } from '../query-params.js';

const SORTS = ['created_at', 'connection_name', 'active'] as const;
const SORT_VALUES = SORTS.flatMap((sort) => [sort, `-${sort}`]);

/** What the list call narrows and orders by. */
export interface ApplicationQuery {
  readonly nameContains: string | null;
  readonly outboundVoiceProfileId: string | null;
  readonly sort: { readonly key: (typeof SORTS)[number]; readonly descending: boolean };
}

/** Reads `filter[application_name][contains]`, the outbound profile filter and `sort`. */
export function parseApplicationQuery(params: QueryParams): Checked<ApplicationQuery> {
  const contains = params.get('filter[application_name][contains]') ?? null;
  if (contains !== null && contains.length < 3) {
    const parameter = 'filter[application_name][contains]';
    return fail(invalidIssue({ parameter }, 'at least 3 characters long'));
  }
  const sort = params.get('sort') ?? '-created_at';
  if (!SORT_VALUES.includes(sort)) return fail(enumIssue({ parameter: 'sort' }, SORT_VALUES));
  const descending = sort.startsWith('-');
  return ok({
    nameContains: contains,
    outboundVoiceProfileId:
      params.get('filter[outbound.outbound_voice_profile_id]') ??
      params.get('filter[outbound_voice_profile_id]') ??
      null,
    sort: { key: sort.slice(descending ? 1 : 0) as ApplicationQuery['sort']['key'], descending },
  });
}

/** Filters and sorts applications in memory (an account has few). */
export function selectApplications(
  resources: readonly Resource[],
  query: ApplicationQuery,
): Resource[] {
  const selected = resources.filter((resource) => matches(resource, query));
  const direction = query.sort.descending ? -1 : 1;
  return selected.sort((a, b) => direction * compare(a, b, query.sort.key));
}

function matches(resource: Resource, query: ApplicationQuery): boolean {
  const name = nameOf(resource).toLowerCase();
  if (query.nameContains !== null && !name.includes(query.nameContains.toLowerCase())) {
    return false;
  }
  if (query.outboundVoiceProfileId === null) return true;
  return outboundProfile(resource.data['outbound']) === query.outboundVoiceProfileId;
}

function outboundProfile(outbound: Json | undefined): Json | undefined {
  if (typeof outbound !== 'object' || outbound === null || Array.isArray(outbound))
    return undefined;
  return outbound['outbound_voice_profile_id'];
}

function compare(a: Resource, b: Resource, key: ApplicationQuery['sort']['key']): number {
  return order(sortValue(a, key), sortValue(b, key)) || order(a.id, b.id);
}

function order(x: string | number, y: string | number): number {
  if (x === y) return 0;
  return x < y ? -1 : 1;
}

function sortValue(resource: Resource, key: ApplicationQuery['sort']['key']): string | number {
  if (key === 'created_at') return resource.createdAt;
  if (key === 'active') return resource.data['active'] === true ? 1 : 0;
  return nameOf(resource);
}

function nameOf(resource: Resource): string {
  const name = resource.data['application_name'];
  return typeof name === 'string' ? name : '';
}

import type { Resource } from '../../storage/store.js';
import { fail, ok, type Checked } from '../../api/validation/checked.js';
import { enumIssue } from '../../api/validation/issues.js';
import type { QueryParams } from '../../api/query-params.js';

const SORTS = ['created_at', 'friendly_name', 'active'] as const;
const SORT_VALUES = SORTS.flatMap((sort) => [sort, `-${sort}`]);
type SortKey = (typeof SORTS)[number];

/** The list call's filters and order (`filter[friendly_name]`, `filter[outbound_voice_profile_id]`, `sort`). */
export interface TexmlApplicationQuery {
  readonly friendlyName: string | null;
  readonly outboundVoiceProfileId: string | null;
  readonly sort: { readonly key: SortKey; readonly descending: boolean };
}

export function parseTexmlApplicationQuery(params: QueryParams): Checked<TexmlApplicationQuery> {
  const sort = params.get('sort') ?? 'created_at';
  if (!SORT_VALUES.includes(sort)) return fail(enumIssue({ parameter: 'sort' }, SORT_VALUES));
  const descending = sort.startsWith('-');
  return ok({
    friendlyName: params.get('filter[friendly_name]') ?? null,
    outboundVoiceProfileId: params.get('filter[outbound_voice_profile_id]') ?? null,
    sort: { key: sort.slice(descending ? 1 : 0) as SortKey, descending },
  });
}

/**
 * Filters and sorts in memory. `filter[friendly_name]` matches names that contain it,
 * ignoring case (the spec does not say; Telnyx's portal search behaves so).
 */
export function selectTexmlApplications(
  resources: readonly Resource[],
  query: TexmlApplicationQuery,
): Resource[] {
  const name = query.friendlyName?.toLowerCase() ?? null;
  const selected = resources.filter(
    (resource) =>
      (name === null || text(resource, 'friendly_name').toLowerCase().includes(name)) &&
      (query.outboundVoiceProfileId === null ||
        outboundProfile(resource) === query.outboundVoiceProfileId),
  );
  const direction = query.sort.descending ? -1 : 1;
  return selected.sort(
    (a, b) =>
      direction * compare(sortValue(a, query.sort.key), sortValue(b, query.sort.key)) ||
      compare(a.id, b.id),
  );
}

function outboundProfile(resource: Resource): unknown {
  const outbound = resource.data['outbound'];
  return typeof outbound === 'object' && outbound !== null && !Array.isArray(outbound)
    ? outbound['outbound_voice_profile_id']
    : undefined;
}

function sortValue(resource: Resource, key: SortKey): string | number {
  if (key === 'created_at') return resource.createdAt;
  if (key === 'active') return resource.data['active'] === true ? 1 : 0;
  return text(resource, 'friendly_name');
}

function text(resource: Resource, field: string): string {
  const value = resource.data[field];
  return typeof value === 'string' ? value : '';
}

function compare(x: string | number, y: string | number): number {
  if (x === y) return 0;
  return x < y ? -1 : 1;
}

import { callResourceView, type TexmlCallRecord } from './texml-call-record.js';
import type { TexmlCallIndex, TexmlCallsQuery } from './texml-route-contract.js';

const DEFAULT_PAGE_SIZE = 50;

/**
 * `CallResourceIndex`: newest first, filtered by `To`, `From`, `Status`, paged with `Page`
 * (0-based) and `PageSize` as Twilio-style indexes are. `next_page_uri` is null on the last page.
 */
export function pageOfCalls(
  records: readonly TexmlCallRecord[],
  query: TexmlCallsQuery,
  url: string,
  now: number,
): TexmlCallIndex {
  const filters = { to: query.To, from: query.From, status: query.Status };
  const selected = records
    .filter(
      (record) =>
        (filters.to === undefined || record.to === filters.to) &&
        (filters.from === undefined || record.from === filters.from) &&
        (filters.status === undefined || record.status === filters.status),
    )
    .sort((a, b) => b.startedAt - a.startedAt);
  const size = query.PageSize ?? DEFAULT_PAGE_SIZE;
  const page = query.Page ?? 0;
  const rows = selected.slice(page * size, (page + 1) * size);
  const path = url.split('?')[0] ?? url;
  const more = (page + 1) * size < selected.length;
  return {
    calls: rows.map((record) => callResourceView(record, now)),
    end: page * size + Math.max(rows.length - 1, 0),
    first_page_uri: `${path}?Page=0&PageSize=${size}`,
    next_page_uri: more ? `${path}?Page=${page + 1}&PageSize=${size}` : null,
    page,
    page_size: size,
    previous_page_uri: page > 0 ? `${path}?Page=${page - 1}&PageSize=${size}` : null,
    start: page * size,
    uri: `${path}?Page=${page}&PageSize=${size}`,
  };
}

import { DEFAULT_PAGE_SIZE, PageMeta, PageQueryMembers } from '@switchboard/core/contract';
import type { Static } from 'typebox';
import type { Page } from '../storage/page.js';

export { MAX_PAGE_SIZE } from '@switchboard/core/contract';
export { PageMeta };

/**
 * `page[number]` (≥ 1, default 1) and `page[size]` (1..250, default 20): the members of a
 * page-numbered list's query, spread into its declaration.
 */
export const PAGE_QUERY = PageQueryMembers;

/** The page a declared query names (the validator filled the defaults). */
export function pageOf(query: {
  readonly 'page[number]'?: number | undefined;
  readonly 'page[size]'?: number | undefined;
}): Page {
  return { number: query['page[number]'] ?? 1, size: query['page[size]'] ?? DEFAULT_PAGE_SIZE };
}

/** Telnyx `meta` of a page of `total` results. */
export function pageMeta(page: Page, total: number): Static<typeof PageMeta> {
  return {
    page_number: page.number,
    page_size: page.size,
    total_pages: Math.ceil(total / page.size),
    total_results: total,
  };
}

/** The rows of `page` from an in-memory list. */
export function slicePage<T>(rows: readonly T[], page: Page): readonly T[] {
  const start = (page.number - 1) * page.size;
  return rows.slice(start, start + page.size);
}

import { EXPECTED } from '@switchboard/core/contract';
import Type from 'typebox';
import { MAX_PAGE_SIZE } from '../api/pagination.js';
import type { Page } from '../storage/page.js';

const DEFAULT_PAGE_SIZE = 20;

/**
 * `page[number]` (≥ 1, default 1) and `page[size]` (1..250, default 20): the members of a
 * page-numbered list's query, spread into its declaration.
 */
export const PAGE_QUERY = {
  'page[number]': Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: Number.MAX_SAFE_INTEGER,
      default: 1,
      [EXPECTED]: 'a positive integer',
    }),
  ),
  'page[size]': Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: MAX_PAGE_SIZE,
      default: DEFAULT_PAGE_SIZE,
      [EXPECTED]: 'a positive integer',
    }),
  ),
};

/** The page a declared query names. */
export function pageOf(query: {
  readonly 'page[number]'?: number;
  readonly 'page[size]'?: number;
}): Page {
  return { number: query['page[number]'] ?? 1, size: query['page[size]'] ?? DEFAULT_PAGE_SIZE };
}

/** Telnyx `meta` of page-numbered lists (`PaginationMetaSimple`). */
export const PageMeta = Type.Object({
  page_number: Type.Integer(),
  page_size: Type.Integer(),
  total_pages: Type.Integer(),
  total_results: Type.Integer(),
});

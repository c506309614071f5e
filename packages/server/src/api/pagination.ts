import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@switchboard/core/contract';
import type { Page } from '../storage/store.js';
import { fail, failAll, ok, type Checked } from './validation/checked.js';
import { invalidIssue, rangeIssue } from './validation/issues.js';
import type { QueryParams } from './query-params.js';

export { MAX_PAGE_SIZE };

/** Telnyx `meta` for page-numbered lists (`PaginationMetaSimple`). */
export interface PageMeta {
  readonly page_number: number;
  readonly page_size: number;
  readonly total_pages: number;
  readonly total_results: number;
}

/**
 * Reads `page[number]` (≥ 1, default 1) and `page[size]` (1..250, default 20), for routes
 * not declared yet (the emulator's); declared routes use `PageQueryMembers` and {@link pageOf}.
 */
export function parsePage(params: QueryParams): Checked<Page> {
  const number = positiveInt(params, 'page[number]', 1, Number.MAX_SAFE_INTEGER);
  const size = positiveInt(params, 'page[size]', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  if (number.ok && size.ok) return ok({ number: number.value, size: size.value });
  return failAll([number, size]);
}

/** The page a declared query names (`PageQueryMembers`; the validator filled the defaults). */
export function pageOf(query: {
  readonly 'page[number]'?: number | undefined;
  readonly 'page[size]'?: number | undefined;
}): Page {
  return { number: query['page[number]'] ?? 1, size: query['page[size]'] ?? DEFAULT_PAGE_SIZE };
}

export function pageMeta(page: Page, total: number): PageMeta {
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

function positiveInt(
  params: QueryParams,
  parameter: string,
  fallback: number,
  max: number,
): Checked<number> {
  const text = params.get(parameter);
  if (text === undefined || text === '') return ok(fallback);
  if (!/^\d+$/.test(text)) return fail(invalidIssue({ parameter }, 'a positive integer'));
  const value = Number(text);
  return value < 1 || value > max ? fail(rangeIssue({ parameter }, 1, max)) : ok(value);
}

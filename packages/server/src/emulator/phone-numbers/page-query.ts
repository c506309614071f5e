import { Int } from '@switchboard/core/contract';
import Type, { type TSchema } from 'typebox';
import { MAX_PAGE_SIZE, slicePage } from '../../api/pagination.js';
import type { QueryParams } from '../../api/query-params.js';
import type { Page as StorePage } from '../../storage/store.js';

const DEFAULT_PAGE_SIZE = 20;

/** `page[number]` (≥ 1, default 1) and `page[size]` (1..250, default 20) of page-numbered lists. */
export const PageQuery = {
  'page[number]': Type.Optional(Int(1, Number.MAX_SAFE_INTEGER, { default: 1 })),
  'page[size]': Type.Optional(Int(1, MAX_PAGE_SIZE, { default: DEFAULT_PAGE_SIZE })),
};

/** Telnyx `meta` of page-numbered lists (`PaginationMetaSimple`). */
export const PageMeta = Type.Object({
  page_number: Type.Integer(),
  page_size: Type.Integer(),
  total_pages: Type.Integer(),
  total_results: Type.Integer(),
});

/** The page a declared query asks for. */
export function pageOf(query: {
  readonly 'page[number]'?: number | undefined;
  readonly 'page[size]'?: number | undefined;
}): StorePage {
  return { number: query['page[number]'] ?? 1, size: query['page[size]'] ?? DEFAULT_PAGE_SIZE };
}

/** The declared string parameters of a query, by their bracketed names, for the list filters. */
export function paramsOf(query: Readonly<Record<string, unknown>>): QueryParams {
  const params = new Map<string, string>();
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'string') params.set(key, value);
  }
  return params;
}

/** Path parameters `{ id }`. */
export const IdParams = Type.Object({ id: Type.String() });

/** `{ data }` of one resource. */
export const One = <T extends TSchema>(schema: T) => Type.Object({ data: schema });

/** `{ data, meta }` of a page-numbered list. */
export const Page = <T extends TSchema>(schema: T) =>
  Type.Object({ data: Type.Array(schema), meta: PageMeta });

/** The rows of `page` from an in-memory list. */
export function pageRows<T>(rows: readonly T[], page: StorePage): T[] {
  return [...slicePage(rows, page)];
}

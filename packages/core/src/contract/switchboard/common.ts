import Type from 'typebox';
import { EXPECTED } from '../fields.js';

/** Telnyx's largest page. */
export const MAX_PAGE_SIZE = 250;

/** The page size when `page[size]` is absent. */
export const DEFAULT_PAGE_SIZE = 20;

/**
 * A page parameter: written as digits only (`-1` and `1.5` are not page numbers, 10015), then
 * between 1 and `maximum` (10033).
 */
export function PageParam(maximum: number, fallback: number) {
  const wanted = 'a positive integer';
  return Type.Integer({
    [EXPECTED]: wanted,
    default: fallback,
    allOf: [
      { not: { maximum: -1 }, [EXPECTED]: wanted },
      { minimum: 1, maximum },
    ],
  });
}

/** `page[number]` (≥ 1, default 1) and `page[size]` (1..250, default 20), as Telnyx pages lists. */
export const PageQueryMembers = {
  'page[number]': Type.Optional(PageParam(Number.MAX_SAFE_INTEGER, 1)),
  'page[size]': Type.Optional(PageParam(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE)),
};

/** A query string of page parameters only. */
export const PageQuery = Type.Object(PageQueryMembers);

/** Telnyx `meta` for page-numbered lists (`PaginationMetaSimple`). */
export const PageMeta = Type.Object({
  page_number: Type.Integer(),
  page_size: Type.Integer(),
  total_pages: Type.Integer(),
  total_results: Type.Integer(),
});

/** The path parameter of every `…/{id}` route. */
export const IdParams = Type.Object({ id: Type.String() });

/** Header lines as `[name, value]` pairs, in order, repeats kept. */
export function HeaderPairsOf(options: { readonly default?: [] } = {}) {
  return Type.Array(Type.Tuple([Type.String(), Type.String()]), {
    [EXPECTED]: 'an array of [name, value] string pairs',
    ...options,
  });
}

/** Header lines as `[name, value]` pairs, in order, repeats kept. */
export const HeaderPairs = HeaderPairsOf();

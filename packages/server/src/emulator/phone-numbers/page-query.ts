import Type, { type TSchema } from 'typebox';
import { PageMeta, slicePage } from '../../http/page-query.js';
import type { QueryParams } from '../../http/api/query-params.js';
import type { Page as StorePage } from '../../storage/store.js';

export { PAGE_QUERY as PageQuery, PageMeta, pageOf } from '../../http/page-query.js';

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

/**
 * Query parameters by their raw bracketed names (`filter[status][eq]`, `page[size]`). Telnyx
 * and its SDKs send deepObject-style keys; keeping them flat makes every documented name a
 * simple lookup, and unknown ones are ignored as Telnyx ignores them.
 */
export type QueryParams = ReadonlyMap<string, string>;

/** Reads Fastify's parsed query; a repeated key keeps its last value. */
export function queryParams(query: unknown): QueryParams {
  const params = new Map<string, string>();
  if (typeof query !== 'object' || query === null) return params;
  for (const [key, value] of Object.entries(query)) {
    const last: unknown = Array.isArray(value) ? value.at(-1) : value;
    if (typeof last === 'string') params.set(key, last);
  }
  return params;
}

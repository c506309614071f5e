import type { SqlFlavor } from '../sql/sql-flavor.js';

/**
 * PostgreSQL spellings for the filter builder. `strpos` because LIKE treats `%` and `_` as
 * wildcards. JSON is searched in `jsonb`'s canonical text (`{"a": 1}`), not as it was sent.
 */
export const POSTGRES_FLAVOR: SqlFlavor = {
  placeholder: (index) => `$${index}`,
  contains: (haystack, needle) => `strpos(${haystack}, ${needle}) > 0`,
  jsonText: (column) => `${column}::text`,
  inList: (column, list) => `${column} = ANY (${list}::text[])`,
  listValue: (values) => [...values],
};

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
  // A plain join lets the planner hash every attempt in the table to keep the last hour's few;
  // the fenced lateral subquery (OFFSET 0 stops it being flattened) looks each delivery's
  // attempts up through `attempts_by_delivery` instead.
  attemptsOfDeliveries:
    'CROSS JOIN LATERAL (SELECT a.url, a.status, a.finished_at, a.latency_ms FROM attempts a WHERE a.delivery_id = d.id OFFSET 0) a',
};

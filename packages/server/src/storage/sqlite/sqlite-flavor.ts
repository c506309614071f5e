import type { SqlFlavor } from '../sql/sql-flavor.js';

/** SQLite spellings for the filter builder. `instr` because LIKE ignores case and treats `%` and `_` as wildcards. */
export const SQLITE_FLAVOR: SqlFlavor = {
  placeholder: () => '?',
  contains: (haystack, needle) => `instr(${haystack}, ${needle}) > 0`,
  jsonText: (column) => column,
  inList: (column, list) => `${column} IN (SELECT value FROM json_each(${list}))`,
  listValue: (values) => JSON.stringify(values),
  attemptsOfDeliveries: 'JOIN attempts a ON a.delivery_id = d.id',
};

import type { DeliveryFilter, Page } from '../store.js';
import type { SqlFlavor, SqlQuery } from './sql-flavor.js';

const FROM = 'deliveries d JOIN events e ON e.account_id = d.account_id AND e.id = d.event_id';

/** The page and total-count queries behind `Store.listDeliveries`. */
export interface DeliveryListQuery {
  readonly page: SqlQuery;
  readonly count: SqlQuery;
}

/**
 * Builds both queries from one WHERE clause. Values are bound once per placeholder, in order of
 * appearance, so the same code serves SQLite's `?` and PostgreSQL's `$n`.
 */
export function deliveryListQuery(
  accountId: string,
  filter: DeliveryFilter,
  page: Page,
  flavor: SqlFlavor,
): DeliveryListQuery {
  const binder = new Binder(flavor);
  const where = conditions(accountId, filter, binder, flavor).join(' AND ');
  const count = {
    sql: `SELECT count(*) AS total FROM ${FROM} WHERE ${where}`,
    values: [...binder.values],
  };
  const size = Math.max(1, Math.floor(page.size));
  const offset = (Math.max(1, Math.floor(page.number)) - 1) * size;
  const sql =
    `SELECT d.*, e.webhook FROM ${FROM} WHERE ${where} ` +
    `ORDER BY d.created_at DESC, d.id DESC LIMIT ${binder.bind(size)} OFFSET ${binder.bind(offset)}`;
  return { page: { sql, values: binder.values }, count };
}

function conditions(
  accountId: string,
  filter: DeliveryFilter,
  binder: Binder,
  flavor: SqlFlavor,
): string[] {
  const where = [`d.account_id = ${binder.bind(accountId)}`];
  // The Deliveries API knows only delivered and failed: one still retrying counts as failed.
  if (filter.status === 'delivered') where.push(`d.state = 'delivered'`);
  if (filter.status === 'failed') where.push(`d.state IN ('failed', 'queued')`);
  if (filter.eventTypes !== undefined && filter.eventTypes.length > 0) {
    where.push(flavor.inList('d.event_type', binder.bind(flavor.listValue(filter.eventTypes))));
  }
  if (filter.webhookContains !== undefined) {
    where.push(flavor.contains(flavor.jsonText('e.webhook'), binder.bind(filter.webhookContains)));
  }
  if (filter.attemptsContains !== undefined) {
    where.push(attemptsContain(filter.attemptsContains, binder, flavor));
  }
  pushRange(where, 'd.started_at', filter.startedGte, filter.startedLte, binder);
  pushRange(where, 'd.finished_at', filter.finishedGte, filter.finishedLte, binder);
  return where;
}

/** Any attempt whose URL, error text or JSON columns contain `needle`. */
function attemptsContain(needle: string, binder: Binder, flavor: SqlFlavor): string {
  const searched = [
    'a.url',
    'a.error',
    flavor.jsonText('a.request'),
    flavor.jsonText('a.response'),
    flavor.jsonText('a.errors'),
    flavor.jsonText('a.meta'),
  ];
  const anyMatch = searched.map((text) => flavor.contains(text, binder.bind(needle))).join(' OR ');
  return `EXISTS (SELECT 1 FROM attempts a WHERE a.delivery_id = d.id AND (${anyMatch}))`;
}

function pushRange(
  where: string[],
  column: string,
  gte: number | undefined,
  lte: number | undefined,
  binder: Binder,
): void {
  if (gte !== undefined) where.push(`${column} >= ${binder.bind(gte)}`);
  if (lte !== undefined) where.push(`${column} <= ${binder.bind(lte)}`);
}

class Binder {
  readonly values: unknown[] = [];
  readonly #flavor: SqlFlavor;

  constructor(flavor: SqlFlavor) {
    this.#flavor = flavor;
  }

  bind(value: unknown): string {
    this.values.push(value);
    return this.#flavor.placeholder(this.values.length);
  }
}

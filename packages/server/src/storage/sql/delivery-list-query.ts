import type { DeliveryFilter } from '../delivery-queries.js';
import type { Page } from '../page.js';
import type { SqlFlavor, SqlQuery } from './sql-flavor.js';

/**
 * The total is exact up to this many matches; above it the count stops and reports this many
 * (or one past the requested page, when that is deeper). Counting a million rows costs
 * hundreds of milliseconds; counting five thousand through an index costs a few.
 */
export const DELIVERY_TOTAL_CAP = 5_000;

/**
 * `contains` filters search only this many of the newest deliveries that match the other
 * filters: substring search cannot use an index, so an unbounded one reads every row. Callers
 * reach older deliveries by narrowing the time range or status.
 */
export const DELIVERY_CONTAINS_SCAN = 10_000;

/** The newest-first order, spelled exactly as the list indexes are, so no sort is needed. */
const NEWEST_FIRST = 'ORDER BY d.created_at DESC, d.id DESC';

/** The bounds above; tests shrink them. */
export interface DeliveryListBounds {
  readonly totalCap: number;
  readonly containsScan: number;
}

const BOUNDS: DeliveryListBounds = {
  totalCap: DELIVERY_TOTAL_CAP,
  containsScan: DELIVERY_CONTAINS_SCAN,
};

/** The page and total-count queries behind `Store.listDeliveries`. */
export interface DeliveryListQuery {
  readonly page: SqlQuery;
  readonly count: SqlQuery;
}

/**
 * Builds both queries. Values are bound once per placeholder, in order of appearance, so the
 * same code serves SQLite's `?` and PostgreSQL's `$n`. Only `deliveries` is scanned; the event
 * body is read per listed row, so the planner always walks a `deliveries` list index.
 */
export function deliveryListQuery(
  accountId: string,
  filter: DeliveryFilter,
  page: Page,
  flavor: SqlFlavor,
  bounds: DeliveryListBounds = BOUNDS,
): DeliveryListQuery {
  const size = Math.max(1, Math.floor(page.size));
  const offset = (Math.max(1, Math.floor(page.number)) - 1) * size;
  // One past the requested page: while more rows exist, the total says so and the next page
  // stays reachable however deep the caller goes.
  const countLimit = Math.max(bounds.totalCap, offset + size + 1);
  const counted = new Binder(flavor, bounds.containsScan);
  const countWhere = conditions(accountId, filter, counted, flavor);
  const count = {
    sql:
      `SELECT count(*) AS total FROM (SELECT 1 FROM deliveries d WHERE ${countWhere} ` +
      `${countOrder(filter)} LIMIT ${counted.bind(countLimit)}) AS matched`,
    values: counted.values,
  };
  const listed = new Binder(flavor, bounds.containsScan);
  const where = conditions(accountId, filter, listed, flavor);
  const sql =
    `SELECT d.*, ${webhookOf('d')} AS webhook FROM deliveries d WHERE ${where} ${NEWEST_FIRST} ` +
    `LIMIT ${listed.bind(size)} OFFSET ${listed.bind(offset)}`;
  return { page: { sql, values: listed.values }, count };
}

/**
 * Filters the list indexes serve need no order: the planner may count through whichever is
 * covering. Any other filter is checked row by row, so the capped count walks newest first and
 * stops within the rows the pages show.
 */
function countOrder(filter: DeliveryFilter): string {
  const indexed =
    filter.webhookContains === undefined &&
    filter.attemptsContains === undefined &&
    [filter.startedGte, filter.startedLte, filter.finishedGte, filter.finishedLte].every(
      (bound) => bound === undefined,
    );
  return indexed ? '' : NEWEST_FIRST;
}

function webhookOf(alias: string): string {
  return `(SELECT e.webhook FROM events e WHERE e.account_id = ${alias}.account_id AND e.id = ${alias}.event_id)`;
}

function conditions(
  accountId: string,
  filter: DeliveryFilter,
  binder: Binder,
  flavor: SqlFlavor,
): string {
  const where = indexedConditions(accountId, filter, binder, flavor);
  if (filter.webhookContains === undefined && filter.attemptsContains === undefined) {
    return where.join(' AND ');
  }
  where.push(scanBound(accountId, filter, binder, flavor));
  if (filter.webhookContains !== undefined) {
    where.push(webhookContains(filter.webhookContains, binder, flavor));
  }
  if (filter.attemptsContains !== undefined) {
    where.push(attemptsContain(filter.attemptsContains, binder, flavor));
  }
  return where.join(' AND ');
}

/** Every condition except the substring searches. */
function indexedConditions(
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
  pushRange(where, 'd.started_at', filter.startedGte, filter.startedLte, binder);
  pushRange(where, 'd.finished_at', filter.finishedGte, filter.finishedLte, binder);
  return where;
}

/**
 * Confines a substring search to the newest `containsScan` rows that pass the other
 * filters: the creation time of the last of them, found through the list index, becomes a range
 * bound. With fewer rows than that there is no bound.
 */
function scanBound(
  accountId: string,
  filter: DeliveryFilter,
  binder: Binder,
  flavor: SqlFlavor,
): string {
  const inner = indexedConditions(accountId, filter, binder, flavor).join(' AND ');
  const oldest =
    `SELECT d.created_at FROM deliveries d WHERE ${inner} ${NEWEST_FIRST} ` +
    `LIMIT 1 OFFSET ${binder.bind(binder.containsScan - 1)}`;
  return `d.created_at >= coalesce((${oldest}), ${binder.bind(Number.MIN_SAFE_INTEGER)})`;
}

function webhookContains(needle: string, binder: Binder, flavor: SqlFlavor): string {
  const match = flavor.contains(flavor.jsonText('e.webhook'), binder.bind(needle));
  return `EXISTS (SELECT 1 FROM events e WHERE e.account_id = d.account_id AND e.id = d.event_id AND ${match})`;
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

/** Collects bound values; also carries the scan bound, so the condition builders stay small. */
class Binder {
  readonly values: unknown[] = [];
  readonly #flavor: SqlFlavor;
  readonly containsScan: number;

  constructor(flavor: SqlFlavor, containsScan: number) {
    this.#flavor = flavor;
    this.containsScan = containsScan;
  }

  bind(value: unknown): string {
    this.values.push(value);
    return this.#flavor.placeholder(this.values.length);
  }
}

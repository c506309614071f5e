import type { CaptureFilter, CaptureStreamFilter } from '../inbox-store.js';
import type { Page } from '../page.js';
import type { SqlFlavor, SqlQuery } from './sql-flavor.js';

/** The page and total-count queries behind `InboxStore.listCaptures`. */
export interface CaptureListQuery {
  readonly page: SqlQuery;
  readonly count: SqlQuery;
}

/** Builds both queries from one WHERE clause, for `?` and `$n` placeholders alike. */
export function captureListQuery(
  accountId: string,
  filter: CaptureFilter,
  page: Page,
  flavor: SqlFlavor,
): CaptureListQuery {
  const binder = new Binder(flavor);
  const where = listConditions(accountId, filter, binder, flavor).join(' AND ');
  const count = {
    sql: `SELECT count(*) AS total FROM captures WHERE ${where}`,
    values: [...binder.values],
  };
  const size = Math.max(1, Math.floor(page.size));
  const offset = (Math.max(1, Math.floor(page.number)) - 1) * size;
  const sql =
    `SELECT * FROM captures WHERE ${where} ORDER BY seq DESC ` +
    `LIMIT ${binder.bind(size)} OFFSET ${binder.bind(offset)}`;
  return { page: { sql, values: binder.values }, count };
}

/** Captures after a cursor, oldest first: what a stream replays. */
export function capturesAfterQuery(
  accountId: string,
  after: number,
  limit: number,
  filter: CaptureStreamFilter,
  flavor: SqlFlavor,
): SqlQuery {
  const binder = new Binder(flavor);
  const where = streamConditions(accountId, filter, binder, flavor);
  where.push(`seq > ${binder.bind(after)}`);
  const sql = `SELECT * FROM captures WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ${binder.bind(limit)}`;
  return { sql, values: binder.values };
}

function streamConditions(
  accountId: string,
  filter: CaptureStreamFilter,
  binder: Binder,
  flavor: SqlFlavor,
): string[] {
  const where = [`account_id = ${binder.bind(accountId)}`];
  if (filter.inboxId !== undefined) where.push(`inbox_id = ${binder.bind(filter.inboxId)}`);
  if (filter.eventTypes !== undefined && filter.eventTypes.length > 0) {
    where.push(flavor.inList('event_type', binder.bind(flavor.listValue(filter.eventTypes))));
  }
  return where;
}

function listConditions(
  accountId: string,
  filter: CaptureFilter,
  binder: Binder,
  flavor: SqlFlavor,
): string[] {
  const where = streamConditions(accountId, filter, binder, flavor);
  if (filter.verified === true) where.push(`verification = 'verified'`);
  if (filter.verified === false) where.push(`verification <> 'verified'`);
  if (filter.receivedGte !== undefined) {
    where.push(`received_at >= ${binder.bind(filter.receivedGte)}`);
  }
  if (filter.receivedLte !== undefined) {
    where.push(`received_at <= ${binder.bind(filter.receivedLte)}`);
  }
  return where;
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

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deliveryListQuery,
  type DeliveryListBounds,
} from '../../src/storage/sql/delivery-list-query.js';
import { SQLITE_FLAVOR } from '../../src/storage/sqlite/sqlite-flavor.js';
import { openSqliteStore, type SqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import type { DeliveryFilter, Page } from '../../src/storage/store.js';
import { publishOne, T0 } from './store-fixtures.js';

/** The bounds that keep the list fast at scale, shrunk to a handful of rows. */
describe('deliveryListQuery bounds', () => {
  let dir: string;
  let store: SqliteStore;
  let db: Database.Database;
  /** Delivery ids by name: d1 oldest … d6 newest. */
  const names = new Map<string, string>();

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'delivery-list-query-'));
    const filename = join(dir, 'store.db');
    store = await openSqliteStore({ filename });
    for (let n = 1; n <= 6; n += 1) {
      const eventType = n <= 2 ? 'call.hangup' : 'message.sent';
      const marker = [1, 2, 5].includes(n) ? 'needle' : 'hay';
      const made = await publishOne(
        store,
        'acct',
        { nextAttemptAt: T0 + 1_000_000 },
        { eventType, createdAt: T0 + n, webhook: { event_type: eventType, payload: { marker } } },
      );
      names.set(made.id, `d${n}`);
    }
    db = new Database(filename, { readonly: true });
  });

  afterEach(async () => {
    db.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  const list = (filter: DeliveryFilter, page: Page, bounds: DeliveryListBounds) => {
    const query = deliveryListQuery('acct', filter, page, SQLITE_FLAVOR, bounds);
    const count = db.prepare(query.count.sql).get(...query.count.values) as { total: number };
    const rows = db.prepare(query.page.sql).all(...query.page.values) as { id: string }[];
    return { names: rows.map((row) => names.get(row.id)), total: count.total };
  };

  it('counts exactly up to the cap, then reports the cap', () => {
    const bounds = { totalCap: 3, containsScan: 100 };
    expect(list({}, { number: 1, size: 2 }, bounds)).toEqual({ names: ['d6', 'd5'], total: 3 });
    expect(list({ eventTypes: ['call.hangup'] }, { number: 1, size: 2 }, bounds)).toEqual({
      names: ['d2', 'd1'],
      total: 2,
    });
  });

  it('counts one past the requested page, so the next page stays reachable', () => {
    const bounds = { totalCap: 3, containsScan: 100 };
    expect(list({}, { number: 2, size: 2 }, bounds)).toEqual({ names: ['d4', 'd3'], total: 5 });
    expect(list({}, { number: 3, size: 2 }, bounds)).toEqual({ names: ['d2', 'd1'], total: 6 });
    expect(list({}, { number: 4, size: 2 }, bounds)).toEqual({ names: [], total: 6 });
  });

  it('searches substrings only in the newest rows that pass the other filters', () => {
    const bounds = { totalCap: 100, containsScan: 3 };
    const page = { number: 1, size: 10 };
    expect(list({ webhookContains: 'needle' }, page, bounds)).toEqual({ names: ['d5'], total: 1 });
    const older = { webhookContains: 'needle', eventTypes: ['call.hangup'] };
    expect(list(older, page, bounds)).toEqual({ names: ['d2', 'd1'], total: 2 });
    expect(list({ webhookContains: 'needle' }, page, { ...bounds, containsScan: 6 })).toEqual({
      names: ['d5', 'd2', 'd1'],
      total: 3,
    });
  });
});

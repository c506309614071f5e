import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createAccount, type CreatedAccount } from '../../src/engine/accounts/create-account.js';
import { createApp } from '../../src/http/api/create-app.js';
import { openPostgresStore } from '../../src/storage/postgres/postgres-store.js';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { openSqliteThreadStore } from '../../src/storage/sqlite/sqlite-thread-store.js';
import { storageFaultOf, trackStorageFaults } from '../../src/storage/storage-faults.js';
import type { Store } from '../../src/storage/store.js';

// A full disk or a read-only database is named to the client (507 / 503 with its own code) and
// by /health (503) until a write succeeds again; what was acknowledged before stays readable.

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Harness {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly account: CreatedAccount;
  publish(id: string, payloadBytes?: number): Promise<LightMyRequestResponse>;
  health(): Promise<LightMyRequestResponse>;
}

/** The API over `raw`, seen through the fault tracker as `switchboard serve` sees its store. */
async function harness(raw: Store): Promise<Harness> {
  const store = trackStorageFaults(raw);
  const account = await createAccount(store, { name: 'faults', now: Date.now() });
  const app = createApp({ store, worker: { wake: () => undefined } });
  await app.ready();
  cleanups.push(() => app.close());
  const auth = { authorization: `Bearer ${account.apiKey}` };
  return {
    app,
    store,
    account,
    publish: (id, payloadBytes = 64) =>
      app.inject({
        method: 'POST',
        url: '/switchboard/events',
        headers: auth,
        payload: {
          id,
          event_type: 'call.initiated',
          payload: { blob: 'x'.repeat(payloadBytes) },
          webhook_url: 'https://hooks.example.com/calls',
        },
      }),
    health: () => app.inject({ method: 'GET', url: '/health' }),
  };
}

function firstError(response: LightMyRequestResponse): Record<string, unknown> {
  const body = response.json<{ errors: Record<string, unknown>[] }>();
  return body.errors[0] ?? {};
}

describe('storage fault classification', () => {
  it.each([
    ['SQLITE_FULL', 'disk_full'],
    ['ENOSPC', 'disk_full'],
    ['EDQUOT', 'disk_full'],
    ['53100', 'disk_full'],
    ['SQLITE_READONLY', 'read_only'],
    ['SQLITE_READONLY_DBMOVED', 'read_only'],
    ['EROFS', 'read_only'],
    ['25006', 'read_only'],
  ])('%s is %s', (code, kind) => {
    expect(storageFaultOf(Object.assign(new Error('x'), { code }))).toBe(kind);
  });

  it.each(['SQLITE_BUSY', 'SQLITE_CONSTRAINT_UNIQUE', '23505', 'ECONNRESET'])(
    '%s is not a storage fault',
    (code) => {
      expect(storageFaultOf(Object.assign(new Error('x'), { code }))).toBeNull();
    },
  );
});

describe('a SQLite database that is full (max_page_count)', () => {
  /** A real database file capped a little above its empty size, opened as serve opens it. */
  async function cappedStore(spareKiB: number): Promise<Store> {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-full-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const filename = join(dir, 'switchboard.db');
    await (await openSqliteStore({ filename })).close();
    const empty = new Database(filename, { readonly: true });
    const pages = empty.pragma('page_count', { simple: true }) as number;
    const pageSize = empty.pragma('page_size', { simple: true }) as number;
    empty.close();
    const maxPageCount = pages + Math.ceil((spareKiB * 1024) / pageSize);
    const store = await openSqliteThreadStore({ filename, maxPageCount });
    cleanups.push(() => store.close());
    return store;
  }

  it('answers 507 with code 10507, reports it on /health, and recovers once space returns', async () => {
    const raw = await cappedStore(256);
    const h = await harness(raw);
    const acknowledged: string[] = [];
    for (const id of ['evt-1', 'evt-2', 'evt-3']) {
      const reply = await h.publish(id);
      expect(reply.statusCode).toBe(202);
      acknowledged.push(
        reply.json<{ data: { webhook_delivery_id: string } }>().data.webhook_delivery_id,
      );
    }
    // Other data takes the rest of the space, straight through the store.
    const fillers = await fillUp(raw, h.account.account.id);
    expect(fillers.length).toBeGreaterThan(0);

    const refused = await h.publish('evt-full', 16_384);
    expect(refused.statusCode).toBe(507);
    expect(firstError(refused)).toMatchObject({ code: '10507', title: 'Storage full' });
    expect(String(firstError(refused)['detail'])).toMatch(/no space left/i);
    const sick = await h.health();
    expect(sick.statusCode).toBe(503);
    expect(sick.json()).toMatchObject({
      status: 'degraded',
      storage: { fault: 'disk_full', code: '10507' },
    });
    // Reads still answer while the disk is full.
    expect((await deliveries(h, acknowledged[0] ?? '')).statusCode).toBe(200);

    // Space returns: deleting frees pages, but only a write that succeeds clears the fault.
    for (const id of fillers) await raw.deleteResource(h.account.account.id, 'filler', id);
    expect((await h.health()).statusCode).toBe(503);
    const retried = await h.publish('evt-full', 16_384);
    expect(retried.statusCode).toBe(202);
    expect(retried.json()).toMatchObject({ data: { id: 'evt-full', duplicate: false } });
    expect(await (await h.health()).json()).toEqual({ status: 'ok' });
    expect((await h.health()).statusCode).toBe(200);

    // Nothing acknowledged before the fault was lost.
    for (const id of acknowledged) expect((await deliveries(h, id)).statusCode).toBe(200);
  });
});

/** Stores 8 KiB resources until the database refuses one; returns the ids stored. */
async function fillUp(store: Store, accountId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < 1_000; i += 1) {
    const id = `filler-${i}`;
    try {
      await store.putResource({
        accountId,
        kind: 'filler',
        id,
        data: { blob: 'f'.repeat(8_192) },
        createdAt: 0,
        updatedAt: 0,
      });
    } catch (error) {
      expect(storageFaultOf(error)).toBe('disk_full');
      return ids;
    }
    ids.push(id);
  }
  throw new Error('the capped database never filled up');
}

function deliveries(h: Harness, id: string): Promise<LightMyRequestResponse> {
  return h.app.inject({
    method: 'GET',
    url: `/v2/webhook_deliveries/${id}`,
    headers: { authorization: `Bearer ${h.account.apiKey}` },
  });
}

describe('a store that turns read-only (test double)', () => {
  it('answers 503 with code 10503 and /health says so until a write succeeds', async () => {
    const inner = await openSqliteStore({ filename: ':memory:' });
    cleanups.push(() => inner.close());
    let readOnly = false;
    const double = new Proxy(inner, {
      get(target, name) {
        const value: unknown = Reflect.get(target, name, target);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (readOnly && ['publish', 'putResource'].includes(String(name))) {
            const error = new Error('attempt to write a readonly database');
            return Promise.reject(Object.assign(error, { code: 'SQLITE_READONLY' }));
          }
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const h = await harness(double);
    expect((await h.publish('before')).statusCode).toBe(202);
    readOnly = true;
    const refused = await h.publish('during');
    expect(refused.statusCode).toBe(503);
    expect(firstError(refused)).toMatchObject({ code: '10503', title: 'Storage read-only' });
    expect((await h.health()).json()).toMatchObject({
      status: 'degraded',
      storage: { fault: 'read_only', code: '10503' },
    });
    readOnly = false;
    expect((await h.health()).statusCode).toBe(503);
    expect((await h.publish('during')).statusCode).toBe(202);
    expect((await h.health()).statusCode).toBe(200);
  });
});

const pgUrl =
  process.env['SWITCHBOARD_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

async function pgAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const pgAvailable = await pgAdmin('SELECT 1').then(
  () => true,
  () => false,
);

describe.skipIf(!pgAvailable)(
  'PostgreSQL refusing writes (a trigger raises the real error)',
  () => {
    it.each([
      ['disk_full', '53100', 507, '10507'],
      ['read_only_sql_transaction', '25006', 503, '10503'],
    ])('%s (%s) answers %i with code %s, then recovers', async (condition, _code, status, code) => {
      const schema = `sb_test_${randomBytes(6).toString('hex')}`;
      const store = await openPostgresStore({ connectionString: pgUrl, schema });
      cleanups.push(() => pgAdmin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
      cleanups.push(() => store.close());
      const h = await harness(store);
      expect((await h.publish('before')).statusCode).toBe(202);
      await pgAdmin(`
      CREATE FUNCTION ${schema}.refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused by test' USING ERRCODE = '${condition}'; END $$;
      CREATE TRIGGER refuse BEFORE INSERT ON ${schema}.events
        FOR EACH ROW EXECUTE FUNCTION ${schema}.refuse();`);
      const refused = await h.publish('during');
      expect(refused.statusCode).toBe(status);
      expect(firstError(refused)['code']).toBe(code);
      expect((await h.health()).statusCode).toBe(503);
      await pgAdmin(`DROP TRIGGER refuse ON ${schema}.events`);
      expect((await h.publish('during')).statusCode).toBe(202);
      expect((await h.health()).statusCode).toBe(200);
    });
  },
);

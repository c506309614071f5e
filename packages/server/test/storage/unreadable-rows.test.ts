import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '@switchboard/core';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { openSqliteThreadStore } from '../../src/storage/sqlite/sqlite-thread-store.js';
import type { JsonObject, Store } from '../../src/storage/store.js';
import { openPostgresTestStore, postgresReachable } from './postgres-test-db.js';
import { makeAccount, makeKey, publishEvent } from './store-fixtures.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function sqliteFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-unreadable-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return join(dir, 'test.db');
}

const backends: [string, () => Promise<Store>][] = [
  ['SqliteStore', async () => openSqliteStore({ filename: await sqliteFile() })],
  ['SqliteThreadStore', async () => openSqliteThreadStore({ filename: await sqliteFile() })],
];
if (await postgresReachable()) {
  backends.push([
    'PostgresStore',
    async () => {
      const { store, drop } = await openPostgresTestStore();
      cleanups.push(drop);
      return store;
    },
  ]);
}

/** `{"a":{"a":…}}` with `levels` objects, parsed from text so nothing here recurses. */
function nested(levels: number): JsonObject {
  return JSON.parse(`${'{"a":'.repeat(levels - 1)}{}${'}'.repeat(levels - 1)}`) as JsonObject;
}

describe.each(backends)('%s: a stored webhook too deep to read back', (_name, open) => {
  it('reads its delivery with what the row tells, and says why, in lists too', async () => {
    const store = await open();
    cleanups.push(() => store.close());
    const account = makeAccount();
    await store.createAccount(account, makeKey(account.id));
    const deep = await publishEvent(store, account.id, {
      webhook: {
        record_type: 'event',
        event_type: 'message.sent',
        id: 'deep',
        occurred_at: '2023-11-14T22:13:20.000Z',
        payload: nested(MAX_JSON_DEPTH + 500),
      },
    });
    const fine = await publishEvent(store, account.id);
    const deepId = deep.deliveries[0]?.id ?? '';

    const read = await store.getDelivery(account.id, deepId);
    expect(read).toMatchObject({
      id: deepId,
      webhook: { record_type: 'event', event_type: 'message.sent', id: deep.event.id },
      unreadable: `the stored webhook nests deeper than ${MAX_JSON_DEPTH} levels`,
    });
    expect(read?.webhook).not.toHaveProperty('payload');

    const listed = await store.listDeliveries(account.id, {}, { number: 1, size: 10 });
    expect(listed.total).toBe(2);
    const byId = new Map(listed.rows.map((row) => [row.id, row]));
    expect(byId.get(deepId)?.unreadable).toMatch(/deeper than/);
    expect(byId.get(fine.deliveries[0]?.id ?? '')).not.toHaveProperty('unreadable');

    await expect(store.getEvent(account.id, deep.event.id)).rejects.toMatchObject({
      code: 'SB_UNREADABLE_JSON',
      message: `the stored webhook nests deeper than ${MAX_JSON_DEPTH} levels`,
    });
    // The calls beside a failing one still answer.
    const [event, again] = await Promise.allSettled([
      store.getEvent(account.id, deep.event.id),
      store.getEvent(account.id, fine.event.id),
    ]);
    expect(event.status).toBe('rejected');
    expect(again).toMatchObject({ status: 'fulfilled', value: { id: fine.event.id } });
  });
});

describe('SqliteThreadStore: what cannot cross the thread boundary fails its own call', () => {
  it('an argument that cannot be cloned', async () => {
    const store = await openSqliteThreadStore({ filename: await sqliteFile() });
    cleanups.push(() => store.close());
    const account = makeAccount();
    await store.createAccount(account, makeKey(account.id));
    const unclonable = { f: () => 1 } as unknown as JsonObject;
    const [sent, beside] = await Promise.allSettled([
      store.updateAccountSettings(account.id, unclonable),
      store.getAccount(account.id),
    ]);
    expect(sent).toMatchObject({
      status: 'rejected',
      reason: {
        message: expect.stringMatching(
          /^The store call updateAccountSettings could not be sent to the SQLite thread: /,
        ),
      },
    });
    expect(beside).toMatchObject({ status: 'fulfilled', value: { id: account.id } });
  });

  it('a row too deep to clone back, read with every column', async () => {
    const store = await openSqliteThreadStore({ filename: await sqliteFile() });
    cleanups.push(() => store.close());
    const account = makeAccount();
    await store.createAccount(account, makeKey(account.id));
    // 3,000 levels: more than a structured clone can read back on the main thread.
    const data = nested(3_000);
    await store.putResource({
      accountId: account.id,
      kind: 'k',
      id: 'deep',
      data,
      createdAt: 1,
      updatedAt: 1,
    });
    const [deep, list] = await Promise.allSettled([
      store.getResource(account.id, 'k', 'deep'),
      store.listAccounts(),
    ]);
    expect(deep).toMatchObject({
      status: 'rejected',
      reason: { message: `the stored data nests deeper than ${MAX_JSON_DEPTH} levels` },
    });
    expect(list).toMatchObject({ status: 'fulfilled' });
  });
});

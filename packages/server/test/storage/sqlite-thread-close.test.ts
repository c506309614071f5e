import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteThreadStore } from '../../src/storage/sqlite/sqlite-thread-store.js';
import { makeAccount, makeKey } from './store-fixtures.js';

let dir: string;
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('SqliteThreadStore.close with the thread stuck', () => {
  it('gives up on the thread instead of waiting on it; the write it held fails, unacknowledged', async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchboard-close-'));
    const filename = join(dir, 'test.db');
    // A write waits up to a minute for another connection's lock, blocking the thread.
    const store = await openSqliteThreadStore({ filename, busyTimeoutMs: 60_000 });
    const other = new Database(filename);
    other.exec('BEGIN EXCLUSIVE');
    try {
      const account = makeAccount();
      const write = store.createAccount(account, makeKey(account.id));
      const outcome = write.then(
        () => 'written',
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
      // Give the write time to reach the thread and block on the lock.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await store.close();
      expect(await outcome).toBe('The SQLite store was closed while its thread was stuck');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });
});

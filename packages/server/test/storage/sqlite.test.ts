import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/open-store.js';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { describeStoreContract } from './store-contract.js';

const dirs: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-sqlite-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describeStoreContract('SqliteStore', async () => {
  const filename = join(await tempDir(), 'test.db');
  const store = await openSqliteStore({ filename });
  return {
    store,
    openPeer: () => openSqliteStore({ filename }),
    destroy: () => store.close(),
  };
});

describe('SQLite setup', () => {
  it('opens switchboard.db in the data dir, creating the dir', async () => {
    const dataDir = join(await tempDir(), 'nested', 'data');
    const store = await openStore({ dataDir });
    try {
      expect(store.dialect).toBe('sqlite');
      expect(existsSync(join(dataDir, 'switchboard.db'))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('refuses a database URL it does not know', async () => {
    const dataDir = await tempDir();
    await expect(openStore({ databaseUrl: 'mysql://u:secret@h/db', dataDir })).rejects.toThrow(
      /^Unsupported database URL scheme: mysql:$/,
    );
  });

  it('uses WAL and records each migration once', async () => {
    const filename = join(await tempDir(), 'test.db');
    const stores = await Promise.all([1, 2, 3].map(() => openSqliteStore({ filename })));
    await Promise.all(stores.map((store) => store.close()));

    const db = new Database(filename, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const versions = db.prepare('SELECT version FROM schema_migrations').pluck().all();
      expect(versions).toEqual([1]);
    } finally {
      db.close();
    }
  });
});

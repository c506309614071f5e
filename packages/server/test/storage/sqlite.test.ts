import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/open-store.js';
import { openSqliteDatabase } from '../../src/storage/sqlite/sqlite-database.js';
import { SQLITE_MIGRATIONS } from '../../src/storage/sqlite/sqlite-migrations.js';
import { migrateSqlite } from '../../src/storage/sqlite/sqlite-migrator.js';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { openSqliteThreadStore } from '../../src/storage/sqlite/sqlite-thread-store.js';
import { describeStoreContract } from './store-contract.js';
import { expectUpgraded } from './expect-upgraded.js';
import { makeEvent, makeNewDelivery } from './store-fixtures.js';
import {
  BEFORE_UNIQUE_NUMBERS,
  expectFirstHolderKept,
  SHARED_NUMBER_SEED_SQL,
} from './shared-number-seed.js';
import { VERSION_1_SEED_SQL } from './version-1-seed.js';

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

describeStoreContract('SqliteThreadStore', async () => {
  const filename = join(await tempDir(), 'test.db');
  const store = await openSqliteThreadStore({ filename });
  return {
    store,
    openPeer: () => openSqliteThreadStore({ filename }),
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

  it('folds the WAL back into the database file on close', async () => {
    const filename = join(await tempDir(), 'test.db');
    const store = await openSqliteStore({ filename });
    for (let n = 0; n < 20; n++) {
      await store.publish({ event: makeEvent('acct'), deliveries: [makeNewDelivery()] });
    }
    expect(existsSync(`${filename}-wal`)).toBe(true);
    await store.close();
    expect(existsSync(`${filename}-wal`)).toBe(false);
  });

  it('refuses a database URL it does not know', async () => {
    const dataDir = await tempDir();
    await expect(openStore({ databaseUrl: 'mysql://u:secret@h/db', dataDir })).rejects.toThrow(
      /^Unsupported database URL scheme: mysql:$/,
    );
  });

  it('commits writes still waiting for their batch when closed', async () => {
    const filename = join(await tempDir(), 'test.db');
    const store = await openSqliteStore({ filename });
    const event = makeEvent('acct');
    const pending = store.publish({ event, deliveries: [makeNewDelivery()] });
    await store.close();
    await expect(pending).resolves.toEqual({ created: true });

    const reopened = await openSqliteStore({ filename });
    try {
      expect(await reopened.getEvent('acct', event.id)).toEqual(event);
    } finally {
      await reopened.close();
    }
  });

  it.each([
    ['a version-1 database, keeping its rows', 1, VERSION_1_SEED_SQL, expectUpgraded],
    [
      'a database where two accounts share a number, keeping the first',
      BEFORE_UNIQUE_NUMBERS,
      SHARED_NUMBER_SEED_SQL,
      expectFirstHolderKept,
    ],
  ] as const)('upgrades %s', async (_name, version, seedSql, expectAfter) => {
    const filename = join(await tempDir(), 'test.db');
    const db = openSqliteDatabase({ filename });
    migrateSqlite(db, SQLITE_MIGRATIONS.slice(0, version));
    for (const statement of seedSql) db.exec(statement);
    db.close();

    const store = await openSqliteStore({ filename });
    try {
      await expectAfter(store);
    } finally {
      await store.close();
    }
  });

  it('uses WAL and records each migration once', async () => {
    const filename = join(await tempDir(), 'test.db');
    const stores = await Promise.all([1, 2, 3].map(() => openSqliteStore({ filename })));
    await Promise.all(stores.map((store) => store.close()));

    const db = new Database(filename, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const versions = db.prepare('SELECT version FROM schema_migrations').pluck().all();
      expect(versions).toEqual(SQLITE_MIGRATIONS.map((migration) => migration.version));
    } finally {
      db.close();
    }
  });
});

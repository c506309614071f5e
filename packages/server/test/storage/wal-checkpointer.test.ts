import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { needsRestart } from '../../src/storage/sqlite/needs-restart.js';
import {
  openSqliteDatabase,
  resumeCommitCheckpoints,
  WAL_CHECKPOINT_PAGES,
} from '../../src/storage/sqlite/sqlite-database.js';
import { openSqliteThreadStore } from '../../src/storage/sqlite/sqlite-thread-store.js';
import { WalCheckpointer } from '../../src/storage/sqlite/wal-checkpointer.js';
import { until } from '../delivery/support/delivery-fixture.js';
import { makeAccount, makeKey } from './store-fixtures.js';

const PAGE = 4096;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-checkpoint-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A writer that never checkpoints, with a table whose every row fills a page or so. */
function writer(filename: string): Database.Database {
  const db = openSqliteDatabase({ filename, checkpointOnCommit: false });
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body BLOB)');
  return db;
}

/**
 * `count` commits of a row of about a page each (three frames a commit), pausing 50 ms after each
 * hundred so that the checkpointer's thread gets its turns even on a loaded machine.
 */
async function commit(db: Database.Database, count: number): Promise<void> {
  const insert = db.prepare('INSERT INTO filler (body) VALUES (?)');
  for (let n = 0; n < count; n += 1) {
    insert.run(Buffer.alloc(PAGE - 200, n % 251));
    if (n % 100 === 99) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const sizeOf = (path: string): number => (existsSync(path) ? statSync(path).size : 0);

describe('needsRestart', () => {
  it('follows a PASSIVE that copied all it found, in a WAL of restartFrames or more', () => {
    expect(needsRestart({ busy: 0, log: 100, checkpointed: 100 }, 100)).toBe(true);
    expect(needsRestart({ busy: 0, log: 99, checkpointed: 99 }, 100)).toBe(false);
    // Not all copied (a reader holds an older snapshot): a RESTART would only wait on it.
    expect(needsRestart({ busy: 0, log: 150, checkpointed: 120 }, 100)).toBe(false);
    expect(needsRestart({ busy: 1, log: 150, checkpointed: 150 }, 100)).toBe(false);
    // Not in WAL mode.
    expect(needsRestart({ busy: 0, log: -1, checkpointed: -1 }, 100)).toBe(false);
  });
});

describe('WalCheckpointer', () => {
  it('copies committed pages into the file and keeps the WAL from growing, while the writer never checkpoints', async () => {
    const filename = join(dir, 'beside.db');
    const db = writer(filename);
    const failures: Error[] = [];
    const checkpointer = WalCheckpointer.start({
      filename,
      intervalMs: 5,
      restartFrames: 100,
      onGiveUp: (error) => failures.push(error),
    });
    try {
      // Its thread is running once it has copied a first commit into the file.
      const fileBefore = sizeOf(filename);
      await commit(db, 1);
      await until(() => sizeOf(filename) > fileBefore);
      await commit(db, 1_500);
      await until(() => sizeOf(filename) > fileBefore + 1_000 * PAGE);
      // About 4,500 frames without it (next test); rewound, the WAL is reused from its start.
      expect(sizeOf(`${filename}-wal`)).toBeLessThan(1_500 * PAGE);
      expect(failures).toEqual([]);
    } finally {
      await checkpointer.stop();
      db.close();
    }
    // The writer's connection was the last one, so its close emptied and removed the WAL.
    expect(sizeOf(`${filename}-wal`)).toBe(0);
  });

  it('without it, the same writer keeps every page in the WAL (the test above can fail)', async () => {
    const filename = join(dir, 'alone.db');
    const db = writer(filename);
    try {
      const fileBefore = sizeOf(filename);
      await commit(db, 1_500);
      expect(sizeOf(filename)).toBe(fileBefore);
      expect(sizeOf(`${filename}-wal`)).toBeGreaterThan(1_500 * PAGE);
    } finally {
      db.close();
    }
  });

  it('gives up, and says so, when it cannot open the file', async () => {
    const given: Error[] = [];
    WalCheckpointer.start({ filename: join(dir, 'missing.db'), onGiveUp: (e) => given.push(e) });
    await until(() => given.length > 0);
    expect(given).toHaveLength(1);
  });

  it('stops quietly when asked: no give-up', async () => {
    const filename = join(dir, 'stopped.db');
    const db = writer(filename);
    const given: Error[] = [];
    const checkpointer = WalCheckpointer.start({ filename, onGiveUp: (e) => given.push(e) });
    await checkpointer.stop();
    await checkpointer.stop();
    db.close();
    expect(given).toEqual([]);
  });
});

describe('commit checkpoints', () => {
  it('are off for a writer beside a checkpointer, and come back when it gives up', () => {
    const db = openSqliteDatabase({ filename: join(dir, 'pragma.db'), checkpointOnCommit: false });
    try {
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      resumeCommitCheckpoints(db);
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_CHECKPOINT_PAGES);
    } finally {
      db.close();
    }
  });

  it('a SQLite thread store on a file works with its checkpointer and closes with an empty WAL', async () => {
    const filename = join(dir, 'thread.db');
    const store = await openSqliteThreadStore({ filename });
    const account = makeAccount();
    await store.createAccount(account, makeKey(account.id));
    expect((await store.getAccount(account.id))?.id).toBe(account.id);
    await store.close();
    expect(sizeOf(`${filename}-wal`)).toBe(0);
  });
});

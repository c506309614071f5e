import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/support/collect-garbage.js';
import { HEAP_GROWING_PERCENT, servingV8Flags } from '../../src/ops/memory/serving-v8-flags.js';
import { IdleWatch } from '../../src/ops/memory/idle-watch.js';
import { openSqliteThreadStore } from '../../src/storage/sqlite/sqlite-thread-store.js';
import { makeAccount, makeKey } from '../storage/store-fixtures.js';

describe('IdleWatch', () => {
  it('answers once, after two quiet intervals that follow a busy one', () => {
    const watch = new IdleWatch();
    expect([0.9, 0.01, 0.01, 0.01, 0.01].map((u) => watch.interval(u))).toEqual([
      false,
      false,
      true,
      false,
      false,
    ]);
  });

  it('never answers for a process that stays quiet or stays busy', () => {
    const quiet = new IdleWatch();
    const busy = new IdleWatch();
    for (let i = 0; i < 20; i += 1) {
      expect(quiet.interval(0.01)).toBe(false);
      expect(busy.interval(0.5)).toBe(false);
    }
  });

  it('starts counting again when work comes back before the quiet is long enough', () => {
    const watch = new IdleWatch({ quietIntervals: 3 });
    const answers = [0.5, 0.01, 0.01, 0.2, 0.01, 0.01, 0.01].map((u) => watch.interval(u));
    expect(answers).toEqual([false, false, false, false, false, false, true]);
  });
});

describe('memory release', () => {
  it('collects the main thread heap', async () => {
    expect(await collectGarbage()).toBe(true);
  });

  it("releases SQLite's page cache and its thread's heap, and the store keeps working", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-release-'));
    const store = await openSqliteThreadStore({ filename: join(dir, 'switchboard.db') });
    try {
      const account = makeAccount();
      await store.createAccount(account, makeKey(account.id));
      await store.releaseMemory();
      await store.releaseMemory();
      expect((await store.getAccount(account.id))?.id).toBe(account.id);
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('serving V8 flags', () => {
  const growth = `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
  const pretenuring = '--no-allocation-site-pretenuring';

  it('bounds heap growth and turns pretenuring off unless Node was started with its own', () => {
    expect(servingV8Flags([])).toEqual([growth, pretenuring]);
    expect(servingV8Flags(['--inspect', '--max-old-space-size=512'])).toEqual([
      growth,
      pretenuring,
    ]);
    expect(servingV8Flags(['--heap-growing-percent=100'])).toEqual([pretenuring]);
    expect(servingV8Flags(['--heap_growing_percent=20'])).toEqual([pretenuring]);
    expect(servingV8Flags(['--allocation-site-pretenuring'])).toEqual([growth]);
    expect(servingV8Flags(['--no_allocation_site_pretenuring', '--heap-growing-percent'])).toEqual(
      [],
    );
  });
});

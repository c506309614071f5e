import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { startRetentionPruner } from '../../src/engine/retention/retention-pruner.js';
import { openSqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import type { Store } from '../../src/storage/store.js';
import { eventually } from './support/running.js';
import { makeAttempt, publishEvent, T0 } from '../storage/store-fixtures.js';

const DAY = 86_400_000;
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

/** `count` deliveries finished at `finishedAt` (delivered), each with one attempt. */
async function finished(store: Store, count: number, finishedAt: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const { deliveries } = await publishEvent(store, 'acct', { createdAt: finishedAt });
    const id = deliveries[0]?.id ?? '';
    await store.claimDue({ owner: 'w', now: T0, limit: 1, leaseMs: 1000 });
    const update = { state: 'delivered' as const, finishedAt };
    await store.complete({
      deliveryId: id,
      owner: 'w',
      attempts: [makeAttempt(id, 1)],
      rounds: 1,
      update,
    });
  }
}

describe('retention sweep', () => {
  it('prunes everything past the window in bounded batches, keeping recent and queued work', async () => {
    const store = await openSqliteStore({ filename: ':memory:' });
    stores.push(store);
    await finished(store, 25, T0);
    await finished(store, 3, T0 + 9 * DAY);
    await publishEvent(store, 'acct', {}, [{ nextAttemptAt: T0 + 100 * DAY }]);
    const batches: number[] = [];
    const counting: Store = Object.assign(Object.create(store) as Store, {
      pruneFinished: async (before: number, limit: number) => {
        const result = await store.pruneFinished(before, limit);
        batches.push(result.deliveries);
        return result;
      },
    });

    const pruner = startRetentionPruner({
      store: counting,
      retentionMs: 7 * DAY,
      logger: pino({ level: 'silent' }),
      now: () => T0 + 10 * DAY,
      batchSize: 10,
      pauseMs: 0,
      intervalMs: 3_600_000,
    });
    await eventually(() => Promise.resolve(batches.length === 3));
    const again = await pruner.sweep();
    await pruner.stop();

    expect(batches.slice(0, 3)).toEqual([10, 10, 5]);
    expect(again).toEqual({ deliveries: 0, attempts: 0, events: 0 });
    expect(await store.countQueued()).toBe(1);
    const left = await store.listDeliveries('acct', {}, { number: 1, size: 50 });
    expect(left.total).toBe(4);
  });
});

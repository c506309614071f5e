import { expect, it } from 'vitest';
import type { DeliveryUpdate, Store } from '../../src/storage/store.js';
import type { ContractContext } from './store-fixture.js';
import { makeAttempt, publishEvent, T0 } from './store-fixtures.js';

const DAY = 86_400_000;

/** Claims and completes `id` at `finishedAt` with one attempt and the given final state. */
async function finish(
  store: Store,
  id: string,
  finishedAt: number,
  state: 'delivered' | 'failed' | 'queued',
): Promise<void> {
  await store.claimDue({ owner: 'w', now: finishedAt, limit: 100, leaseMs: 1000 });
  const update: DeliveryUpdate =
    state === 'queued' ? { state, nextAttemptAt: finishedAt + DAY } : { state, finishedAt };
  const attempts = [makeAttempt(id, 1)];
  expect(await store.complete({ deliveryId: id, owner: 'w', attempts, rounds: 1, update })).toBe(
    true,
  );
}

export function retentionContract(ctx: ContractContext): void {
  it('prunes finished deliveries older than the cutoff with their attempts and events', async () => {
    const old = await publishEvent(ctx.store, 'acct', {}, [{ nextAttemptAt: T0 }]);
    const fresh = await publishEvent(ctx.store, 'acct', {}, [{ nextAttemptAt: T0 }]);
    const [oldDelivery] = old.deliveries;
    const [freshDelivery] = fresh.deliveries;
    if (oldDelivery === undefined || freshDelivery === undefined) throw new Error('no delivery');
    await finish(ctx.store, oldDelivery.id, T0, 'delivered');
    await finish(ctx.store, freshDelivery.id, T0 + 10 * DAY, 'failed');

    const result = await ctx.store.pruneFinished(T0 + 7 * DAY, 1000);

    expect(result).toEqual({ deliveries: 1, attempts: 1, events: 1 });
    expect(await ctx.store.getDelivery('acct', oldDelivery.id)).toBeNull();
    expect(await ctx.store.listAttempts(oldDelivery.id)).toEqual([]);
    expect(await ctx.store.getEvent('acct', old.event.id)).toBeNull();
    expect(await ctx.store.getDelivery('acct', freshDelivery.id)).not.toBeNull();
    expect(await ctx.store.getEvent('acct', fresh.event.id)).not.toBeNull();
  });

  it('never prunes a queued delivery, nor an event one of its deliveries still needs', async () => {
    const { event, deliveries } = await publishEvent(ctx.store, 'acct', {}, [{}, {}]);
    const [done, retrying] = deliveries;
    if (done === undefined || retrying === undefined) throw new Error('no delivery');
    await finish(ctx.store, done.id, T0, 'delivered');
    await finish(ctx.store, retrying.id, T0, 'queued');

    const result = await ctx.store.pruneFinished(T0 + 30 * DAY, 1000);

    expect(result).toEqual({ deliveries: 1, attempts: 1, events: 0 });
    expect(await ctx.store.getDelivery('acct', retrying.id)).toMatchObject({ state: 'queued' });
    expect(await ctx.store.listAttempts(retrying.id)).toHaveLength(1);
    expect(await ctx.store.getEvent('acct', event.id)).not.toBeNull();
  });

  it('deletes at most `limit` deliveries per batch, oldest first', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const { deliveries } = await publishEvent(ctx.store, 'acct', {}, [{ nextAttemptAt: T0 }]);
      const id = deliveries[0]?.id ?? '';
      await finish(ctx.store, id, T0 + i, 'failed');
      ids.push(id);
    }

    expect(await ctx.store.pruneFinished(T0 + DAY, 2)).toMatchObject({ deliveries: 2 });
    expect(await ctx.store.getDelivery('acct', ids[0] ?? '')).toBeNull();
    expect(await ctx.store.getDelivery('acct', ids[1] ?? '')).toBeNull();
    expect(await ctx.store.getDelivery('acct', ids[2] ?? '')).not.toBeNull();
    expect(await ctx.store.pruneFinished(T0 + DAY, 2)).toMatchObject({ deliveries: 2 });
    expect(await ctx.store.pruneFinished(T0 + DAY, 2)).toMatchObject({ deliveries: 1 });
    expect(await ctx.store.pruneFinished(T0 + DAY, 2)).toEqual({
      deliveries: 0,
      attempts: 0,
      events: 0,
    });
  });
}

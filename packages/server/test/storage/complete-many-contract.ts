import { expect, it } from 'vitest';
import type { CompleteInput } from '../../src/storage/store.js';
import { makeAttempt, publishOne, T0 } from './store-fixtures.js';
import type { ContractContext } from './store-fixture.js';

function done(deliveryId: string, owner: string, attempt = 1): CompleteInput {
  return {
    deliveryId,
    owner,
    rounds: 1,
    attempts: [makeAttempt(deliveryId, attempt)],
    update: { state: 'delivered', finishedAt: T0 + 5 },
  };
}

export function completeManyContract(ctx: ContractContext): void {
  it('records many completions at once, failing only the ones whose lease is lost', async () => {
    const a = await publishOne(ctx.store, 'acct');
    const b = await publishOne(ctx.store, 'acct');
    const c = await publishOne(ctx.store, 'acct');
    await ctx.store.claimDue({ owner: 'w1', now: T0, limit: 10, leaseMs: 1_000 });

    const results = await ctx.store.completeMany([
      done(a.id, 'w1'),
      done(b.id, 'w2'),
      { ...done(c.id, 'w1'), update: { state: 'queued', nextAttemptAt: T0 + 60_000 } },
    ]);

    expect(results).toEqual([true, false, true]);
    expect(await ctx.store.getDelivery('acct', a.id)).toMatchObject({
      state: 'delivered',
      attempts: 1,
      leaseOwner: null,
    });
    expect(await ctx.store.listAttempts(b.id)).toEqual([]);
    expect(await ctx.store.getDelivery('acct', b.id)).toMatchObject({ leaseOwner: 'w1' });
    expect(await ctx.store.getDelivery('acct', c.id)).toMatchObject({
      state: 'queued',
      nextAttemptAt: T0 + 60_000,
      rounds: 1,
    });
    expect((await ctx.store.listAttempts(c.id)).map((x) => x.attempt)).toEqual([1]);
  });

  it('accepts an empty batch', async () => {
    expect(await ctx.store.completeMany([])).toEqual([]);
  });
}

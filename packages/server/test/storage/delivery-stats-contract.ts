import { expect, it } from 'vitest';
import type { AttemptRecord, DeliveryUpdate } from '../../src/storage/store.js';
import { makeAttempt, publishOne, T0 } from './store-fixtures.js';
import type { ContractContext } from './store-fixture.js';

const MINUTE = 60_000;
const OK = { status: 200, headers: [], body: 'ok' } as const;

/** Claims the only due delivery at `now` and records `attempts` with `update`. */
async function settle(
  ctx: ContractContext,
  now: number,
  attempts: readonly Partial<AttemptRecord>[],
  update: DeliveryUpdate,
): Promise<void> {
  const [claimed] = await ctx.store.claimDue({ owner: 'w', now, limit: 1, leaseMs: 1000 });
  if (claimed === undefined) throw new Error(`nothing due at ${now}`);
  const rows = attempts.map((attempt, index) => makeAttempt(claimed.id, index + 1, attempt));
  await ctx.store.complete({
    deliveryId: claimed.id,
    owner: 'w',
    rounds: 1,
    attempts: rows,
    update,
  });
}

/**
 * Minute 0: one delivered at the first try (40 ms), one failed twice at a.example (900 ms each).
 * Minute 2: one queued, never tried. Before the window and in another account: ignored.
 */
async function seed(ctx: ContractContext): Promise<void> {
  const at = (createdAt: number, nextAttemptAt: number) =>
    publishOne(ctx.store, 'acct', { nextAttemptAt }, { createdAt });
  await publishOne(ctx.store, 'acct', { nextAttemptAt: T0 + 10 * MINUTE }, { createdAt: T0 - 1 });
  await publishOne(ctx.store, 'other', { nextAttemptAt: T0 + 10 * MINUTE }, { createdAt: T0 });
  await at(T0 + 1000, T0 + 1000);
  const ok = { status: 'delivered', errors: [], response: OK, latencyMs: 40 } as const;
  await settle(ctx, T0 + 1000, [{ ...ok, url: 'https://b.example/ok', finishedAt: T0 + 1040 }], {
    state: 'delivered',
    finishedAt: T0 + 1040,
  });
  await at(T0 + 2000, T0 + 2000);
  const bad = { url: 'https://a.example/hook', latencyMs: 900, finishedAt: T0 + 3000 };
  await settle(ctx, T0 + 2000, [bad, { ...bad, finishedAt: T0 + 4000 }], {
    state: 'failed',
    finishedAt: T0 + 4000,
  });
  await at(T0 + 2 * MINUTE + 5, T0 + 30 * MINUTE);
}

/** `Store.deliveryStats`: the Overview page's figures. */
export function deliveryStatsContract(ctx: ContractContext): void {
  it('counts deliveries and tries of the window, for the account only', async () => {
    await seed(ctx);
    const stats = await ctx.store.deliveryStats('acct', T0, MINUTE);
    expect(stats.totals).toMatchObject({
      created: 3,
      delivered: 1,
      failed: 1,
      queued: 1,
      attempts: 3,
      failedAttempts: 2,
    });
    expect(stats.queueDepth).toBe(2);
  });

  it('buckets deliveries by creation and reports latency percentiles per bucket', async () => {
    await seed(ctx);
    const { buckets } = await ctx.store.deliveryStats('acct', T0, MINUTE);
    expect(buckets.map((bucket) => bucket.startMs)).toEqual([T0, T0 + 2 * MINUTE]);
    expect(buckets[0]).toMatchObject({ created: 2, attempts: 3, p50Ms: 1000, p99Ms: 1000 });
    expect(buckets[1]).toMatchObject({ created: 1, queued: 1, attempts: 0, p50Ms: null });
  });

  it('reports percentiles as the upper edge of the latency bin', async () => {
    await seed(ctx);
    const { totals } = await ctx.store.deliveryStats('acct', T0, 10 * MINUTE);
    expect(totals.p50Ms).toBe(1000);
    expect(totals.p99Ms).toBe(1000);
    const fast = await ctx.store.deliveryStats('acct', T0 + 500, MINUTE);
    expect(fast.totals).toMatchObject({ attempts: 3 });
  });

  it('lists the endpoints whose latest try failed', async () => {
    await seed(ctx);
    const stats = await ctx.store.deliveryStats('acct', T0, MINUTE);
    expect(stats.failingEndpoints).toEqual([
      {
        url: 'https://a.example/hook',
        failures: 2,
        lastFailedAt: T0 + 4000,
        lastDeliveredAt: null,
      },
    ]);
  });

  it('is empty for an account with no deliveries in the window', async () => {
    await seed(ctx);
    const stats = await ctx.store.deliveryStats('acct', T0 + 60 * MINUTE, MINUTE);
    expect(stats.buckets).toEqual([]);
    expect(stats.totals).toMatchObject({ created: 0, attempts: 0, p50Ms: null, p99Ms: null });
    expect(stats.failingEndpoints).toEqual([]);
  });
}

import { expect, it } from 'vitest';
import type { ClaimInput, Delivery } from '../../src/storage/store.js';
import { makeAttempt, publishOne, T0 } from './store-fixtures.js';
import type { ContractContext } from './store-fixture.js';

const LEASE = 30_000;

function claim(ctx: ContractContext, overrides: Partial<ClaimInput> = {}) {
  return ctx.store.claimDue({ owner: 'w1', now: T0, limit: 10, leaseMs: LEASE, ...overrides });
}

const ids = (deliveries: readonly Delivery[]): string[] => deliveries.map((d) => d.id);

export function queueContract(ctx: ContractContext): void {
  it('claims only due deliveries, earliest first, up to the limit', async () => {
    const late = await publishOne(ctx.store, 'acct', { nextAttemptAt: T0 - 10 });
    const early = await publishOne(ctx.store, 'acct', { nextAttemptAt: T0 - 20 });
    const future = await publishOne(ctx.store, 'acct', { nextAttemptAt: T0 + 1000 });

    expect(ids(await claim(ctx, { limit: 1 }))).toEqual([early.id]);
    expect(ids(await claim(ctx))).toEqual([late.id]);
    expect(await claim(ctx)).toEqual([]);
    expect(ids(await claim(ctx, { now: T0 + 1000 }))).toEqual([future.id]);
  });

  it('leases what it claims and keeps the first start time', async () => {
    const delivery = await publishOne(ctx.store, 'acct');
    const [claimed] = await claim(ctx);
    expect(claimed).toMatchObject({
      id: delivery.id,
      state: 'queued',
      leaseOwner: 'w1',
      leaseExpiresAt: T0 + LEASE,
      startedAt: T0,
      nextAttemptAt: T0,
    });
    expect(await ctx.store.getDelivery('acct', delivery.id)).toEqual(claimed);

    const [reclaimed] = await claim(ctx, { owner: 'w2', now: T0 + LEASE });
    expect(reclaimed).toMatchObject({ leaseOwner: 'w2', startedAt: T0 });
  });

  it('does not claim a leased delivery until its lease expires', async () => {
    const delivery = await publishOne(ctx.store, 'acct');
    await claim(ctx);

    expect(await claim(ctx, { owner: 'w2', now: T0 + LEASE - 1 })).toEqual([]);
    expect(ids(await claim(ctx, { owner: 'w2', now: T0 + LEASE }))).toEqual([delivery.id]);

    const stale = { deliveryId: delivery.id, owner: 'w1', rounds: 1, attempts: [] };
    expect(
      await ctx.store.complete({ ...stale, update: { state: 'delivered', finishedAt: T0 } }),
    ).toBe(false);
    expect(await ctx.store.listAttempts(delivery.id)).toEqual([]);
    const done = { ...stale, owner: 'w2', attempts: [makeAttempt(delivery.id, 1)] };
    expect(await ctx.store.complete({ ...done, update: { state: 'failed', finishedAt: T0 } })).toBe(
      true,
    );
  });

  it('writes a delivery leased at publish: read back as a claim would, claimed by none until the lease ends', async () => {
    const lease = { owner: 'w1', startedAt: T0 - 5, expiresAt: T0 + LEASE };
    const delivery = await publishOne(ctx.store, 'acct', { lease });
    expect(await ctx.store.getDelivery('acct', delivery.id)).toMatchObject({
      leaseOwner: 'w1',
      leaseExpiresAt: T0 + LEASE,
      startedAt: T0 - 5,
      attempts: 0,
    });
    expect(await claim(ctx, { owner: 'w2', now: T0 + LEASE - 1 })).toEqual([]);
    const done = { deliveryId: delivery.id, owner: 'w1', rounds: 1, attempts: [] };
    expect(
      await ctx.store.complete({ ...done, update: { state: 'queued', nextAttemptAt: T0 + 10 } }),
    ).toBe(true);
    const [again] = await claim(ctx, { owner: 'w2', now: T0 + 10 });
    expect(again).toMatchObject({ id: delivery.id, leaseOwner: 'w2', startedAt: T0 - 5 });
  });

  it('lets a delivery leased at publish be claimed once its lease ends (its publisher died)', async () => {
    const lease = { owner: 'gone', startedAt: T0, expiresAt: T0 + 5 };
    const delivery = await publishOne(ctx.store, 'acct', { lease });
    expect(await claim(ctx, { now: T0 + 4 })).toEqual([]);
    const [claimed] = await claim(ctx, { now: T0 + 5 });
    expect(claimed).toMatchObject({ id: delivery.id, leaseOwner: 'w1' });
    expect(claimed?.webhook['record_type']).toBe('event');
    expect(await ctx.store.releaseLeases('w1', T0 + 6)).toBe(1);
  });

  it('skips excluded origins', async () => {
    const a = await publishOne(ctx.store, 'acct', { origin: 'https://a.example' });
    const b = await publishOne(ctx.store, 'acct', { origin: 'https://b.example' });
    const c = await publishOne(ctx.store, 'acct', { origin: 'https://c.example' });

    const claimed = await claim(ctx, {
      excludeOrigins: ['https://a.example', 'https://c.example'],
    });
    expect(ids(claimed)).toEqual([b.id]);
    expect(new Set(ids(await claim(ctx, { excludeOrigins: [] })))).toEqual(new Set([a.id, c.id]));
  });

  it('takes at most each origin’s room, oldest first, within the limit', async () => {
    const due = { a: [] as string[], b: [] as string[], c: [] as string[] };
    for (let n = 0; n < 4; n += 1) {
      for (const origin of ['a', 'b', 'c'] as const) {
        const delivery = await publishOne(ctx.store, 'acct', {
          origin: `https://${origin}.example`,
          nextAttemptAt: T0 - 100 + n,
        });
        due[origin].push(delivery.id);
      }
    }
    const originRoom = { listed: { 'https://a.example': 1, 'https://b.example': 2 }, others: 3 };

    const claimed = ids(await claim(ctx, { originRoom }));
    expect(claimed.sort()).toEqual(
      [...due.a.slice(0, 1), ...due.b.slice(0, 2), ...due.c.slice(0, 3)].sort(),
    );
    expect(await claim(ctx, { originRoom, limit: 2, owner: 'w2' })).toHaveLength(2);
  });

  it('records retries, then delivery, with attempts newest first', async () => {
    const delivery = await publishOne(ctx.store, 'acct');
    await claim(ctx);
    const primary = makeAttempt(delivery.id, 1);
    const failover = makeAttempt(delivery.id, 2, {
      url: 'https://fallback.example.com/webhooks',
      response: null,
      error: 'connection refused',
      errors: [75499, 75500],
      meta: { faults: ['refuse'] },
    });
    const retryAt = T0 + 60_000;
    const first = { deliveryId: delivery.id, owner: 'w1', rounds: 1 };
    expect(
      await ctx.store.complete({
        ...first,
        attempts: [primary, failover],
        update: { state: 'queued', nextAttemptAt: retryAt },
      }),
    ).toBe(true);
    expect(await ctx.store.getDelivery('acct', delivery.id)).toMatchObject({
      state: 'queued',
      attempts: 2,
      rounds: 1,
      nextAttemptAt: retryAt,
      leaseOwner: null,
      leaseExpiresAt: null,
      finishedAt: null,
    });
    expect(await claim(ctx, { now: retryAt - 1 })).toEqual([]);

    const [again] = await claim(ctx, { owner: 'w2', now: retryAt });
    expect(again).toMatchObject({ attempts: 2, rounds: 1, startedAt: T0 });
    const success = makeAttempt(delivery.id, 3, {
      status: 'delivered',
      errors: [],
      response: { status: 200, headers: [], body: 'All good.' },
    });
    const finishedAt = retryAt + 40;
    expect(
      await ctx.store.complete({
        deliveryId: delivery.id,
        owner: 'w2',
        rounds: 2,
        attempts: [success],
        update: { state: 'delivered', finishedAt },
      }),
    ).toBe(true);
    expect(await ctx.store.getDelivery('acct', delivery.id)).toMatchObject({
      state: 'delivered',
      attempts: 3,
      rounds: 2,
      nextAttemptAt: null,
      finishedAt,
      leaseOwner: null,
    });
    expect(await ctx.store.listAttempts(delivery.id)).toEqual([success, failover, primary]);
    expect(await ctx.store.countQueued()).toBe(0);
    expect(await claim(ctx, { now: finishedAt + LEASE })).toEqual([]);
  });

  it('refuses to complete a delivery it does not hold', async () => {
    const delivery = await publishOne(ctx.store, 'acct');
    const input = {
      deliveryId: delivery.id,
      owner: 'w1',
      rounds: 1,
      attempts: [makeAttempt(delivery.id, 1)],
      update: { state: 'failed', finishedAt: T0 } as const,
    };
    expect(await ctx.store.complete(input)).toBe(false);
    await claim(ctx);
    expect(await ctx.store.complete(input)).toBe(true);
    expect(await ctx.store.complete({ ...input, attempts: [makeAttempt(delivery.id, 2)] })).toBe(
      false,
    );
    expect(await ctx.store.complete({ ...input, deliveryId: 'missing' })).toBe(false);
    expect(await ctx.store.listAttempts(delivery.id)).toHaveLength(1);
    expect((await ctx.store.getDelivery('acct', delivery.id))?.state).toBe('failed');
  });

  it('requeues a delivery in any state', async () => {
    const delivery = await publishOne(ctx.store, 'acct');
    await claim(ctx);
    await ctx.store.complete({
      deliveryId: delivery.id,
      owner: 'w1',
      rounds: 1,
      attempts: [makeAttempt(delivery.id, 1)],
      update: { state: 'failed', finishedAt: T0 + 5 },
    });

    const requeued = await ctx.store.requeue('acct', delivery.id, T0 + 100);
    expect(requeued).toMatchObject({
      id: delivery.id,
      state: 'queued',
      nextAttemptAt: T0 + 100,
      finishedAt: null,
      leaseOwner: null,
      attempts: 1,
      rounds: 1,
    });
    expect(requeued?.webhook).toEqual((await ctx.store.getDelivery('acct', delivery.id))?.webhook);
    expect(ids(await claim(ctx, { now: T0 + 100 }))).toEqual([delivery.id]);

    const leased = await ctx.store.requeue('acct', delivery.id, T0 + 200);
    expect(leased).toMatchObject({
      leaseOwner: null,
      leaseExpiresAt: null,
      nextAttemptAt: T0 + 200,
    });
    expect(await ctx.store.requeue('other', delivery.id, T0)).toBeNull();
    expect(await ctx.store.requeue('acct', 'missing', T0)).toBeNull();
  });

  it('releases an owner’s leases so the deliveries are due at once', async () => {
    const a = await publishOne(ctx.store, 'acct', { nextAttemptAt: T0 - 5 });
    const b = await publishOne(ctx.store, 'acct');
    const other = await publishOne(ctx.store, 'acct', { nextAttemptAt: T0 + 1 });
    await claim(ctx, { limit: 2 });
    await claim(ctx, { owner: 'w2', now: T0 + 1 });

    expect(await ctx.store.releaseLeases('w1', T0 + 10)).toBe(2);
    expect(await ctx.store.releaseLeases('w1', T0 + 10)).toBe(0);
    const released = await claim(ctx, { owner: 'w3', now: T0 + 10 });
    expect(ids(released)).toEqual([a.id, b.id]);
    expect(released[0]?.nextAttemptAt).toBe(T0 - 5);
    expect((await ctx.store.getDelivery('acct', other.id))?.leaseOwner).toBe('w2');
  });

  it('tells when the next claim can succeed', async () => {
    expect(await ctx.store.nextDueAt()).toBeNull();
    const soon = await publishOne(ctx.store, 'acct', { nextAttemptAt: T0 + 50 });
    await publishOne(ctx.store, 'acct', { nextAttemptAt: T0 + 500 });
    expect(await ctx.store.nextDueAt()).toBe(T0 + 50);

    // A leased delivery counts from its lease expiry, even once that has passed.
    await claim(ctx, { now: T0 + 50, leaseMs: 100 });
    expect(await ctx.store.nextDueAt()).toBe(T0 + 150);

    await ctx.store.complete({
      deliveryId: soon.id,
      owner: 'w1',
      rounds: 1,
      attempts: [],
      update: { state: 'delivered', finishedAt: T0 + 60 },
    });
    expect(await ctx.store.nextDueAt()).toBe(T0 + 500);
    await claim(ctx, { owner: 'w2', now: T0 + 500, leaseMs: 10_000 });
    expect(await ctx.store.nextDueAt()).toBe(T0 + 10_500);
  });

  it('counts queued deliveries, due or not, leased or not', async () => {
    expect(await ctx.store.countQueued()).toBe(0);
    const done = await publishOne(ctx.store, 'acct');
    await publishOne(ctx.store, 'acct', { nextAttemptAt: T0 + 10_000 });
    await publishOne(ctx.store, 'acct', { nextAttemptAt: T0 - 1 });
    await claim(ctx, { limit: 1 });
    await claim(ctx, { owner: 'w2' });
    await ctx.store.complete({
      deliveryId: done.id,
      owner: 'w2',
      rounds: 1,
      attempts: [],
      update: { state: 'delivered', finishedAt: T0 },
    });
    expect(await ctx.store.countQueued()).toBe(2);
  });
}

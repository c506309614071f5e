import { expect, it } from 'vitest';
import { makeEvent, makeNewDelivery, publishOne, T0 } from './store-fixtures.js';
import type { ContractContext } from './store-fixture.js';

export function publishContract(ctx: ContractContext): void {
  it('writes the event and its deliveries', async () => {
    const event = makeEvent('acct');
    const plain = makeNewDelivery({ nextAttemptAt: T0 + 7 });
    const custom = makeNewDelivery({
      target: {
        url: 'http://127.0.0.1:9000/hook',
        failoverUrl: null,
        method: 'GET',
        apiVersion: '1',
        timeoutMs: 2500,
        retrySchedule: [1000, 60_000],
        bodyFormat: 'compact',
      },
      origin: 'http://127.0.0.1:9000',
      options: { chaos: { drop: 0.5 } },
    });

    expect(await ctx.store.publish({ event, deliveries: [plain, custom] })).toEqual({
      created: true,
    });
    expect(await ctx.store.getEvent('acct', event.id)).toEqual(event);
    expect(await ctx.store.getDelivery('acct', plain.id)).toEqual({
      id: plain.id,
      accountId: 'acct',
      eventId: event.id,
      eventType: event.eventType,
      webhook: event.webhook,
      target: plain.target,
      origin: plain.origin,
      state: 'queued',
      attempts: 0,
      rounds: 0,
      nextAttemptAt: T0 + 7,
      leaseOwner: null,
      leaseExpiresAt: null,
      startedAt: null,
      finishedAt: null,
      createdAt: event.createdAt,
      options: {},
    });
    const stored = await ctx.store.getDelivery('acct', custom.id);
    expect(stored?.target).toEqual(custom.target);
    expect(stored?.options).toEqual({ chaos: { drop: 0.5 } });
  });

  it('ignores a repeated event id and reports the existing event', async () => {
    const event = makeEvent('acct');
    await ctx.store.publish({ event, deliveries: [makeNewDelivery()] });
    const again = { ...event, webhook: { changed: true }, createdAt: T0 + 1 };
    const extra = makeNewDelivery();

    expect(await ctx.store.publish({ event: again, deliveries: [extra] })).toEqual({
      created: false,
      existing: event,
    });
    expect(await ctx.store.getDelivery('acct', extra.id)).toBeNull();
    expect(await ctx.store.countQueued()).toBe(1);
    expect((await ctx.store.listDeliveries('acct', {}, { number: 1, size: 10 })).total).toBe(1);
  });

  it('creates an event published twice at the same moment once, with the first deliveries', async () => {
    const event = makeEvent('acct');
    const [kept, dropped] = [makeNewDelivery(), makeNewDelivery()];
    const results = await Promise.all([
      ctx.store.publish({ event, deliveries: [kept] }),
      ctx.store.publish({ event: { ...event, createdAt: T0 + 1 }, deliveries: [dropped] }),
    ]);

    expect(results).toEqual([{ created: true }, { created: false, existing: event }]);
    expect(await ctx.store.getDelivery('acct', kept.id)).not.toBeNull();
    expect(await ctx.store.getDelivery('acct', dropped.id)).toBeNull();
    expect(await ctx.store.countQueued()).toBe(1);
  });

  it('scopes event ids per account', async () => {
    const event = makeEvent('acct-a');
    await ctx.store.publish({ event, deliveries: [makeNewDelivery()] });
    const sameId = makeEvent('acct-b', { id: event.id });

    expect(await ctx.store.publish({ event: sameId, deliveries: [makeNewDelivery()] })).toEqual({
      created: true,
    });
    expect(await ctx.store.getEvent('acct-b', event.id)).toEqual(sameId);
    expect(await ctx.store.countQueued()).toBe(2);
  });

  it('accepts an event without deliveries, once', async () => {
    const event = makeEvent('acct');
    expect(await ctx.store.publish({ event, deliveries: [] })).toEqual({ created: true });
    expect(await ctx.store.publish({ event, deliveries: [] })).toEqual({
      created: false,
      existing: event,
    });
  });

  it('scopes deliveries by account on read', async () => {
    const delivery = await publishOne(ctx.store, 'acct');
    expect(await ctx.store.getDelivery('other', delivery.id)).toBeNull();
    expect(await ctx.store.getEvent('other', 'missing')).toBeNull();
  });

  it('keeps concurrent publishes independent when one fails', async () => {
    const taken = await publishOne(ctx.store, 'acct');
    const [first, clash, last] = [makeEvent('acct'), makeEvent('acct'), makeEvent('acct')];
    const results = await Promise.allSettled([
      ctx.store.publish({ event: first, deliveries: [makeNewDelivery()] }),
      ctx.store.publish({ event: clash, deliveries: [makeNewDelivery({ id: taken.id })] }),
      ctx.store.publish({ event: last, deliveries: [makeNewDelivery()] }),
    ]);

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await ctx.store.getEvent('acct', first.id)).toEqual(first);
    expect(await ctx.store.getEvent('acct', clash.id)).toBeNull();
    expect(await ctx.store.getEvent('acct', last.id)).toEqual(last);
    expect(await ctx.store.countQueued()).toBe(3);

    const alone = makeEvent('acct');
    await expect(
      ctx.store.publish({ event: alone, deliveries: [makeNewDelivery({ id: taken.id })] }),
    ).rejects.toThrow();
    expect(await ctx.store.getEvent('acct', alone.id)).toBeNull();
  });

  it('stores U+0000 in strings as U+FFFD', async () => {
    const event = makeEvent('acct', { webhook: { text: 'a\u0000b', 'k\u0000': 1 } });
    await ctx.store.publish({ event, deliveries: [] });
    expect((await ctx.store.getEvent('acct', event.id))?.webhook).toEqual({
      text: 'a\uFFFDb',
      'k\uFFFD': 1,
    });
  });
}

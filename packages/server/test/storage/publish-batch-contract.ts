import { expect, it } from 'vitest';
import type { PublishInput } from '../../src/storage/store.js';
import { makeEvent, makeNewDelivery, publishOne } from './store-fixtures.js';
import type { ContractContext } from './store-fixture.js';

function input(accountId = 'acct', overrides: Partial<PublishInput> = {}): PublishInput {
  return { event: makeEvent(accountId), deliveries: [makeNewDelivery()], ...overrides };
}

export function publishBatchContract(ctx: ContractContext): void {
  it('writes every event and its deliveries, reporting each in order', async () => {
    const inputs = [input(), input(), input()];
    expect(await ctx.store.publishBatch(inputs)).toEqual([true, true, true]);
    for (const { event, deliveries } of inputs) {
      expect(await ctx.store.getEvent('acct', event.id)).toEqual(event);
      expect((await ctx.store.getDelivery('acct', deliveries[0]?.id ?? ''))?.eventId).toBe(
        event.id,
      );
    }
    expect(await ctx.store.countQueued()).toBe(3);
  });

  it('creates an id repeated within the batch once, with the first deliveries', async () => {
    const first = input();
    const again = input('acct', { event: { ...first.event, eventType: 'other' } });
    expect(await ctx.store.publishBatch([first, input(), again])).toEqual([true, true, false]);
    expect(await ctx.store.getEvent('acct', first.event.id)).toEqual(first.event);
    expect(await ctx.store.getDelivery('acct', again.deliveries[0]?.id ?? '')).toBeNull();
    expect(await ctx.store.countQueued()).toBe(2);
  });

  it('writes nothing for an id published before', async () => {
    const earlier = input();
    await ctx.store.publish(earlier);
    const repeat = input('acct', { event: earlier.event });
    expect(await ctx.store.publishBatch([input(), repeat])).toEqual([true, false]);
    expect(await ctx.store.getDelivery('acct', repeat.deliveries[0]?.id ?? '')).toBeNull();
    expect(await ctx.store.countQueued()).toBe(2);
  });

  it('keeps nothing of a batch when one of its writes fails', async () => {
    const taken = await publishOne(ctx.store, 'acct');
    const batch = [input(), input('acct', { deliveries: [makeNewDelivery({ id: taken.id })] })];
    await expect(ctx.store.publishBatch(batch)).rejects.toThrow();
    for (const { event } of batch) expect(await ctx.store.getEvent('acct', event.id)).toBeNull();
    expect(await ctx.store.countQueued()).toBe(1);
  });

  it('fails alone: publishes made at the same moment still commit', async () => {
    const taken = await publishOne(ctx.store, 'acct');
    const [before, after] = [input(), input()];
    const failing = [input(), input('acct', { deliveries: [makeNewDelivery({ id: taken.id })] })];
    const results = await Promise.allSettled([
      ctx.store.publish(before),
      ctx.store.publishBatch(failing),
      ctx.store.publishBatch([after]),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await ctx.store.getEvent('acct', before.event.id)).toEqual(before.event);
    expect(await ctx.store.getEvent('acct', after.event.id)).toEqual(after.event);
    expect(await ctx.store.getEvent('acct', failing[0]?.event.id ?? '')).toBeNull();
  });

  it('takes a thousand events at once, and an empty batch', async () => {
    const inputs = Array.from({ length: 1_000 }, () => input());
    const created = await ctx.store.publishBatch(inputs);
    expect(created.filter(Boolean)).toHaveLength(1_000);
    expect(await ctx.store.countQueued()).toBe(1_000);
    expect(await ctx.store.publishBatch([])).toEqual([]);
  });
}

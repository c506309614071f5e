import { describe, expect, it } from 'vitest';
import { UnclaimedDeliveries } from '../../src/storage/unclaimed-deliveries.js';
import { makeEvent, makeNewDelivery, T0 } from './store-fixtures.js';

const lease = { owner: 'w1', expiresAt: T0 + 30_000 };
const row = (id: string) => ({ id, attempts: 0, rounds: 0, next_attempt_at: T0, started_at: null });

// Each entry holds its event's whole webhook, up to the 1 MiB body limit, so a count alone would
// let 4,096 large events hold gigabytes: the bytes of the stored webhooks are bounded too.
describe('UnclaimedDeliveries, bounded by bytes', () => {
  it('forgets the oldest entries once the webhooks it holds pass maxBytes', () => {
    const cache = new UnclaimedDeliveries(100, 1_000);
    const deliveries = [makeNewDelivery(), makeNewDelivery(), makeNewDelivery()];
    for (const delivery of deliveries) cache.remember(makeEvent('acct'), delivery, true, 400);
    expect(cache.size).toBe(2);
    expect(cache.take(row(deliveries[0]!.id), lease)).toBeUndefined();
    expect(cache.take(row(deliveries[1]!.id), lease)).toBeDefined();
    expect(cache.take(row(deliveries[2]!.id), lease)).toBeDefined();
  });

  it('frees the bytes of an entry when it is claimed', () => {
    const cache = new UnclaimedDeliveries(100, 1_000);
    const first = makeNewDelivery();
    cache.remember(makeEvent('acct'), first, true, 900);
    cache.take(row(first.id), lease);
    const second = makeNewDelivery();
    cache.remember(makeEvent('acct'), second, true, 900);
    expect(cache.size).toBe(1);
    expect(cache.take(row(second.id), lease)).toBeDefined();
  });

  it('does not remember a webhook larger than maxBytes on its own', () => {
    const cache = new UnclaimedDeliveries(100, 1_000);
    cache.remember(makeEvent('acct'), makeNewDelivery(), true, 1_001);
    expect(cache.size).toBe(0);
  });
});

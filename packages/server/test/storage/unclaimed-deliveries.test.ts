import { describe, expect, it } from 'vitest';
import { jsonStoredAsIs, UnclaimedDeliveries } from '../../src/storage/unclaimed-deliveries.js';
import { makeEvent, makeNewDelivery, T0 } from './store-fixtures.js';

const lease = { owner: 'w1', expiresAt: T0 + 30_000 };

function claimedRow(id: string) {
  return { id, attempts: 2, rounds: 1, next_attempt_at: T0, started_at: T0 - 5 };
}

describe('UnclaimedDeliveries', () => {
  it('hands a remembered delivery out once, with the claimed columns', () => {
    const cache = new UnclaimedDeliveries();
    const event = makeEvent('acct');
    const delivery = makeNewDelivery();
    cache.remember(event, delivery, true);

    expect(cache.take(claimedRow(delivery.id), lease)).toEqual({
      id: delivery.id,
      accountId: 'acct',
      eventId: event.id,
      eventType: event.eventType,
      webhook: event.webhook,
      target: delivery.target,
      origin: delivery.origin,
      state: 'queued',
      attempts: 2,
      rounds: 1,
      nextAttemptAt: T0,
      leaseOwner: 'w1',
      leaseExpiresAt: T0 + 30_000,
      startedAt: T0 - 5,
      finishedAt: null,
      createdAt: event.createdAt,
      options: {},
    });
    expect(cache.take(claimedRow(delivery.id), lease)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('forgets the oldest entries past its limit', () => {
    const cache = new UnclaimedDeliveries(2);
    const deliveries = [makeNewDelivery(), makeNewDelivery(), makeNewDelivery()];
    for (const delivery of deliveries) cache.remember(makeEvent('acct'), delivery, true);

    expect(cache.size).toBe(2);
    expect(cache.take(claimedRow(deliveries[0]!.id), lease)).toBeUndefined();
    expect(cache.take(claimedRow(deliveries[2]!.id), lease)).toBeDefined();
  });

  it('does not remember what may not read back as written', () => {
    const cache = new UnclaimedDeliveries();
    const delivery = makeNewDelivery();
    cache.remember(makeEvent('acct'), delivery, jsonStoredAsIs('{"a":"\uFFFD"}'));
    expect(cache.take(claimedRow(delivery.id), lease)).toBeUndefined();
    expect(jsonStoredAsIs('{"a":1}', '{}')).toBe(true);
  });
});

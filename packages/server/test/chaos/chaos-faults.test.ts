import { afterEach, describe, expect, it } from 'vitest';
import { webhookDeliveryView } from '../../src/http/api/webhook-deliveries/webhook-delivery-view.js';
import { STALE_TIMESTAMP_SECS } from '../../src/engine/delivery/chaos/try-chaos.js';
import { DELIVERY_ERROR_CODES } from '../../src/engine/delivery/delivery-error-codes.js';
import { chaosHarness, eventually, faultsOf, type ChaosHarness } from './support/chaos-harness.js';

let harness: ChaosHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function open(handlerDelayMs = 0): Promise<ChaosHarness> {
  harness = await chaosHarness(handlerDelayMs);
  return harness;
}

describe('chaos faults seen by a real receiver', () => {
  it('fail_first: the first try fails unsent, so the failover URL gets attempt 2', async () => {
    const h = await open();
    const { deliveryId } = await h.publish(
      '/primary',
      { fail_first: 1 },
      { failoverPath: '/failover' },
    );
    await eventually(() => h.receiver.arrivals.length === 1);

    expect(h.receiver.arrivals[0]).toMatchObject({ path: '/failover', attempt: 2, verified: true });
    await eventually(async () => (await h.attemptsOf(deliveryId)).length === 2);
    const attempts = [...(await h.attemptsOf(deliveryId))].reverse();
    expect(attempts[0]).toMatchObject({ status: 'failed', response: null });
    expect(attempts[0]?.errors).toEqual([DELIVERY_ERROR_CODES.chaosFailure]);
    expect(faultsOf(attempts[0])).toEqual([{ fault: 'fail_first', detail: { try: 1, of: 1 } }]);
    expect(attempts[1]).toMatchObject({ status: 'delivered', url: h.receiver.url('/failover') });
  });

  it('fail_first: tries past the first round count too, so the retry round is exercised', async () => {
    const h = await open();
    const { deliveryId } = await h.publish('/hook', { fail_first: 2 });
    await eventually(() => h.receiver.arrivals.length === 1);

    expect(h.receiver.arrivals.map((a) => a.attempt)).toEqual([3]);
    await eventually(async () => (await h.attemptsOf(deliveryId)).length === 3);
    const delivery = await h.store.getDelivery(h.account.id, deliveryId);
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 3, rounds: 3 });
  });

  it('duplicate: a second delivery of the same event (same data.id) arrives', async () => {
    const h = await open();
    const { eventId, deliveryId } = await h.publish('/hook', { duplicate: 1 });
    await eventually(() => h.receiver.arrivals.length === 2);

    expect(h.receiver.arrivals.map((a) => a.eventId)).toEqual([eventId, eventId]);
    expect(h.receiver.arrivals.every((a) => a.verified === true)).toBe(true);
    const deliveries = await h.deliveriesOf(eventId);
    expect(deliveries).toHaveLength(2);
    const copy = deliveries.find((d) => d.id !== deliveryId)!;
    await eventually(async () => (await h.attemptsOf(copy.id)).length === 1);
    const [attempt] = await h.attemptsOf(copy.id);
    expect(faultsOf(attempt)).toEqual([
      { fault: 'duplicate', detail: { of: deliveryId, probability: 1 } },
    ]);
  });

  it('delay: the try waits, and the Deliveries API shows the fault and its reason', async () => {
    const h = await open();
    const { deliveryId, at } = await h.publish('/hook', { delay: { min_ms: 150, max_ms: 150 } });
    await eventually(() => h.receiver.arrivals.length === 1);

    expect(h.receiver.arrivals[0]!.at - at).toBeGreaterThanOrEqual(149);
    await eventually(async () => (await h.attemptsOf(deliveryId)).length === 1);
    const delivery = (await h.store.getDelivery(h.account.id, deliveryId))!;
    const view = webhookDeliveryView(delivery, await h.attemptsOf(deliveryId));
    expect(view['attempts']).toMatchObject([
      { status: 'delivered', switchboard: { chaos: [{ fault: 'delay', detail: { ms: 150 } }] } },
    ]);
  });

  it('stale_timestamp: the receiver refuses a timestamp older than its tolerance', async () => {
    const h = await open();
    const { deliveryId } = await h.publish('/hook', { stale_timestamp: true });
    await eventually(() => h.receiver.arrivals.length === 1);

    const [arrival] = h.receiver.arrivals;
    expect(arrival?.verified).toBe('WH_TIMESTAMP_TOO_OLD');
    const age = Math.floor(Date.now() / 1000) - arrival!.timestamp;
    expect(age).toBeGreaterThanOrEqual(STALE_TIMESTAMP_SECS - 2);
    await eventually(async () => (await h.attemptsOf(deliveryId)).length === 1);
    const [attempt] = await h.attemptsOf(deliveryId);
    expect(attempt).toMatchObject({ status: 'failed', response: { status: 400 } });
    expect(faultsOf(attempt)).toEqual([
      { fault: 'stale_timestamp', detail: { age_secs: STALE_TIMESTAMP_SECS } },
    ]);
  });

  it('clock_skew_secs: the signed timestamp is shifted, and within tolerance still verifies', async () => {
    const h = await open();
    await h.publish('/hook', { clock_skew_secs: 120 });
    await eventually(() => h.receiver.arrivals.length === 1);

    const [arrival] = h.receiver.arrivals;
    const shift = arrival!.timestamp - Math.floor(Date.now() / 1000);
    expect(shift).toBeGreaterThanOrEqual(118);
    expect(shift).toBeLessThanOrEqual(120);
    expect(arrival?.verified).toBe(true);
  });

  it('concurrency: at most N tries in flight at once for the target', async () => {
    const h = await open(40);
    const published = await Promise.all(
      Array.from({ length: 6 }, () => h.publish('/hook', { concurrency: 1 })),
    );
    await eventually(() => h.receiver.arrivals.length === 6);

    expect(h.receiver.maxInFlight).toBe(1);
    await eventually(async () => (await h.attemptsOf(published[5]!.deliveryId)).length === 1);
    const [attempt] = await h.attemptsOf(published[5]!.deliveryId);
    expect(faultsOf(attempt)).toMatchObject([{ fault: 'concurrency', detail: { limit: 1 } }]);
  });

  it('without a concurrency fault the same receiver sees tries overlap', async () => {
    const h = await open(40);
    await Promise.all(Array.from({ length: 6 }, () => h.publish('/hook', {})));
    await eventually(() => h.receiver.arrivals.length === 6);
    expect(h.receiver.maxInFlight).toBeGreaterThan(1);
  });

  it('reorder: events published in order arrive shuffled, each held within the window', async () => {
    const h = await open();
    const published: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      published.push((await h.publish('/hook', { reorder: { window: 400 }, seed: 7 })).eventId);
    }
    await eventually(() => h.receiver.arrivals.length === 12);

    const arrived = h.receiver.arrivals.map((a) => a.eventId);
    expect([...arrived].sort()).toEqual([...published].sort());
    expect(arrived).not.toEqual(published);
    const [first] = await h.deliveriesOf(published[0]!);
    await eventually(async () => (await h.attemptsOf(first!.id)).length === 1);
    const [attempt] = await h.attemptsOf(first!.id);
    expect(faultsOf(attempt)[0]).toMatchObject({ fault: 'reorder', detail: { window_ms: 400 } });
  });
});

import { describe, expect, it } from 'vitest';
import { publish, settled, startWorker, T0 } from './support/delivery-fixture.js';
import { useDeliveryHarness } from './support/delivery-harness.js';

const h = useDeliveryHarness();

describe('rounds: primary, failover and retries', () => {
  it('a failing primary is followed by the failover in the same round', async () => {
    h.receiver.on('/primary', { status: 503 }).on('/failover', { status: 200, body: 'All good.' });
    const id = await publish(h.fixture, h.receiver.url('/primary'), {
      failoverUrl: h.receiver.url('/failover'),
    });
    h.worker.wake();
    expect(await settled(h.fixture, id, 2)).toMatchObject({
      state: 'delivered',
      attempts: 2,
      rounds: 1,
    });
    expect(h.receiver.to('/primary')[0]!.envelope).toMatchObject({
      meta: { attempt: 1, delivered_to: h.receiver.url('/primary') },
    });
    expect(h.receiver.to('/failover')[0]!.envelope).toMatchObject({
      meta: { attempt: 2, delivered_to: h.receiver.url('/failover') },
    });
    const attempts = await h.fixture.store.listAttempts(id);
    expect(attempts.map((a) => [a.attempt, a.url, a.status, a.errors])).toEqual([
      [2, h.receiver.url('/failover'), 'delivered', []],
      [1, h.receiver.url('/primary'), 'failed', [75499]],
    ]);
  });

  it('a 404 primary still tries the failover; both final means failed, no new round', async () => {
    h.receiver.on('/typo', { status: 404 }).on('/gone', { status: 410 });
    const id = await publish(h.fixture, h.receiver.url('/typo'), {
      failoverUrl: h.receiver.url('/gone'),
    });
    h.worker.wake();
    expect(await settled(h.fixture, id, 2)).toMatchObject({
      state: 'failed',
      attempts: 2,
      nextAttemptAt: null,
    });
  });

  it('one retryable failure in a round is enough for a new round', async () => {
    h.receiver.on('/typo', { status: 404 }).on('/down', { status: 500 });
    const id = await publish(h.fixture, h.receiver.url('/typo'), {
      failoverUrl: h.receiver.url('/down'),
    });
    h.worker.wake();
    expect(await settled(h.fixture, id, 2)).toMatchObject({
      state: 'queued',
      nextAttemptAt: T0 + 60_000,
    });
  });

  it('meta.attempt counts every try across rounds, each freshly timestamped and signed', async () => {
    h.receiver
      .on('/a', { status: 500 })
      .on('/b', (_request, count) => (count < 2 ? { status: 502 } : { status: 200 }));
    const id = await publish(h.fixture, h.receiver.url('/a'), {
      failoverUrl: h.receiver.url('/b'),
    });
    for (const delay of [0, 60_000, 300_000]) {
      h.fixture.clock.advance(delay);
      h.worker.wake();
      await settled(h.fixture, id, h.receiver.received.length + 2);
    }
    expect(await h.fixture.store.getDelivery(h.fixture.accountId, id)).toMatchObject({
      state: 'delivered',
      attempts: 6,
      rounds: 3,
    });
    const metas = h.receiver.received.map((request) => request.envelope?.['meta']);
    expect(metas.map((meta) => (meta as { attempt: number }).attempt)).toEqual([1, 2, 3, 4, 5, 6]);
    const stamps = h.receiver.received.map((request) => request.headers['telnyx-timestamp']);
    expect(stamps).toEqual([0, 0, 60, 60, 360, 360].map((s) => String(T0 / 1000 + s)));
    const signatures = new Set(
      h.receiver.received.map((request) => request.headers['telnyx-signature-ed25519']),
    );
    expect(signatures.size).toBe(6);
  });

  it('gives up after the last round of the schedule', async () => {
    await h.worker.stop({ graceMs: 0 });
    h.worker = startWorker(h.fixture, { schedule: [1_000] });
    h.receiver.on('/down', { status: 500 });
    const id = await publish(h.fixture, h.receiver.url('/down'));
    h.worker.wake();
    expect(await settled(h.fixture, id, 1)).toMatchObject({
      state: 'queued',
      nextAttemptAt: T0 + 1_000,
    });
    h.fixture.clock.advance(1_000);
    h.worker.wake();
    expect(await settled(h.fixture, id, 2)).toMatchObject({
      state: 'failed',
      rounds: 2,
      finishedAt: T0 + 1_000,
    });
  });

  it('a per-delivery retry schedule overrides the server schedule', async () => {
    h.receiver.on('/down', { status: 500 });
    const id = await publish(h.fixture, h.receiver.url('/down'), { retrySchedule: [5_000] });
    h.worker.wake();
    expect(await settled(h.fixture, id, 1)).toMatchObject({
      state: 'queued',
      nextAttemptAt: T0 + 5_000,
    });
  });

  it('503 with Retry-After in HTTP-date form delays the round', async () => {
    const retryAt = new Date(T0 + 600_000).toUTCString();
    h.receiver.on('/maint', { status: 503, headers: { 'retry-after': retryAt } });
    const id = await publish(h.fixture, h.receiver.url('/maint'));
    h.worker.wake();
    expect(await settled(h.fixture, id, 1)).toMatchObject({
      state: 'queued',
      nextAttemptAt: T0 + 600_000,
    });
  });

  it('exactly 3 redirects then 200 is still one delivered try', async () => {
    h.receiver.on('/r', (_request, count) =>
      count < 3 ? { status: 308, headers: { location: '/r' } } : { status: 200 },
    );
    const id = await publish(h.fixture, h.receiver.url('/r'));
    h.worker.wake();
    expect(await settled(h.fixture, id, 1)).toMatchObject({ state: 'delivered', attempts: 1 });
    expect(h.receiver.to('/r')).toHaveLength(4);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryWorker } from '../../src/delivery/delivery-worker.js';
import {
  openFixture,
  publish,
  settled,
  startWorker,
  T0,
  type Fixture,
} from './support/delivery-fixture.js';
import { TestReceiver } from './support/test-receiver.js';

let fixture: Fixture;
let receiver: TestReceiver;
let worker: DeliveryWorker;

beforeEach(async () => {
  fixture = await openFixture();
  receiver = await TestReceiver.start(fixture.keys.publicKey, fixture.clock.now);
  worker = startWorker(fixture);
});

afterEach(async () => {
  await worker.stop({ graceMs: 0 });
  await receiver.close();
  await fixture.store.close();
  expect(receiver.rejected).toEqual([]);
});

describe('rounds: primary, failover and retries', () => {
  it('a failing primary is followed by the failover in the same round', async () => {
    receiver.on('/primary', { status: 503 }).on('/failover', { status: 200, body: 'All good.' });
    const id = await publish(fixture, receiver.url('/primary'), {
      failoverUrl: receiver.url('/failover'),
    });
    worker.wake();
    expect(await settled(fixture, id, 2)).toMatchObject({
      state: 'delivered',
      attempts: 2,
      rounds: 1,
    });
    expect(receiver.to('/primary')[0]!.envelope).toMatchObject({
      meta: { attempt: 1, delivered_to: receiver.url('/primary') },
    });
    expect(receiver.to('/failover')[0]!.envelope).toMatchObject({
      meta: { attempt: 2, delivered_to: receiver.url('/failover') },
    });
    const attempts = await fixture.store.listAttempts(id);
    expect(attempts.map((a) => [a.attempt, a.url, a.status, a.errors])).toEqual([
      [2, receiver.url('/failover'), 'delivered', []],
      [1, receiver.url('/primary'), 'failed', [75499]],
    ]);
  });

  it('a 404 primary still tries the failover; both final means failed, no new round', async () => {
    receiver.on('/typo', { status: 404 }).on('/gone', { status: 410 });
    const id = await publish(fixture, receiver.url('/typo'), {
      failoverUrl: receiver.url('/gone'),
    });
    worker.wake();
    expect(await settled(fixture, id, 2)).toMatchObject({
      state: 'failed',
      attempts: 2,
      nextAttemptAt: null,
    });
  });

  it('one retryable failure in a round is enough for a new round', async () => {
    receiver.on('/typo', { status: 404 }).on('/down', { status: 500 });
    const id = await publish(fixture, receiver.url('/typo'), {
      failoverUrl: receiver.url('/down'),
    });
    worker.wake();
    expect(await settled(fixture, id, 2)).toMatchObject({
      state: 'queued',
      nextAttemptAt: T0 + 60_000,
    });
  });

  it('meta.attempt counts every try across rounds, each freshly timestamped and signed', async () => {
    receiver
      .on('/a', { status: 500 })
      .on('/b', (_request, count) => (count < 2 ? { status: 502 } : { status: 200 }));
    const id = await publish(fixture, receiver.url('/a'), { failoverUrl: receiver.url('/b') });
    for (const delay of [0, 60_000, 300_000]) {
      fixture.clock.advance(delay);
      worker.wake();
      await settled(fixture, id, receiver.received.length + 2);
    }
    expect(await fixture.store.getDelivery(fixture.accountId, id)).toMatchObject({
      state: 'delivered',
      attempts: 6,
      rounds: 3,
    });
    const metas = receiver.received.map((request) => request.envelope?.['meta']);
    expect(metas.map((meta) => (meta as { attempt: number }).attempt)).toEqual([1, 2, 3, 4, 5, 6]);
    const stamps = receiver.received.map((request) => request.headers['telnyx-timestamp']);
    expect(stamps).toEqual([0, 0, 60, 60, 360, 360].map((s) => String(T0 / 1000 + s)));
    const signatures = new Set(
      receiver.received.map((request) => request.headers['telnyx-signature-ed25519']),
    );
    expect(signatures.size).toBe(6);
  });

  it('gives up after the last round of the schedule', async () => {
    await worker.stop({ graceMs: 0 });
    worker = startWorker(fixture, { schedule: [1_000] });
    receiver.on('/down', { status: 500 });
    const id = await publish(fixture, receiver.url('/down'));
    worker.wake();
    expect(await settled(fixture, id, 1)).toMatchObject({
      state: 'queued',
      nextAttemptAt: T0 + 1_000,
    });
    fixture.clock.advance(1_000);
    worker.wake();
    expect(await settled(fixture, id, 2)).toMatchObject({
      state: 'failed',
      rounds: 2,
      finishedAt: T0 + 1_000,
    });
  });

  it('a per-delivery retry schedule overrides the server schedule', async () => {
    receiver.on('/down', { status: 500 });
    const id = await publish(fixture, receiver.url('/down'), { retrySchedule: [5_000] });
    worker.wake();
    expect(await settled(fixture, id, 1)).toMatchObject({
      state: 'queued',
      nextAttemptAt: T0 + 5_000,
    });
  });

  it('503 with Retry-After in HTTP-date form delays the round', async () => {
    const retryAt = new Date(T0 + 600_000).toUTCString();
    receiver.on('/maint', { status: 503, headers: { 'retry-after': retryAt } });
    const id = await publish(fixture, receiver.url('/maint'));
    worker.wake();
    expect(await settled(fixture, id, 1)).toMatchObject({
      state: 'queued',
      nextAttemptAt: T0 + 600_000,
    });
  });

  it('exactly 3 redirects then 200 is still one delivered try', async () => {
    receiver.on('/r', (_request, count) =>
      count < 3 ? { status: 308, headers: { location: '/r' } } : { status: 200 },
    );
    const id = await publish(fixture, receiver.url('/r'));
    worker.wake();
    expect(await settled(fixture, id, 1)).toMatchObject({ state: 'delivered', attempts: 1 });
    expect(receiver.to('/r')).toHaveLength(4);
  });
});

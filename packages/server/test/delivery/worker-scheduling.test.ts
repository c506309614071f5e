import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  LEASE_SLACK_MS,
  MAX_TARGET_TIMEOUT_MS,
} from '../../src/engine/delivery/delivery-worker.js';
import {
  openFixture,
  publish,
  settled,
  startWorker,
  T0,
  type Fixture,
  until,
} from './support/delivery-fixture.js';
import { TestReceiver } from './support/test-receiver.js';

let fixture: Fixture;
let healthy: TestReceiver;
let stuck: TestReceiver;

beforeEach(async () => {
  fixture = await openFixture();
  healthy = await TestReceiver.start(fixture.keys.publicKey, fixture.clock.now);
  stuck = await TestReceiver.start(fixture.keys.publicKey, fixture.clock.now);
  stuck.on('/hook', 'hang');
});

afterEach(async () => {
  await Promise.all([healthy.close(), stuck.close()]);
  await fixture.store.close();
  expect([...healthy.rejected, ...stuck.rejected]).toEqual([]);
});

/** A store member with `this` kept: the store's methods use private fields. */
function bound(target: object, name: string | symbol): unknown {
  const value = Reflect.get(target, name) as unknown;
  return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
}

describe('worker scheduling', () => {
  it('a hanging origin with a backlog holds only its own slots; a healthy origin is not held back', async () => {
    const stuckIds = [];
    for (let i = 0; i < 30; i += 1)
      stuckIds.push(await publish(fixture, stuck.url('/hook'), { timeoutMs: 30_000 }));
    const healthyIds = [];
    for (let i = 0; i < 20; i += 1) healthyIds.push(await publish(fixture, healthy.url('/hook')));
    const worker = startWorker(fixture, { concurrency: 8, perOriginConcurrency: 4 });
    for (const id of healthyIds)
      expect(await settled(fixture, id, 1)).toMatchObject({ state: 'delivered' });
    expect(stuck.maxOpen).toBe(4);
    expect(stuck.received).toHaveLength(4);
    await worker.stop({ graceMs: 0 });
    for (const id of stuckIds) {
      const delivery = await fixture.store.getDelivery(fixture.accountId, id);
      expect(delivery).toMatchObject({
        state: 'queued',
        attempts: 0,
        leaseOwner: null,
        nextAttemptAt: T0,
      });
    }
  });

  it("drains one origin's backlog as its slots free, when each claim is bounded by the origin's room", async () => {
    const ids = [];
    for (let i = 0; i < 40; i += 1) ids.push(await publish(fixture, healthy.url('/hook')));
    // A claim takes at most the origin's room (4 here) of the 16 the worker has room for. That
    // is not the store running dry: the next freed slot must claim again, not the next poll.
    const worker = startWorker(fixture, {
      concurrency: 8,
      perOriginConcurrency: 2,
      pollIntervalMs: 60_000,
    });
    await until(() => healthy.received.length === ids.length);
    await worker.stop();
    expect(healthy.maxOpen).toBeLessThanOrEqual(2);
  });

  it('stop() lets a try in flight finish within the grace period, and records it', async () => {
    healthy.on('/slow', { status: 200, delayMs: 300 });
    const id = await publish(fixture, healthy.url('/slow'));
    const worker = startWorker(fixture);
    await until(() => healthy.received.length === 1);
    await worker.stop({ graceMs: 5_000 });
    expect(await fixture.store.getDelivery(fixture.accountId, id)).toMatchObject({
      state: 'delivered',
      attempts: 1,
    });
  });

  it('stop() aborts a try still in flight after the grace period and gives its lease back', async () => {
    healthy.on('/slow', { status: 200, delayMs: 5_000 });
    const id = await publish(fixture, healthy.url('/slow'));
    const worker = startWorker(fixture);
    await until(() => healthy.received.length === 1);
    await worker.stop({ graceMs: 50 });
    const delivery = await fixture.store.getDelivery(fixture.accountId, id);
    expect(delivery).toMatchObject({
      state: 'queued',
      attempts: 0,
      leaseOwner: null,
      nextAttemptAt: T0,
    });
    expect(await fixture.store.listAttempts(id)).toEqual([]);
  });

  it("a dead worker's lease is taken over once it expires, never before", async () => {
    const id = await publish(fixture, healthy.url('/hook'));
    const leaseMs = MAX_TARGET_TIMEOUT_MS + LEASE_SLACK_MS;
    const [claimed] = await fixture.store.claimDue({ owner: 'dead', now: T0, limit: 1, leaseMs });
    expect(claimed?.id).toBe(id);
    const worker = startWorker(fixture);
    fixture.clock.advance(leaseMs - 1);
    worker.wake();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(healthy.received).toHaveLength(0);
    fixture.clock.advance(1);
    worker.wake();
    expect(await settled(fixture, id, 1)).toMatchObject({ state: 'delivered', attempts: 1 });
    await worker.stop();
    expect(leaseMs).toBeLessThanOrEqual(60_000);
  });

  it('never runs more tries at once than its concurrency', async () => {
    healthy.on('/hook', { status: 200, delayMs: 20 });
    const ids = [];
    for (let i = 0; i < 40; i += 1) ids.push(await publish(fixture, healthy.url('/hook')));
    const worker = startWorker(fixture, { concurrency: 3, perOriginConcurrency: 10 });
    for (const id of ids) await settled(fixture, id, 1);
    await worker.stop();
    expect(healthy.maxOpen).toBe(3);
    for (const id of ids)
      expect((await fixture.store.getDelivery(fixture.accountId, id))?.state).toBe('delivered');
  });

  it('frees a slot when its tries end, before their record is committed', async () => {
    healthy.on('/hook', { status: 200 });
    const first = await publish(fixture, healthy.url('/hook'));
    const second = await publish(fixture, healthy.url('/hook'));
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const store = fixture.store;
    // Completions wait until the second request has arrived, which only a freed slot allows.
    const slowStore = new Proxy(store, {
      get: (target, name) =>
        name === 'completeMany'
          ? async (inputs: Parameters<typeof store.completeMany>[0]) => {
              await held;
              return target.completeMany(inputs);
            }
          : bound(target, name),
    });
    const worker = startWorker({ ...fixture, store: slowStore }, { concurrency: 1 });
    await until(() => healthy.to('/hook').length === 2);
    release();
    for (const id of [first, second]) await settled(fixture, id, 1);
    await worker.stop();
    expect(healthy.maxOpen).toBe(1);
  });

  it('runs many tries at once without a listener-leak warning on the shutdown signal', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(warning.name);
    };
    process.on('warning', onWarning);
    try {
      healthy.on('/hook', { status: 200, delayMs: 30 });
      const ids = [];
      for (let i = 0; i < 24; i += 1) ids.push(await publish(fixture, healthy.url('/hook')));
      const worker = startWorker(fixture, { concurrency: 24, perOriginConcurrency: 24 });
      for (const id of ids) await settled(fixture, id, 1);
      await worker.stop();
      expect(healthy.maxOpen).toBeGreaterThan(10);
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });
});

import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createDeliveryWorker,
  HANDOFF_MAX_OVERTAKE_MS,
  type DeliveryWorker,
} from '../../src/engine/delivery/delivery-worker.js';
import { publishEvent, type PublishEventDeps } from '../../src/engine/events/publish-event.js';
import type { Account, ClaimInput, Delivery, JsonObject, Store } from '../../src/storage/store.js';
import {
  openFixture,
  settled,
  startWorker,
  type Fixture,
  until,
} from './support/delivery-fixture.js';
import { TestReceiver } from './support/test-receiver.js';

let fixture: Fixture;
let receiver: TestReceiver;
let worker: DeliveryWorker | null = null;
/** Every delivery a claim handed out. */
let claimed: string[];

beforeEach(async () => {
  fixture = await openFixture();
  receiver = await TestReceiver.start(fixture.keys.publicKey, fixture.clock.now);
  claimed = [];
});

afterEach(async () => {
  await worker?.stop({ graceMs: 0 });
  worker = null;
  await receiver.close();
  await fixture.store.close();
  expect(receiver.rejected).toEqual([]);
});

/** The fixture's store, noting what each claim returns. */
function watchedStore(store: Store): Store {
  return new Proxy(store, {
    get(target, name) {
      if (name === 'claimDue') {
        return async (input: ClaimInput): Promise<readonly Delivery[]> => {
          const deliveries = await target.claimDue(input);
          claimed.push(...deliveries.map((delivery) => delivery.id));
          return deliveries;
        };
      }
      const value = Reflect.get(target, name) as unknown;
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

function account(): Account {
  return {
    id: fixture.accountId,
    name: 'test',
    apiKeyHash: 'unused',
    settings: {},
    createdAt: fixture.clock.now(),
  };
}

function deps(store: Store, handoff: DeliveryWorker['handoff'] | undefined): PublishEventDeps {
  return {
    store,
    now: fixture.clock.now,
    newId: randomUUID,
    worker: {
      wake: () => worker?.wake(),
      ...(handoff === undefined ? {} : { handoff }),
    },
  };
}

/** Starts a worker on the watched store and publishes one event through the engine with it. */
async function publishWithWorker(payload: JsonObject): Promise<{ deliveryId: string }> {
  const store = watchedStore(fixture.store);
  worker = startWorker(fixture, { store });
  const outcome = await publishEvent(deps(store, worker.handoff), {
    account: account(),
    eventType: 'call.initiated',
    payload,
    webhookUrl: receiver.url('/hook'),
  });
  if (outcome.kind !== 'published') throw new Error(`not published: ${outcome.kind}`);
  return outcome;
}

describe('new deliveries handed to the worker at publish', () => {
  it('are sent without a claim, and recorded as a claimed one would be', async () => {
    const outcome = await publishWithWorker({ call_control_id: 'v3:handoff' });
    expect(await settled(fixture, outcome.deliveryId, 1)).toMatchObject({
      state: 'delivered',
      attempts: 1,
      startedAt: fixture.clock.now(),
    });
    expect(receiver.received).toHaveLength(1);
    expect(claimed).toEqual([]);
  });

  it('give their lease back when the event is a duplicate, and nothing is sent twice', async () => {
    const store = watchedStore(fixture.store);
    worker = startWorker(fixture, { store, concurrency: 1, prefetch: 0 });
    const input = {
      account: account(),
      eventType: 'call.initiated',
      payload: {},
      webhookUrl: receiver.url('/hook'),
      id: randomUUID(),
    };
    const first = await publishEvent(deps(store, worker.handoff), input);
    if (first.kind !== 'published') throw new Error(`not published: ${first.kind}`);
    await settled(fixture, first.deliveryId, 1);
    expect(await publishEvent(deps(store, worker.handoff), input)).toMatchObject({
      kind: 'duplicate',
    });
    // The duplicate's lease was given back: the worker's one slot takes a new delivery at once.
    expect(worker.handoff.lease('http://127.0.0.1:1')).not.toBeNull();
    expect(receiver.received).toHaveLength(1);
  });

  it('with a payload that would not read back as it is (U+0000), are left to a claim', async () => {
    const outcome = await publishWithWorker({ note: 'a\u0000b' });
    await settled(fixture, outcome.deliveryId, 1);
    expect(claimed).toEqual([outcome.deliveryId]);
    const [request] = receiver.received;
    expect(request?.body).toContain('a\uFFFDb');
  });
});

/** Gives a lease straight back; whether there was one. */
function settle(lease: unknown, origin: string): boolean {
  if (lease === null) return false;
  worker?.handoff.forgo(origin);
  return true;
}

describe('the worker’s room for handed-over deliveries', () => {
  it('is its concurrency plus prefetch, at most twice the per-origin bound per origin', () => {
    worker = startWorker(fixture, { concurrency: 2, prefetch: 2, perOriginConcurrency: 1 });
    const a = 'https://a.example';
    expect(worker.handoff.lease(a)).not.toBeNull();
    expect(worker.handoff.lease(a)).not.toBeNull();
    expect(worker.handoff.lease(a)).toBeNull();
    expect(worker.handoff.lease('https://b.example')).not.toBeNull();
    expect(worker.handoff.lease('https://c.example')).not.toBeNull();
    expect(worker.handoff.lease('https://d.example')).toBeNull();
    worker.handoff.forgo(a);
    expect(worker.handoff.lease('https://d.example')).not.toBeNull();
  });

  it('is none while the store may hold due work more than a second older; a short claim lifts that', async () => {
    worker = startWorker(fixture);
    const a = 'https://a.example';
    await until(() => settle(worker?.handoff.lease(a) ?? null, a));
    // A wake says the store may hold due work no claim has seen yet (a publish left to a claim).
    worker.wake();
    fixture.clock.advance(HANDOFF_MAX_OVERTAKE_MS);
    expect(settle(worker.handoff.lease(a), a)).toBe(true);
    fixture.clock.advance(1);
    expect(worker.handoff.lease(a)).toBeNull();
    // The woken loop claims, finds nothing due, and handing over resumes.
    await until(() => settle(worker?.handoff.lease(a) ?? null, a));
  });

  it('is none before the worker starts and once it stops', async () => {
    const idle = createDeliveryWorker({
      store: fixture.store,
      owner: 'idle',
      now: fixture.clock.now,
    });
    expect(idle.handoff.lease('https://a.example')).toBeNull();
    await idle.stop({ graceMs: 0 });
    worker = startWorker(fixture);
    await worker.stop({ graceMs: 0 });
    expect(worker.handoff.lease('https://a.example')).toBeNull();
  });
});

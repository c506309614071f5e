import { randomUUID } from 'node:crypto';
import { generateKeyPair, type KeyPair } from '@switchboard/core';
import { openSqliteStore } from '../../../src/storage/sqlite/sqlite-store.js';
import type { Delivery, DeliveryTarget, JsonObject, Store } from '../../../src/storage/store.js';
import {
  createDeliveryWorker,
  type DeliveryWorker,
  type DeliveryWorkerOptions,
} from '../../../src/engine/delivery/delivery-worker.js';

export const T0 = Date.UTC(2026, 0, 1);

/** A clock the test moves by hand, so rounds minutes apart run without waiting. */
export class ManualClock {
  #now = T0;
  readonly now = (): number => this.#now;
  advance(ms: number): void {
    this.#now += ms;
  }
}

export interface Fixture {
  readonly store: Store;
  readonly accountId: string;
  readonly keys: KeyPair;
  readonly clock: ManualClock;
}

/** A migrated (by `openSqliteStore`) in-memory SQLite store with one account and its signing key. */
export async function openFixture(): Promise<Fixture> {
  const store = await openSqliteStore({ filename: ':memory:' });
  const keys = generateKeyPair();
  const accountId = randomUUID();
  const account = {
    id: accountId,
    name: 'test',
    apiKeyHash: randomUUID(),
    settings: {},
    createdAt: T0,
  };
  const key = { id: randomUUID(), accountId, ...keys, createdAt: T0, retiresAt: null };
  await store.createAccount(account, key);
  return { store, accountId, keys, clock: new ManualClock() };
}

/** A POST v2 target with a 2 s timeout, as most delivery tests want it. */
export function deliveryTarget(url: string, target: Partial<DeliveryTarget> = {}): DeliveryTarget {
  return {
    url,
    failoverUrl: null,
    method: 'POST',
    apiVersion: '2',
    timeoutMs: 2_000,
    retrySchedule: null,
    bodyFormat: 'telnyx',
    ...target,
  };
}

/** Publishes one event with one delivery to `url`, due now; returns the delivery id. */
export async function publish(
  fixture: Fixture,
  url: string,
  target: Partial<DeliveryTarget> = {},
): Promise<string> {
  const eventId = randomUUID();
  const webhook: JsonObject = {
    record_type: 'event',
    event_type: 'call.initiated',
    id: eventId,
    occurred_at: new Date(fixture.clock.now()).toISOString(),
    payload: { call_control_id: 'v3:abc', to: '+15550100', from: '+15550101', tags: ['a', 'b'] },
  };
  const fullTarget = deliveryTarget(url, target);
  const id = randomUUID();
  const event = {
    id: eventId,
    accountId: fixture.accountId,
    eventType: 'call.initiated',
    webhook,
    createdAt: fixture.clock.now(),
  };
  await fixture.store.publish({
    event,
    deliveries: [
      { id, target: fullTarget, origin: new URL(url).origin, nextAttemptAt: fixture.clock.now() },
    ],
  });
  return id;
}

export function startWorker(
  fixture: Fixture,
  options: Partial<DeliveryWorkerOptions> = {},
): DeliveryWorker {
  const worker = createDeliveryWorker({
    store: fixture.store,
    owner: `test:${randomUUID()}`,
    now: fixture.clock.now,
    random: () => 0.5,
    pollIntervalMs: 50,
    ...options,
  });
  worker.start();
  return worker;
}

/** Polls the store until the delivery has made `attempts` tries and is no longer leased. */
export async function settled(fixture: Fixture, id: string, attempts: number): Promise<Delivery> {
  for (;;) {
    const delivery = await fixture.store.getDelivery(fixture.accountId, id);
    if (delivery !== null && delivery.attempts >= attempts && delivery.leaseOwner === null)
      return delivery;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Polls every 10 ms until `condition` holds; throws after 10 s rather than hang the test. */
export async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 10_000) throw new Error('condition not met within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

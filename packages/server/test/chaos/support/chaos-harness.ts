import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createAccount } from '../../../src/engine/accounts/create-account.js';
import type { ChaosProfile } from '../../../src/engine/delivery/chaos/chaos-profile.js';
import {
  createDeliveryWorker,
  type DeliveryWorker,
} from '../../../src/engine/delivery/delivery-worker.js';
import { publishEvent } from '../../../src/engine/events/publish-event.js';
import { openSqliteStore } from '../../../src/storage/sqlite/sqlite-store.js';
import type { Account, AttemptRecord, Delivery, Store } from '../../../src/storage/store.js';
import { ChaosReceiver } from './chaos-receiver.js';

/** A real store, worker and loopback receiver; events go through `publishEvent`. */
export interface ChaosHarness {
  readonly store: Store;
  readonly account: Account;
  readonly receiver: ChaosReceiver;
  /** Publishes one event to `path` with `chaos`; returns its event id and publish time. */
  publish(
    path: string,
    chaos: ChaosProfile,
    extra?: { failoverPath?: string },
  ): Promise<{ eventId: string; deliveryId: string; at: number }>;
  deliveriesOf(eventId: string): Promise<Delivery[]>;
  attemptsOf(deliveryId: string): Promise<readonly AttemptRecord[]>;
  close(): Promise<void>;
}

/** Rounds 50 ms apart, so retries run within a test. */
const SCHEDULE = [50, 50, 50];

export async function chaosHarness(handlerDelayMs = 0): Promise<ChaosHarness> {
  const store = await openSqliteStore({ filename: ':memory:' });
  const created = await createAccount(store, { name: 'chaos', now: Date.now() });
  const account = created.account;
  const receiver = await ChaosReceiver.start(created.publicKey, handlerDelayMs);
  const worker = createDeliveryWorker({
    store,
    owner: `chaos:${randomUUID()}`,
    schedule: SCHEDULE,
    pollIntervalMs: 20,
  });
  worker.start();
  return {
    store,
    account,
    receiver,
    publish: (path, chaos, extra = {}) =>
      publishTo(store, account, worker, receiver, path, chaos, extra),
    deliveriesOf: async (eventId) =>
      (
        await store.listDeliveries(
          account.id,
          { webhookContains: eventId },
          { number: 1, size: 10 },
        )
      ).rows as Delivery[],
    attemptsOf: (deliveryId) => store.listAttempts(deliveryId),
    close: async () => {
      await worker.stop({ graceMs: 1_000 });
      await receiver.close();
      await store.close();
    },
  };
}

async function publishTo(
  store: Store,
  account: Account,
  worker: DeliveryWorker,
  receiver: ChaosReceiver,
  path: string,
  chaos: ChaosProfile,
  extra: { failoverPath?: string },
): Promise<{ eventId: string; deliveryId: string; at: number }> {
  const at = performance.now();
  const outcome = await publishEvent(
    {
      store,
      now: Date.now,
      newId: randomUUID,
      worker: {
        wake: () => {
          worker.wake();
        },
      },
    },
    {
      account,
      eventType: 'call.initiated',
      payload: { call_control_id: 'v3:chaos' },
      webhookUrl: receiver.url(path),
      ...(extra.failoverPath === undefined
        ? {}
        : { failoverUrl: receiver.url(extra.failoverPath) }),
      chaos,
    },
  );
  if (outcome.kind !== 'published') throw new Error(`publish failed: ${outcome.kind}`);
  return { eventId: outcome.eventId, deliveryId: outcome.deliveryId, at };
}

/** Polls until `check` holds (bounded: the test's own timeout ends a hang). */
export async function eventually(check: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** The `meta.chaos` faults recorded on an attempt. */
export function faultsOf(
  attempt: AttemptRecord | undefined,
): { fault: string; detail: Record<string, unknown> }[] {
  const faults = attempt?.meta['chaos'];
  return Array.isArray(faults)
    ? (faults as unknown as { fault: string; detail: Record<string, unknown> }[])
    : [];
}

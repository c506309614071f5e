import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '@switchboard/core';
import {
  createDeliveryWorker,
  type DeliveryWorker,
} from '../../src/engine/delivery/delivery-worker.js';
import { DELIVERY_ERROR_CODES } from '../../src/engine/delivery/delivery-error-codes.js';
import {
  openSqliteThreadStore,
  type SqliteThreadStore,
} from '../../src/storage/sqlite/sqlite-thread-store.js';
import type { AttemptRecord, Delivery, JsonObject } from '../../src/storage/store.js';
import { publishInput, StoredRows } from './support/stored-rows.js';
import { TestReceiver } from './support/test-receiver.js';

const OTHERS = 100;
const FAULT = DELIVERY_ERROR_CODES.internalFault;

/**
 * The store `serve` opens (SQLite on its own thread, on a file), holding rows it did not write
 * itself: a deep or damaged row is read back from the database, across the thread boundary,
 * exactly as after a restart or from another process.
 */
let dir: string;
let filename: string;
let rows: StoredRows;
let store: SqliteThreadStore;
let receiver: TestReceiver;
let worker: DeliveryWorker | null;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-poison-'));
  filename = join(dir, 'switchboard.db');
  rows = await StoredRows.open(filename);
  store = await openSqliteThreadStore({ filename });
  worker = null;
});

afterEach(async () => {
  await worker?.stop({ graceMs: 0 });
  await receiver.close();
  await store.close();
  await rows.close();
  await rm(dir, { recursive: true, force: true });
});

function startWorker(schedule: readonly number[]): DeliveryWorker {
  worker = createDeliveryWorker({
    store,
    owner: `poison:${randomUUID()}`,
    pollIntervalMs: 20,
    schedule,
    random: () => 0.5,
  });
  worker.start();
  return worker;
}

/** Polls until `check` holds; a test that never gets there fails on its own timeout. */
async function until<T>(read: () => T | Promise<T>, check: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function finished(accountId: string, id: string): Promise<Delivery> {
  return until(
    () => store.getDelivery(accountId, id),
    (delivery) => delivery !== null && delivery.state !== 'queued',
  ) as Promise<Delivery>;
}

async function publishOthers(accountId: string): Promise<void> {
  for (let n = 0; n < OTHERS; n++) await rows.publish(accountId, receiver.url('/ok'));
}

async function startReceiver(publicKey: string): Promise<void> {
  receiver = await TestReceiver.start(publicKey);
}

function expectFaultAttempts(attempts: readonly AttemptRecord[], message: RegExp): void {
  expect(attempts.length).toBeGreaterThan(0);
  for (const attempt of attempts) {
    expect(attempt).toMatchObject({ status: 'failed', errors: [FAULT], response: null });
    expect(attempt.error).toMatch(message);
  }
}

describe('a delivery that cannot be prepared never stops another', () => {
  it(`a stored event 3,000 levels deep fails its own tries (${FAULT}) while ${OTHERS} others are delivered`, async () => {
    const { accountId, keys } = await rows.account();
    await startReceiver(keys.publicKey);
    const deep = await rows.publish(accountId, receiver.url('/deep'));
    rows.nestPayload(deep.eventId, 3_000);
    await publishOthers(accountId);
    // One more, published through the store under test: it claims this one from memory, not
    // from the database, and must fail the same way.
    const remembered = await publishDeepThroughStore(accountId, receiver.url('/deep'));

    startWorker([]);
    await until(
      () => receiver.to('/ok').length,
      (count) => count >= OTHERS,
    );
    for (const id of [deep.deliveryId, remembered]) {
      const delivery = await finished(accountId, id);
      expect(delivery.state).toBe('failed');
      expectFaultAttempts(
        await store.listAttempts(id),
        new RegExp(`deeper than ${MAX_JSON_DEPTH} levels`),
      );
    }
    expect(receiver.to('/deep')).toEqual([]);
    expect(receiver.rejected).toEqual([]);
  });

  it(`a corrupt stored row is recorded as a failed attempt (${FAULT}) while ${OTHERS} others are delivered`, async () => {
    const { accountId, keys } = await rows.account();
    await startReceiver(keys.publicKey);
    const broken = await rows.publish(accountId, receiver.url('/broken'));
    const badOptions = await rows.publish(accountId, receiver.url('/broken'));
    const badSchedule = await rows.publish(accountId, receiver.url('/broken'));
    rows.corrupt('webhook', broken);
    rows.corrupt('options', badOptions);
    rows.corrupt('retry_schedule', badSchedule);
    await publishOthers(accountId);

    startWorker([]);
    await until(
      () => receiver.to('/ok').length,
      (count) => count >= OTHERS,
    );
    const columns = [
      [broken, 'webhook'],
      [badOptions, 'options'],
      [badSchedule, 'retry_schedule'],
    ] as const;
    for (const [ids, column] of columns) {
      expect((await finished(accountId, ids.deliveryId)).state).toBe('failed');
      expectFaultAttempts(
        await store.listAttempts(ids.deliveryId),
        new RegExp(`stored ${column} .*not valid JSON`),
      );
    }
    expect(receiver.to('/broken')).toEqual([]);
  });

  it('a signing key that cannot be used fails each try and is given up after the schedule', async () => {
    const good = await rows.account();
    const bad = await rows.account();
    await startReceiver(good.keys.publicKey);
    rows.breakSigningKey(bad.accountId);
    const doomed = await rows.publish(bad.accountId, receiver.url('/bad-key'), {
      failoverUrl: receiver.url('/bad-key-failover'),
    });
    await publishOthers(good.accountId);

    startWorker([10, 10]);
    const delivery = await finished(bad.accountId, doomed.deliveryId);
    // Three rounds (the first and two retries), each a primary and a failover try.
    expect(delivery).toMatchObject({ state: 'failed', rounds: 3, attempts: 6 });
    const attempts = await store.listAttempts(doomed.deliveryId);
    expect(attempts.map((attempt) => attempt.attempt)).toEqual([6, 5, 4, 3, 2, 1]);
    expectFaultAttempts(attempts, /signing key/i);
    await until(
      () => receiver.to('/ok').length,
      (count) => count >= OTHERS,
    );
    expect(receiver.to('/bad-key')).toEqual([]);
  });
});

async function publishDeepThroughStore(accountId: string, url: string): Promise<string> {
  const payload = JSON.parse(`${'{"a":'.repeat(2_999)}{}${'}'.repeat(2_999)}`) as JsonObject;
  const { input, ids } = publishInput(accountId, url, {}, payload);
  await store.publish(input);
  return ids.deliveryId;
}

import { afterEach, beforeEach, expect } from 'vitest';
import type { DeliveryWorker } from '../../../src/engine/delivery/delivery-worker.js';
import { openFixture, startWorker, type Fixture } from './delivery-fixture.js';
import { TestReceiver } from './test-receiver.js';

/** What each delivery test gets fresh; `worker` may be replaced by a test (e.g. another schedule). */
export interface DeliveryHarness {
  fixture: Fixture;
  receiver: TestReceiver;
  worker: DeliveryWorker;
}

/**
 * Registers the per-test set-up shared by the delivery suites: a fresh store and clock, a
 * receiver that verifies every webhook, and a running worker. After each test it asserts that
 * the receiver rejected nothing.
 */
export function useDeliveryHarness(): DeliveryHarness {
  const harness = {} as DeliveryHarness;
  beforeEach(async () => {
    harness.fixture = await openFixture();
    harness.receiver = await TestReceiver.start(
      harness.fixture.keys.publicKey,
      harness.fixture.clock.now,
    );
    harness.worker = startWorker(harness.fixture);
  });
  afterEach(async () => {
    await harness.worker.stop({ graceMs: 0 });
    await harness.receiver.close();
    await harness.fixture.store.close();
    expect(harness.receiver.rejected).toEqual([]);
  });
  return harness;
}

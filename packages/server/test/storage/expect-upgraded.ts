import { expect } from 'vitest';
import type { Store } from '../../src/storage/store.js';
import { UPGRADED_DELIVERY_ID } from './version-1-seed.js';

/** The rows of `version-1-seed.ts`, read through the current schema. */
export async function expectUpgraded(store: Store): Promise<void> {
  expect(await store.getDelivery('acct', UPGRADED_DELIVERY_ID)).toMatchObject({
    eventId: 'e1',
    eventType: 'call.initiated',
    webhook: { event_type: 'call.initiated' },
    state: 'delivered',
  });
  const listed = await store.listDeliveries(
    'acct',
    { eventTypes: ['call.initiated'] },
    { number: 1, size: 10 },
  );
  expect(listed.total).toBe(1);
  expect(await store.listAttempts(UPGRADED_DELIVERY_ID)).toMatchObject([{ id: 'a1', attempt: 1 }]);
}

import { randomUUID } from 'node:crypto';
import type {
  Account,
  AttemptRecord,
  EventRecord,
  NewDelivery,
  SigningKey,
  Store,
} from '../../src/storage/store.js';

/** A fixed clock start, so expectations can use exact times. */
export const T0 = 1_700_000_000_000;

export function makeAccount(overrides: Partial<Account> = {}): Account {
  return {
    id: randomUUID(),
    name: 'Acme',
    apiKeyHash: randomUUID().replaceAll('-', ''),
    settings: { webhook_body_format: 'telnyx' },
    createdAt: T0,
    ...overrides,
  };
}

export function makeKey(accountId: string, overrides: Partial<SigningKey> = {}): SigningKey {
  return {
    id: randomUUID(),
    accountId,
    publicKey: 'cHVibGlj',
    privateKey: 'cHJpdmF0ZQ==',
    createdAt: T0,
    retiresAt: null,
    ...overrides,
  };
}

export function makeEvent(accountId: string, overrides: Partial<EventRecord> = {}): EventRecord {
  const id = overrides.id ?? randomUUID();
  const eventType = overrides.eventType ?? 'message.sent';
  return {
    id,
    accountId,
    eventType,
    webhook: {
      record_type: 'event',
      event_type: eventType,
      id,
      occurred_at: '2023-11-14T22:13:20.000Z',
      payload: { to: '+13125550100', text: 'Hello World' },
    },
    createdAt: T0,
    ...overrides,
  };
}

export function makeNewDelivery(overrides: Partial<NewDelivery> = {}): NewDelivery {
  return {
    id: randomUUID(),
    target: {
      url: 'https://hooks.example.com/primary',
      failoverUrl: 'https://fallback.example.com/webhooks',
      method: 'POST',
      apiVersion: '2',
      timeoutMs: 10_000,
      retrySchedule: null,
      bodyFormat: 'telnyx',
    },
    origin: 'https://hooks.example.com',
    nextAttemptAt: T0,
    ...overrides,
  };
}

export function makeAttempt(
  deliveryId: string,
  attempt: number,
  overrides: Partial<AttemptRecord> = {},
): AttemptRecord {
  const url = overrides.url ?? 'https://hooks.example.com/primary';
  return {
    id: randomUUID(),
    deliveryId,
    attempt,
    url,
    status: 'failed',
    startedAt: T0 + attempt,
    finishedAt: T0 + attempt + 5,
    errors: [75499],
    request: {
      url,
      method: 'POST',
      headers: [['content-type', 'application/json']],
      body: '{"data":{}}',
    },
    response: { status: 500, headers: [['server', 'test']], body: 'Internal Server Error' },
    error: null,
    latencyMs: 5,
    meta: {},
    ...overrides,
  };
}

/** Publishes one event with one delivery per entry of `deliveries`; returns them. */
export async function publishEvent(
  store: Store,
  accountId: string,
  event: Partial<EventRecord> = {},
  deliveries: readonly Partial<NewDelivery>[] = [{}],
): Promise<{ event: EventRecord; deliveries: readonly NewDelivery[] }> {
  const record = makeEvent(accountId, event);
  const made = deliveries.map((overrides) => makeNewDelivery(overrides));
  await store.publish({ event: record, deliveries: made });
  return { event: record, deliveries: made };
}

/** One published delivery; the common case. */
export async function publishOne(
  store: Store,
  accountId: string,
  delivery: Partial<NewDelivery> = {},
  event: Partial<EventRecord> = {},
): Promise<NewDelivery> {
  const { deliveries } = await publishEvent(store, accountId, event, [delivery]);
  const [first] = deliveries;
  if (first === undefined) throw new Error('publishEvent returned no delivery');
  return first;
}

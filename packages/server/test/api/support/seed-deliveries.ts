import type { AttemptRecord, DeliveryUpdate } from '../../../src/storage/store.js';
import type { ApiHarness } from './api-harness.js';

export interface SeedTry {
  readonly url: string;
  readonly status: number | null;
  readonly body?: string;
  readonly requestHeaders?: readonly (readonly [string, string])[];
}

/**
 * Publishes one event through the API at `at`, then records `tries` as one worker claim would,
 * so the Deliveries API has real rows to show. Returns the delivery id.
 */
export async function seedDelivery(
  h: ApiHarness,
  key: string,
  options: {
    eventType: string;
    at: number;
    tries: readonly SeedTry[];
    final: 'delivered' | 'failed' | 'queued';
  },
): Promise<string> {
  h.setNow(options.at);
  const response = await h.request(key, {
    method: 'POST',
    url: '/switchboard/events',
    payload: {
      event_type: options.eventType,
      payload: { n: 1 },
      webhook_url: options.tries[0]?.url,
    },
  });
  const id = response.json<{ data: { webhook_delivery_id: string } }>().data.webhook_delivery_id;
  const [claimed] = await h.store.claimDue({
    owner: 'seed',
    now: options.at,
    limit: 1,
    leaseMs: 60_000,
  });
  if (claimed?.id !== id) throw new Error('seeded delivery was not claimed');
  const attempts = options.tries.map((t, i) => attempt(id, i + 1, options.at + i * 10, t));
  const done = options.at + options.tries.length * 10;
  await h.store.complete({
    deliveryId: id,
    owner: 'seed',
    attempts,
    rounds: 1,
    update: update(options.final, done),
  });
  return id;
}

function update(final: 'delivered' | 'failed' | 'queued', at: number): DeliveryUpdate {
  return final === 'queued'
    ? { state: 'queued', nextAttemptAt: at + 60_000 }
    : { state: final, finishedAt: at };
}

function attempt(deliveryId: string, n: number, at: number, t: SeedTry): AttemptRecord {
  const ok = t.status !== null && t.status < 300;
  return {
    id: `${deliveryId}-${n}`,
    deliveryId,
    attempt: n,
    url: t.url,
    status: ok ? 'delivered' : 'failed',
    startedAt: at,
    finishedAt: at + 5,
    errors: ok ? [] : t.status === null ? [75002] : [75499],
    request: {
      url: t.url,
      method: 'POST',
      headers: t.requestHeaders ?? [
        ['content-type', 'application/json'],
        ['user-agent', 'telnyx-webhooks'],
      ],
      body: '{}',
    },
    response:
      t.status === null
        ? null
        : { status: t.status, headers: [['content-type', 'text/plain']], body: t.body ?? '' },
    error: ok ? null : 'failed',
    latencyMs: 5,
    meta: {},
  };
}

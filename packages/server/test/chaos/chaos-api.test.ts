import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, firstError, type ApiHarness } from '../api/support/api-harness.js';
import { errorPairs, makeHarness } from '../emulator/messaging/messaging-harness.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(async () => {
  await h.close();
});

const PROFILE = { duplicate: 0.3, reorder: { window: 500 }, fail_first: 1, seed: 9 };

function post(url: string, payload: Record<string, unknown>) {
  return h.request(h.alice.apiKey, { method: 'POST', url, payload });
}

async function deliveryOptions(webhookDeliveryId: string) {
  return (await h.store.getDelivery(h.alice.account.id, webhookDeliveryId))?.options;
}

describe('chaos profiles through the API', () => {
  it('stores switchboard_chaos on an application and applies it to its events', async () => {
    const created = await post('/v2/call_control_applications', {
      application_name: 'chaotic',
      webhook_event_url: 'https://hooks.example.com/a',
      switchboard_chaos: PROFILE,
    });
    expect(created.statusCode).toBe(201);
    const app = created.json<{ data: { id: string; switchboard_chaos: unknown } }>().data;
    expect(app.switchboard_chaos).toEqual(PROFILE);

    const event = await post('/switchboard/events', {
      event_type: 'call.initiated',
      connection_id: app.id,
    });
    const { webhook_delivery_id: id } = event.json<{ data: { webhook_delivery_id: string } }>()
      .data;
    expect(await deliveryOptions(id)).toMatchObject({
      chaos: { profile: PROFILE, seed: 9, ordinal: 0 },
    });
  });

  it('takes a per-event chaos profile that wins over none', async () => {
    const event = await post('/switchboard/events', {
      event_type: 'message.received',
      webhook_url: 'https://hooks.example.com/b',
      chaos: { stale_timestamp: true },
    });
    expect(event.statusCode).toBe(202);
    const { webhook_delivery_id: id } = event.json<{ data: { webhook_delivery_id: string } }>()
      .data;
    expect(await deliveryOptions(id)).toMatchObject({
      chaos: { profile: { stale_timestamp: true } },
    });
  });

  it('refuses bad profiles with a Telnyx 422 that points at the member', async () => {
    const bad = await post('/switchboard/events', {
      event_type: 'call.initiated',
      webhook_url: 'https://hooks.example.com/c',
      chaos: { duplicate: 2 },
    });
    expect(bad.statusCode).toBe(422);
    expect(firstError(bad)).toMatchObject({
      code: '10015',
      source: { pointer: '/chaos/duplicate' },
    });

    const typo = await post('/v2/call_control_applications', {
      application_name: 'typo',
      webhook_event_url: 'https://hooks.example.com/d',
      switchboard_chaos: { dupliate: 0.5 },
    });
    expect(typo.statusCode).toBe(422);
  });
});

describe('chaos profiles on messaging profiles', () => {
  it('stores a valid switchboard_chaos and refuses a bad one with a pointer', async () => {
    const m = await makeHarness();
    try {
      const created = await m.request('POST', '/v2/messaging_profiles', {
        name: 'chaotic sms',
        webhook_url: 'https://hooks.example.com/sms',
        switchboard_chaos: { concurrency: 2 },
      });
      expect(created.status).toBe(200);
      expect(created.body.data).toMatchObject({ switchboard_chaos: { concurrency: 2 } });

      const bad = await m.request('POST', '/v2/messaging_profiles', {
        name: 'bad',
        switchboard_chaos: { delay: { min_ms: 500, max_ms: 10 } },
      });
      expect(bad.status).toBe(422);
      expect(errorPairs(bad)).toEqual([['10015', '/switchboard_chaos/delay']]);
    } finally {
      await m.close();
    }
  });
});

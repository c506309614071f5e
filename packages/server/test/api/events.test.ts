import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, firstError, type ApiHarness } from './support/api-harness.js';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness();
});
afterAll(async () => {
  await h.close();
});

interface Published {
  id: string;
  duplicate: boolean;
  webhook_delivery_id?: string;
}

async function publish(key: string, payload: Record<string, unknown>) {
  return h.request(key, { method: 'POST', url: '/switchboard/events', payload });
}

async function createApp(key: string, extra: Record<string, unknown> = {}): Promise<string> {
  const response = await h.request(key, {
    method: 'POST',
    url: '/v2/call_control_applications',
    payload: {
      application_name: 'router',
      webhook_event_url: 'https://primary.example.com/hook',
      webhook_event_failover_url: 'https://failover.example.com/hook',
      ...extra,
    },
  });
  return response.json<{ data: { id: string } }>().data.id;
}

describe('POST /switchboard/events', () => {
  it('accepts an event for an explicit URL, stores one delivery and wakes the worker', async () => {
    const before = h.wakes();
    const response = await publish(h.alice.apiKey, {
      event_type: 'call.initiated',
      payload: { to: '+15550100' },
      webhook_url: 'http://127.0.0.1:9/hook',
      webhook_url_method: 'GET',
    });
    expect(response.statusCode).toBe(202);
    const data = response.json<{ data: Published }>().data;
    expect(data.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(data.duplicate).toBe(false);
    expect(h.wakes()).toBe(before + 1);
    const delivery = await h.store.getDelivery(h.alice.account.id, data.webhook_delivery_id ?? '');
    expect(delivery?.target).toMatchObject({
      url: 'http://127.0.0.1:9/hook',
      failoverUrl: null,
      method: 'GET',
      apiVersion: '2',
      timeoutMs: 0,
      bodyFormat: 'telnyx',
    });
    expect(delivery?.origin).toBe('http://127.0.0.1:9');
    expect(delivery?.webhook).toMatchObject({
      record_type: 'event',
      event_type: 'call.initiated',
      id: data.id,
      payload: { to: '+15550100' },
    });
    expect(delivery?.webhook['occurred_at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });

  it("routes through an application's URLs, version and timeout via connection_id", async () => {
    const connectionId = await createApp(h.alice.apiKey, {
      webhook_api_version: '1',
      webhook_timeout_secs: 7,
    });
    const response = await publish(h.alice.apiKey, {
      event_type: 'call.answered',
      payload: {},
      connection_id: connectionId,
    });
    const id = response.json<{ data: Published }>().data.webhook_delivery_id ?? '';
    const delivery = await h.store.getDelivery(h.alice.account.id, id);
    expect(delivery?.target).toMatchObject({
      url: 'https://primary.example.com/hook',
      failoverUrl: 'https://failover.example.com/hook',
      apiVersion: '1',
      timeoutMs: 7000,
    });
  });

  it('is idempotent on a repeated id: 202 again, no second delivery, no wake', async () => {
    const body = {
      id: 'platform-event-42',
      event_type: 'call.hangup',
      payload: {},
      webhook_url: 'https://example.com/hook',
      occurred_at: '2026-01-01T00:00:00.123456Z',
    };
    const first = await publish(h.alice.apiKey, body);
    const wakes = h.wakes();
    const second = await publish(h.alice.apiKey, body);
    expect(second.statusCode).toBe(202);
    expect(second.json()).toEqual({ data: { id: 'platform-event-42', duplicate: true } });
    expect(h.wakes()).toBe(wakes);
    const list = await h.store.listDeliveries(
      h.alice.account.id,
      { webhookContains: 'platform-event-42' },
      { number: 1, size: 10 },
    );
    expect(list.total).toBe(1);
    expect(first.json<{ data: Published }>().data.webhook_delivery_id).toBe(list.rows[0]?.id);
    expect(list.rows[0]?.webhook['occurred_at']).toBe('2026-01-01T00:00:00.123456Z');
  });

  it("refuses another account's application as connection_id (422 / 10015)", async () => {
    const bobsApp = await createApp(h.bob.apiKey);
    const response = await publish(h.alice.apiKey, {
      event_type: 'call.initiated',
      payload: {},
      connection_id: bobsApp,
    });
    expect(response.statusCode).toBe(422);
    expect(firstError(response)).toMatchObject({
      code: '10015',
      source: { pointer: '/connection_id' },
    });
  });

  it.each([
    [{ payload: {}, webhook_url: 'https://e.com' }, '10004', '/event_type'],
    [{ event_type: 'x', payload: {} }, '10004', '/webhook_url'],
    [{ event_type: 'x', payload: [], webhook_url: 'https://e.com' }, '10015', '/payload'],
    [{ event_type: 'x', payload: {}, webhook_url: 'e.com/hook' }, '10015', '/webhook_url'],
    [
      { event_type: 'x', webhook_url: 'https://e.com', webhook_failover_url: 'nope' },
      '10015',
      '/webhook_failover_url',
    ],
    [
      { event_type: 'x', webhook_url: 'https://e.com', webhook_url_method: 'PUT' },
      '10032',
      '/webhook_url_method',
    ],
    [{ event_type: 'x', webhook_url: 'https://e.com', id: 'i'.repeat(256) }, '10015', '/id'],
    [{ event_type: 'x', webhook_url: 'https://e.com', id: 5 }, '10015', '/id'],
    [
      { event_type: 'x', webhook_url: 'https://e.com', occurred_at: 'yesterday' },
      '10015',
      '/occurred_at',
    ],
    [
      { event_type: 'x', webhook_url: 'https://e.com', connection_id: 12 },
      '10015',
      '/connection_id',
    ],
  ])('rejects %j with 422 / %s at %s', async (payload, code, pointer) => {
    const response = await publish(h.alice.apiKey, payload);
    expect(response.statusCode).toBe(422);
    expect(firstError(response)).toMatchObject({ code, source: { pointer } });
  });

  it('accepts an id of exactly 255 characters', async () => {
    const id = 'i'.repeat(255);
    const response = await publish(h.alice.apiKey, {
      event_type: 'x',
      webhook_url: 'https://e.com',
      id,
    });
    expect(response.json<{ data: Published }>().data.id).toBe(id);
  });
});

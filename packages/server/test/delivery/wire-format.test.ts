import { describe, expect, it } from 'vitest';
import { publish, settled, T0 } from './support/delivery-fixture.js';
import { useDeliveryHarness } from './support/delivery-harness.js';

const h = useDeliveryHarness();

async function deliverOne(path: string, target: Parameters<typeof publish>[2]) {
  const id = await publish(h.fixture, h.receiver.url(path), target);
  h.worker.wake();
  expect(await settled(h.fixture, id, 1)).toMatchObject({ state: 'delivered' });
  return { id, request: h.receiver.to(path)[0]! };
}

describe('what goes on the wire', () => {
  it('GET: the envelope as deepObject query parameters, no body, signature over the query', async () => {
    const { id, request } = await deliverOne('/get', {
      method: 'GET',
      url: h.receiver.url('/get?token=abc'),
    });
    expect(request.method).toBe('GET');
    expect(request.body).toBe('');
    expect(request.headers['content-type']).toBeUndefined();
    const params = new URLSearchParams(request.query);
    expect(params.get('token')).toBe('abc');
    expect(params.get('data[event_type]')).toBe('call.initiated');
    expect(params.get('data[payload][to]')).toBe('+15550100');
    expect(params.get('data[payload][tags][1]')).toBe('b');
    expect(params.get('meta[attempt]')).toBe('1');
    expect(params.get('meta[delivered_to]')).toBe(h.receiver.url('/get?token=abc'));
    const [attempt] = await h.fixture.store.listAttempts(id);
    expect(attempt!.request).toMatchObject({
      method: 'GET',
      body: null,
      url: h.receiver.url(`/get?${request.query}`),
    });
  });

  it("v1: the legacy flat envelope when the target's API version is '1'", async () => {
    const { request } = await deliverOne('/v1', { apiVersion: '1' });
    const body = JSON.parse(request.body) as Record<string, unknown>;
    expect(body).toMatchObject({
      record_type: 'event',
      event_type: 'call_initiated',
      created_at: new Date(T0).toISOString(),
    });
    expect(body['payload']).toMatchObject({ call_control_id: 'v3:abc' });
    expect(body).not.toHaveProperty('meta');
  });

  it('telnyx body format: pretty-printed JSON with sorted keys', async () => {
    const { request } = await deliverOne('/pretty', {});
    expect(request.body.startsWith('{\n  "data": {\n    "event_type": "call.initiated",')).toBe(
      true,
    );
  });

  it('compact body format: minimal JSON', async () => {
    const { request } = await deliverOne('/compact', { bodyFormat: 'compact' });
    expect(request.body).not.toContain('\n');
    expect(JSON.parse(request.body)).toMatchObject({
      data: { event_type: 'call.initiated' },
      meta: { attempt: 1 },
    });
  });
});

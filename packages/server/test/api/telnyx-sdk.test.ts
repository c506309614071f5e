import type { AddressInfo } from 'node:net';
import Telnyx from 'telnyx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness, type ApiHarness } from './support/api-harness.js';
import { seedDelivery } from './support/seed-deliveries.js';

const T0 = Date.parse('2026-04-01T00:00:00.000Z');
let h: ApiHarness;
let client: Telnyx;
const ids: string[] = [];

beforeAll(async () => {
  h = await apiHarness();
  for (let i = 0; i < 5; i += 1) {
    ids.push(
      await seedDelivery(h, h.alice.apiKey, {
        eventType: i % 2 === 0 ? 'call.initiated' : 'call.hangup',
        at: T0 + i * 1000,
        final: i % 2 === 0 ? 'delivered' : 'failed',
        tries: [{ url: `https://r${i}.example.com/hook`, status: i % 2 === 0 ? 200 : 500 }],
      }),
    );
  }
  await h.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = h.app.server.address() as AddressInfo;
  client = new Telnyx({
    apiKey: h.alice.apiKey,
    baseURL: `http://127.0.0.1:${port}/v2`,
    maxRetries: 0,
  });
});
afterAll(async () => {
  await h.close();
});

describe('the official telnyx SDK against the server', () => {
  it('lists every delivery across pages with auto-pagination', async () => {
    const seen: string[] = [];
    for await (const delivery of client.webhookDeliveries.list({ 'page[size]': 2 })) {
      seen.push(delivery.id ?? '');
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it('passes deepObject filters through', async () => {
    const page = await client.webhookDeliveries.list({
      filter: { status: { eq: 'failed' }, event_type: 'call.hangup' },
    });
    expect(page.data.map((d) => d.id)).toEqual([ids[3], ids[1]]);
    expect(page.data.every((d) => d.status === 'failed')).toBe(true);
  });

  it('retrieves one delivery with its attempts', async () => {
    const { data } = await client.webhookDeliveries.retrieve(ids[0] ?? '');
    expect(data?.record_type).toBe('webhook_delivery');
    expect(data?.attempts?.[0]?.http?.request?.url).toBe('https://r0.example.com/hook');
  });

  it('surfaces a 404 as the SDK’s NotFoundError', async () => {
    await expect(
      client.webhookDeliveries.retrieve('00000000-0000-4000-8000-000000000000'),
    ).rejects.toBeInstanceOf(Telnyx.NotFoundError);
  });

  it('surfaces a wrong key as the SDK’s AuthenticationError', async () => {
    const wrong = new Telnyx({ apiKey: 'KEYwrong', baseURL: client.baseURL, maxRetries: 0 });
    await expect(wrong.webhookDeliveries.list()).rejects.toBeInstanceOf(Telnyx.AuthenticationError);
  });
});

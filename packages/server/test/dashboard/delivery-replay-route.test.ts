import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook } from '@switchboard/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dashboardHarness, type DashboardHarness } from './dashboard-harness.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let h: DashboardHarness;
let received: Received[];
let url: string;
let closeReceiver: () => Promise<void>;

beforeEach(async () => {
  h = await dashboardHarness();
  received = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(201, { 'x-replayed': 'yes' }).end('thanks');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/replay`;
  closeReceiver = () =>
    new Promise((resolve) =>
      server.close(() => {
        resolve();
      }),
    );
});
afterEach(async () => {
  await Promise.all([h.close(), closeReceiver()]);
});

async function publishedDeliveryId(): Promise<string> {
  await h.call('POST', '/switchboard/events', {
    event_type: 'message.sent',
    webhook_url: 'https://hooks.example.com/sms',
    payload: { text: 'hello' },
  });
  const list = await h.call<{ data: { id: string }[] }>('GET', '/v2/webhook_deliveries');
  return list.body.data[0]?.id ?? '';
}

describe('POST /switchboard/webhook_deliveries/{id}/replay', () => {
  it('re-signs for the new URL and reports what the URL answered', async () => {
    const id = await publishedDeliveryId();
    const { status, body } = await h.call<{ data: Record<string, unknown> }>(
      'POST',
      `/switchboard/webhook_deliveries/${id}/replay`,
      { url, mode: 'resign' },
    );
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ url, status: 201, body: 'thanks', error: null });
    const [request] = received;
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({
      meta: { delivered_to: url, attempt: 1 },
    });
    const verified = await verifyWebhook({
      body: request?.body ?? '',
      headers: request?.headers ?? {},
      publicKey: h.account.publicKey,
    });
    expect(verified).toMatchObject({ data: { event_type: 'message.sent' } });
  });

  it('sends the recorded bytes and signature as they were in exact mode', async () => {
    const id = await publishedDeliveryId();
    const [claimed] = await h.store.claimDue({
      owner: 't',
      now: Date.now() + 1000,
      limit: 1,
      leaseMs: 1000,
    });
    const sent = {
      url: 'https://hooks.example.com/sms',
      method: 'POST',
      body: '{"recorded":true}',
    };
    await h.store.complete({
      deliveryId: claimed?.id ?? id,
      owner: 't',
      rounds: 1,
      update: { state: 'failed', finishedAt: Date.now() },
      attempts: [
        {
          id: 'a1',
          deliveryId: id,
          attempt: 1,
          url: sent.url,
          status: 'failed',
          startedAt: Date.now(),
          finishedAt: Date.now(),
          errors: [75499],
          request: { ...sent, headers: [['telnyx-signature-ed25519', 'recorded-signature']] },
          response: null,
          error: 'refused',
          latencyMs: 3,
          meta: {},
        },
      ],
    });
    const { status } = await h.call('POST', `/switchboard/webhook_deliveries/${id}/replay`, {
      url,
      mode: 'exact',
    });
    expect(status).toBe(200);
    expect(received[0]).toMatchObject({
      body: '{"recorded":true}',
      headers: { 'telnyx-signature-ed25519': 'recorded-signature' },
    });
  });

  it('reports a connection error as a value, and checks its input', async () => {
    const id = await publishedDeliveryId();
    const refused = await h.call<{ data: { error: string | null; status: number | null } }>(
      'POST',
      `/switchboard/webhook_deliveries/${id}/replay`,
      { url: 'http://127.0.0.1:1/none' },
    );
    expect(refused.body.data.status).toBeNull();
    expect(refused.body.data.error).not.toBeNull();
    const bad = await h.call('POST', `/switchboard/webhook_deliveries/${id}/replay`, {
      url: 'nope',
      mode: 'x',
    });
    expect(bad.status).toBe(422);
    const missing = await h.call('POST', '/switchboard/webhook_deliveries/not-a-uuid/replay', {
      url,
    });
    expect(missing.status).toBe(404);
  });
});

import { stat } from 'node:fs/promises';
import { verifyWebhook } from '@switchboard/core';
import { afterEach, describe, expect, it } from 'vitest';
import { readKeyFile } from '../../src/engine/accounts/key-file.js';
import { startServer, type RunningServer } from '../../src/start-server.js';
import { startReceiver } from './support/receiver.js';
import { testConfig } from './support/test-config.js';

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

async function start(config: Awaited<ReturnType<typeof testConfig>>): Promise<RunningServer> {
  const server = await startServer(config);
  running.push(server);
  return server;
}

async function api<T>(
  server: RunningServer,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.apiKey ?? ''}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await response.json()) as T;
}

/** Polls the Deliveries API until the delivery is final; the worker runs in the background. */
async function finalDelivery(server: RunningServer, id: string): Promise<Record<string, unknown>> {
  for (;;) {
    const { data } = await api<{ data: Record<string, unknown> }>(
      server,
      'GET',
      `/v2/webhook_deliveries/${id}`,
    );
    if (data['status'] === 'delivered' || data['next_attempt_at'] === undefined) return data;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('startServer', () => {
  it('delivers a signed webhook end to end and records it as delivered', async () => {
    const receiver = await startReceiver();
    running.push(receiver);
    const server = await start(await testConfig());

    const app = await api<{ data: { id: string } }>(
      server,
      'POST',
      '/v2/call_control_applications',
      {
        application_name: 'e2e',
        webhook_event_url: receiver.url,
      },
    );
    const published = await api<{ data: { id: string; webhook_delivery_id: string } }>(
      server,
      'POST',
      '/switchboard/events',
      { event_type: 'call.initiated', payload: { to: '+15550100' }, connection_id: app.data.id },
    );

    const received = await receiver.next();
    const { data: key } = await api<{ data: { public_key: string } }>(
      server,
      'GET',
      '/switchboard/public_key',
    );
    const event = await verifyWebhook({
      body: received.body,
      headers: received.headers,
      publicKey: key.public_key,
    });
    expect(event).toMatchObject({ data: { id: published.data.id, event_type: 'call.initiated' } });
    expect(received.headers['user-agent']).toBe('telnyx-webhooks');

    const delivery = await finalDelivery(server, published.data.webhook_delivery_id);
    expect(delivery).toMatchObject({ status: 'delivered', user_id: server.accountId });
    expect(delivery['attempts']).toEqual([
      expect.objectContaining({
        status: 'delivered',
        http: expect.objectContaining({ request: expect.objectContaining({ url: receiver.url }) }),
      }),
    ]);
  });

  it('makes the default account once, keeps its key in a 0600 file and reuses both', async () => {
    const config = await testConfig();
    const first = await start(config);
    expect(first.created).toBe(true);
    expect(first.apiKey).toMatch(/^KEYsb_/);
    expect(await readKeyFile(config.dataDir)).toBe(first.apiKey);
    expect((await stat(first.apiKeyFile)).mode & 0o777).toBe(0o600);
    expect(Buffer.from(first.publicKey, 'base64')).toHaveLength(32);
    await first.close();

    const second = await start(config);
    expect(second).toMatchObject({
      created: false,
      accountId: first.accountId,
      apiKey: first.apiKey,
      publicKey: first.publicKey,
    });
  });

  it('uses SWITCHBOARD_API_KEY as the default key, and refuses a different one later', async () => {
    const config = await testConfig({ SWITCHBOARD_API_KEY: 'KEYfixed-for-tests' });
    const server = await start(config);
    expect(server.apiKey).toBe('KEYfixed-for-tests');
    const health = await api<{ data: { public_key: string } }>(
      server,
      'GET',
      '/switchboard/public_key',
    );
    expect(health.data.public_key).toBe(server.publicKey);
    await server.close();

    await expect(startServer({ ...config, apiKey: 'KEYanother' })).rejects.toMatchObject({
      code: 'API_KEY_MISMATCH',
    });
  });

  it('closes cleanly when called twice', async () => {
    const server = await start(await testConfig());
    await Promise.all([server.close(), server.close()]);
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });
});

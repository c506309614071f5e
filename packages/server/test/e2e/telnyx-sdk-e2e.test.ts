import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createWebhookReceiver,
  memoryIdempotencyStore,
  type TelnyxEvent,
} from '@switchboard/webhooks';
import { createNodeHandler } from '@switchboard/webhooks/node';
import Telnyx from 'telnyx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/start-server.js';
import { testConfig } from '../server/support/test-config.js';

/**
 * The whole path a real app takes: the official `telnyx` SDK drives the emulator over HTTP,
 * the engine signs and delivers, and a receiver built with `@switchboard/webhooks` verifies
 * every webhook with the key the server publishes.
 */
let server: RunningServer;
let receiverServer: Server;
let receiverUrl: string;
const received: TelnyxEvent[] = [];
let client: Telnyx;

beforeAll(async () => {
  server = await startServer(await testConfig());
  const receiver = createWebhookReceiver({
    publicKey: server.publicKey,
    idempotency: memoryIdempotencyStore(),
    handlers: {
      '*': (event) => {
        received.push(event);
        return Promise.resolve();
      },
    },
  });
  receiverServer = createServer(createNodeHandler(receiver));
  await new Promise<void>((resolve) => receiverServer.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiverServer.address() as AddressInfo).port}/webhooks`;
  client = new Telnyx({ apiKey: server.apiKey ?? '', baseURL: `${server.url}/v2`, maxRetries: 0 });
});

afterAll(async () => {
  await server.close();
  await new Promise((resolve) => receiverServer.close(resolve));
});

async function eventually<T>(probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for webhooks');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function eventsFor(key: string, value: string): TelnyxEvent[] {
  return received.filter(
    (event) => (event.data.payload as Readonly<Record<string, unknown>>)[key] === value,
  );
}

function typesFor(key: string, value: string): string[] {
  return eventsFor(key, value).map((event) => event.data.event_type);
}

describe('the official telnyx SDK against a running server', () => {
  it('drives a whole outbound call and receives its verified webhooks', async () => {
    const app = await client.callControlApplications.create({
      application_name: 'sdk-e2e',
      webhook_event_url: receiverUrl,
    });
    const dialled = await client.calls.dial({
      connection_id: app.data?.id ?? '',
      from: '+13125550000',
      to: '+13125551234',
    });
    const id = dialled.data?.call_control_id ?? '';
    expect(dialled.data?.is_alive).toBe(false);

    await eventually(() =>
      typesFor('call_control_id', id).includes('call.answered') ? true : undefined,
    );
    await client.calls.actions.speak(id, { payload: 'Welcome to Switchboard', voice: 'female' });
    await eventually(() =>
      typesFor('call_control_id', id).includes('call.speak.ended') ? true : undefined,
    );
    await client.calls.actions.hangup(id, {});
    await eventually(() =>
      typesFor('call_control_id', id).includes('call.hangup') ? true : undefined,
    );

    expect(typesFor('call_control_id', id)).toEqual([
      'call.initiated',
      'call.answered',
      'call.speak.started',
      'call.speak.ended',
      'call.hangup',
    ]);
    const status = await client.calls.retrieveStatus(id);
    expect(status.data?.is_alive).toBe(false);
  });

  it('sends a whole message and receives its lifecycle webhooks', async () => {
    const profile = await client.messagingProfiles.create({
      name: 'sdk-e2e',
      whitelisted_destinations: ['US'],
      webhook_url: receiverUrl,
    });
    const added = await fetch(`${server.url}/switchboard/phone_numbers`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${server.apiKey ?? ''}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        phone_number: '+13125550042',
        messaging_profile_id: profile.data?.id,
      }),
    });
    expect(added.status).toBe(201);

    const sent = await client.messages.send({
      from: '+13125550042',
      to: '+13125559876',
      text: 'Hi',
    });
    const id = sent.data?.id ?? '';
    expect(sent.data?.to?.[0]?.status).toBe('queued');

    await eventually(() => (typesFor('id', id).includes('message.finalized') ? true : undefined));
    expect(typesFor('id', id)).toEqual(['message.sent', 'message.delivered', 'message.finalized']);
    const final = eventsFor('id', id).at(-1)?.data.payload as { to: { status: string }[] };
    expect(final.to[0]?.status).toBe('delivered');
  });

  it('records every webhook in the Deliveries API as delivered', async () => {
    const page = await client.webhookDeliveries.list({ 'page[size]': 250 });
    const statuses = page.data.map((delivery) => delivery.status);
    expect(statuses.length).toBeGreaterThanOrEqual(received.length);
    expect(new Set(statuses)).toEqual(new Set(['delivered']));
  });
});

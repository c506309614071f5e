import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createFetchHandler } from '../../src/adapters/fetch.js';
import { createWebhookReceiver } from '../../src/receiver/create-webhook-receiver.js';
import type { WebhookReceiver } from '../../src/receiver/receiver-types.js';
import { deferred, keys, signed, testEvent } from '../support/fixtures.js';
import { running, type Running } from '../support/listen.js';
import { describeAdapterContract } from './adapter-contract.js';

function startFetch(receiver: WebhookReceiver): Promise<Running> {
  const handler = createFetchHandler(receiver);
  return new Promise((resolve) => {
    const server = serve({ fetch: handler, port: 0, hostname: '127.0.0.1' }, () => {
      resolve(running(server as Server));
    });
  });
}

describeAdapterContract('fetch', startFetch);

describe('fetch adapter waitUntil', () => {
  it('hands background work past the ack deadline to waitUntil', async () => {
    const gate = deferred();
    const kept: Promise<unknown>[] = [];
    let finished = false;
    const receiver = createWebhookReceiver({
      publicKey: keys.publicKey,
      ackDeadlineMs: 0,
      handlers: {
        '*': async () => {
          await gate.promise;
          finished = true;
        },
      },
    });
    const handle = createFetchHandler(receiver, { waitUntil: (promise) => kept.push(promise) });
    const request = signed(testEvent('call.answered'));
    const response = await handle(
      new Request('http://localhost/api/webhooks', {
        method: 'POST',
        headers: request.headers,
        body: request.body,
      }),
    );
    expect(response.status).toBe(200);
    expect(kept).toHaveLength(1);
    gate.resolve();
    await kept[0];
    expect(finished).toBe(true);
  });
});

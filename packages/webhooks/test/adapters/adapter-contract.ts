import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebhookReceiver } from '../../src/receiver/create-webhook-receiver.js';
import { memoryIdempotencyStore } from '../../src/idempotency/memory-store.js';
import type { WebhookReceiver } from '../../src/receiver/receiver-types.js';
import { deferred, keys, signed, testEvent, type SignedRequest } from '../support/fixtures.js';
import type { Running } from '../support/listen.js';

/** Starts the adapter under test, in its real framework, serving `receiver` at `/webhooks`. */
export type StartAdapter = (receiver: WebhookReceiver) => Promise<Running>;

/** POSTs a signed request to a running server. */
export async function post(
  base: Running,
  request: SignedRequest,
  path = '/webhooks',
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(base.url + path, {
    method: 'POST',
    headers: request.headers,
    body: request.body,
  });
  const text = await response.text();
  return {
    status: response.status,
    body: JSON.parse(text) as Record<string, unknown>,
    headers: response.headers,
  };
}

/** The behaviour every adapter shares, checked over real HTTP. */
export function describeAdapterContract(name: string, start: StartAdapter): void {
  describe(`${name} adapter`, () => {
    const servers: Running[] = [];
    const serve = async (receiver: WebhookReceiver) => {
      const server = await start(receiver);
      servers.push(server);
      return server;
    };
    afterEach(async () => {
      await Promise.all(servers.splice(0).map((server) => server.close()));
    });

    it('answers 200 for a valid delivery and hands the handler the typed event', async () => {
      const seen: string[] = [];
      const server = await serve(
        createWebhookReceiver({
          publicKey: keys.publicKey,
          handlers: { 'call.answered': (event) => void seen.push(event.data.event_type) },
        }),
      );
      const reply = await post(server, signed(testEvent('call.answered')));
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ status: 'processed' });
      expect(seen).toEqual(['call.answered']);
    });

    it('answers 401 for a tampered body and does not run the handler', async () => {
      const handler = vi.fn();
      const server = await serve(
        createWebhookReceiver({ publicKey: keys.publicKey, handlers: { '*': handler } }),
      );
      const request = signed(testEvent('call.answered'));
      const reply = await post(server, {
        ...request,
        body: request.body.replace('call-1', 'call-2'),
      });
      expect(reply.status).toBe(401);
      expect(reply.body).toMatchObject({ error: { code: 'WH_BAD_SIGNATURE' } });
      expect(handler).not.toHaveBeenCalled();
    });

    it('runs a duplicate delivery once: 503 while in progress, 200 duplicate after', async () => {
      const gate = deferred();
      const handler = vi.fn(() => gate.promise);
      const server = await serve(
        createWebhookReceiver({
          publicKey: keys.publicKey,
          handlers: { 'call.answered': handler },
          idempotency: memoryIdempotencyStore(),
        }),
      );
      const request = signed(testEvent('call.answered'));
      const first = post(server, request);
      await vi.waitFor(() => {
        expect(handler).toHaveBeenCalledTimes(1);
      });
      const concurrent = await post(server, request);
      expect(concurrent.status).toBe(503);
      expect(concurrent.body).toMatchObject({ error: { code: 'RCV_IN_PROGRESS' } });
      expect(concurrent.headers.get('retry-after')).toBe('5');
      gate.resolve();
      expect((await first).status).toBe(200);
      expect((await post(server, request)).body).toEqual({ status: 'duplicate' });
      expect(handler).toHaveBeenCalledTimes(1);
    });

    it('acknowledges within the ack deadline and finishes the handler afterwards', async () => {
      const gate = deferred();
      let finished = false;
      const server = await serve(
        createWebhookReceiver({
          publicKey: keys.publicKey,
          ackDeadlineMs: 20,
          handlers: {
            'call.answered': async () => {
              await gate.promise;
              finished = true;
            },
          },
        }),
      );
      const reply = await post(server, signed(testEvent('call.answered')));
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ status: 'accepted' });
      expect(finished).toBe(false);
      gate.resolve();
      await vi.waitFor(() => {
        expect(finished).toBe(true);
      });
    });
  });
}

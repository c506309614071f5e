import { describe, expect, it, vi } from 'vitest';
import { createWebhookReceiver } from '../../src/receiver/create-webhook-receiver.js';
import { memoryIdempotencyStore } from '../../src/idempotency/memory-store.js';
import { deferred, json, keys, signed, testEvent } from '../support/fixtures.js';

describe('receiver ackDeadlineMs', () => {
  it('acknowledges a slow handler with 200 accepted while it keeps running', async () => {
    const gate = deferred();
    let finished = false;
    const receiver = createWebhookReceiver({
      publicKey: keys.publicKey,
      ackDeadlineMs: 20,
      idempotency: memoryIdempotencyStore(),
      handlers: {
        'call.answered': async () => {
          await gate.promise;
          finished = true;
        },
      },
    });
    const event = testEvent('call.answered');
    const response = await receiver.handle(signed(event));
    expect(response.status).toBe(200);
    expect(json(response)).toEqual({ status: 'accepted' });
    expect(finished).toBe(false);
    expect((await receiver.handle(signed(event))).status).toBe(503);
    gate.resolve();
    await response.settled;
    expect(finished).toBe(true);
    expect(json(await receiver.handle(signed(event)))).toEqual({ status: 'duplicate' });
  });

  it('reports a background failure through onError and releases the lease', async () => {
    const gate = deferred();
    const onError = vi.fn();
    let calls = 0;
    const receiver = createWebhookReceiver({
      publicKey: keys.publicKey,
      ackDeadlineMs: 20,
      idempotency: memoryIdempotencyStore(),
      onError,
      handlers: {
        'call.answered': async () => {
          calls += 1;
          if (calls === 1) {
            await gate.promise;
            throw new Error('late failure');
          }
        },
      },
    });
    const event = testEvent('call.answered');
    const response = await receiver.handle(signed(event));
    expect(response.status).toBe(200);
    gate.resolve();
    await response.settled;
    expect(onError).toHaveBeenCalledWith(expect.any(Error), {
      phase: 'handler',
      eventId: event.data.id,
      eventType: 'call.answered',
      background: true,
    });
    expect(json(await receiver.handle(signed(event)))).toEqual({ status: 'processed' });
    expect(calls).toBe(2);
  });

  it('replies with the real outcome when the handler settles before the deadline', async () => {
    const receiver = createWebhookReceiver({
      publicKey: keys.publicKey,
      ackDeadlineMs: 10_000,
      onError: () => undefined,
      handlers: {
        'call.answered': () => undefined,
        'call.hangup': () => Promise.reject(new Error('fast failure')),
      },
    });
    expect(json(await receiver.handle(signed(testEvent('call.answered'))))).toEqual({
      status: 'processed',
    });
    expect((await receiver.handle(signed(testEvent('call.hangup')))).status).toBe(500);
  });

  it('reports background failures to console.error when no onError is given', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const gate = deferred();
    const receiver = createWebhookReceiver({
      publicKey: keys.publicKey,
      ackDeadlineMs: 0,
      handlers: {
        '*': async () => {
          await gate.promise;
          throw new Error('nobody listening');
        },
      },
    });
    const response = await receiver.handle(signed(testEvent('call.answered')));
    gate.resolve();
    await response.settled;
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });
});

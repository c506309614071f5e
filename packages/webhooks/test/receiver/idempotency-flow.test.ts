import { describe, expect, it, vi } from 'vitest';
import { createWebhookReceiver } from '../../src/receiver/create-webhook-receiver.js';
import { memoryIdempotencyStore } from '../../src/idempotency/memory-store.js';
import type { IdempotencyStore } from '../../src/idempotency/idempotency-store.js';
import { deferred, json, keys, signed, testEvent } from '../support/fixtures.js';

describe('receiver idempotency', () => {
  it('runs a duplicate that arrives after completion only once, answering 200 duplicate', async () => {
    const handler = vi.fn();
    const receiver = createWebhookReceiver({
      publicKey: keys.publicKey,
      handlers: { 'call.answered': handler },
      idempotency: memoryIdempotencyStore(),
    });
    const event = testEvent('call.answered');
    expect(json(await receiver.handle(signed(event)))).toEqual({ status: 'processed' });
    const again = await receiver.handle(signed(event));
    expect(again.status).toBe(200);
    expect(json(again)).toEqual({ status: 'duplicate' });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('answers 503 with Retry-After to a duplicate while the first is still running', async () => {
    const gate = deferred();
    const handler = vi.fn(() => gate.promise);
    const receiver = createWebhookReceiver({
      publicKey: keys.publicKey,
      handlers: { 'call.answered': handler },
      idempotency: memoryIdempotencyStore(),
    });
    const event = testEvent('call.answered');
    const first = receiver.handle(signed(event));
    await vi.waitFor(() => {
      expect(handler).toHaveBeenCalledTimes(1);
    });
    const second = await receiver.handle(signed(event));
    expect(second.status).toBe(503);
    expect(second.headers['retry-after']).toBe('5');
    expect(json(second)).toMatchObject({ error: { code: 'RCV_IN_PROGRESS' } });
    gate.resolve();
    expect((await first).status).toBe(200);
    expect(json(await receiver.handle(signed(event)))).toEqual({ status: 'duplicate' });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('releases the lease when the handler fails, so the retry runs it again', async () => {
    let calls = 0;
    const receiver = createWebhookReceiver({
      publicKey: keys.publicKey,
      handlers: {
        'call.answered': () => {
          calls += 1;
          if (calls === 1) throw new Error('transient');
        },
      },
      idempotency: { store: memoryIdempotencyStore(), leaseMs: 60_000, ttlMs: 60_000 },
      onError: () => undefined,
    });
    const event = testEvent('call.answered');
    expect((await receiver.handle(signed(event))).status).toBe(500);
    expect((await receiver.handle(signed(event))).status).toBe(200);
    expect(calls).toBe(2);
  });

  it('answers 503 and reports when the store cannot be reached', async () => {
    const onError = vi.fn();
    const outage = new Error('ECONNREFUSED');
    const store: IdempotencyStore = {
      reserve: () => Promise.reject(outage),
      complete: () => Promise.resolve(true),
      release: () => Promise.resolve(true),
    };
    const handler = vi.fn();
    const receiver = createWebhookReceiver({
      publicKey: keys.publicKey,
      handlers: { '*': handler },
      idempotency: store,
      onError,
    });
    const response = await receiver.handle(signed(testEvent('call.answered')));
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(handler).not.toHaveBeenCalled();
    expect(onError).toHaveBeenCalledWith(outage, expect.objectContaining({ phase: 'idempotency' }));
  });

  it('reports a failed completion without changing the 200', async () => {
    const onError = vi.fn();
    const store: IdempotencyStore = {
      reserve: () => Promise.resolve('reserved'),
      complete: () => Promise.reject(new Error('lost connection')),
      release: () => Promise.resolve(true),
    };
    const receiver = createWebhookReceiver({
      publicKey: keys.publicKey,
      handlers: { '*': () => undefined },
      idempotency: store,
      onError,
    });
    expect((await receiver.handle(signed(testEvent('call.answered')))).status).toBe(200);
    expect(onError).toHaveBeenCalledWith(
      expect.any(Error),
      expect.objectContaining({ phase: 'idempotency' }),
    );
  });
});

import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { WebhookVerificationError, type EventOf } from '@switchboard/core';
import { createWebhookReceiver } from '../../src/receiver/create-webhook-receiver.js';
import type { HandlerContext } from '../../src/receiver/handler-types.js';
import { commandIdFor } from '../../src/command-id-for.js';
import { json, keys, signed, testEvent } from '../support/fixtures.js';

const quiet = () => undefined;

describe('createWebhookReceiver', () => {
  it('runs the handler for the event type with the typed event and its context', async () => {
    const seen: { type: string; context: HandlerContext }[] = [];
    const receiver = createWebhookReceiver({
      publicKey: keys.publicKey,
      handlers: {
        'call.answered': (event, context) => {
          seen.push({ type: event.data.event_type, context });
        },
      },
    });
    const event = testEvent('call.answered', { attempt: 3 });
    const response = await receiver.handle(signed(event));
    expect(response.status).toBe(200);
    expect(json(response)).toEqual({ status: 'processed' });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.type).toBe('call.answered');
    expect(seen[0]?.context.deliveryAttempt).toBe(3);
    expect(seen[0]?.context.eventId).toBe(event.data.id);
    expect(seen[0]?.context.late).toBeUndefined();
    expect(seen[0]?.context.commandId('answer')).toBe(commandIdFor(event, 'answer'));
  });

  it("falls back to '*' only for types without their own handler", async () => {
    const own = vi.fn();
    const star = vi.fn();
    const receiver = createWebhookReceiver({
      publicKey: keys.publicKey,
      handlers: { 'call.hangup': own, '*': star },
    });
    await receiver.handle(signed(testEvent('call.hangup')));
    await receiver.handle(signed(testEvent('message.received')));
    expect(own).toHaveBeenCalledTimes(1);
    expect(star).toHaveBeenCalledTimes(1);
    expect((star.mock.calls[0]?.[0] as { data: { event_type: string } }).data.event_type).toBe(
      'message.received',
    );
  });

  it('acknowledges an event nobody handles without processing it', async () => {
    const receiver = createWebhookReceiver({ publicKey: keys.publicKey, handlers: {} });
    const response = await receiver.handle(signed(testEvent('call.hold')));
    expect(response.status).toBe(200);
    expect(json(response)).toEqual({ status: 'ignored' });
  });

  it('answers 401 with the code for a tampered body, and never runs the handler', async () => {
    const handler = vi.fn();
    const receiver = createWebhookReceiver({
      publicKey: keys.publicKey,
      handlers: { '*': handler },
    });
    const request = signed(testEvent('call.answered'));
    const response = await receiver.handle({ ...request, body: `${request.body} ` });
    expect(response.status).toBe(401);
    expect(json(response)).toMatchObject({ error: { code: 'WH_BAD_SIGNATURE' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers 401 for a missing signature header and for a stale timestamp', async () => {
    const receiver = createWebhookReceiver({
      publicKey: keys.publicKey,
      handlers: {},
      now: () => 1_700_000_000_000,
    });
    const missing = await receiver.handle({ body: '{}', headers: {} });
    expect(missing.status).toBe(401);
    expect(json(missing)).toMatchObject({ error: { code: 'WH_MISSING_HEADER' } });
    const stale = await receiver.handle(signed(testEvent('call.answered'), 1_700_000_000 - 301));
    expect(json(stale)).toMatchObject({ error: { code: 'WH_TIMESTAMP_TOO_OLD' } });
  });

  it('answers 400 for a signed body that is not an event envelope or has no id', async () => {
    const receiver = createWebhookReceiver({ publicKey: keys.publicKey, handlers: {} });
    const notEnvelope = await receiver.handle(signed('{"hello":"world"}'));
    expect(notEnvelope.status).toBe(400);
    expect(json(notEnvelope)).toMatchObject({ error: { code: 'WH_MALFORMED_PAYLOAD' } });
    const noId = await receiver.handle(signed('{"data":{"event_type":"call.answered"}}'));
    expect(noId.status).toBe(400);
  });

  it('answers 500 and reports WH_BODY_PARSED when an adapter rejects a parsed body', () => {
    const onError = vi.fn();
    const receiver = createWebhookReceiver({ publicKey: keys.publicKey, handlers: {}, onError });
    const response = receiver.reject(new WebhookVerificationError('WH_BODY_PARSED'));
    expect(response.status).toBe(500);
    expect(json(response)).toMatchObject({ error: { code: 'WH_BODY_PARSED' } });
    expect(onError).toHaveBeenCalledWith(expect.anything(), { phase: 'verification' });
  });

  it('answers 500 and reports when the handler fails, so Telnyx retries', async () => {
    const onError = vi.fn();
    const failure = new Error('database down');
    const receiver = createWebhookReceiver({
      publicKey: keys.publicKey,
      handlers: { 'call.answered': () => Promise.reject(failure) },
      onError,
    });
    const event = testEvent('call.answered');
    const response = await receiver.handle(signed(event));
    expect(response.status).toBe(500);
    expect(json(response)).toMatchObject({ error: { code: 'RCV_HANDLER_FAILED' } });
    expect(onError).toHaveBeenCalledWith(failure, {
      phase: 'handler',
      eventId: event.data.id,
      eventType: 'call.answered',
      background: false,
    });
  });

  it('still replies when onError itself throws', async () => {
    vi.spyOn(console, 'error').mockImplementation(quiet);
    const receiver = createWebhookReceiver({
      publicKey: keys.publicKey,
      handlers: { '*': () => Promise.reject(new Error('boom')) },
      onError: () => {
        throw new Error('logger broken');
      },
    });
    const response = await receiver.handle(signed(testEvent('call.answered')));
    expect(response.status).toBe(500);
  });

  it('accepts any of several keys, for rotation', async () => {
    const receiver = createWebhookReceiver({
      publicKey: ['whpk_' + 'A'.repeat(43) + '=', keys.publicKey],
      handlers: { '*': quiet },
    });
    expect((await receiver.handle(signed(testEvent('call.answered')))).status).toBe(200);
  });

  it('throws at construction on a malformed key or deadline', () => {
    expect(() => createWebhookReceiver({ publicKey: 'not-a-key', handlers: {} })).toThrow(
      WebhookVerificationError,
    );
    expect(() => createWebhookReceiver({ publicKey: [], handlers: {} })).toThrow(
      WebhookVerificationError,
    );
    expect(() =>
      createWebhookReceiver({ publicKey: keys.publicKey, handlers: {}, ackDeadlineMs: -1 }),
    ).toThrow(RangeError);
  });

  it('hands v1 (flat) deliveries to the v2 handler, normalised', async () => {
    const seen: EventOf<'call.hangup'>[] = [];
    const receiver = createWebhookReceiver({
      publicKey: keys.publicKey,
      handlers: {
        'call.hangup': (event) => {
          expectTypeOf(event).toEqualTypeOf<EventOf<'call.hangup'>>();
          seen.push(event);
        },
      },
    });
    const v1 = {
      record_type: 'event',
      event_type: 'call_hangup',
      id: 'v1-event',
      created_at: '2025-01-01T00:00:00Z',
      payload: { call_control_id: 'v3:x', hangup_cause: 'normal_clearing' },
    };
    const response = await receiver.handle(signed(JSON.stringify(v1)));
    expect(response.status).toBe(200);
    expect(seen[0]?.data).toMatchObject({ event_type: 'call.hangup', id: 'v1-event' });
    expect(seen[0]?.data.payload.hangup_cause).toBe('normal_clearing');
  });
});

import { describe, expect, it } from 'vitest';
import { eventTypeOf, headerPairs } from '../../src/inbox/capture-request.js';
import { captureView } from '../../src/inbox/capture-view.js';

const bytes = (text: string): Uint8Array => Buffer.from(text, 'utf8');

describe('capture parsing', () => {
  it('finds the event type of v2 and v1 bodies, and nothing in anything else', () => {
    expect(eventTypeOf(bytes(' {"data":{"event_type":"call.answered"}}'))).toBe('call.answered');
    expect(eventTypeOf(bytes('{"event_type":"call_answered"}'))).toBe('call_answered');
    expect(eventTypeOf(bytes('{"data":{"event_type":5}}'))).toBeNull();
    expect(eventTypeOf(bytes('{"data":'))).toBeNull();
    expect(eventTypeOf(bytes('event_type=call.answered'))).toBeNull();
    expect(eventTypeOf(Buffer.from([0xff, 0x7b]))).toBeNull();
  });

  it('pairs raw headers in order, keeping repeats', () => {
    expect(headerPairs(['A', '1', 'b', '2', 'A', '3'])).toEqual([
      ['A', '1'],
      ['b', '2'],
      ['A', '3'],
    ]);
  });

  it('shows a body as base64 always and as text only when it is UTF-8', () => {
    const base = {
      id: 'c',
      accountId: 'a',
      inboxId: 'i',
      sequence: 1,
      method: 'POST',
      path: '/p',
      query: '',
      headers: [],
      remoteAddress: '127.0.0.1',
      receivedAt: 0,
      eventType: null,
      forwards: [],
    };
    const binary = captureView({ ...base, body: Buffer.from([0xc3, 0x28]), verification: null });
    expect(binary).toMatchObject({ body_base64: 'wyg=', body_utf8: null, verified: null });
    const text = captureView({ ...base, body: bytes('é'), verification: 'WH_BAD_SIGNATURE' });
    expect(text).toMatchObject({
      body_utf8: 'é',
      verified: false,
      verification_error: 'WH_BAD_SIGNATURE',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { createWebhookReceiver } from '../../src/receiver/create-webhook-receiver.js';
import type { HandlerContext } from '../../src/receiver/handler-types.js';
import {
  createOrderingTracker,
  type OrderingOptions,
} from '../../src/ordering/ordering-tracker.js';
import { eventFacts } from '../../src/receiver/event-facts.js';
import { keys, signed, testEvent } from '../support/fixtures.js';

function recordingReceiver(ordering: boolean | OrderingOptions) {
  const contexts: HandlerContext[] = [];
  const receiver = createWebhookReceiver({
    publicKey: keys.publicKey,
    ordering,
    handlers: {
      '*': (_event, context) => {
        contexts.push(context);
      },
    },
  });
  return { receiver, contexts };
}

describe('receiver ordering', () => {
  it('flags an event older than one already seen for the call as late', async () => {
    const { receiver, contexts } = recordingReceiver(true);
    await receiver.handle(
      signed(testEvent('call.answered', { occurredAt: '2025-01-01T00:00:02Z' })),
    );
    await receiver.handle(
      signed(testEvent('call.initiated', { occurredAt: '2025-01-01T00:00:01Z' })),
    );
    await receiver.handle(signed(testEvent('call.hangup', { occurredAt: '2025-01-01T00:00:03Z' })));
    expect(contexts.map((context) => context.late)).toEqual([false, true, false]);
    expect(contexts.map((context) => context.callState?.status)).toEqual([
      'answered',
      'answered',
      'ended',
    ]);
    expect(contexts[0]?.callKey).toBe('v3:call-1');
  });

  it('keys by call_session_id when asked, so legs share one state', async () => {
    const { receiver, contexts } = recordingReceiver({ by: 'call_session_id' });
    const legA = { call_control_id: 'leg-a', call_session_id: 'shared' };
    const legB = { call_control_id: 'leg-b', call_session_id: 'shared' };
    await receiver.handle(
      signed(testEvent('call.answered', { occurredAt: '2025-01-01T00:00:05Z', payload: legA })),
    );
    await receiver.handle(
      signed(testEvent('call.initiated', { occurredAt: '2025-01-01T00:00:01Z', payload: legB })),
    );
    expect(contexts[1]).toMatchObject({ callKey: 'shared', late: true });
  });

  it('leaves late and callState out for events without a call key', async () => {
    const { receiver, contexts } = recordingReceiver(true);
    await receiver.handle(
      signed(testEvent('message.received', { payload: { call_control_id: null } })),
    );
    expect(contexts[0]?.late).toBeUndefined();
    expect(contexts[0]?.callState).toBeUndefined();
  });

  it('forgets the least recently seen call beyond maxCalls', () => {
    const tracker = createOrderingTracker({ maxCalls: 1 });
    const observe = (call: string, at: string) => {
      const event = testEvent('call.hold', { occurredAt: at, payload: { call_control_id: call } });
      return tracker.observe(event, eventFacts(event));
    };
    observe('a', '2025-01-01T00:00:05Z');
    observe('b', '2025-01-01T00:00:05Z');
    expect(observe('a', '2025-01-01T00:00:01Z')?.late).toBe(false);
    expect(observe('a', '2025-01-01T00:00:00Z')?.late).toBe(true);
  });
});

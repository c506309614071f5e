import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  buildTestEvent,
  eventType,
  isEventType,
  isKnownEvent,
  isV1Event,
  normalizeEvent,
  parseEvent,
  KNOWN_EVENT_TYPES,
  type CallHangupPayload,
  type EventOf,
  type TelnyxEvent,
  type TelnyxEventV1,
} from '@switchboard/core';

const v1Body = {
  record_type: 'event',
  id: '0ccc7b54-4df3-4bca-a65a-3da1ecc777f0',
  event_type: 'call_machine_premium_detection_ended',
  created_at: '2018-02-02T22:25:27.521992Z',
  payload: { result: 'machine' },
};

describe('buildTestEvent', () => {
  it('deep-merges overrides and keeps the rest of the template', () => {
    const event = buildTestEvent('call.hangup', { data: { payload: { to: '+15550001111' } } });
    expect(event.data.payload.to).toBe('+15550001111');
    expect(event.data.payload.hangup_cause).toBe('normal_clearing');
    expect(event.data.event_type).toBe('call.hangup');
    expect(event.meta).toEqual({ attempt: 1, delivered_to: expect.any(String) as string });
  });

  it('replaces arrays instead of merging them', () => {
    const errors = [{ code: '40300', title: 'Blocked as spam' }];
    const event = buildTestEvent('message.failed', { data: { payload: { errors } } });
    expect(event.data.payload.errors).toEqual(errors);
  });

  it('gives each event a fresh id unless one is given', () => {
    expect(buildTestEvent('call.hold').data.id).not.toBe(buildTestEvent('call.hold').data.id);
    expect(buildTestEvent('call.hold', { data: { id: 'fixed' } }).data.id).toBe('fixed');
  });
});

/** Widens to the union, as a receiver sees events (a literal would narrow on assignment). */
function asReceived(event: TelnyxEvent): TelnyxEvent {
  return event;
}

describe('narrowing', () => {
  it('isKnownEvent separates typed events from the unknown variant', () => {
    const known = asReceived(buildTestEvent('call.hangup'));
    const unknown: TelnyxEvent = {
      data: {
        record_type: 'event',
        event_type: 'call.new_thing',
        id: 'x',
        occurred_at: '',
        payload: {},
      },
    };
    expect(isKnownEvent(known)).toBe(true);
    expect(isKnownEvent(unknown)).toBe(false);
  });

  it('a switch after isKnownEvent narrows the payload type', () => {
    const event = asReceived(buildTestEvent('call.hangup'));
    if (!isKnownEvent(event)) throw new Error('expected a known event');
    switch (event.data.event_type) {
      case 'call.hangup':
        expectTypeOf(event.data.payload).toEqualTypeOf<CallHangupPayload>();
        expect(event.data.payload.hangup_source).toBe('caller');
        break;
      default:
        throw new Error('expected call.hangup');
    }
  });

  it('isEventType narrows to one event type', () => {
    const event = asReceived(buildTestEvent('call.dtmf.received'));
    expect(isEventType(event, 'call.hangup')).toBe(false);
    if (!isEventType(event, 'call.dtmf.received')) throw new Error('expected dtmf');
    expectTypeOf(event).toEqualTypeOf<EventOf<'call.dtmf.received'>>();
    expect(event.data.payload.digit).toBe('1');
  });
});

describe('v1 events', () => {
  it('parseEvent accepts v1 and v2 bodies, and isV1Event tells them apart', () => {
    const v1 = parseEvent(JSON.stringify(v1Body));
    const v2 = parseEvent(JSON.stringify(buildTestEvent('call.bridged')));
    expect(isV1Event(v1)).toBe(true);
    expect(isV1Event(v2)).toBe(false);
  });

  it('normalizeEvent turns a v1 event into the v2 shape with the dotted name', () => {
    const event = normalizeEvent(v1Body as TelnyxEventV1);
    expect(event).toEqual({
      data: {
        record_type: 'event',
        event_type: 'call.machine.premium.detection.ended',
        id: v1Body.id,
        occurred_at: v1Body.created_at,
        payload: v1Body.payload,
      },
    });
  });

  it('maps every known type back from its v1 name, and keeps unknown v1 names as sent', () => {
    for (const type of KNOWN_EVENT_TYPES) {
      const v1 = { ...v1Body, event_type: type.replaceAll('.', '_') } as TelnyxEventV1;
      expect(eventType(v1)).toBe(type);
    }
    expect(eventType({ ...v1Body, event_type: 'call_brand_new' } as TelnyxEventV1)).toBe(
      'call_brand_new',
    );
  });

  it('returns v2 events unchanged', () => {
    const event = buildTestEvent('streaming.started');
    expect(normalizeEvent(event)).toBe(event);
    expect(eventType(event)).toBe('streaming.started');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TelnyxEvent, TelnyxWebhookEvent } from '@switchboard/core';
import { reduceCallState } from '../../src/ordering/call-state.js';
import { occurredAtMicros } from '../../src/ordering/occurred-at.js';
import { testEvent } from '../support/fixtures.js';

const TYPES = [
  'call.initiated',
  'call.answered',
  'call.bridged',
  'call.hangup',
  'call.hold',
  'call.unhold',
  'call.dtmf.received',
  'call.playback.started',
] as const;

// Few distinct timestamps, so ties (broken by event id) are common.
const TIMES = [
  '2025-10-24T18:10:05Z',
  '2025-10-24T18:10:05.000001Z',
  '2025-10-24T18:10:05.5Z',
  '2025-10-24T18:10:06.074957Z',
  '2025-10-24T20:10:06+02:00',
];

interface Spec {
  readonly type: (typeof TYPES)[number];
  readonly id: string;
  readonly at: string;
  readonly digit: string;
}

const specArb = fc.record({
  type: fc.constantFrom(...TYPES),
  id: fc.uuid(),
  at: fc.constantFrom(...TIMES),
  digit: fc.constantFrom('1', '2', '#'),
});
const specsArb = fc.uniqueArray(specArb, { selector: (spec) => spec.id, maxLength: 12 });

function toEvent(spec: Spec): TelnyxEvent {
  return testEvent(spec.type, {
    id: spec.id,
    occurredAt: spec.at,
    payload: { digit: spec.digit, hangup_cause: 'normal_clearing', hangup_source: 'caller' },
  });
}

/** A permutation of `specs` plus some of them again, as duplicates. */
const reorderedArb = specsArb.chain((specs) =>
  fc.tuple(
    fc.constant(specs),
    fc.shuffledSubarray(specs, { minLength: specs.length, maxLength: specs.length }),
    fc.subarray(specs),
  ),
);

const byTimeThenId = (a: Spec, b: Spec) =>
  occurredAtMicros(a.at) - occurredAtMicros(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('reduceCallState', () => {
  it('ends in the same state whatever the order and duplicates', () => {
    fc.assert(
      fc.property(reorderedArb, ([specs, shuffled, duplicates]) => {
        const inOrder = reduceCallState(specs.map(toEvent));
        const reordered = reduceCallState([...shuffled, ...duplicates].map(toEvent));
        expect(reordered).toEqual(inOrder);
      }),
    );
  });

  it('treats hangup as terminal and never on hold after it', () => {
    fc.assert(
      fc.property(reorderedArb, ([specs, shuffled]) => {
        fc.pre(specs.some((spec) => spec.type === 'call.hangup'));
        const state = reduceCallState(shuffled.map(toEvent));
        expect(state.status).toBe('ended');
        expect(state.onHold).toBe(false);
        expect(state.hangup?.cause).toBe('normal_clearing');
      }),
    );
  });

  it('reports the furthest milestone reached, even when it arrived first', () => {
    fc.assert(
      fc.property(reorderedArb, ([specs, shuffled]) => {
        const has = (type: Spec['type']) => specs.some((spec) => spec.type === type);
        const expected = has('call.hangup')
          ? 'ended'
          : has('call.bridged')
            ? 'bridged'
            : has('call.answered')
              ? 'answered'
              : has('call.initiated')
                ? 'initiated'
                : 'unknown';
        expect(reduceCallState(shuffled.map(toEvent)).status).toBe(expected);
      }),
    );
  });

  it('follows the latest hold or unhold by occurred_at', () => {
    fc.assert(
      fc.property(reorderedArb, ([specs, shuffled]) => {
        fc.pre(!specs.some((spec) => spec.type === 'call.hangup'));
        const holds = specs.filter((s) => s.type === 'call.hold' || s.type === 'call.unhold');
        const latest = [...holds].sort(byTimeThenId).at(-1);
        const state = reduceCallState(shuffled.map(toEvent));
        expect(state.onHold).toBe(latest?.type === 'call.hold');
      }),
    );
  });

  it('keeps DTMF digits in occurred_at order', () => {
    fc.assert(
      fc.property(reorderedArb, ([specs, shuffled]) => {
        const digits = specs.filter((s) => s.type === 'call.dtmf.received').sort(byTimeThenId);
        const state = reduceCallState(shuffled.map(toEvent));
        expect(state.dtmf.map((mark) => mark.digit)).toEqual(digits.map((s) => s.digit));
      }),
    );
  });

  it('answered then initiated out of order still reads answered, with both marks', () => {
    const answered = testEvent('call.answered', { occurredAt: '2025-01-01T00:00:02Z' });
    const initiated = testEvent('call.initiated', { occurredAt: '2025-01-01T00:00:01Z' });
    const state = reduceCallState([answered, initiated]);
    expect(state.status).toBe('answered');
    expect(state.initiated?.occurredAt).toBe('2025-01-01T00:00:01Z');
    expect(state.lastEvent?.eventId).toBe(answered.data.id);
  });

  it('folds v1 (flat, underscored) envelopes like v2 ones', () => {
    const v1 = {
      record_type: 'event',
      id: 'v1-hangup',
      event_type: 'call_hangup',
      created_at: '2025-01-01T00:00:03Z',
      payload: { hangup_cause: 'busy' },
    } as unknown as TelnyxWebhookEvent;
    const state = reduceCallState([v1]);
    expect(state.status).toBe('ended');
    expect(state.hangup).toEqual({
      occurredAt: '2025-01-01T00:00:03Z',
      eventId: 'v1-hangup',
      cause: 'busy',
    });
  });
});

describe('occurredAtMicros', () => {
  it('orders below the millisecond and across offsets', () => {
    expect(occurredAtMicros('2025-10-24T18:10:05.000001Z')).toBe(
      occurredAtMicros('2025-10-24T18:10:05Z') + 1,
    );
    expect(occurredAtMicros('2025-10-24T20:10:05+02:00')).toBe(
      occurredAtMicros('2025-10-24T18:10:05Z'),
    );
    expect(occurredAtMicros('yesterday')).toBe(0);
  });
});

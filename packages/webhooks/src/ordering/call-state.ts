import type { TelnyxWebhookEvent } from '@switchboard/core';
import { eventFacts, type EventFacts } from '../receiver/event-facts.js';
import { compareMarks, earlier, later, type CallMark } from './call-mark.js';

/** The furthest milestone a call reached; `ended` is terminal. */
export type CallStatus = 'unknown' | 'initiated' | 'answered' | 'bridged' | 'ended';

export interface HangupMark extends CallMark {
  readonly cause?: string;
  readonly source?: string;
}

export interface HoldMark extends CallMark {
  readonly onHold: boolean;
}

export interface DtmfMark extends CallMark {
  readonly digit: string;
}

/**
 * A call's state folded from its webhooks. Every field is a max, a min or a last-writer-wins
 * register over `(occurred_at, event id)`, so the fold is commutative and idempotent: any
 * arrival order, with any duplicates, ends in the same state.
 */
export interface CallState {
  readonly status: CallStatus;
  /** Earliest of each milestone. */
  readonly initiated?: CallMark;
  readonly answered?: CallMark;
  readonly bridged?: CallMark;
  readonly hangup?: HangupMark;
  /** The latest `call.hold` / `call.unhold` by occurred_at. */
  readonly hold?: HoldMark;
  /** On hold per the latest hold/unhold, and never once the call has ended. */
  readonly onHold: boolean;
  /** DTMF digits received, in occurred_at order, each event once. */
  readonly dtmf: readonly DtmfMark[];
  /** The latest event folded in. */
  readonly lastEvent?: CallMark;
}

/** The state before any event. */
export const initialCallState: CallState = Object.freeze({
  status: 'unknown',
  onHold: false,
  dtmf: [],
});

type Fold = (state: CallState, mark: CallMark, facts: EventFacts) => CallState;

const FOLDS: Readonly<Record<string, Fold>> = {
  'call.initiated': (s, m) => ({ ...s, initiated: earlier(s.initiated, m) }),
  'call.answered': (s, m) => ({ ...s, answered: earlier(s.answered, m) }),
  'call.bridged': (s, m) => ({ ...s, bridged: earlier(s.bridged, m) }),
  'call.hangup': (s, m, f) => ({ ...s, hangup: earlier(s.hangup, hangupMark(m, f)) }),
  'call.hold': (s, m) => ({ ...s, hold: later(s.hold, { ...m, onHold: true }) }),
  'call.unhold': (s, m) => ({ ...s, hold: later(s.hold, { ...m, onHold: false }) }),
  'call.dtmf.received': (s, m, f) => ({ ...s, dtmf: addDigit(s.dtmf, m, f) }),
};

/**
 * Folds one event into a call's state. Pure; commutative and idempotent over events, so
 * `reduceCallState` of any permutation of the same events gives an equal state. v1 (flat)
 * events fold like their v2 equivalents.
 */
export function callStateReducer(state: CallState, event: TelnyxWebhookEvent): CallState {
  const facts = eventFacts(event);
  const mark: CallMark = { occurredAt: facts.occurredAt, eventId: facts.id };
  const fold = FOLDS[facts.type] ?? ((s: CallState) => s);
  return derive({ ...fold(state, mark, facts), lastEvent: later(state.lastEvent, mark) });
}

/** The state a call ends in after `events`, whatever order they are given in. */
export function reduceCallState(events: Iterable<TelnyxWebhookEvent>): CallState {
  let state = initialCallState;
  for (const event of events) state = callStateReducer(state, event);
  return state;
}

function derive(state: CallState): CallState {
  const status = statusOf(state);
  return { ...state, status, onHold: status !== 'ended' && state.hold?.onHold === true };
}

function statusOf(state: CallState): CallStatus {
  if (state.hangup !== undefined) return 'ended';
  if (state.bridged !== undefined) return 'bridged';
  if (state.answered !== undefined) return 'answered';
  return state.initiated !== undefined ? 'initiated' : 'unknown';
}

function hangupMark(mark: CallMark, facts: EventFacts): HangupMark {
  const { hangup_cause: cause, hangup_source: source } = facts.payload;
  return {
    ...mark,
    ...(typeof cause === 'string' ? { cause } : {}),
    ...(typeof source === 'string' ? { source } : {}),
  };
}

function addDigit(dtmf: readonly DtmfMark[], mark: CallMark, facts: EventFacts): DtmfMark[] {
  const digit = facts.payload['digit'];
  if (typeof digit !== 'string' || dtmf.some((d) => d.eventId === mark.eventId)) return [...dtmf];
  return [...dtmf, { ...mark, digit }].sort(compareMarks);
}

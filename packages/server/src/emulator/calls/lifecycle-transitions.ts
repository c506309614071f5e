import { armDetection } from './amd-transitions.js';
import { emit, isoTime, parties, patch, schedule, type Draft } from './call-draft.js';
import {
  dequeue,
  saveRecording,
  startRecording,
  startStreaming,
  stopFork,
  stopStreaming,
} from './feature-transitions.js';
import { endGather } from './gather-transitions.js';
import { closeMedia } from './media-transitions.js';
import { closeExtras } from './conversation-transitions.js';

export type HangupCause =
  | 'call_rejected'
  | 'normal_clearing'
  | 'originator_cancel'
  | 'timeout'
  | 'time_limit'
  | 'user_busy';

/** Which party ended the call: the application's side, the far end, or the network (timers). */
export type HangupSide = 'app' | 'far_end' | 'system';

/** SIP status reported with each cause; Telnyx leaves the mapping undocumented. */
const SIP_CAUSE: Readonly<Record<HangupCause, string>> = {
  call_rejected: '603',
  normal_clearing: '200',
  originator_cancel: '487',
  timeout: '480',
  time_limit: '200',
  user_busy: '486',
};

/** A new call's first event, and the timers that bound its life. */
export function initiate(draft: Draft, timeoutMs: number | null, timeLimitMs: number): void {
  const state = draft.state;
  emit(draft, 'call.initiated', {
    ...parties(state),
    direction: state.direction,
    state: state.direction === 'outgoing' ? 'bridging' : 'parked',
    start_time: isoTime(state.startedAt),
  });
  schedule(draft, 'time_limit', state.startedAt + timeLimitMs);
  if (timeoutMs !== null) schedule(draft, 'dial_timeout', state.startedAt + timeoutMs);
  if (state.direction === 'outgoing') armRingOutcome(draft);
}

/** The far end answers, hangs up busy, rejects, or (no_answer) lets the dial timeout run. */
function armRingOutcome(draft: Draft): void {
  const { farEnd } = draft.state;
  if (farEnd === 'no_answer') return;
  const { answerDelayMs, failDelayMs } = draft.ctx.timings;
  const failing = farEnd === 'busy' || farEnd === 'rejected';
  schedule(draft, 'ring_outcome', draft.ctx.now + (failing ? failDelayMs : answerDelayMs));
}

export function ringOutcome(draft: Draft): void {
  const { farEnd } = draft.state;
  if (farEnd === 'busy') endCall(draft, 'user_busy', 'far_end');
  else if (farEnd === 'rejected') endCall(draft, 'call_rejected', 'far_end');
  else answered(draft);
}

/** Either side picked up: `call.answered`, then whatever was asked for on answer. */
export function answered(draft: Draft): void {
  if (draft.state.phase === 'answered' || draft.state.phase === 'ended') return;
  patch(draft, { phase: 'answered', answeredAt: draft.ctx.now, timers: withoutRinging(draft) });
  emit(draft, 'call.answered', {
    ...parties(draft.state),
    state: 'answered',
    start_time: isoTime(draft.state.startedAt),
  });
  armDetection(draft);
  const { recordOnAnswer, streamOnAnswer } = draft.state;
  if (recordOnAnswer !== null) startRecording(draft, recordOnAnswer);
  if (streamOnAnswer !== null) startStreaming(draft, streamOnAnswer);
  patch(draft, { recordOnAnswer: null, streamOnAnswer: null });
}

function withoutRinging(draft: Draft): Draft['state']['timers'] {
  return draft.state.timers.filter(
    (timer) => timer.kind !== 'dial_timeout' && timer.kind !== 'ring_outcome',
  );
}

/**
 * Ends the call: running activities report their end first (so `call.recording.saved` precedes
 * `call.hangup`), every timer is dropped, and a bridged peer is told.
 */
export function endCall(draft: Draft, cause: HangupCause, side: HangupSide): void {
  if (draft.state.phase === 'ended') return;
  closeActivities(draft);
  emit(draft, 'call.hangup', {
    ...parties(draft.state),
    state: 'hangup',
    start_time: isoTime(draft.state.startedAt),
    hangup_cause: cause,
    hangup_source: hangupSource(draft, side),
    sip_hangup_cause: SIP_CAUSE[cause],
  });
  const peer = draft.state.bridgedWith;
  if (peer !== null)
    draft.effects.push({
      type: 'signal',
      callId: peer,
      signal: { name: 'peer_hangup', peerId: draft.state.id },
    });
  patch(draft, { phase: 'ended', endedAt: draft.ctx.now, timers: [], bridgedWith: null });
}

function closeActivities(draft: Draft): void {
  closeMedia(draft);
  endGather(draft, 'call_hangup');
  dequeue(draft, 'hangup');
  stopFork(draft);
  stopStreaming(draft);
  saveRecording(draft);
  closeExtras(draft);
}

/** The schema's `caller`/`callee`: on an outgoing call the app's side is the caller. */
function hangupSource(draft: Draft, side: HangupSide): 'caller' | 'callee' | 'unknown' {
  if (side === 'system') return 'unknown';
  const appIsCaller = draft.state.direction === 'outgoing';
  return (side === 'app') === appIsCaller ? 'caller' : 'callee';
}

/** The app hangs up; before answer on an outgoing call this cancels the attempt. */
export function appHangup(draft: Draft): void {
  const cancelling = draft.state.phase === 'dialing';
  endCall(draft, cancelling ? 'originator_cancel' : 'normal_clearing', 'app');
}

/** The far end hangs up; an incoming caller giving up before answer is `originator_cancel`. */
export function farEndHangup(draft: Draft): void {
  const cancelling = draft.state.phase === 'parked';
  endCall(draft, cancelling ? 'originator_cancel' : 'normal_clearing', 'far_end');
}

export function bridged(draft: Draft, peerId: string, parkAfterUnbridge: boolean): void {
  dequeue(draft, 'bridged');
  patch(draft, { bridgedWith: peerId, parkAfterUnbridge });
  emit(draft, 'call.bridged', parties(draft.state));
}

/** The bridged peer hung up: this leg follows unless it asked to be parked after unbridge. */
export function peerHungUp(draft: Draft, peerId: string): void {
  if (draft.state.bridgedWith !== peerId) return;
  patch(draft, { bridgedWith: null });
  if (!draft.state.parkAfterUnbridge) endCall(draft, 'normal_clearing', 'far_end');
}

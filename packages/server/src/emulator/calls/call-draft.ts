import type { Effect, Step } from './call-input.js';
import type { CallState, TimerKind } from './call-state.js';
import type { CallTimings } from './call-timings.js';

/** What a transition knows besides the call: the time and the configured delays. */
export interface StepContext {
  readonly now: number;
  readonly timings: CallTimings;
  /** Public base URL of the server, for the recording URLs it serves. */
  readonly baseUrl: string;
}

/**
 * A transition's scratchpad: the evolving state plus the effects it has produced. Transitions
 * mutate only their own draft, so from outside they stay pure functions of (state, input, now).
 */
export interface Draft {
  state: CallState;
  readonly effects: Effect[];
  readonly ctx: StepContext;
}

export function draftOf(state: CallState, ctx: StepContext): Draft {
  return { state, effects: [], ctx };
}

export function finish(draft: Draft): Step {
  return { ok: true, state: draft.state, effects: draft.effects };
}

export function patch(draft: Draft, changes: Partial<CallState>): void {
  draft.state = { ...draft.state, ...changes };
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** The ids every voice payload carries, plus the client_state once one was set. */
export function basePayload(state: CallState): Record<string, unknown> {
  return {
    call_control_id: state.id,
    call_leg_id: state.legId,
    call_session_id: state.sessionId,
    connection_id: state.connectionId,
    ...(state.clientState === null ? {} : { client_state: state.clientState }),
  };
}

/** `from`/`to` as the schemas use them: always caller → callee. */
export function parties(state: CallState): { from: string; to: string } {
  return { from: state.from, to: state.to };
}

export function emit(draft: Draft, eventType: string, extra: Record<string, unknown> = {}): void {
  draft.effects.push({
    type: 'emit',
    eventType,
    payload: { ...basePayload(draft.state), ...extra },
  });
}

/** Arms a timer of `kind` at `at`, replacing any pending timer of the same kind. */
export function schedule(draft: Draft, kind: TimerKind, at: number): void {
  cancel(draft, kind);
  const timer = { id: `t${draft.state.timerSeq}`, at, kind };
  patch(draft, { timers: [...draft.state.timers, timer], timerSeq: draft.state.timerSeq + 1 });
  draft.effects.push({ type: 'schedule', timer });
}

/** Cancels by forgetting: the wheel still fires, but the engine drops timers the call no longer holds. */
export function cancel(draft: Draft, kind: TimerKind): void {
  patch(draft, { timers: draft.state.timers.filter((timer) => timer.kind !== kind) });
}

export function isAlive(state: CallState): boolean {
  return state.phase !== 'ended';
}

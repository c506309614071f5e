import type { ConferenceState, ConferenceTimerKind } from './conference-state.js';

/** What the engine carries out after a conference transition is stored. */
export type ConferenceEffect =
  /** A webhook; `about` is the participant call it concerns, null for conference-wide ones. */
  | {
      readonly type: 'emit';
      readonly eventType: string;
      readonly about: string | null;
      readonly extra: Readonly<Record<string, unknown>>;
    }
  | { readonly type: 'schedule'; readonly id: string; readonly at: number }
  /** Tell a call which conference it now sits in (null: none). */
  | { readonly type: 'seat'; readonly callId: string; readonly conferenceId: string | null }
  | { readonly type: 'hangup'; readonly callId: string }
  | { readonly type: 'recording_saved'; readonly recording: SavedConferenceRecording };

export interface SavedConferenceRecording {
  readonly id: string;
  readonly channels: 'single' | 'dual';
  readonly format: 'mp3' | 'wav';
  readonly startedAt: number;
  readonly endedAt: number;
  readonly durationMs: number;
}

/** A conference transition's scratchpad, like the calls' draft: state plus effects. */
export interface ConferenceDraft {
  state: ConferenceState;
  readonly effects: ConferenceEffect[];
  readonly now: number;
}

export function conferenceDraft(state: ConferenceState, now: number): ConferenceDraft {
  return { state, effects: [], now };
}

export function patchConference(draft: ConferenceDraft, changes: Partial<ConferenceState>): void {
  draft.state = { ...draft.state, ...changes, updatedAt: draft.now };
}

export function emitConference(
  draft: ConferenceDraft,
  eventType: string,
  about: string | null,
  extra: Record<string, unknown> = {},
): void {
  draft.effects.push({ type: 'emit', eventType, about, extra });
}

/** Arms a timer of `kind`, replacing a pending one of the same kind. */
export function scheduleConference(
  draft: ConferenceDraft,
  kind: ConferenceTimerKind,
  at: number,
): void {
  cancelConference(draft, kind);
  const id = `c${draft.state.timerSeq}`;
  patchConference(draft, {
    timers: [...draft.state.timers, { id, at, kind }],
    timerSeq: draft.state.timerSeq + 1,
  });
  draft.effects.push({ type: 'schedule', id, at });
}

export function cancelConference(draft: ConferenceDraft, kind: ConferenceTimerKind): void {
  patchConference(draft, { timers: draft.state.timers.filter((timer) => timer.kind !== kind) });
}

import type { JoinOptions } from './join-options.js';

/** One call's seat in a conference. */
export interface Participant {
  readonly id: string;
  readonly callId: string;
  readonly callLegId: string;
  readonly options: JoinOptions;
  readonly status: 'joined' | 'left';
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** A speak or play queued on the conference; `targets` null means everyone hears it. */
export interface ConferenceMedia {
  readonly kind: 'speak' | 'playback';
  readonly targets: readonly string[] | null;
  readonly durationMs: number;
  readonly endless: boolean;
  readonly mediaUrl: string | null;
  readonly mediaName: string | null;
}

export interface ConferenceRecording {
  readonly id: string;
  readonly channels: 'single' | 'dual';
  readonly format: 'mp3' | 'wav';
  readonly startedAt: number;
  readonly pausedAt: number | null;
  readonly pausedMs: number;
}

export type ConferenceTimerKind = 'media_end' | 'duration_end';

export interface ConferenceTimer {
  readonly id: string;
  readonly at: number;
  readonly kind: ConferenceTimerKind;
}

export type EndReason = 'all_left' | 'ended_via_api' | 'host_left' | 'time_exceeded';

/** The stored shape of a conference: plain JSON, so a restarted server picks it up. */
export interface ConferenceState {
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly connectionId: string;
  readonly creatorCallId: string;
  readonly creatorSessionId: string;
  readonly region: string;
  readonly status: 'init' | 'in_progress' | 'completed';
  readonly maxParticipants: number;
  readonly beep: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly expiresAt: number;
  readonly endReason: EndReason | null;
  readonly endedBy: { readonly callId: string; readonly sessionId: string } | null;
  readonly participants: readonly Participant[];
  readonly media: readonly ConferenceMedia[];
  readonly recording: ConferenceRecording | null;
  readonly timers: readonly ConferenceTimer[];
  readonly timerSeq: number;
}

export function activeParticipants(state: ConferenceState): Participant[] {
  return state.participants.filter((participant) => participant.status === 'joined');
}

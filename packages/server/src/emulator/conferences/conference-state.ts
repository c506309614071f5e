import { decoderOf } from '@switchboard/core/contract';
import Type, { type Static } from 'typebox';
import { JoinOptions } from './join-options.js';

const NullableString = Type.Union([Type.String(), Type.Null()]);

/** One call's seat in a conference. */
export const Participant = Type.Object({
  id: Type.String(),
  callId: Type.String(),
  callLegId: Type.String(),
  options: JoinOptions,
  status: Type.Enum(['joined', 'left']),
  createdAt: Type.Number(),
  updatedAt: Type.Number(),
});

/** A speak or play queued on the conference; `targets` null means everyone hears it. */
export const ConferenceMedia = Type.Object({
  kind: Type.Enum(['speak', 'playback']),
  targets: Type.Union([Type.Array(Type.String()), Type.Null()]),
  durationMs: Type.Number(),
  endless: Type.Boolean(),
  mediaUrl: NullableString,
  mediaName: NullableString,
});

export const ConferenceRecording = Type.Object({
  id: Type.String(),
  channels: Type.Enum(['single', 'dual']),
  format: Type.Enum(['mp3', 'wav']),
  startedAt: Type.Number(),
  pausedAt: Type.Union([Type.Number(), Type.Null()]),
  pausedMs: Type.Number(),
});

export const CONFERENCE_TIMER_KINDS = ['media_end', 'duration_end'] as const;

export const ConferenceTimer = Type.Object({
  id: Type.String(),
  at: Type.Number(),
  kind: Type.Enum(CONFERENCE_TIMER_KINDS),
});

export const END_REASONS = ['all_left', 'ended_via_api', 'host_left', 'time_exceeded'] as const;

/** The stored shape of a conference: plain JSON, so a restarted server picks it up. */
export const ConferenceState = Type.Object({
  id: Type.String(),
  accountId: Type.String(),
  name: Type.String(),
  connectionId: Type.String(),
  creatorCallId: Type.String(),
  creatorSessionId: Type.String(),
  region: Type.String(),
  status: Type.Enum(['init', 'in_progress', 'completed']),
  maxParticipants: Type.Number(),
  beep: Type.String(),
  createdAt: Type.Number(),
  updatedAt: Type.Number(),
  expiresAt: Type.Number(),
  endReason: Type.Union([Type.Enum(END_REASONS), Type.Null()]),
  endedBy: Type.Union([
    Type.Object({ callId: Type.String(), sessionId: Type.String() }),
    Type.Null(),
  ]),
  participants: Type.Array(Participant),
  media: Type.Array(ConferenceMedia),
  recording: Type.Union([ConferenceRecording, Type.Null()]),
  timers: Type.Array(ConferenceTimer),
  timerSeq: Type.Number(),
});

export type Participant = Static<typeof Participant>;
export type ConferenceMedia = Static<typeof ConferenceMedia>;
export type ConferenceRecording = Static<typeof ConferenceRecording>;
export type ConferenceTimerKind = (typeof CONFERENCE_TIMER_KINDS)[number];
export type ConferenceTimer = Static<typeof ConferenceTimer>;
export type EndReason = (typeof END_REASONS)[number];
export type ConferenceState = Static<typeof ConferenceState>;

/** Reads a stored conference. */
export const decodeConference = decoderOf('conference', ConferenceState);

export function activeParticipants(state: ConferenceState): Participant[] {
  return state.participants.filter((participant) => participant.status === 'joined');
}

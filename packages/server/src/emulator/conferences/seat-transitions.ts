import {
  emitConference,
  patchConference,
  scheduleConference,
  type ConferenceDraft,
} from './conference-draft.js';
import { closeConferenceMedia } from './media-transitions.js';
import { saveConferenceRecording } from './recording-transitions.js';
import { activeParticipants, type EndReason, type Participant } from './conference-state.js';
import type { JoinOptions } from './join-options.js';

/** The first step of a new conference: `conference.created`, and its duration limit. */
export function created(draft: ConferenceDraft, durationMs: number | null): void {
  emitConference(draft, 'conference.created', draft.state.creatorCallId);
  if (durationMs !== null) scheduleConference(draft, 'duration_end', draft.now + durationMs);
}

/**
 * Seats a call: `conference.participant.joined`. A conference not started yet holds everyone
 * until a participant with `start_conference_on_enter` arrives.
 */
export function seat(
  draft: ConferenceDraft,
  participant: Omit<Participant, 'status' | 'createdAt' | 'updatedAt'>,
): void {
  const starting = participant.options.startOnEnter && draft.state.status === 'init';
  const held = participant.options.hold || (draft.state.status === 'init' && !starting);
  const seated: Participant = {
    ...participant,
    options: { ...participant.options, hold: held },
    status: 'joined',
    createdAt: draft.now,
    updatedAt: draft.now,
  };
  const others = draft.state.participants.filter((p) => p.callId !== participant.callId);
  patchConference(draft, { participants: [...others, seated] });
  draft.effects.push({ type: 'seat', callId: participant.callId, conferenceId: draft.state.id });
  emitConference(draft, 'conference.participant.joined', participant.callId);
  if (starting) start(draft);
}

/** The conference starts: whoever waited on hold (for the start) hears the others. */
function start(draft: ConferenceDraft): void {
  const participants = draft.state.participants.map((p) =>
    p.status === 'joined'
      ? { ...p, options: { ...p.options, hold: false }, updatedAt: draft.now }
      : p,
  );
  patchConference(draft, { status: 'in_progress', participants });
}

/**
 * A participant leaves (leave command or hangup). The conference ends when nobody is left, or
 * when the leaver was a host (`end_conference_on_exit` hangs the rest up; the soft variant
 * only lets them go).
 */
export function unseat(draft: ConferenceDraft, callId: string, hungUp: boolean): void {
  const participant = activeParticipants(draft.state).find((p) => p.callId === callId);
  if (participant === undefined) return;
  markLeft(draft, participant, !hungUp);
  if (participant.options.endOnExit || participant.options.softEndOnExit) {
    endConference(draft, 'host_left', callId, participant.options.endOnExit);
  } else if (activeParticipants(draft.state).length === 0) {
    endConference(draft, 'all_left', callId, false);
  }
}

function markLeft(draft: ConferenceDraft, participant: Participant, release: boolean): void {
  const participants = draft.state.participants.map((p) =>
    p.id === participant.id ? { ...p, status: 'left' as const, updatedAt: draft.now } : p,
  );
  patchConference(draft, { participants });
  if (release) draft.effects.push({ type: 'seat', callId: participant.callId, conferenceId: null });
  emitConference(draft, 'conference.participant.left', participant.callId);
}

/**
 * Ends the conference: media and recording close, the remaining participants leave (hung up
 * when `hangUp`), then `conference.ended`. The webhook's reason enum has no `ended_via_api`,
 * so an API end reports `all_left` (everyone is made to leave); the resource keeps the truth.
 */
export function endConference(
  draft: ConferenceDraft,
  reason: EndReason,
  byCallId: string,
  hangUp: boolean,
): void {
  if (draft.state.status === 'completed') return;
  closeConferenceMedia(draft);
  saveConferenceRecording(draft);
  for (const participant of activeParticipants(draft.state)) {
    markLeft(draft, participant, !hangUp);
    if (hangUp) draft.effects.push({ type: 'hangup', callId: participant.callId });
  }
  emitConference(draft, 'conference.ended', byCallId, {
    reason: reason === 'ended_via_api' ? 'all_left' : reason,
  });
  patchConference(draft, {
    status: 'completed',
    endReason: reason,
    endedBy: { callId: byCallId, sessionId: draft.state.creatorSessionId },
    timers: [],
  });
}

/** mute/unmute/hold/unhold/update: the same change on each named participant. */
export function changeParticipants(
  draft: ConferenceDraft,
  callIds: readonly string[] | null,
  change: Partial<JoinOptions>,
): void {
  const participants = draft.state.participants.map((p) =>
    p.status === 'joined' && (callIds === null || callIds.includes(p.callId))
      ? { ...p, options: { ...p.options, ...change }, updatedAt: draft.now }
      : p,
  );
  patchConference(draft, { participants });
}

import type { ConferenceState, Participant } from './conference-state.js';

const iso = (ms: number): string => new Date(ms).toISOString();

/** The spec's `Conference` object. */
export function conferenceView(state: ConferenceState): Record<string, unknown> {
  return {
    record_type: 'conference',
    id: state.id,
    name: state.name,
    status: state.status,
    region: state.region,
    connection_id: state.connectionId,
    created_at: iso(state.createdAt),
    updated_at: iso(state.updatedAt),
    expires_at: iso(state.expiresAt),
    ...(state.endReason === null ? {} : { end_reason: state.endReason }),
    ...(state.endedBy === null
      ? {}
      : {
          ended_by: {
            call_control_id: state.endedBy.callId,
            call_session_id: state.endedBy.sessionId,
          },
        }),
  };
}

/**
 * A participant as the list route shows it (`conference: {id, name}`), or as the single
 * participant routes do (`conference_id`).
 */
export function participantView(
  state: ConferenceState,
  participant: Participant,
  form: 'list' | 'single',
): Record<string, unknown> {
  const { options } = participant;
  return {
    record_type: 'participant',
    id: participant.id,
    call_control_id: participant.callId,
    call_leg_id: participant.callLegId,
    ...(form === 'list'
      ? { conference: { id: state.id, name: state.name } }
      : { conference_id: state.id }),
    status: participant.status,
    muted: options.muted,
    on_hold: options.hold,
    end_conference_on_exit: options.endOnExit,
    soft_end_conference_on_exit: options.softEndOnExit,
    whisper_call_control_ids: options.whisperIds,
    created_at: iso(participant.createdAt),
    updated_at: iso(participant.updatedAt),
  };
}

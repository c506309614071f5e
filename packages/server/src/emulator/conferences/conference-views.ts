import type {
  ConferenceView,
  ParticipantListView,
  ParticipantView,
} from './conference-contract.js';
import type { ConferenceState, Participant } from './conference-state.js';

const iso = (ms: number): string => new Date(ms).toISOString();

/** The spec's `Conference` object. */
export function conferenceView(state: ConferenceState): ConferenceView {
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

function participantFields(participant: Participant) {
  const { options } = participant;
  return {
    record_type: 'participant' as const,
    id: participant.id,
    call_control_id: participant.callId,
    call_leg_id: participant.callLegId,
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

/** A participant as the list route shows it (`conference: {id, name}`). */
export function participantListView(
  state: ConferenceState,
  participant: Participant,
): ParticipantListView {
  return { ...participantFields(participant), conference: { id: state.id, name: state.name } };
}

/** A participant as the single participant routes show it (`conference_id`). */
export function participantView(state: ConferenceState, participant: Participant): ParticipantView {
  return { ...participantFields(participant), conference_id: state.id };
}

import type { CallResource } from '@switchboard/core/contract';
import { isoTime } from './call-draft.js';
import type { CallState } from './call-state.js';

/** The Telnyx `Call` object (`CallWithRecordingId` for Dial) as the API shows it. */
export function callView(
  state: CallState,
  options: { readonly dialing?: boolean } = {},
): CallResource {
  const ended = state.endedAt !== null;
  const recordingId = state.recordOnAnswer?.id ?? state.recording?.id;
  return {
    record_type: 'call',
    call_control_id: state.id,
    call_leg_id: state.legId,
    call_session_id: state.sessionId,
    // Dial is asynchronous, so Telnyx always answers it with is_alive false.
    is_alive: options.dialing === true ? false : !ended,
    ...(state.clientState === null ? {} : { client_state: state.clientState }),
    start_time: isoTime(state.startedAt),
    ...(state.endedAt === null ? {} : { end_time: isoTime(state.endedAt) }),
    call_duration: Math.floor(((state.endedAt ?? state.startedAt) - state.startedAt) / 1000),
    ...(recordingId === undefined ? {} : { recording_id: recordingId }),
  };
}

import { leg } from './call-templates.js';
import type { PayloadOf, TelnyxEventType } from './telnyx-event.js';
import { isoAt, type ResolvedIds } from './template-ids.js';

type ConferenceEventType = Extract<TelnyxEventType, `conference.${string}`>;
type PayloadBuilders = { readonly [T in ConferenceEventType]: (ids: ResolvedIds) => PayloadOf<T> };

const MEDIA_URL = 'https://media.example.com/audio/hold-music.mp3';
const RECORDING_BASE = 'https://recordings.example.com/conference-6e5d4c3b';

// A participant's call in the conference, with the conference and the event time.
function participant(ids: ResolvedIds) {
  return { ...leg(ids), conference_id: ids.conferenceId };
}

// Conference-wide media (play, speak) has no participant leg; the creator's session names it.
function conferenceWide(ids: ResolvedIds) {
  return {
    conference_id: ids.conferenceId,
    connection_id: ids.connectionId,
    creator_call_session_id: ids.callSessionId,
    occurred_at: isoAt(ids),
  };
}

/** Realistic payloads for every conference event type. */
export const CONFERENCE_PAYLOADS: PayloadBuilders = {
  'conference.created': (ids) => ({ ...participant(ids), occurred_at: isoAt(ids) }),
  'conference.ended': (ids) => ({
    ...participant(ids),
    occurred_at: isoAt(ids),
    reason: 'all_left',
  }),
  'conference.floor.changed': (ids) => ({ ...participant(ids), occurred_at: isoAt(ids) }),
  'conference.participant.joined': (ids) => participant(ids),
  'conference.participant.left': (ids) => participant(ids),
  'conference.participant.playback.started': (ids) => ({
    ...participant(ids),
    creator_call_session_id: ids.callSessionId,
    media_url: MEDIA_URL,
    occurred_at: isoAt(ids),
  }),
  'conference.participant.playback.ended': (ids) => ({
    ...participant(ids),
    creator_call_session_id: ids.callSessionId,
    media_url: MEDIA_URL,
    occurred_at: isoAt(ids),
  }),
  'conference.participant.speak.started': (ids) => ({
    ...participant(ids),
    creator_call_session_id: ids.callSessionId,
    occurred_at: isoAt(ids),
  }),
  'conference.participant.speak.ended': (ids) => ({
    ...participant(ids),
    creator_call_session_id: ids.callSessionId,
    occurred_at: isoAt(ids),
  }),
  'conference.playback.started': (ids) => ({ ...conferenceWide(ids), media_url: MEDIA_URL }),
  'conference.playback.ended': (ids) => ({ ...conferenceWide(ids), media_url: MEDIA_URL }),
  'conference.speak.started': (ids) => conferenceWide(ids),
  'conference.speak.ended': (ids) => conferenceWide(ids),
  'conference.recording.saved': (ids) => {
    const urls = { mp3: `${RECORDING_BASE}.mp3`, wav: null };
    return {
      call_control_id: ids.callControlId,
      call_session_id: ids.callSessionId,
      client_state: ids.clientState,
      connection_id: ids.connectionId,
      conference_id: ids.conferenceId,
      channels: 'single',
      format: 'mp3',
      recording_id: '0f1e2d3c-4b5a-4697-8877-665544332211',
      recording_started_at: isoAt(ids, -120_000),
      recording_ended_at: isoAt(ids, -1_000),
      recording_urls: urls,
      public_recording_urls: urls,
    };
  },
};

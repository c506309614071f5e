import type { PayloadOf, TelnyxEventType } from './telnyx-event.js';
import { isoAt, type ResolvedIds } from './template-ids.js';

/** The event types whose templates {@link CALL_FEATURE_PAYLOADS} builds. */
export type CallFeatureEventType =
  | `call.${'ai_gather' | 'conversation' | 'conversation_insights' | 'deepfake_detection' | 'refer'}.${string}`
  | 'call.cost'
  | 'call.recording.error'
  | 'call.recording.transcription.saved'
  | `siprec.${string}`
  | 'streaming.failed';
type CallEventType = Exclude<
  TelnyxEventType,
  `message.${string}` | `conference.${string}` | CallFeatureEventType
>;
type PayloadBuilders = { readonly [T in CallEventType]: (ids: ResolvedIds) => PayloadOf<T> };

const MEDIA_URL = 'https://media.example.com/audio/greeting.wav';
const RECORDING_BASE = 'https://recordings.example.com/4f3b2a10';
const STREAM_URL = 'wss://stream.example.com/media';

// The ids every call event carries; the call.recording.saved schema has no call_control_id.
export function session(ids: ResolvedIds) {
  return {
    call_leg_id: ids.callLegId,
    call_session_id: ids.callSessionId,
    client_state: ids.clientState,
    connection_id: ids.connectionId,
  };
}

export function leg(ids: ResolvedIds) {
  return { call_control_id: ids.callControlId, ...session(ids) };
}

export function parties(ids: ResolvedIds) {
  return { ...leg(ids), from: ids.from, to: ids.to };
}

/** Realistic payloads for every voice and streaming event type. */
export const CALL_PAYLOADS: PayloadBuilders = {
  'call.initiated': (ids) => ({
    ...parties(ids),
    direction: 'incoming',
    state: 'parked',
    start_time: isoAt(ids),
    caller_id_name: 'SWITCHBOARD TEST',
    connection_codecs: 'G722,PCMU,PCMA',
    offered_codecs: 'PCMU,PCMA',
    shaken_stir_attestation: 'A',
    shaken_stir_validated: true,
    custom_headers: [],
    sip_headers: [],
    tags: [],
  }),
  'call.answered': (ids) => ({
    ...parties(ids),
    state: 'answered',
    start_time: isoAt(ids, -4_000),
  }),
  'call.hold': (ids) => parties(ids),
  'call.unhold': (ids) => parties(ids),
  'call.hangup': (ids) => ({
    ...parties(ids),
    state: 'hangup',
    start_time: isoAt(ids, -60_000),
    hangup_cause: 'normal_clearing',
    hangup_source: 'caller',
    sip_hangup_cause: '200',
    call_quality_stats: null,
  }),
  'call.bridged': (ids) => parties(ids),
  'call.playback.started': (ids) => ({ ...leg(ids), media_url: MEDIA_URL, overlay: false }),
  'call.playback.ended': (ids) => ({
    ...leg(ids),
    media_url: MEDIA_URL,
    overlay: false,
    status: 'completed',
  }),
  'call.speak.started': (ids) => leg(ids),
  'call.speak.ended': (ids) => ({ ...leg(ids), status: 'completed' }),
  'call.dtmf.received': (ids) => ({ ...parties(ids), digit: '1' }),
  'call.gather.ended': (ids) => ({ ...parties(ids), digits: '1234', status: 'valid' }),
  'call.recording.saved': (ids) => {
    const urls = { mp3: `${RECORDING_BASE}.mp3`, wav: `${RECORDING_BASE}.wav` };
    return {
      ...session(ids),
      channels: 'single',
      recording_started_at: isoAt(ids, -30_000),
      recording_ended_at: isoAt(ids, -1_000),
      recording_urls: urls,
      public_recording_urls: urls,
    };
  },
  'call.machine.detection.ended': (ids) => ({ ...parties(ids), result: 'human' }),
  'call.machine.greeting.ended': (ids) => ({ ...parties(ids), result: 'beep_detected' }),
  'call.machine.premium.detection.ended': (ids) => ({ ...parties(ids), result: 'human_residence' }),
  'call.machine.premium.greeting.ended': (ids) => ({ ...parties(ids), result: 'beep_detected' }),
  'call.fork.started': (ids) => ({ ...leg(ids), stream_type: 'decrypted' }),
  'call.fork.stopped': (ids) => ({ ...leg(ids), stream_type: 'decrypted' }),
  'call.enqueued': (ids) => ({
    ...leg(ids),
    queue: 'support',
    current_position: 1,
    queue_avg_wait_time_secs: 45,
  }),
  'call.dequeued': (ids) => ({
    ...leg(ids),
    queue: 'support',
    queue_position: 1,
    reason: 'bridged',
    wait_time_secs: 12,
  }),
  'call.transcription': (ids) => ({
    ...leg(ids),
    transcription_data: {
      transcript: 'I would like to check my order status.',
      confidence: 0.97,
      is_final: true,
      transcription_track: 'inbound',
    },
  }),
  'streaming.started': (ids) => ({ ...leg(ids), stream_url: STREAM_URL }),
  'streaming.stopped': (ids) => ({ ...leg(ids), stream_url: STREAM_URL }),
};

import type { CallFeatureEventType } from './call-templates.js';
import { leg, parties, session } from './call-templates.js';
import type { PayloadOf, TelnyxEventType } from './telnyx-event.js';
import { isoAt, type ResolvedIds } from './template-ids.js';

type FeatureType = Extract<TelnyxEventType, CallFeatureEventType>;
type PayloadBuilders = { readonly [T in FeatureType]: (ids: ResolvedIds) => PayloadOf<T> };

const STREAM_URL = 'wss://stream.example.com/media';
const RECORDING_ID = '7d2e4f60-1a3b-4c5d-8e9f-0a1b2c3d4e5f';
const TRANSFER_TO = 'sip:agent@sip.example.com';

const history = [
  { role: 'assistant', content: 'What is your account number?' },
  { role: 'user', content: 'It is 4 8 1 5.' },
] as const;

/** Realistic payloads for refer, SIPREC, AI, insight, cost, deepfake and media-failure events. */
export const CALL_FEATURE_PAYLOADS: PayloadBuilders = {
  'streaming.failed': (ids) => ({
    ...leg(ids),
    failure_reason: 'connection_failed',
    stream_id: '1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b',
    stream_params: { stream_url: STREAM_URL, track: 'inbound_track' },
    stream_type: 'websocket',
  }),
  'call.recording.error': (ids) => ({ ...leg(ids), reason: 'Internal server error' }),
  'call.recording.transcription.saved': (ids) => ({
    ...leg(ids),
    calling_party_type: 'pstn',
    recording_id: RECORDING_ID,
    recording_transcription_id: '9e8d7c6b-5a49-4382-b1c0-d9e8f7a6b5c4',
    status: 'completed',
    transcription_text: 'Hi, this is a message for the support team.',
  }),
  'call.refer.started': (ids) => ({ ...leg(ids), from: ids.from, to: TRANSFER_TO }),
  'call.refer.completed': (ids) => ({
    ...leg(ids),
    from: ids.from,
    to: TRANSFER_TO,
    sip_notify_response: 200,
  }),
  'call.refer.failed': (ids) => ({
    ...leg(ids),
    from: ids.from,
    to: TRANSFER_TO,
    sip_notify_response: 603,
  }),
  'siprec.started': (ids) => leg(ids),
  'siprec.stopped': (ids) => ({ ...leg(ids), hangup_cause: 'normal_clearing' }),
  'siprec.failed': (ids) => ({ ...leg(ids), failure_cause: 'session_establishment_timeout' }),
  'call.ai_gather.ended': (ids) => ({
    ...parties(ids),
    message_history: history,
    result: { account_number: '4815' },
    status: 'valid',
  }),
  'call.ai_gather.message_history_updated': (ids) => ({
    ...parties(ids),
    message_history: history,
  }),
  'call.ai_gather.partial_results': (ids) => ({
    ...parties(ids),
    message_history: history,
    partial_results: { account_number: '4815' },
  }),
  'call.conversation.ended': (ids) => ({
    ...parties(ids),
    assistant_id: 'assistant-2b3c4d5e-6f70-4819-9a0b-1c2d3e4f5a6b',
    calling_party_type: 'pstn',
    conversation_id: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
    duration_sec: 94,
    llm_model: 'meta-llama/Meta-Llama-3.1-70B-Instruct',
    reason: 'user_hangup',
    stt_model: 'distil-whisper/distil-large-v2',
    tts_model_id: 'eleven_turbo_v2',
    tts_provider: 'telnyx',
    tts_voice_id: 'Telnyx.KokoroTTS.af',
  }),
  'call.conversation_insights.generated': (ids) => ({
    ...leg(ids),
    calling_party_type: 'pstn',
    insight_group_id: '6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e',
    results: [
      {
        insight_id: '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
        result: 'The caller asked for a refund.',
      },
    ],
  }),
  'call.cost': (ids) => ({
    ...leg(ids),
    billed_duration_secs: 60,
    billing_group_id: null,
    cost_parts: [
      {
        billed_duration_secs: 60,
        call_part: 'call-control',
        cost: '0.002',
        currency: 'USD',
        rate: '0.002',
      },
    ],
    occurred_at: isoAt(ids),
    status: 'success',
    total_cost: '0.002',
  }),
  'call.deepfake_detection.result': (ids) => ({
    ...session(ids),
    call_control_id: ids.callControlId,
    consistency: 0.93,
    result: 'real',
    score: 0.04,
  }),
  'call.deepfake_detection.error': (ids) => ({
    ...session(ids),
    call_control_id: ids.callControlId,
    error_message: 'detection_timeout',
  }),
};

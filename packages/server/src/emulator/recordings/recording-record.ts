import { decoderOf } from '@switchboard/core/contract';
import Type, { type Static } from 'typebox';
import type { Resource } from '../../storage/store.js';
import type { RecordingView } from './recording-contract.js';

export const RECORDING_KIND = 'recording';

const NullableString = Type.Union([Type.String(), Type.Null()]);

/** A finished recording of a call or a conference, as `/v2/recordings` lists it. */
export const RecordingRecord = Type.Object({
  id: Type.String(),
  source: Type.Enum(['call', 'conference']),
  callControlId: NullableString,
  callLegId: NullableString,
  callSessionId: NullableString,
  conferenceId: NullableString,
  connectionId: Type.String(),
  from: NullableString,
  to: NullableString,
  channels: Type.Enum(['single', 'dual']),
  format: Type.Enum(['mp3', 'wav']),
  url: Type.String(),
  startedAt: Type.Number(),
  endedAt: Type.Number(),
  durationMs: Type.Number(),
});

export type RecordingRecord = Static<typeof RecordingRecord>;

/** Reads a stored recording. */
export const decodeRecording = decoderOf(RECORDING_KIND, RecordingRecord);

export function recordingResource(accountId: string, recording: RecordingRecord): Resource {
  return {
    accountId,
    kind: RECORDING_KIND,
    id: recording.id,
    data: recording,
    createdAt: recording.endedAt,
    updatedAt: recording.endedAt,
  };
}

/** The spec's `RecordingResponseData`. */
export function recordingView(recording: RecordingRecord): RecordingView {
  const iso = (ms: number): string => new Date(ms).toISOString();
  return {
    record_type: 'recording',
    id: recording.id,
    source: recording.source,
    status: 'completed',
    channels: recording.channels,
    ...(recording.callControlId === null ? {} : { call_control_id: recording.callControlId }),
    ...(recording.callLegId === null ? {} : { call_leg_id: recording.callLegId }),
    ...(recording.callSessionId === null ? {} : { call_session_id: recording.callSessionId }),
    ...(recording.conferenceId === null ? {} : { conference_id: recording.conferenceId }),
    ...(recording.from === null ? {} : { from: recording.from }),
    ...(recording.to === null ? {} : { to: recording.to }),
    connection_id: recording.connectionId,
    initiated_by: 'StartCallRecordingAPI',
    download_urls: recording.format === 'mp3' ? { mp3: recording.url } : { wav: recording.url },
    duration_millis: recording.durationMs,
    recording_started_at: iso(recording.startedAt),
    recording_ended_at: iso(recording.endedAt),
    created_at: iso(recording.endedAt),
    updated_at: iso(recording.endedAt),
  };
}

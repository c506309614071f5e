import type { JsonObject, Resource } from '../../storage/store.js';

export const RECORDING_KIND = 'recording';

/** A finished recording of a call or a conference, as `/v2/recordings` lists it. */
export interface RecordingRecord {
  readonly id: string;
  readonly source: 'call' | 'conference';
  readonly callControlId: string | null;
  readonly callLegId: string | null;
  readonly callSessionId: string | null;
  readonly conferenceId: string | null;
  readonly connectionId: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly channels: 'single' | 'dual';
  readonly format: 'mp3' | 'wav';
  readonly url: string;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly durationMs: number;
}

export function recordingResource(accountId: string, recording: RecordingRecord): Resource {
  return {
    accountId,
    kind: RECORDING_KIND,
    id: recording.id,
    data: recording as unknown as JsonObject,
    createdAt: recording.endedAt,
    updatedAt: recording.endedAt,
  };
}

/** The spec's `RecordingResponseData`. */
export function recordingView(recording: RecordingRecord): Record<string, unknown> {
  const iso = (ms: number): string => new Date(ms).toISOString();
  return {
    record_type: 'recording',
    id: recording.id,
    source: recording.source,
    status: 'completed',
    channels: recording.channels,
    ...optional('call_control_id', recording.callControlId),
    ...optional('call_leg_id', recording.callLegId),
    ...optional('call_session_id', recording.callSessionId),
    ...optional('conference_id', recording.conferenceId),
    ...optional('from', recording.from),
    ...optional('to', recording.to),
    connection_id: recording.connectionId,
    initiated_by: 'StartCallRecordingAPI',
    download_urls: { [recording.format]: recording.url },
    duration_millis: recording.durationMs,
    recording_started_at: iso(recording.startedAt),
    recording_ended_at: iso(recording.endedAt),
    created_at: iso(recording.endedAt),
    updated_at: iso(recording.endedAt),
  };
}

function optional(name: string, value: string | null): Record<string, string> {
  return value === null ? {} : { [name]: value };
}

import type { QueryParams } from '../../api/query-params.js';
import type { RecordingRecord } from './recording-record.js';

const EXACT: readonly (readonly [string, (r: RecordingRecord) => string | null])[] = [
  ['call_control_id', (r) => r.callControlId],
  ['call_leg_id', (r) => r.callLegId],
  ['call_session_id', (r) => r.callSessionId],
  ['conference_id', (r) => r.conferenceId],
  ['connection_id', (r) => r.connectionId],
  ['from', (r) => r.from],
  ['to', (r) => r.to],
];

const RANGES: readonly (readonly [string, (r: RecordingRecord) => number])[] = [
  ['created_at', (r) => r.endedAt],
  ['start_time', (r) => r.startedAt],
  ['end_time', (r) => r.endedAt],
];

/**
 * The spec's `GET /v2/recordings` filters. Emulated calls have no SIP call id, so a
 * `filter[sip_call_id]` matches nothing; an unparsable date matches nothing either.
 */
export function filterRecordings(
  recordings: readonly RecordingRecord[],
  params: QueryParams,
): RecordingRecord[] {
  return recordings.filter((recording) => matches(recording, params));
}

function matches(recording: RecordingRecord, params: QueryParams): boolean {
  if (params.get('filter[sip_call_id]') !== undefined) return false;
  for (const [name, field] of EXACT) {
    const wanted = params.get(`filter[${name}]`);
    if (wanted !== undefined && field(recording) !== wanted) return false;
  }
  for (const [name, field] of RANGES) {
    if (!inRange(field(recording), params, name)) return false;
  }
  return true;
}

function inRange(value: number, params: QueryParams, name: string): boolean {
  const gte = params.get(`filter[${name}][gte]`);
  const lte = params.get(`filter[${name}][lte]`);
  if (gte !== undefined && !(value >= Date.parse(gte))) return false;
  return lte === undefined || value <= Date.parse(lte);
}

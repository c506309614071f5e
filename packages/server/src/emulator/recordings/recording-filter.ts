import type { RecordingListQuery } from './recording-contract.js';
import type { RecordingRecord } from './recording-record.js';

type Exact = 'call_control_id' | 'call_leg_id' | 'call_session_id' | 'conference_id';
type Party = 'connection_id' | 'from' | 'to';
type Ranged = 'created_at' | 'start_time' | 'end_time';

const EXACT: readonly (readonly [Exact | Party, (r: RecordingRecord) => string | null])[] = [
  ['call_control_id', (r) => r.callControlId],
  ['call_leg_id', (r) => r.callLegId],
  ['call_session_id', (r) => r.callSessionId],
  ['conference_id', (r) => r.conferenceId],
  ['connection_id', (r) => r.connectionId],
  ['from', (r) => r.from],
  ['to', (r) => r.to],
];

const RANGES: readonly (readonly [Ranged, (r: RecordingRecord) => number])[] = [
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
  query: RecordingListQuery,
): RecordingRecord[] {
  return recordings.filter((recording) => matches(recording, query));
}

function matches(recording: RecordingRecord, query: RecordingListQuery): boolean {
  if (query['filter[sip_call_id]'] !== undefined) return false;
  for (const [name, field] of EXACT) {
    const wanted = query[`filter[${name}]`];
    if (wanted !== undefined && field(recording) !== wanted) return false;
  }
  for (const [name, field] of RANGES) {
    if (!inRange(field(recording), query[`filter[${name}][gte]`], query[`filter[${name}][lte]`]))
      return false;
  }
  return true;
}

function inRange(value: number, gte: string | undefined, lte: string | undefined): boolean {
  if (gte !== undefined && !(value >= Date.parse(gte))) return false;
  return lte === undefined || value <= Date.parse(lte);
}

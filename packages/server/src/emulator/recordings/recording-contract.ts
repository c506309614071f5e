import { EXPECTED } from '@switchboard/core/contract';
import Type, { type Static } from 'typebox';
import { PAGE_QUERY, PageMeta } from '../../http/page-query.js';

/** Declarations of `/v2/recordings*`. */

const text = () => Type.Optional(Type.String());

/** The spec's filters: exact ids and parties, and date ranges (an unparsable date matches nothing). */
export const RecordingListQuery = Type.Object({
  'filter[call_control_id]': text(),
  'filter[call_leg_id]': text(),
  'filter[call_session_id]': text(),
  'filter[conference_id]': text(),
  'filter[connection_id]': text(),
  'filter[from]': text(),
  'filter[to]': text(),
  'filter[sip_call_id]': text(),
  'filter[created_at][gte]': text(),
  'filter[created_at][lte]': text(),
  'filter[start_time][gte]': text(),
  'filter[start_time][lte]': text(),
  'filter[end_time][gte]': text(),
  'filter[end_time][lte]': text(),
  ...PAGE_QUERY,
});

export const RecordingParams = Type.Object({ id: Type.String() });

/** `POST /v2/recordings/actions/delete`: all of them, or none when one is not the account's. */
export const DeleteRecordings = Type.Object({
  ids: Type.Array(Type.String(), { [EXPECTED]: 'an array of recording ids' }),
});

/** The spec's `RecordingResponseData`. */
export const RecordingView = Type.Object({
  record_type: Type.Literal('recording'),
  id: Type.String(),
  source: Type.Enum(['call', 'conference']),
  status: Type.Literal('completed'),
  channels: Type.Enum(['single', 'dual']),
  call_control_id: Type.Optional(Type.String()),
  call_leg_id: Type.Optional(Type.String()),
  call_session_id: Type.Optional(Type.String()),
  conference_id: Type.Optional(Type.String()),
  from: Type.Optional(Type.String()),
  to: Type.Optional(Type.String()),
  connection_id: Type.String(),
  initiated_by: Type.String(),
  download_urls: Type.Object({
    mp3: Type.Optional(Type.String()),
    wav: Type.Optional(Type.String()),
  }),
  duration_millis: Type.Integer(),
  recording_started_at: Type.String(),
  recording_ended_at: Type.String(),
  created_at: Type.String(),
  updated_at: Type.String(),
});

export const RecordingResponse = Type.Object({ data: RecordingView });
export const RecordingListResponse = Type.Object({
  data: Type.Array(RecordingView),
  meta: PageMeta,
});
export const DeleteRecordingsResponse = Type.Object({ status: Type.Literal('ok') });

export type RecordingView = Static<typeof RecordingView>;
export type RecordingListQuery = Static<typeof RecordingListQuery>;

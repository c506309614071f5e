import {
  decoderOf,
  Nullable,
  OneOf,
  TexmlCallStatus,
  TexmlDirection,
  type TexmlCallResource,
} from '@switchboard/core/contract';
import Type, { type Static } from 'typebox';
import type { Method } from './texml-verbs.js';

/** Store kind of TeXML call records (the TeXML REST API's Calls). */
export const TEXML_CALL_KIND = 'texml_call';

/** `CallResource.status`, plus `queued` before an outbound call starts ringing. */
export type TexmlCallStatus = Static<typeof TexmlCallStatus>;

/** `inbound`, `outbound-api` (REST) or `outbound-dial` (a `<Dial>` leg). */
export type TexmlDirection = Static<typeof TexmlDirection>;

export interface CallbackTarget {
  readonly url: string;
  readonly method: Method;
  readonly events: readonly string[];
}

/** One step of a TeXML call as the dashboard and the record show it. */
export const TexmlLogEntry = Type.Object({
  at: Type.Number(),
  kind: OneOf(['request', 'document', 'verb', 'error', 'note']),
  text: Type.String(),
  deliveryId: Type.Optional(Type.String()),
  document: Type.Optional(Type.String()),
});
export type TexmlLogEntry = Static<typeof TexmlLogEntry>;

/** The stored record of a TeXML call: plain JSON, one resource per CallSid. */
export const TexmlCallRecord = Type.Object({
  sid: Type.String(),
  accountId: Type.String(),
  applicationId: Type.String(),
  from: Type.String(),
  to: Type.String(),
  direction: TexmlDirection,
  status: TexmlCallStatus,
  startedAt: Type.Number(),
  answeredAt: Nullable(Type.Number()),
  endedAt: Nullable(Type.Number()),
  parentCallSid: Nullable(Type.String()),
  log: Type.Array(TexmlLogEntry),
});
export type TexmlCallRecord = Readonly<Static<typeof TexmlCallRecord>>;

/** Reads a stored TeXML call record. */
export const decodeTexmlCallRecord = decoderOf(TEXML_CALL_KIND, TexmlCallRecord);

/** The record keeps the latest entries; the deliveries keep every request in full. */
export const MAX_LOG_ENTRIES = 200;

/** Telnyx's `CallResource`: snake_case, RFC-2822 times, duration as a string. */
export function callResourceView(record: TexmlCallRecord, now: number): TexmlCallResource {
  const duration = durationSecs(record, now);
  return {
    account_sid: record.accountId,
    answered_by: 'human',
    caller_name: null,
    date_created: rfc2822(record.startedAt),
    date_updated: rfc2822(record.endedAt ?? record.answeredAt ?? record.startedAt),
    direction: record.direction,
    duration: String(duration),
    end_time: record.endedAt === null ? null : rfc2822(record.endedAt),
    from: record.from,
    from_formatted: record.from,
    parent_call_sid: record.parentCallSid,
    sid: record.sid,
    start_time: rfc2822(record.startedAt),
    status: record.status,
    to: record.to,
    to_formatted: record.to,
    uri: `/v2/texml/Accounts/${record.accountId}/Calls/${record.sid}.json`,
  };
}

export function rfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace('GMT', '+0000');
}

/** Store kind of recordings made on TeXML calls (the REST API's Recordings). */
export const TEXML_RECORDING_KIND = 'texml_recording';

/** A recording of a TeXML call, stored as the REST API's Recordings list it. */
export const TexmlRecording = Type.Object({
  account_sid: Type.String(),
  call_sid: Type.String(),
  channels: Type.Integer(),
  date_created: Type.String(),
  date_updated: Type.String(),
  duration: Type.String(),
  media_url: Type.String(),
  sid: Type.String(),
  source: Type.String(),
  start_time: Type.String(),
  status: Type.String(),
  uri: Type.String(),
});
export type TexmlRecording = Static<typeof TexmlRecording>;

/** Reads a stored TeXML recording. */
export const decodeTexmlRecording = decoderOf(TEXML_RECORDING_KIND, TexmlRecording);

export function durationSecs(record: TexmlCallRecord, now: number): number {
  return record.answeredAt === null
    ? 0
    : Math.floor(((record.endedAt ?? now) - record.answeredAt) / 1000);
}

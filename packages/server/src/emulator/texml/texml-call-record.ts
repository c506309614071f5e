import type { Method } from './texml-verbs.js';

/** Store kind of TeXML call records (the TeXML REST API's Calls). */
export const TEXML_CALL_KIND = 'texml_call';

/** `CallResource.status`, plus `queued` before an outbound call starts ringing. */
export type TexmlCallStatus =
  'queued' | 'ringing' | 'in-progress' | 'completed' | 'busy' | 'no-answer' | 'canceled' | 'failed';

/** `inbound`, `outbound-api` (REST) or `outbound-dial` (a `<Dial>` leg). */
export type TexmlDirection = 'inbound' | 'outbound-api' | 'outbound-dial';

export interface CallbackTarget {
  readonly url: string;
  readonly method: Method;
  readonly events: readonly string[];
}

/** One step of a TeXML call as the dashboard and the record show it. */
export interface TexmlLogEntry {
  readonly at: number;
  readonly kind: 'request' | 'document' | 'verb' | 'error' | 'note';
  readonly text: string;
  readonly deliveryId?: string;
  readonly document?: string;
}

/** The stored record of a TeXML call: plain JSON, one resource per CallSid. */
export interface TexmlCallRecord {
  readonly sid: string;
  readonly accountId: string;
  readonly applicationId: string;
  readonly from: string;
  readonly to: string;
  readonly direction: TexmlDirection;
  readonly status: TexmlCallStatus;
  readonly startedAt: number;
  readonly answeredAt: number | null;
  readonly endedAt: number | null;
  readonly parentCallSid: string | null;
  readonly log: readonly TexmlLogEntry[];
}

/** The record keeps the latest entries; the deliveries keep every request in full. */
export const MAX_LOG_ENTRIES = 200;

/** Telnyx's `CallResource`: snake_case, RFC-2822 times, duration as a string. */
export function callResourceView(record: TexmlCallRecord, now: number): Record<string, unknown> {
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

export function durationSecs(record: TexmlCallRecord, now: number): number {
  return record.answeredAt === null
    ? 0
    : Math.floor(((record.endedAt ?? now) - record.answeredAt) / 1000);
}

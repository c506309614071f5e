import type { Capture, ForwardAttempt, HeaderPairs, NewCapture } from '../inbox-store.js';
import { toJsonText } from './json-text.js';

/** A `captures` row (JSON as text, body as bytes); column names double as SQLite parameters. */
export type CaptureRow = {
  readonly seq: number;
  readonly id: string;
  readonly account_id: string;
  readonly inbox_id: string;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly headers: string;
  readonly body: Uint8Array;
  readonly remote_address: string;
  readonly received_at: number;
  readonly event_type: string | null;
  readonly verification: string | null;
  readonly forwards: string;
};

export type CaptureInsertRow = Omit<CaptureRow, 'seq' | 'forwards'>;

/** The store wrote every JSON column here, so their shapes are known without validation. */
export function toCapture(row: CaptureRow): Capture {
  return {
    id: row.id,
    accountId: row.account_id,
    inboxId: row.inbox_id,
    sequence: row.seq,
    method: row.method,
    path: row.path,
    query: row.query,
    headers: JSON.parse(row.headers) as HeaderPairs,
    body: new Uint8Array(row.body),
    remoteAddress: row.remote_address,
    receivedAt: row.received_at,
    eventType: row.event_type,
    verification: row.verification,
    forwards: JSON.parse(row.forwards) as ForwardAttempt[],
  };
}

/** PostgreSQL text refuses U+0000, which a JSON body can smuggle into the event type. */
export function captureInsertRow(capture: NewCapture): CaptureInsertRow {
  return {
    id: capture.id,
    account_id: capture.accountId,
    inbox_id: capture.inboxId,
    method: capture.method,
    path: capture.path,
    query: capture.query,
    headers: toJsonText(capture.headers),
    body: capture.body,
    remote_address: capture.remoteAddress,
    received_at: capture.receivedAt,
    event_type: capture.eventType?.replaceAll('\u0000', '\uFFFD') ?? null,
    verification: capture.verification,
  };
}

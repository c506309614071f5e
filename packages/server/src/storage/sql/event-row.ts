import type { EventRecord } from '../delivery-records.js';
import { parseJsonObject, toJsonText } from './json-text.js';

/** An `events` row (JSON as text); the column names double as SQLite bind parameters. */
export type EventRow = {
  readonly account_id: string;
  readonly id: string;
  readonly event_type: string;
  readonly webhook: string;
  readonly created_at: number;
};

export function toEvent(row: EventRow): EventRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    eventType: row.event_type,
    webhook: parseJsonObject(row.webhook, 'webhook'),
    createdAt: row.created_at,
  };
}

export function eventRow(event: EventRecord): EventRow {
  return {
    account_id: event.accountId,
    id: event.id,
    event_type: event.eventType,
    webhook: toJsonText(event.webhook),
    created_at: event.createdAt,
  };
}

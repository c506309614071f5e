import type { AttemptRecord } from '../delivery-records.js';
import { parseJsonObject, toJsonText } from './json-text.js';

/** An `attempts` row (JSON as text); the column names double as SQLite bind parameters. */
export type AttemptRow = {
  readonly id: string;
  readonly delivery_id: string;
  readonly attempt: number;
  readonly url: string;
  readonly status: AttemptRecord['status'];
  readonly started_at: number;
  readonly finished_at: number;
  readonly errors: string;
  readonly request: string;
  readonly response: string | null;
  readonly error: string | null;
  readonly latency_ms: number;
  readonly meta: string;
};

/** The store wrote every JSON column here, so their shapes are known without validation. */
export function toAttempt(row: AttemptRow): AttemptRecord {
  return {
    id: row.id,
    deliveryId: row.delivery_id,
    attempt: row.attempt,
    url: row.url,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    errors: JSON.parse(row.errors) as number[],
    request: JSON.parse(row.request) as AttemptRecord['request'],
    response:
      row.response === null ? null : (JSON.parse(row.response) as AttemptRecord['response']),
    error: row.error,
    latencyMs: row.latency_ms,
    meta: parseJsonObject(row.meta, 'meta'),
  };
}

/** Attempts belong to the delivery whose lease was checked, whatever `attempt.deliveryId` says. */
export function attemptRow(deliveryId: string, attempt: AttemptRecord): AttemptRow {
  return {
    id: attempt.id,
    delivery_id: deliveryId,
    attempt: attempt.attempt,
    url: attempt.url,
    status: attempt.status,
    started_at: attempt.startedAt,
    finished_at: attempt.finishedAt,
    errors: toJsonText(attempt.errors),
    request: toJsonText(attempt.request),
    response: attempt.response === null ? null : toJsonText(attempt.response),
    error: attempt.error,
    latency_ms: attempt.latencyMs,
    meta: toJsonText(attempt.meta),
  };
}

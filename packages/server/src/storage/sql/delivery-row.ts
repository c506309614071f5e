import type {
  Delivery,
  DeliveryState,
  DeliveryTarget,
  DeliveryUpdate,
  EventRecord,
  NewDelivery,
} from '../store.js';
import { parseJsonObject, toJsonText } from './json-text.js';

/**
 * A `deliveries` row joined with its event's `webhook` (selected as `d.*, e.webhook`). The
 * webhook lives once, on the event; the short, immutable `event_type` is copied onto the
 * delivery so claims need one event lookup, not two. CHECK constraints keep the unions honest.
 */
export type DeliveryRow = {
  readonly id: string;
  readonly account_id: string;
  readonly event_id: string;
  readonly event_type: string;
  readonly webhook: string;
  readonly url: string;
  readonly failover_url: string | null;
  readonly method: DeliveryTarget['method'];
  readonly api_version: DeliveryTarget['apiVersion'];
  readonly timeout_ms: number;
  readonly retry_schedule: string | null;
  readonly body_format: DeliveryTarget['bodyFormat'];
  readonly origin: string;
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly rounds: number;
  readonly next_attempt_at: number | null;
  readonly lease_owner: string | null;
  readonly lease_expires_at: number | null;
  readonly started_at: number | null;
  readonly finished_at: number | null;
  readonly created_at: number;
  readonly options: string;
};

/** The columns a new delivery is inserted with; state, counters and leases take their defaults. */
export type DeliveryInsertRow = Pick<
  DeliveryRow,
  | 'id'
  | 'account_id'
  | 'event_id'
  | 'event_type'
  | 'url'
  | 'failover_url'
  | 'method'
  | 'api_version'
  | 'timeout_ms'
  | 'retry_schedule'
  | 'body_format'
  | 'origin'
  | 'next_attempt_at'
  | 'created_at'
  | 'options'
>;

export function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    accountId: row.account_id,
    eventId: row.event_id,
    eventType: row.event_type,
    webhook: parseJsonObject(row.webhook),
    target: toTarget(row),
    origin: row.origin,
    state: row.state,
    attempts: row.attempts,
    rounds: row.rounds,
    nextAttemptAt: row.next_attempt_at,
    leaseOwner: row.lease_owner,
    leaseExpiresAt: row.lease_expires_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    createdAt: row.created_at,
    options: parseJsonObject(row.options),
  };
}

function toTarget(row: DeliveryRow): DeliveryTarget {
  return {
    url: row.url,
    failoverUrl: row.failover_url,
    method: row.method,
    apiVersion: row.api_version,
    timeoutMs: row.timeout_ms,
    retrySchedule:
      row.retry_schedule === null ? null : (JSON.parse(row.retry_schedule) as number[]),
    bodyFormat: row.body_format,
  };
}

/** A delivery is created with its event, so it shares the event's account and creation time. */
export function deliveryInsertRow(event: EventRecord, delivery: NewDelivery): DeliveryInsertRow {
  const { target } = delivery;
  return {
    id: delivery.id,
    account_id: event.accountId,
    event_id: event.id,
    event_type: event.eventType,
    url: target.url,
    failover_url: target.failoverUrl,
    method: target.method,
    api_version: target.apiVersion,
    timeout_ms: target.timeoutMs,
    retry_schedule: target.retrySchedule === null ? null : toJsonText(target.retrySchedule),
    body_format: target.bodyFormat,
    origin: delivery.origin,
    next_attempt_at: delivery.nextAttemptAt,
    created_at: event.createdAt,
    options: toJsonText(delivery.options ?? {}),
  };
}

/** The columns `complete` sets from the worker's decision. */
export interface CompletionColumns {
  readonly state: DeliveryState;
  readonly next_attempt_at: number | null;
  readonly finished_at: number | null;
}

/** A final state has no next attempt; a queued one has not finished. */
export function completionColumns(update: DeliveryUpdate): CompletionColumns {
  return update.state === 'queued'
    ? { state: 'queued', next_attempt_at: update.nextAttemptAt, finished_at: null }
    : { state: update.state, next_attempt_at: null, finished_at: update.finishedAt };
}

/** RETURNING gives no order; claims hand deliveries out oldest due first. */
export function byDueTime(a: Delivery, b: Delivery): number {
  return (a.nextAttemptAt ?? 0) - (b.nextAttemptAt ?? 0) || a.createdAt - b.createdAt;
}

import type { DeliveryUpdate } from '../delivery-queue.js';
import type {
  Delivery,
  DeliveryState,
  DeliveryTarget,
  EventRecord,
  NewDelivery,
} from '../delivery-records.js';
import type { JsonObject } from '../json.js';
import { readJson, readJsonObject, toJsonText, type JsonColumn } from './json-text.js';

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
  | 'lease_owner'
  | 'lease_expires_at'
  | 'started_at'
>;

/**
 * A delivery as stored. A JSON column that cannot be read (damaged, or written before a limit)
 * does not fail the read: the delivery comes back with what its other columns tell and says
 * why in `unreadable`, so that lists still answer and the worker can record the fault.
 */
export function toDelivery(row: DeliveryRow): Delivery {
  const webhook = readJsonObject(row.webhook, 'webhook');
  const options = readJsonObject(row.options, 'options');
  const schedule = readRetrySchedule(row.retry_schedule);
  const delivery: Delivery = {
    id: row.id,
    accountId: row.account_id,
    eventId: row.event_id,
    eventType: row.event_type,
    webhook: webhook.ok ? webhook.value : knownWebhookFields(row),
    target: toTarget(row, schedule.ok ? schedule.value : null),
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
    options: options.ok ? options.value : {},
  };
  const problems = [webhook, options, schedule].flatMap((read) => (read.ok ? [] : [read.problem]));
  return problems.length === 0 ? delivery : { ...delivery, unreadable: problems.join('; ') };
}

/** What the row itself says about its webhook, when the stored webhook cannot be read. */
function knownWebhookFields(row: DeliveryRow): JsonObject {
  return { record_type: 'event', event_type: row.event_type, id: row.event_id };
}

function readRetrySchedule(text: string | null): JsonColumn<readonly number[] | null> {
  if (text === null) return { ok: true, value: null };
  const read = readJson(text, 'retry_schedule');
  if (!read.ok) return read;
  const { value } = read;
  if (Array.isArray(value) && value.every((delay) => typeof delay === 'number' && delay >= 0)) {
    return { ok: true, value: value as number[] };
  }
  return { ok: false, problem: 'the stored retry_schedule is not a list of delays' };
}

function toTarget(row: DeliveryRow, retrySchedule: readonly number[] | null): DeliveryTarget {
  return {
    url: row.url,
    failoverUrl: row.failover_url,
    method: row.method,
    apiVersion: row.api_version,
    timeoutMs: row.timeout_ms,
    retrySchedule,
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
    lease_owner: delivery.lease?.owner ?? null,
    lease_expires_at: delivery.lease?.expiresAt ?? null,
    started_at: delivery.lease?.startedAt ?? null,
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

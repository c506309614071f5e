import { eventType, type TelnyxWebhookEvent } from '@switchboard/core';

/** The envelope fields the receiver needs, read alike from v2 (`data` + `meta`) and v1 (flat) bodies. */
export interface EventFacts {
  /** `data.id` (v2) or `id` (v1); empty when the body has none. */
  readonly id: string;
  /** The dotted (v2) event type, also for a v1 event of a known type. */
  readonly type: string;
  /** `data.occurred_at` (v2) or `created_at` (v1); empty when absent. */
  readonly occurredAt: string;
  /** `meta.attempt`, 1 when the envelope has no meta (v1). */
  readonly attempt: number;
  readonly payload: Readonly<Record<string, unknown>>;
}

/**
 * Reads an event's envelope defensively: the static type promises fields that a signed but
 * odd body (a missing id, a non-object payload) may still lack at runtime.
 */
export function eventFacts(event: TelnyxWebhookEvent): EventFacts {
  const body = asRecord(event);
  const data = isRecord(body['data']) ? body['data'] : body;
  const meta = asRecord(body['meta']);
  return {
    id: text(data['id']),
    type: eventType(event),
    occurredAt: text(data['occurred_at'] ?? data['created_at']),
    attempt: typeof meta['attempt'] === 'number' ? meta['attempt'] : 1,
    payload: asRecord(data['payload']),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asRecord(value: unknown): Readonly<Record<string, unknown>> {
  return isRecord(value) ? value : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

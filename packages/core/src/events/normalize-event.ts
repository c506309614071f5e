import { v1EventType } from '../envelope.js';
import { KNOWN_EVENT_TYPES } from './generated/event-payload-map.js';
import type { TelnyxEvent, TelnyxEventV1, TelnyxWebhookEvent } from './telnyx-event.js';

// Underscored names cannot be turned back into dotted ones by rule (`call_fork_started` could
// be `call.fork_started`), so known names map through this table and others stay as sent.
const V2_BY_V1: ReadonlyMap<string, string> = new Map(
  KNOWN_EVENT_TYPES.map((type) => [v1EventType(type), type]),
);

/** Whether the event uses the legacy flat v1 envelope. */
export function isV1Event(event: TelnyxWebhookEvent): event is TelnyxEventV1 {
  return !('data' in event);
}

/** The dotted v2 name of a v1 event type (`call_hangup` → `call.hangup`), when known. */
export function v2EventType(v1Type: string): string {
  return V2_BY_V1.get(v1Type) ?? v1Type;
}

/** The event's v2 (dotted) type, whichever envelope it came in. */
export function eventType(event: TelnyxWebhookEvent): string {
  return isV1Event(event) ? v2EventType(event.event_type) : event.data.event_type;
}

/**
 * The event in the v2 shape, so handlers are written once: a v1 event is wrapped in `data`,
 * `created_at` becomes `occurred_at`, and a known event type gets its dotted name. v2 events
 * are returned as they are.
 */
export function normalizeEvent(event: TelnyxWebhookEvent): TelnyxEvent {
  if (!isV1Event(event)) return event;
  return {
    data: {
      record_type: 'event',
      event_type: v2EventType(event.event_type),
      id: event.id,
      occurred_at: event.created_at,
      payload: event.payload,
    },
  } as TelnyxEvent;
}

import { KNOWN_EVENT_TYPES } from './generated/event-payload-map.js';
import type { KnownTelnyxEvent, TelnyxEvent, TelnyxEventType } from './telnyx-event.js';

const KNOWN: ReadonlySet<string> = new Set(KNOWN_EVENT_TYPES);

/** Whether `type` is one of the typed event types. */
export function isKnownEventType(type: string): type is TelnyxEventType {
  return KNOWN.has(type);
}

/**
 * Whether the event is one of the typed variants; after it, `switch (event.data.event_type)`
 * narrows the payload. The unknown variant is what remains in the `else` branch.
 */
export function isKnownEvent(event: TelnyxEvent): event is KnownTelnyxEvent {
  return isKnownEventType(event.data.event_type);
}

/** Narrows an event to one type: `if (isEventType(event, 'call.hangup')) …`. */
export function isEventType<T extends TelnyxEventType>(
  event: TelnyxEvent,
  type: T,
): event is Extract<KnownTelnyxEvent, { readonly data: { readonly event_type: T } }> {
  return event.data.event_type === type;
}

import type { DeliveryMeta } from '../envelope.js';
import type { EventPayloadMap } from './generated/event-payload-map.js';

/** Every `data.event_type` that has a typed payload. */
export type TelnyxEventType = keyof EventPayloadMap;

/** The payload type of event type `T`. */
export type PayloadOf<T extends TelnyxEventType> = EventPayloadMap[T];

/** A v2 envelope (`{ data, meta }`) with the given event type and payload. */
export interface TelnyxEventEnvelope<T extends string, P> {
  readonly data: {
    readonly record_type: 'event';
    readonly event_type: T;
    /** Unique per event, and the same on every retry of it: the key to de-duplicate on. */
    readonly id: string;
    readonly occurred_at: string;
    readonly payload: P;
  };
  /** Telnyx sends it on every delivery; the voice schemas just do not declare it. */
  readonly meta?: DeliveryMeta;
}

/** The typed v2 event for event type `T`. */
export type EventOf<T extends TelnyxEventType> = TelnyxEventEnvelope<T, PayloadOf<T>>;

/** Any of the typed v2 events; `switch (event.data.event_type)` narrows it. */
export type KnownTelnyxEvent = { [T in TelnyxEventType]: EventOf<T> }[TelnyxEventType];

/**
 * A v2 event whose type this version does not know (Telnyx adds event types over time).
 * Receivers get it instead of an error, so new event types never break them.
 */
export type UnknownTelnyxEvent = TelnyxEventEnvelope<string, Readonly<Record<string, unknown>>>;

/**
 * A v2 webhook event: one of the typed events, or the unknown variant. Narrow with
 * `isKnownEvent(event)` first (a literal check alone cannot rule the unknown variant out,
 * because its `event_type` is any string), or with `isEventType(event, 'call.hangup')`.
 */
export type TelnyxEvent = KnownTelnyxEvent | UnknownTelnyxEvent;

/** Dotted v2 names in the underscored v1 form: `call.hangup` → `call_hangup`. */
export type V1EventTypeName<T extends string> = T extends `${infer Head}.${infer Tail}`
  ? `${Head}_${V1EventTypeName<Tail>}`
  : T;

/** A legacy v1 envelope: flat, `created_at` instead of `occurred_at`, no `meta`. */
export interface TelnyxEventV1Envelope<T extends string, P> {
  readonly record_type: 'event';
  readonly event_type: T;
  readonly id: string;
  readonly created_at: string;
  readonly payload: P;
}

/** The typed v1 event for v2 event type `T`. */
export type EventV1Of<T extends TelnyxEventType> = TelnyxEventV1Envelope<
  V1EventTypeName<T>,
  PayloadOf<T>
>;

/** A v1 (legacy, flat) webhook event, typed when its name maps to a known v2 type. */
export type TelnyxEventV1 =
  | { [T in TelnyxEventType]: EventV1Of<T> }[TelnyxEventType]
  | TelnyxEventV1Envelope<string, Readonly<Record<string, unknown>>>;

/** What `verifyWebhook` and `parseEvent` resolve to: a v2 event or a v1 event. */
export type TelnyxWebhookEvent = TelnyxEvent | TelnyxEventV1;

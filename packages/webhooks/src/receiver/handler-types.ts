import type { EventOf, TelnyxEvent, TelnyxEventType } from '@switchboard/core';
import type { CallState } from '../ordering/call-state.js';

/** What a handler gets besides the event. */
export interface HandlerContext {
  readonly eventId: string;
  readonly eventType: string;
  /** `meta.attempt`: 1 on the first try, higher on Telnyx's retries (1 for v1 envelopes). */
  readonly deliveryAttempt: number;
  /**
   * With `ordering` only, for call events: an event with a later `occurred_at` was already
   * seen for this call, so this one arrived out of order.
   */
  readonly late?: boolean;
  /** With `ordering` only: the call's key (its `call_control_id` or `call_session_id`). */
  readonly callKey?: string;
  /** With `ordering` only: the call's state with this event folded in (see `reduceCallState`). */
  readonly callState?: CallState;
  /** `commandIdFor(event, action)`, bound to this event. */
  readonly commandId: (action: string) => string;
}

/** A handler for one event type. Throwing (or rejecting) fails the delivery so Telnyx retries. */
export type WebhookHandler<E = TelnyxEvent> = (
  event: E,
  context: HandlerContext,
) => Promise<void> | void;

/**
 * Handlers by event type, each getting its typed event. v1 (flat) deliveries are normalised to
 * the v2 shape first, so one handler serves both. `'*'` runs for events that have no handler of
 * their own, including types this version does not know (narrow with `isEventType`); an event
 * with neither is acknowledged with 200 and not processed.
 */
export type WebhookHandlers = {
  readonly [T in TelnyxEventType]?: WebhookHandler<EventOf<T>>;
} & { readonly '*'?: WebhookHandler };

import type { TelnyxWebhookEvent } from '@switchboard/core';
import type { EventFacts } from '../receiver/event-facts.js';
import { callStateReducer, initialCallState, type CallState } from './call-state.js';
import { occurredAtMicros } from './occurred-at.js';

/** Which payload field groups events into one call. */
export type OrderingKey = 'call_control_id' | 'call_session_id';

export interface OrderingOptions {
  /** Default `call_control_id` (one leg); `call_session_id` groups every leg of a session. */
  readonly by?: OrderingKey;
  /** How many calls are tracked at once; the least recently seen is forgotten first. Default 10 000. */
  readonly maxCalls?: number;
}

/** What the tracker knows about an event's call once the event is folded in. */
export interface OrderingObservation {
  readonly callKey: string;
  /** An event with a later occurred_at was already seen for this call. */
  readonly late: boolean;
  readonly callState: CallState;
}

/** Per-process memory of the calls seen, for late detection and call state. */
export interface OrderingTracker {
  /** Folds `event` in; `undefined` when the event has no call key (e.g. messaging). */
  observe(event: TelnyxWebhookEvent, facts: EventFacts): OrderingObservation | undefined;
}

interface CallRecord {
  readonly latest: number;
  readonly state: CallState;
}

/** Creates a tracker; its memory is bounded by `maxCalls`. */
export function createOrderingTracker(options: OrderingOptions = {}): OrderingTracker {
  const by = options.by ?? 'call_control_id';
  const maxCalls = options.maxCalls ?? 10_000;
  const calls = new Map<string, CallRecord>();
  return {
    observe: (event, facts) => {
      const callKey = facts.payload[by];
      if (typeof callKey !== 'string' || callKey === '') return undefined;
      const previous = calls.get(callKey);
      const at = occurredAtMicros(facts.occurredAt);
      const record: CallRecord = {
        latest: Math.max(previous?.latest ?? at, at),
        state: callStateReducer(previous?.state ?? initialCallState, event),
      };
      remember(calls, callKey, record, maxCalls);
      return {
        callKey,
        late: previous !== undefined && at < previous.latest,
        callState: record.state,
      };
    },
  };
}

// Re-inserting moves the key to the end of the Map's order, which makes the first key the
// least recently seen one.
function remember(calls: Map<string, CallRecord>, key: string, record: CallRecord, max: number) {
  calls.delete(key);
  calls.set(key, record);
  if (calls.size > max) calls.delete(calls.keys().next().value ?? key);
}

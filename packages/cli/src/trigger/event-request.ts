import type { PublishableEvent } from '@switchboard/client';
import { UsageError } from '../client/cli-error.js';
import type { ChaosProfile } from '../chaos/chaos-flags.js';
import type { EventTarget } from './event-target.js';
import { isRecord, type JsonRecord } from './set-path.js';

/**
 * The body of `POST /switchboard/events` for a webhook envelope (`{ data: {...} }`, or the bare
 * `data` object a template file may hold): its type, id, time and payload, the target and chaos.
 */
export function eventRequest(
  envelope: JsonRecord,
  target: EventTarget,
  chaos: ChaosProfile | undefined,
): PublishableEvent {
  const data = isRecord(envelope['data']) ? envelope['data'] : envelope;
  const eventType = data['event_type'];
  if (typeof eventType !== 'string' || eventType === '') {
    throw new UsageError('the event has no data.event_type; a template needs one');
  }
  return {
    event_type: eventType,
    // Sent as the template has it: the server answers a payload that is no object with a 422.
    payload: data['payload'] ?? {},
    ...target,
    ...(typeof data['id'] === 'string' ? { id: data['id'] } : {}),
    ...(typeof data['occurred_at'] === 'string' ? { occurred_at: data['occurred_at'] } : {}),
    ...(chaos === undefined ? {} : { chaos }),
  };
}

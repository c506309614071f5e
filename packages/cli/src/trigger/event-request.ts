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
): JsonRecord {
  const data = isRecord(envelope['data']) ? envelope['data'] : envelope;
  const eventType = data['event_type'];
  if (typeof eventType !== 'string' || eventType === '') {
    throw new UsageError('the event has no data.event_type; a template needs one');
  }
  const request: JsonRecord = { event_type: eventType, payload: data['payload'] ?? {}, ...target };
  if (typeof data['id'] === 'string') request['id'] = data['id'];
  if (typeof data['occurred_at'] === 'string') request['occurred_at'] = data['occurred_at'];
  if (chaos !== undefined) request['chaos'] = chaos;
  return request;
}

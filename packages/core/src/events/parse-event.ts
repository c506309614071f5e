import { WebhookVerificationError } from '../webhook-verification-error.js';
import type { TelnyxEvent } from './telnyx-event.js';

/**
 * Parses a verified body into a typed event. Both envelope versions are accepted: v2
 * (`{ data, meta }`) and v1 (flat, `created_at`, underscore event names).
 */
export function parseEvent(body: Uint8Array | string): TelnyxEvent {
  let value: unknown;
  try {
    value = JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body));
  } catch (cause) {
    throw new WebhookVerificationError('WH_MALFORMED_PAYLOAD', 'The body is not valid JSON.', { cause });
  }
  if (!isEnvelope(value)) {
    throw new WebhookVerificationError('WH_MALFORMED_PAYLOAD', 'The body is not a Telnyx webhook envelope.');
  }
  return value;
}

function isEnvelope(value: unknown): value is TelnyxEvent {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const data = record['data'];
  if (typeof data === 'object' && data !== null) {
    return typeof (data as Record<string, unknown>)['event_type'] === 'string';
  }
  return typeof record['event_type'] === 'string';
}

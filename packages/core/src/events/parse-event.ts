import { WebhookVerificationError } from '../webhook-verification-error.js';
import type { TelnyxWebhookEvent } from './telnyx-event.js';

/**
 * Parses a verified body into a typed event. Both envelope versions are accepted: v2
 * (`{ data, meta }`) and v1 (flat, `created_at`, underscore event names); `normalizeEvent`
 * turns either into the v2 shape.
 */
export function parseEvent(body: Uint8Array | string): TelnyxWebhookEvent {
  let value: unknown;
  try {
    value = JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body));
  } catch (cause) {
    throw new WebhookVerificationError('WH_MALFORMED_PAYLOAD', 'The body is not valid JSON.', {
      cause,
    });
  }
  if (!isEnvelope(value)) {
    throw new WebhookVerificationError(
      'WH_MALFORMED_PAYLOAD',
      'The body is not a Telnyx webhook envelope.',
    );
  }
  return value;
}

function isEnvelope(value: unknown): value is TelnyxWebhookEvent {
  if (!isRecord(value)) return false;
  // A body with a `data` key is v2 and must carry its event there; only data-less bodies are v1.
  if ('data' in value)
    return isRecord(value['data']) && typeof value['data']['event_type'] === 'string';
  return typeof value['event_type'] === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

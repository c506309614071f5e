import {
  buildEnvelope,
  serializeWebhookBody,
  signWebhook,
  type WebhookData,
} from '@switchboard/core';
import type { Delivery } from '../../storage/delivery-records.js';
import type { JsonObject } from '../../storage/json.js';
import { encodeDeepObject } from './deep-object-query.js';
import { UnreadableDeliveryError } from './try-fault.js';
import { buildFormRequest, isFormDelivery } from './form-request.js';

/** One outgoing HTTP request, exactly as sent (and as re-sent on a redirect). */
export interface WebhookRequest {
  readonly method: 'POST' | 'GET';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
}

export interface WebhookRequestInput {
  readonly delivery: Delivery;
  /** The URL of this try (primary or failover); becomes `meta.delivered_to`. */
  readonly url: string;
  /** 1-based `meta.attempt`. */
  readonly attempt: number;
  /** Base64 raw Ed25519 seed of the account's current key. */
  readonly privateKey: string;
  /** Epoch ms; the signature timestamp is its whole seconds. */
  readonly now: number;
}

/**
 * Builds and signs one try. POST signs `timestamp|body`. GET carries the envelope in the query
 * and signs `timestamp|query` (the query string as sent, without `?`), since there is no body.
 * Throws for a delivery whose stored row cannot be read, and for a webhook nested deeper than
 * `MAX_JSON_DEPTH` (`JsonTooDeepError`).
 */
export function buildWebhookRequest(input: WebhookRequestInput): WebhookRequest {
  const { delivery } = input;
  // Its webhook holds only what the row could tell: sending that would send the wrong bytes.
  if (delivery.unreadable !== undefined) throw new UnreadableDeliveryError(delivery.unreadable);
  if (isFormDelivery(delivery))
    return buildFormRequest(delivery, input.url, input.privateKey, Math.floor(input.now / 1000));
  const { webhook } = delivery;
  if (!isWebhookData(webhook)) throw new UnreadableDeliveryError('its webhook is not an event');
  const envelope = buildEnvelope(
    webhook,
    { attempt: input.attempt, delivered_to: input.url },
    delivery.target.apiVersion,
  );
  const timestamp = Math.floor(input.now / 1000);
  if (delivery.target.method === 'GET') return getRequest(input, envelope, timestamp);
  const body = serializeWebhookBody(envelope, delivery.target.bodyFormat);
  const signature = signWebhook({ body, privateKey: input.privateKey, timestamp });
  const headers = { 'content-type': 'application/json', ...baseHeaders(), ...signature };
  return { method: 'POST', url: input.url, headers, body };
}

function getRequest(
  input: WebhookRequestInput,
  envelope: Record<string, unknown>,
  timestamp: number,
): WebhookRequest {
  const url = new URL(input.url);
  const existing = url.search.slice(1);
  const encoded = encodeDeepObject(envelope);
  const query = existing === '' ? encoded : `${existing}&${encoded}`;
  const signature = signWebhook({ body: query, privateKey: input.privateKey, timestamp });
  const target = `${url.origin}${url.pathname}?${query}`;
  return { method: 'GET', url: target, headers: { ...baseHeaders(), ...signature }, body: null };
}

function baseHeaders(): Record<string, string> {
  return { 'user-agent': 'telnyx-webhooks' };
}

/** A stored webhook as publishing wrote it: an event with its id, type, time and payload. */
function isWebhookData(webhook: JsonObject): webhook is JsonObject & WebhookData {
  const payload = webhook['payload'];
  return (
    webhook['record_type'] === 'event' &&
    typeof webhook['event_type'] === 'string' &&
    typeof webhook['id'] === 'string' &&
    typeof webhook['occurred_at'] === 'string' &&
    typeof payload === 'object' &&
    payload !== null &&
    !Array.isArray(payload)
  );
}

import { copyJson } from './copy-json.js';
import { JsonTooDeepError, MAX_JSON_DEPTH, jsonDepthExceeds } from './json-depth.js';

/** The `data` object of a v2 webhook: what the Deliveries API calls `webhook`. */
export interface WebhookData {
  readonly record_type: 'event';
  readonly event_type: string;
  readonly id: string;
  readonly occurred_at: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

export interface DeliveryMeta {
  /** 1-based count of HTTP tries of this delivery. */
  readonly attempt: number;
  /** The URL of this try. */
  readonly delivered_to: string;
}

export type WebhookApiVersion = '1' | '2';

/** `telnyx`: pretty-printed with sorted keys, as Telnyx sends them. `compact`: minimal JSON. */
export type WebhookBodyFormat = 'telnyx' | 'compact';

/** v1 names use underscores where v2 uses dots (`call.initiated` → `call_initiated`). */
export function v1EventType(eventType: string): string {
  return eventType.replaceAll('.', '_');
}

/**
 * The envelope sent on the wire. v2: `{ data, meta }`. v1: the legacy flat shape with
 * `created_at` and underscore event names, and no `meta`.
 */
export function buildEnvelope(
  webhook: WebhookData,
  meta: DeliveryMeta,
  apiVersion: WebhookApiVersion,
): Record<string, unknown> {
  if (apiVersion === '1') {
    return {
      record_type: webhook.record_type,
      id: webhook.id,
      event_type: v1EventType(webhook.event_type),
      created_at: webhook.occurred_at,
      payload: webhook.payload,
    };
  }
  return { data: webhook, meta };
}

/**
 * Serialises a body exactly as it will be signed and sent. Without recursion of its own, and
 * refusing values deeper than {@link MAX_JSON_DEPTH} with {@link JsonTooDeepError}, so that
 * `JSON.stringify` never overflows the stack.
 */
export function serializeWebhookBody(value: unknown, format: WebhookBodyFormat): string {
  if (format === 'telnyx') return JSON.stringify(copyJson(value, { sortKeys: true }), null, 2);
  if (jsonDepthExceeds(value, MAX_JSON_DEPTH)) throw new JsonTooDeepError();
  return JSON.stringify(value);
}

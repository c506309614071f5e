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

/** Serialises a body exactly as it will be signed and sent. */
export function serializeWebhookBody(value: unknown, format: WebhookBodyFormat): string {
  return format === 'telnyx' ? JSON.stringify(sortKeys(value), null, 2) : JSON.stringify(value);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  // fromEntries defines own properties, so a `__proto__` key from parsed JSON stays a key.
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, sortKeys(record[key])]),
  );
}

import { signWebhook } from '@switchboard/core';
import type { Delivery } from '../../storage/delivery-records.js';
import type { Json } from '../../storage/json.js';

/** `options.request_format` of a delivery whose request is a form, as TeXML apps get them. */
export const FORM_REQUEST_FORMAT = 'form';

/** True when the delivery is sent as `application/x-www-form-urlencoded` parameters. */
export function isFormDelivery(delivery: Delivery): boolean {
  return delivery.options['request_format'] === FORM_REQUEST_FORMAT;
}

export interface FormRequest {
  readonly method: 'POST' | 'GET';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
}

/**
 * A TeXML request: the event's payload as flat form parameters, signed like every Telnyx
 * webhook over `timestamp|body`. GET carries them in the query and signs the query string as
 * sent (without `?`), as JSON GET webhooks do. `meta.attempt` has no place in a form, so a
 * retry sends the same parameters.
 */
export function buildFormRequest(
  delivery: Delivery,
  url: string,
  privateKey: string,
  timestamp: number,
): FormRequest {
  const form = formOf(delivery.webhook['payload']);
  const base = { 'user-agent': 'telnyx-webhooks' };
  if (delivery.target.method === 'POST') {
    const signature = signWebhook({ body: form, privateKey, timestamp });
    const headers = { 'content-type': 'application/x-www-form-urlencoded', ...base, ...signature };
    return { method: 'POST', url, headers, body: form };
  }
  const parsed = new URL(url);
  const existing = parsed.search.slice(1);
  const query = [existing, form].filter((part) => part !== '').join('&');
  const signature = signWebhook({ body: query, privateKey, timestamp });
  const target = `${parsed.origin}${parsed.pathname}${query === '' ? '' : `?${query}`}`;
  return { method: 'GET', url: target, headers: { ...base, ...signature }, body: null };
}

/** Scalars become their text; null and nested values are left out (TeXML parameters are flat). */
function formOf(payload: Json | undefined): string {
  const params = new URLSearchParams();
  if (typeof payload === 'object' && payload !== null && !Array.isArray(payload)) {
    for (const [name, value] of Object.entries(payload)) {
      if (typeof value === 'string') params.append(name, value);
      else if (typeof value === 'number' || typeof value === 'boolean')
        params.append(name, String(value));
    }
  }
  return params.toString();
}

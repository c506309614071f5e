import type { WebhookResponse } from '../receiver/receiver-types.js';

/** A receiver reply as a WHATWG `Response`. */
export function toWebResponse(response: WebhookResponse): Response {
  return new Response(response.body, { status: response.status, headers: response.headers });
}

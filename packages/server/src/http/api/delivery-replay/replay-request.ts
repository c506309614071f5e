import { RECORD_LIMIT_BYTES } from '../../../engine/delivery/capped-text.js';
import {
  buildWebhookRequest,
  type WebhookRequest,
} from '../../../engine/delivery/webhook-request.js';
import type { AttemptRecord, Delivery } from '../../../storage/store.js';

/** `exact`: the last try's bytes and signature as sent. `resign`: rebuilt for the new URL and signed now. */
export type ReplayMode = 'exact' | 'resign';

export interface ReplayInput {
  readonly delivery: Delivery;
  /** The delivery's latest try, or null if it was never tried. */
  readonly last: AttemptRecord | null;
  readonly url: string;
  readonly mode: ReplayMode;
  /** Base64 seed of the account's current key. */
  readonly privateKey: string;
  readonly now: number;
}

/**
 * The request a replay sends. An exact replay keeps the recorded headers (signature included)
 * and body; a body cut at the record limit is rebuilt as its try built it, which gives the same
 * bytes. A never-tried delivery has nothing exact to send, so it is always re-signed.
 */
export function replayRequest(input: ReplayInput): WebhookRequest {
  const { delivery, last } = input;
  if (input.mode === 'resign' || last === null) {
    const attempt = (last?.attempt ?? 0) + 1;
    return buildWebhookRequest({ ...input, attempt });
  }
  return {
    method: last.request.method === 'GET' ? 'GET' : 'POST',
    url: input.url,
    headers: Object.fromEntries(last.request.headers),
    body: wholeBody(delivery, last, input.privateKey),
  };
}

function wholeBody(delivery: Delivery, last: AttemptRecord, privateKey: string): string | null {
  const body = last.request.body;
  if (body === null || Buffer.byteLength(body) < RECORD_LIMIT_BYTES) return body;
  return buildWebhookRequest({ delivery, url: last.url, attempt: last.attempt, privateKey, now: 0 })
    .body;
}

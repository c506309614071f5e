import { failure, type Diagnosis } from './diagnosis.js';

const HMAC_FIX =
  "Telnyx signs with Ed25519 over `timestamp|body` and you verify with the public key (verifyWebhook from @switchboard/webhooks), not an HMAC of the API key: seed 003's code is wrong";

/** The 64 signature bytes, or a diagnosis of its shape (HMAC, hex, empty, garbage). */
export function readSignature(header: string): Uint8Array | Diagnosis {
  const first = header.trim().split(' ')[0] ?? '';
  if (/^(sha256=)?[0-9a-f]{64}$/i.test(first))
    return hmac('a hex HMAC-SHA256 digest (64 hex digits)');
  const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(first) ? Buffer.from(first, 'base64') : null;
  if (bytes?.length === 64) return bytes;
  if (bytes?.length === 32)
    return hmac('32 bytes: an HMAC-SHA256, not an Ed25519 signature (64 bytes)');
  return failure(
    'WH_MALFORMED_SIGNATURE',
    'malformed_signature',
    `The Telnyx-Signature-Ed25519 header is not base64 of 64 bytes (got "${first.slice(0, 24)}").`,
    'pass the header value exactly as received; a proxy or logger may have cut or re-encoded it',
  );
}

function hmac(shape: string): Diagnosis {
  return failure(
    'WH_MALFORMED_SIGNATURE',
    'hmac_instead_of_ed25519',
    `The signature is ${shape}.`,
    HMAC_FIX,
  );
}

/** A diagnosis of the timestamp's format, or null when it is whole Unix seconds. */
export function timestampProblem(timestamp: string, nowMs: number): Diagnosis | null {
  if (/^\d{13}$/.test(timestamp)) {
    const seconds = Math.floor(Number(timestamp) / 1000);
    return failure(
      'WH_TIMESTAMP_TOO_NEW',
      'timestamp_in_milliseconds',
      `The timestamp ${timestamp} is in milliseconds (${seconds} in seconds, ${Math.floor(nowMs / 1000) - seconds} s ago).`,
      'Telnyx timestamps are Unix seconds: the sender must use Math.floor(Date.now() / 1000) and sign `seconds|body`',
    );
  }
  if (/^\d{1,15}$/.test(timestamp)) return null;
  return failure(
    'WH_MALFORMED_TIMESTAMP',
    'malformed_timestamp',
    `The Telnyx-Timestamp header is not whole Unix seconds (got "${timestamp.slice(0, 32)}").`,
    'send (and pass) the Telnyx-Timestamp header exactly as received',
  );
}

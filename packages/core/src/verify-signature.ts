import { concatBytes, decodeBase64, utf8 } from './encoding.js';
import { ed25519Verifier } from './ed25519-verify.js';
import { getHeader, type HeaderSource } from './header-lookup.js';
import { verifyHmac } from './hmac-verify.js';
import { standardSignedContent } from './standard-webhooks.js';
import { WebhookVerificationError } from './webhook-verification-error.js';

/** The inputs of `verifySignature` and `verifyWebhook`. */
export interface VerifySignatureOptions {
  /** The raw body exactly as received. */
  readonly body: string | Uint8Array;
  readonly headers: HeaderSource;
  /**
   * Telnyx: base64 of the raw 32-byte public key. Standard Webhooks: `whpk_…` (v1a) or
   * `whsec_…` (v1). Several keys (rotation) may be given; any one matching is enough.
   */
  readonly publicKey: string | readonly string[];
  /** Allowed clock difference in either direction, in seconds. Default 300. */
  readonly toleranceSeconds?: number;
  /** The current time, as a Date or Unix milliseconds. Default: now. */
  readonly now?: Date | number;
}

interface Scheme {
  readonly timestamp: string;
  readonly signatures: readonly { readonly version: string; readonly bytes: Uint8Array }[];
  readonly content: (body: Uint8Array) => Uint8Array;
}

/**
 * Checks a webhook's signature and timestamp, and returns the body bytes it covered.
 * Accepts Telnyx (`telnyx-signature-ed25519`) and Standard Webhooks (`webhook-signature`).
 * Fails closed: a missing key, header or body is an error, never a pass.
 */
export async function verifySignature(options: VerifySignatureOptions): Promise<Uint8Array> {
  return checkSignature(options);
}

/**
 * `verifySignature` without the promise where it is not needed: on Node every check is
 * synchronous, and this is the hot path of every receiver. Throws instead of rejecting, so
 * callers must run it inside an async function.
 * @internal
 */
export function checkSignature(options: VerifySignatureOptions): Uint8Array | Promise<Uint8Array> {
  const keys = keyList(options.publicKey);
  const body = rawBody(options.body);
  const scheme = readScheme(options.headers);
  checkTimestamp(scheme.timestamp, options.toleranceSeconds ?? 300, options.now);
  const content = scheme.content(body);
  const pending: Promise<boolean>[] = [];
  for (const signature of scheme.signatures) {
    for (const key of keys) {
      const matched = signatureMatches(key, signature, content);
      if (matched === true) return body;
      if (matched !== false) pending.push(matched);
    }
  }
  if (pending.length === 0) return noMatch();
  return Promise.all(pending).then((results) => (results.includes(true) ? body : noMatch()));
}

function noMatch(): never {
  throw new WebhookVerificationError(
    'WH_BAD_SIGNATURE',
    'Signature verification failed: no signature matches the body and the configured keys.',
  );
}

function keyList(publicKey: unknown): readonly string[] {
  const keys: unknown[] = Array.isArray(publicKey) ? publicKey : [publicKey];
  if (keys.length === 0)
    throw new WebhookVerificationError('WH_BAD_KEY', 'No public key was provided.');
  for (const key of keys) {
    if (typeof key !== 'string' || key.trim() === '') {
      throw new WebhookVerificationError('WH_BAD_KEY', 'No public key was provided.');
    }
    // Imports (and caches) each Ed25519 key now, so a malformed key fails as WH_BAD_KEY up front.
    if (!key.startsWith('whsec_')) ed25519Verifier(key);
  }
  return keys as string[];
}

function rawBody(body: unknown): Uint8Array {
  if (typeof body === 'string') return utf8(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new WebhookVerificationError(
    'WH_BODY_PARSED',
    body === undefined || body === null
      ? 'No body was given; pass the raw request body as a string or bytes.'
      : 'The body was already parsed into an object; pass the raw request body as a string or bytes.',
  );
}

// Takes `undefined` too: JavaScript callers may omit headers, which must fail closed.
function readScheme(source: HeaderSource | undefined): Scheme {
  const headers = source ?? {};
  const telnyxSignature = getHeader(headers, 'telnyx-signature-ed25519');
  const standardSignature = getHeader(headers, 'webhook-signature');
  if (telnyxSignature === undefined && standardSignature !== undefined) {
    return standardScheme(headers, standardSignature);
  }
  const timestamp = required(
    headers,
    'telnyx-timestamp',
    telnyxSignature === undefined ? 'Telnyx-Signature-Ed25519' : undefined,
  );
  const signatures = splitSignatures(required(headers, 'telnyx-signature-ed25519')).map((text) => ({
    version: 'ed25519',
    bytes: signatureBytes(text, 64),
  }));
  return { timestamp, signatures, content: (body) => concatBytes(utf8(`${timestamp}|`), body) };
}

function standardScheme(headers: HeaderSource, header: string): Scheme {
  const id = required(headers, 'webhook-id');
  const timestamp = required(headers, 'webhook-timestamp');
  const signatures = splitSignatures(header).map((entry) => {
    const comma = entry.indexOf(',');
    const version = comma < 0 ? '' : entry.slice(0, comma);
    if (version !== 'v1' && version !== 'v1a') {
      throw new WebhookVerificationError(
        'WH_MALFORMED_SIGNATURE',
        `Unsupported signature entry: ${entry.slice(0, 16)}`,
      );
    }
    return { version, bytes: signatureBytes(entry.slice(comma + 1), version === 'v1a' ? 64 : 32) };
  });
  return { timestamp, signatures, content: (body) => standardSignedContent(id, timestamp, body) };
}

function required(headers: HeaderSource, name: string, reportAs?: string): string {
  const value = getHeader(headers, name);
  if (value === undefined || value.trim() === '') {
    throw new WebhookVerificationError(
      'WH_MISSING_HEADER',
      `Missing required header: ${reportAs ?? name}`,
    );
  }
  return value.trim();
}

function splitSignatures(header: string): string[] {
  const parts = header.split(' ').filter((part) => part !== '');
  if (parts.length === 0)
    throw new WebhookVerificationError('WH_MALFORMED_SIGNATURE', 'The signature header is empty.');
  return parts;
}

function signatureBytes(text: string, length: number): Uint8Array {
  const bytes = decodeBase64(text);
  if (bytes === null || bytes.length !== length) {
    throw new WebhookVerificationError(
      'WH_MALFORMED_SIGNATURE',
      `Invalid signature format: expected base64 of ${length} bytes.`,
    );
  }
  return bytes;
}

function checkTimestamp(
  timestamp: string,
  toleranceSeconds: number,
  now: Date | number | undefined,
): void {
  if (!/^\d{1,15}$/.test(timestamp)) {
    throw new WebhookVerificationError(
      'WH_MALFORMED_TIMESTAMP',
      `Invalid timestamp format: ${timestamp.slice(0, 32)}`,
    );
  }
  const nowMs = now === undefined ? Date.now() : typeof now === 'number' ? now : now.getTime();
  const skew = Math.floor(nowMs / 1000) - Number(timestamp);
  if (skew > toleranceSeconds) {
    throw new WebhookVerificationError(
      'WH_TIMESTAMP_TOO_OLD',
      `Webhook timestamp is ${skew} s old; the tolerance is ${toleranceSeconds} s.`,
    );
  }
  if (-skew > toleranceSeconds) {
    throw new WebhookVerificationError(
      'WH_TIMESTAMP_TOO_NEW',
      `Webhook timestamp is ${-skew} s in the future; the tolerance is ${toleranceSeconds} s.`,
    );
  }
}

function signatureMatches(
  key: string,
  signature: Scheme['signatures'][number],
  content: Uint8Array,
): boolean | Promise<boolean> {
  if (signature.version === 'v1') {
    return key.startsWith('whsec_') ? verifyHmac(key, content, signature.bytes) : false;
  }
  if (key.startsWith('whsec_')) return false;
  return ed25519Verifier(key)(content, signature.bytes);
}

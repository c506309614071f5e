import { verifyWebhook, WebhookVerificationError } from '@switchboard/core';
import { failure, type Diagnosis } from './diagnosis.js';
import { rawPublicKey } from './ed25519-raw.js';
import { readPublicKey } from './key-diagnosis.js';
import { headerValue, type HeaderPairs } from './parse-headers.js';
import { standardWebhooksHmac } from './sdk-hmac-diagnosis.js';
import { readSignature, timestampProblem } from './signature-shape.js';
import { diagnoseMismatch, signsExactly, type SignedParts } from './signature-variants.js';

/** A received webhook and how to check it. */
export interface WebhookToDiagnose {
  readonly body: Buffer;
  readonly headers: HeaderPairs;
  readonly publicKey: string;
  readonly nowMs: number;
  readonly toleranceSeconds: number;
}

/**
 * Verifies a webhook as `verifyWebhook` does and, when it fails, names the exact cause and the
 * fix: wrong key format, missing header, Standard Webhooks HMAC headers, milliseconds, HMAC, `.`
 * for `|`, re-serialised body, clock skew. The reported `code` is always the one `verifyWebhook` gives.
 */
export async function diagnoseWebhook(input: WebhookToDiagnose): Promise<Diagnosis> {
  const code = await verifierCode(input);
  if (code === null) return valid();
  return precheck(input, code) ?? (await signatureDiagnosis(input, code));
}

function valid(): Diagnosis {
  return { valid: true, code: null, cause: 'valid', detail: 'The signature is valid.', fix: '' };
}

async function verifierCode(input: WebhookToDiagnose): Promise<Diagnosis['code']> {
  try {
    await verifyWebhook({
      body: input.body,
      headers: input.headers,
      publicKey: input.publicKey.trim(),
      now: input.nowMs,
      toleranceSeconds: input.toleranceSeconds,
    });
    return null;
  } catch (error) {
    if (error instanceof WebhookVerificationError) return error.code;
    throw error;
  }
}

// Problems that need no cryptography: the key, the headers, the timestamp's form.
function precheck(
  input: WebhookToDiagnose,
  code: NonNullable<Diagnosis['code']>,
): Diagnosis | null {
  const key = readPublicKey(input.publicKey);
  if (!(key instanceof Uint8Array)) return key;
  const hmacHeaders = standardWebhooksHmac(input.headers, code);
  if (hmacHeaders !== null) return hmacHeaders;
  const missing = missingHeader(input.headers);
  if (missing !== null) return missing;
  const timestamp = headerValue(input.headers, 'telnyx-timestamp') ?? '';
  const signature = readSignature(headerValue(input.headers, 'telnyx-signature-ed25519') ?? '');
  if (!(signature instanceof Uint8Array)) return signature;
  return timestampProblem(timestamp.trim(), input.nowMs);
}

function missingHeader(headers: HeaderPairs): Diagnosis | null {
  for (const name of ['Telnyx-Signature-Ed25519', 'Telnyx-Timestamp']) {
    const value = headerValue(headers, name);
    if (value !== undefined && value.trim() !== '') continue;
    const hint =
      headerValue(headers, 'telnyx-signature') === undefined
        ? ''
        : ' (a Telnyx-Signature header is there: that is the old v1 HMAC scheme)';
    return failure(
      'WH_MISSING_HEADER',
      'missing_header',
      `The ${name} header is missing${hint}.`,
      'pass every header exactly as received; check that no proxy, load balancer or framework drops Telnyx-* headers',
    );
  }
  return null;
}

async function signatureDiagnosis(
  input: WebhookToDiagnose,
  code: NonNullable<Diagnosis['code']>,
): Promise<Diagnosis> {
  const parts = signedParts(input);
  if (parts === null) return failure(code, 'unknown', 'Verification failed.', 'see docs/errors.md');
  if (code === 'WH_TIMESTAMP_TOO_OLD' || code === 'WH_TIMESTAMP_TOO_NEW') {
    if (signsExactly(parts)) return clockSkew(input, parts.timestamp, code);
    return diagnoseMismatch(parts);
  }
  if (code === 'WH_BAD_SIGNATURE') return diagnoseMismatch(parts);
  return failure(
    code,
    code.toLowerCase(),
    (await verifierMessage(input)) ?? code,
    'see docs/errors.md',
  );
}

function signedParts(input: WebhookToDiagnose): SignedParts | null {
  const key = readPublicKey(input.publicKey);
  const signature = readSignature(headerValue(input.headers, 'telnyx-signature-ed25519') ?? '');
  if (!(key instanceof Uint8Array) || !(signature instanceof Uint8Array)) return null;
  const timestamp = (headerValue(input.headers, 'telnyx-timestamp') ?? '').trim();
  return { key: rawPublicKey(key), signature, timestamp, body: input.body };
}

function clockSkew(
  input: WebhookToDiagnose,
  timestamp: string,
  code: NonNullable<Diagnosis['code']>,
): Diagnosis {
  const skew = Math.floor(input.nowMs / 1000) - Number(timestamp);
  const when = skew > 0 ? `${skew} s old` : `${-skew} s in the future`;
  return failure(
    code,
    'clock_skew',
    `The signature is valid, but the timestamp is ${when} (clock skew of ${Math.abs(skew)} s; the tolerance is ${input.toleranceSeconds} s).`,
    "if this is a stored or replayed webhook that is expected (send it again with `switchboard replay --mode resign`); otherwise sync the sender's and receiver's clocks (NTP)",
  );
}

async function verifierMessage(input: WebhookToDiagnose): Promise<string | null> {
  try {
    await verifyWebhook({
      body: input.body,
      headers: input.headers,
      publicKey: input.publicKey.trim(),
      now: input.nowMs,
    });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : null;
  }
}

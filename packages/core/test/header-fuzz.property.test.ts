import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyWebhook, WebhookVerificationError, type HeaderSource } from '@switchboard/core';
import { isDocumentedCode, keysFromSeed, rejection } from './support.js';

const KNOWN_NAMES = [
  'telnyx-signature-ed25519',
  'Telnyx-Timestamp',
  'telnyx-timestamp',
  'webhook-signature',
  'Webhook-Id',
  'webhook-timestamp',
];
const name = fc.oneof(fc.constantFrom(...KNOWN_NAMES), fc.string());
const value = fc.oneof(
  fc.string(),
  fc.stringMatching(/^(v1a?,)?[A-Za-z0-9+/=]{0,100}( v1a?,[A-Za-z0-9+/=]{0,90})?$/),
  fc.stringMatching(/^-?\d{0,20}$/),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.constant(undefined),
);
const record = fc.dictionary(name, value, { maxKeys: 8 });
const pairs = fc.array(fc.tuple(name, fc.string()), { maxLength: 8 });
const key = fc.oneof(
  fc.uint8Array({ minLength: 32, maxLength: 32 }).map((s) => keysFromSeed(s).publicKey),
  fc.string(),
  fc.constantFrom('whsec_c2VjcmV0', 'whpk_', 'whsec_'),
);

function toHeaders(entries: Record<string, unknown>): Headers | undefined {
  try {
    const headers = new Headers();
    for (const [k, v] of Object.entries(entries)) if (typeof v === 'string') headers.append(k, v);
    return headers;
  } catch {
    return undefined; // not a valid HTTP header name or value: a Headers object cannot hold it
  }
}

async function onlyVerificationErrors(headers: HeaderSource, publicKey: unknown, body: unknown) {
  const error = await rejection(
    verifyWebhook({ headers, publicKey: publicKey as string, body: body as string }),
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  expect(isDocumentedCode((error as WebhookVerificationError).code)).toBe(true);
}

describe('arbitrary input (property)', () => {
  it('a random header record only ever fails with WebhookVerificationError', async () => {
    await fc.assert(
      fc.asyncProperty(record, key, fc.string(), async (headers, publicKey, body) => {
        await onlyVerificationErrors(headers, publicKey, body);
      }),
      { numRuns: 300 },
    );
  });

  it('a random Headers object only ever fails with WebhookVerificationError', async () => {
    await fc.assert(
      fc.asyncProperty(record, key, async (entries, publicKey) => {
        const headers = toHeaders(entries);
        fc.pre(headers !== undefined);
        await onlyVerificationErrors(headers, publicKey, '{}');
      }),
      { numRuns: 200 },
    );
  });

  it('random header pairs, keys of any type and bodies of any type only fail with WebhookVerificationError', async () => {
    const anyKey = fc.oneof(key, fc.anything(), fc.array(fc.anything(), { maxLength: 3 }));
    const anyBody = fc.oneof(fc.string(), fc.anything(), fc.uint8Array());
    await fc.assert(
      fc.asyncProperty(pairs, anyKey, anyBody, async (headers, publicKey, body) => {
        await onlyVerificationErrors(headers, publicKey, body);
      }),
      { numRuns: 300 },
    );
  });
});

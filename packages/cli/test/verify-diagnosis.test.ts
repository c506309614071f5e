import { createHmac, sign } from 'node:crypto';
import {
  generateKeyPair,
  importPrivateKey,
  signStandardWebhook,
  signWebhook,
} from '@switchboard/core';
import { describe, expect, it } from 'vitest';
import { diagnoseWebhook, type WebhookToDiagnose } from '../src/verify/diagnose-webhook.js';
import type { HeaderPairs } from '../src/verify/parse-headers.js';

const keys = generateKeyPair();
const NOW = 1_750_000_000_000;
const TS = Math.floor(NOW / 1000);
const BODY = JSON.stringify({ data: { event_type: 'call.hangup', id: 'e1', payload: { a: 1 } } });

function signedHeaders(content: string | Buffer, timestamp: string | number = TS): HeaderPairs {
  const signature = sign(null, Buffer.from(content), importPrivateKey(keys.privateKey));
  return [
    ['telnyx-timestamp', String(timestamp)],
    ['telnyx-signature-ed25519', signature.toString('base64')],
  ];
}

function input(overrides: Partial<WebhookToDiagnose>): WebhookToDiagnose {
  const headers = Object.entries(
    signWebhook({ body: BODY, privateKey: keys.privateKey, timestamp: TS }),
  );
  return {
    body: Buffer.from(BODY),
    headers,
    publicKey: keys.publicKey,
    nowMs: NOW,
    toleranceSeconds: 300,
    ...overrides,
  };
}

describe('verify diagnoses', () => {
  it('accepts a correct Telnyx signature', async () => {
    expect(await diagnoseWebhook(input({}))).toMatchObject({ valid: true, code: null });
  });

  it('names a missing header', async () => {
    const headers = input({}).headers.filter(([name]) => name !== 'telnyx-signature-ed25519');
    const result = await diagnoseWebhook(input({ headers }));
    expect(result).toMatchObject({ code: 'WH_MISSING_HEADER', cause: 'missing_header' });
    expect(result.detail).toContain('Telnyx-Signature-Ed25519');
  });

  it('names a key of the wrong length', async () => {
    const publicKey = Buffer.alloc(31, 1).toString('base64');
    const result = await diagnoseWebhook(input({ publicKey }));
    expect(result).toMatchObject({ code: 'WH_BAD_KEY', cause: 'wrong_key_length' });
    expect(result.detail).toContain('31 bytes');
  });

  it('names a key in the wrong format and gives the base64 form', async () => {
    const hex = Buffer.from(keys.publicKey, 'base64').toString('hex');
    const result = await diagnoseWebhook(input({ publicKey: hex }));
    expect(result).toMatchObject({ code: 'WH_BAD_KEY', cause: 'wrong_key_format' });
    expect(result.fix).toContain(keys.publicKey);
  });

  it('names a re-serialised body (pretty-printed by a framework)', async () => {
    const pretty = JSON.stringify(JSON.parse(BODY), null, 2);
    const result = await diagnoseWebhook(input({ body: Buffer.from(pretty) }));
    expect(result).toMatchObject({ code: 'WH_BAD_SIGNATURE', cause: 'reserialised_body' });
    expect(result.detail).toContain('re-serialised');
  });

  it('names clock skew with the number of seconds', async () => {
    const result = await diagnoseWebhook(input({ nowMs: NOW + 7_200_000 }));
    expect(result).toMatchObject({ code: 'WH_TIMESTAMP_TOO_OLD', cause: 'clock_skew' });
    expect(result.detail).toContain('7200 s');
  });

  it('names `.` used instead of `|`', async () => {
    const headers = signedHeaders(`${TS}.${BODY}`);
    const result = await diagnoseWebhook(input({ headers }));
    expect(result).toMatchObject({ code: 'WH_BAD_SIGNATURE', cause: 'dot_separator' });
  });

  it('names a timestamp in milliseconds', async () => {
    const headers = signedHeaders(`${NOW}|${BODY}`, NOW);
    const result = await diagnoseWebhook(input({ headers }));
    expect(result).toMatchObject({
      code: 'WH_TIMESTAMP_TOO_NEW',
      cause: 'timestamp_in_milliseconds',
    });
  });

  it("names HMAC instead of Ed25519 (seed 003's mistake), base64 and hex", async () => {
    const mac = createHmac('sha256', 'KEY_api').update(`${TS}|${BODY}`).digest();
    for (const value of [mac.toString('base64'), mac.toString('hex')]) {
      const headers: HeaderPairs = [
        ['telnyx-timestamp', String(TS)],
        ['telnyx-signature-ed25519', value],
      ];
      const result = await diagnoseWebhook(input({ headers }));
      expect(result).toMatchObject({
        code: 'WH_MALFORMED_SIGNATURE',
        cause: 'hmac_instead_of_ed25519',
      });
    }
  });

  it('names Standard Webhooks HMAC headers and the SDK fix (telnyx-python 4.x unwrap)', async () => {
    const secret = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;
    const signed = signStandardWebhook({ id: 'msg_1', body: BODY, key: secret, timestamp: TS });
    const result = await diagnoseWebhook(input({ headers: Object.entries(signed) }));
    // The code is the one verifyWebhook gives: an Ed25519 key checks no `v1` (HMAC) entry.
    expect(result).toMatchObject({ code: 'WH_BAD_SIGNATURE', cause: 'standard_webhooks_hmac' });
    expect(result.detail).toContain('Telnyx-Signature-Ed25519');
    expect(result.fix).toContain('import telnyx.lib');
    expect(result.fix).toContain('telnyx.lib.verify_webhook_signature');
  });

  it('names an HMAC secret given to check an Ed25519 signature', async () => {
    const publicKey = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;
    const result = await diagnoseWebhook(input({ publicKey }));
    expect(result).toMatchObject({
      code: 'WH_BAD_KEY',
      cause: 'hmac_secret_instead_of_public_key',
    });
    expect(result.fix).toContain('TELNYX_PUBLIC_KEY');
    expect(result.fix).toContain('import telnyx.lib');
  });

  it('diagnoses the Telnyx signature when Standard Webhooks headers come with it', async () => {
    const secret = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;
    const extra = signStandardWebhook({ id: 'msg_1', body: BODY, key: secret, timestamp: TS });
    const headers: HeaderPairs = [...input({}).headers, ...Object.entries(extra)];
    const publicKey = generateKeyPair().publicKey;
    const result = await diagnoseWebhook(input({ headers, publicKey }));
    expect(result).toMatchObject({ code: 'WH_BAD_SIGNATURE', cause: 'signature_mismatch' });
  });

  it('says so when nothing explains a mismatch (another key)', async () => {
    const other = generateKeyPair();
    const result = await diagnoseWebhook(input({ publicKey: other.publicKey }));
    expect(result).toMatchObject({ code: 'WH_BAD_SIGNATURE', cause: 'signature_mismatch' });
  });
});

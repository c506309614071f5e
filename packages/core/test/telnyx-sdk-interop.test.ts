import { createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
// The independent party: the official SDK's hand-written Ed25519 verifier, `TelnyxWebhook`
// from `telnyx/lib/webhooks` (telnyx-node src/lib/webhooks.ts, v7.x). In v7 the client's
// `webhooks.unwrap` uses HMAC Standard Webhooks instead, which cannot verify Telnyx deliveries.
import { TelnyxWebhook, TelnyxWebhookVerificationError } from 'telnyx/lib/webhooks';
import {
  buildTestEvent,
  generateKeyPair,
  serializeWebhookBody,
  signWebhook,
  verifyWebhook,
} from '@switchboard/core';

const nowSeconds = () => Math.floor(Date.now() / 1000);

function bodies(): string[] {
  const hangup = buildTestEvent('call.hangup');
  const sms = buildTestEvent('message.received', { data: { payload: { text: 'héllo ✓ 👋' } } });
  return [
    JSON.stringify(hangup),
    serializeWebhookBody(sms, 'telnyx'),
    '{"data":{"event_type":"x"}}',
  ];
}

/** Signs with node:crypto alone, following telnyx-facts §1.1: Ed25519 over `ts|body`. */
function signLikeTelnyx(body: string) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const rawPublic = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const timestamp = String(nowSeconds());
  const signature = sign(null, Buffer.from(`${timestamp}|${body}`, 'utf8'), privateKey);
  return {
    publicKey: rawPublic.toString('base64'),
    headers: {
      'Telnyx-Signature-Ed25519': signature.toString('base64'),
      'Telnyx-Timestamp': timestamp,
      'Content-Type': 'application/json',
      'User-Agent': 'telnyx-webhooks',
    },
  };
}

describe('interop with the official telnyx SDK (TelnyxWebhook, Ed25519)', () => {
  it.each(bodies())('the SDK accepts what signWebhook produces (%#)', async (body) => {
    const keys = generateKeyPair();
    const headers = signWebhook({ body, privateKey: keys.privateKey });
    await expect(new TelnyxWebhook(keys.publicKey).verify(body, headers)).resolves.toBeUndefined();
  });

  it('the SDK rejects signWebhook output for a changed body, so the check above can fail', async () => {
    const keys = generateKeyPair();
    const body = bodies()[0]!;
    const headers = signWebhook({ body, privateKey: keys.privateKey });
    await expect(
      new TelnyxWebhook(keys.publicKey).verify(`${body} `, headers),
    ).rejects.toBeInstanceOf(TelnyxWebhookVerificationError);
  });

  it.each(bodies())(
    'verifyWebhook accepts a body signed the way Telnyx does (%#)',
    async (body) => {
      const { publicKey, headers } = signLikeTelnyx(body);
      const event = await verifyWebhook({ body, headers, publicKey });
      expect(event).toEqual(JSON.parse(body));
    },
  );

  it('the keys agree: our public key is what node:crypto derives from our private key', () => {
    const keys = generateKeyPair();
    const der = Buffer.concat([
      Buffer.from('302e020100300506032b657004220420', 'hex'),
      Buffer.from(keys.privateKey, 'base64'),
    ]);
    const derived = createPublicKey(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
    expect(derived.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64')).toBe(
      keys.publicKey,
    );
  });

  it('the SDK and verifyWebhook agree on rejecting a Telnyx-style signature under another key', async () => {
    const body = bodies()[0]!;
    const { headers } = signLikeTelnyx(body);
    const stranger = generateKeyPair().publicKey;
    await expect(new TelnyxWebhook(stranger).verify(body, headers)).rejects.toThrow(
      /does not match/,
    );
    await expect(verifyWebhook({ body, headers, publicKey: stranger })).rejects.toMatchObject({
      code: 'WH_BAD_SIGNATURE',
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  buildTestEvent,
  generateKeyPair,
  signStandardWebhook,
  signWebhook,
  verifyWebhook,
  type HeaderSource,
} from '@switchboard/core';
import { expectCode } from './support.js';

const keys = generateKeyPair();
const T = 1_767_225_600; // 2026-01-01T00:00:00Z
const NOW = T * 1000;
const body = JSON.stringify(buildTestEvent('call.answered', undefined, { ids: { eventId: 'e1' } }));
const headers = signWebhook({ body, privateKey: keys.privateKey, timestamp: T });

function verify(overrides: Partial<Parameters<typeof verifyWebhook>[0]> = {}) {
  return verifyWebhook({ body, headers, publicKey: keys.publicKey, now: NOW, ...overrides });
}

describe('verifyWebhook: timestamps', () => {
  it.each([
    [300, 'accepts'],
    [-300, 'accepts'],
  ])('at the edge of the tolerance (%i s) it %s', async (skew) => {
    await expect(verify({ now: NOW + skew * 1000 })).resolves.toMatchObject({ data: { id: 'e1' } });
  });

  it('rejects one second past the tolerance, in both directions', async () => {
    await expectCode(verify({ now: NOW + 301_000 }), 'WH_TIMESTAMP_TOO_OLD');
    await expectCode(verify({ now: NOW - 301_000 }), 'WH_TIMESTAMP_TOO_NEW');
  });

  it('honours a custom tolerance and a Date for now', async () => {
    await expectCode(
      verify({ now: new Date(NOW + 11_000), toleranceSeconds: 10 }),
      'WH_TIMESTAMP_TOO_OLD',
    );
    await expect(
      verify({ now: new Date(NOW + 9_000), toleranceSeconds: 10 }),
    ).resolves.toBeDefined();
  });
});

describe('verifyWebhook: keys', () => {
  it('accepts when any key of a rotation list matches, in any position', async () => {
    const other = generateKeyPair().publicKey;
    await expect(verify({ publicKey: [other, keys.publicKey] })).resolves.toBeDefined();
    await expect(verify({ publicKey: [keys.publicKey, other] })).resolves.toBeDefined();
  });

  it('rejects when no key of the list matches', async () => {
    const others = [generateKeyPair().publicKey, generateKeyPair().publicKey];
    await expectCode(verify({ publicKey: others }), 'WH_BAD_SIGNATURE');
  });

  it.each([
    ['a 31-byte key', Buffer.alloc(31, 7).toString('base64')],
    ['a 33-byte key', Buffer.alloc(33, 7).toString('base64')],
    ['non-base64 text', 'not a key!'],
    ['an empty key', ''],
    ['blank text', '   '],
  ])('rejects %s with WH_BAD_KEY', async (_label, publicKey) => {
    await expectCode(verify({ publicKey }), 'WH_BAD_KEY');
  });

  it('rejects an empty key list and a bad key inside a list with WH_BAD_KEY', async () => {
    await expectCode(verify({ publicKey: [] }), 'WH_BAD_KEY');
    await expectCode(verify({ publicKey: [keys.publicKey, 'abc'] }), 'WH_BAD_KEY');
  });
});

describe('verifyWebhook: headers and body', () => {
  const record = { ...headers };
  const upper = {
    'Telnyx-Timestamp': headers['telnyx-timestamp'],
    'TELNYX-SIGNATURE-ED25519': headers['telnyx-signature-ed25519'],
  };
  const nodeStyle = {
    'telnyx-timestamp': [headers['telnyx-timestamp']],
    'telnyx-signature-ed25519': headers['telnyx-signature-ed25519'],
  };
  const fetchHeaders = new Headers(upper);
  const pairs: readonly (readonly [string, string])[] = Object.entries(upper);

  it.each<[string, HeaderSource]>([
    ['a plain record', record],
    ['a record with other letter case', upper],
    ['a Node record with array values', nodeStyle],
    ['a WHATWG Headers object', fetchHeaders],
    ['[name, value] pairs', pairs],
  ])('reads headers from %s', async (_label, source) => {
    await expect(verify({ headers: source })).resolves.toMatchObject({
      data: { event_type: 'call.answered' },
    });
  });

  it('names the missing header, and fails closed without headers', async () => {
    const noTimestamp = { 'telnyx-signature-ed25519': headers['telnyx-signature-ed25519'] };
    await expectCode(verify({ headers: noTimestamp }), 'WH_MISSING_HEADER');
    await expect(verify({ headers: noTimestamp })).rejects.toThrow(/telnyx-timestamp/i);
    await expectCode(verify({ headers: { 'telnyx-timestamp': String(T) } }), 'WH_MISSING_HEADER');
    await expectCode(verify({ headers: {} }), 'WH_MISSING_HEADER');
    await expectCode(
      verify({ headers: undefined as unknown as HeaderSource }),
      'WH_MISSING_HEADER',
    );
  });

  it('accepts the body as bytes', async () => {
    await expect(verify({ body: new TextEncoder().encode(body) })).resolves.toBeDefined();
  });

  it('refuses an already-parsed body with WH_BODY_PARSED, and a missing one too', async () => {
    await expectCode(verify({ body: JSON.parse(body) as string }), 'WH_BODY_PARSED');
    await expectCode(verify({ body: undefined as unknown as string }), 'WH_BODY_PARSED');
  });

  it('does not re-serialise: the same JSON with other whitespace fails', async () => {
    const reformatted = JSON.stringify(JSON.parse(body), null, 2);
    await expectCode(verify({ body: reformatted }), 'WH_BAD_SIGNATURE');
  });

  it('rejects a valid signature over a body that is not a webhook with WH_MALFORMED_PAYLOAD', async () => {
    for (const text of ['not json', '[1,2]', '{"data":"x"}', '{"hello":1}']) {
      const signed = signWebhook({ body: text, privateKey: keys.privateKey, timestamp: T });
      await expectCode(verify({ body: text, headers: signed }), 'WH_MALFORMED_PAYLOAD');
    }
  });
});

describe('verifyWebhook: Standard Webhooks', () => {
  const seed = generateKeyPair();
  const whsk = `whsk_${seed.privateKey}`;
  const whpk = `whpk_${seed.publicKey}`;
  const whsec = `whsec_${Buffer.from('a shared secret of some length').toString('base64')}`;
  const v1a = signStandardWebhook({ id: 'msg_1', body, key: whsk, timestamp: T });
  const v1 = signStandardWebhook({ id: 'msg_1', body, key: whsec, timestamp: T });

  it('verifies v1a (Ed25519, whpk_) and v1 (HMAC, whsec_) through the same call', async () => {
    await expect(verify({ headers: v1a, publicKey: whpk })).resolves.toBeDefined();
    await expect(verify({ headers: v1, publicKey: whsec })).resolves.toBeDefined();
  });

  it('accepts several space-separated signatures when any one matches', async () => {
    const old = signStandardWebhook({
      id: 'msg_1',
      body,
      key: `whsec_${Buffer.from('old').toString('base64')}`,
      timestamp: T,
    });
    const both = {
      ...v1a,
      'webhook-signature': `${old['webhook-signature']} ${v1a['webhook-signature']}`,
    };
    await expect(verify({ headers: both, publicKey: whpk })).resolves.toBeDefined();
    const mixed = {
      ...v1,
      'webhook-signature': `${v1a['webhook-signature']} ${v1['webhook-signature']}`,
    };
    await expect(verify({ headers: mixed, publicKey: [whpk, whsec] })).resolves.toBeDefined();
  });

  it('binds the id: another webhook-id fails with WH_BAD_SIGNATURE', async () => {
    await expectCode(
      verify({ headers: { ...v1, 'webhook-id': 'msg_2' }, publicKey: whsec }),
      'WH_BAD_SIGNATURE',
    );
    await expectCode(
      verify({ headers: { ...v1a, 'webhook-id': 'msg_2' }, publicKey: whpk }),
      'WH_BAD_SIGNATURE',
    );
  });

  it('rejects the wrong secret, a missing webhook-id and an unknown version', async () => {
    await expectCode(
      verify({ headers: v1, publicKey: `whsec_${Buffer.from('x').toString('base64')}` }),
      'WH_BAD_SIGNATURE',
    );
    const noId = {
      'webhook-timestamp': v1['webhook-timestamp'],
      'webhook-signature': v1['webhook-signature'],
    };
    await expectCode(verify({ headers: noId, publicKey: whsec }), 'WH_MISSING_HEADER');
    await expectCode(
      verify({ headers: { ...v1, 'webhook-signature': 'v2,AAAA' }, publicKey: whsec }),
      'WH_MALFORMED_SIGNATURE',
    );
  });

  it('applies the tolerance to webhook-timestamp', async () => {
    await expectCode(
      verify({ headers: v1, publicKey: whsec, now: NOW + 301_000 }),
      'WH_TIMESTAMP_TOO_OLD',
    );
  });
});

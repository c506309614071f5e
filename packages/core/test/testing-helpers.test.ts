import { describe, expect, it } from 'vitest';
import {
  buildTestEvent,
  deepMerge,
  generateKeyPair,
  serializeWebhookBody,
  signTestWebhook,
  verifyWebhook,
} from '@switchboard/core';
import { expectCode } from './support.js';

describe('signTestWebhook', () => {
  it('signs an event so verifyWebhook accepts it with the returned key', async () => {
    const event = buildTestEvent('message.received');
    const { body, headers, publicKey } = signTestWebhook({ event });
    expect(body).toBe(serializeWebhookBody(event, 'telnyx'));
    expect(headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'telnyx-webhooks',
    });
    await expect(verifyWebhook({ body, headers, publicKey })).resolves.toEqual(event);
  });

  it('uses the given private key, timestamp and format', async () => {
    const keys = generateKeyPair();
    const event = buildTestEvent('call.bridged');
    const signed = signTestWebhook({
      event,
      privateKey: keys.privateKey,
      timestamp: 1_700_000_000,
      format: 'compact',
    });
    expect(signed.publicKey).toBe(keys.publicKey);
    expect(signed.body).toBe(JSON.stringify(event));
    expect(signed.headers['telnyx-timestamp']).toBe('1700000000');
    const options = { body: signed.body, headers: signed.headers, publicKey: keys.publicKey };
    await expect(verifyWebhook({ ...options, now: 1_700_000_000_000 })).resolves.toBeDefined();
    await expectCode(verifyWebhook({ ...options, now: 1_700_000_301_000 }), 'WH_TIMESTAMP_TOO_OLD');
  });

  it('signs a body string exactly as given', async () => {
    const body = '{"data":{"event_type":"custom.thing"}}';
    const signed = signTestWebhook({ body });
    expect(signed.body).toBe(body);
    await expect(verifyWebhook({ ...signed })).resolves.toEqual(JSON.parse(body));
  });

  it('keeps one default key per process, so receivers can be configured once', () => {
    const a = signTestWebhook({ body: '{}' });
    const b = signTestWebhook({ body: '{}' });
    expect(a.publicKey).toBe(b.publicKey);
  });
});

describe('deepMerge', () => {
  it('merges plain objects at every depth without changing its inputs', () => {
    const base = { a: { b: 1, c: [1, 2] }, d: 'x' };
    const merged = deepMerge(base, { a: { c: [3] } });
    expect(merged).toEqual({ a: { b: 1, c: [3] }, d: 'x' });
    expect(base).toEqual({ a: { b: 1, c: [1, 2] }, d: 'x' });
  });

  it('lets null replace a value and skips undefined', () => {
    const base: { a: number | null; b: number } = { a: 1, b: 2 };
    expect(deepMerge(base, { a: null, b: undefined })).toEqual({ a: null, b: 2 });
  });
});

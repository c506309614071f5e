import { verifySignature } from '@switchboard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxHarness, type InboxHarness } from './support/inbox-harness.js';

let h: InboxHarness;
beforeAll(async () => {
  h = await inboxHarness();
});
afterAll(async () => {
  await h.close();
});

type Signed = { data: { headers: Record<string, string> } };

describe('POST /switchboard/sign with a timestamp', () => {
  it('signs with the given timestamp, so listen can send a stale or skewed one', async () => {
    const stale = Math.floor(Date.now() / 1000) - 360;
    const reply = await h.api('POST', '/switchboard/sign', { body: '{"a":1}', timestamp: stale });
    expect(reply.status).toBe(200);
    const { headers } = (reply.json() as Signed).data;
    expect(headers['telnyx-timestamp']).toBe(String(stale));
    const signedAt = { body: '{"a":1}', headers, publicKey: h.alice.publicKey };
    await expect(verifySignature({ ...signedAt, now: stale * 1000 })).resolves.toBeInstanceOf(
      Uint8Array,
    );
    await expect(verifySignature(signedAt)).rejects.toMatchObject({
      code: 'WH_TIMESTAMP_TOO_OLD',
    });
  });

  it('signs with the server clock when no timestamp is given', async () => {
    const before = Math.floor(Date.now() / 1000);
    const reply = await h.api('POST', '/switchboard/sign', { body: 'x' });
    const stamped = Number((reply.json() as Signed).data.headers['telnyx-timestamp']);
    expect(stamped).toBeGreaterThanOrEqual(before - 1);
    expect(stamped).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 1);
  });

  it.each([[-5], [0], [1.5], ['1700000000'], [null]])(
    'refuses timestamp %j with 422',
    async (t) => {
      const reply = await h.api('POST', '/switchboard/sign', { body: 'x', timestamp: t });
      expect(reply.status).toBe(422);
      expect(reply.text).toContain('/timestamp');
    },
  );
});

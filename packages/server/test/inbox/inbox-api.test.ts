import { generateKeyPair } from '@switchboard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxHarness, type InboxHarness } from './support/inbox-harness.js';

let h: InboxHarness;
beforeAll(async () => {
  h = await inboxHarness();
});
afterAll(async () => {
  await h.close();
});

interface Listed {
  data: { id: string }[];
  meta: { total_results: number };
}

describe('inbox API', () => {
  it('creates an inbox with an unguessable token and its capture URL', async () => {
    const reply = await h.api('POST', '/switchboard/inboxes', { name: 'dev' });
    expect(reply.status).toBe(201);
    const { data } = reply.json() as { data: Record<string, unknown> };
    const token = String(data['token']);
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(data).toMatchObject({
      name: 'dev',
      url: `${h.url}/switchboard/inbox/${token}`,
      respond: 'immediate',
      relay_timeout_secs: 30,
      rate_limit_per_minute: null,
      telnyx_public_key: null,
    });
    const other = await h.createInbox();
    expect(other.token).not.toBe(token);
  });

  it('reads, lists, updates and deletes inboxes; the token survives a patch', async () => {
    const created = await h.createInbox({ name: 'a' });
    const key = generateKeyPair().publicKey;
    const patched = await h.api('PATCH', `/switchboard/inboxes/${created.id}`, {
      respond: 'relay',
      relay_timeout_secs: 5,
      telnyx_public_key: key,
      token: 'mine',
    });
    expect(patched.status).toBe(200);
    expect((patched.json() as { data: unknown }).data).toMatchObject({
      name: 'a',
      respond: 'relay',
      relay_timeout_secs: 5,
      telnyx_public_key: key,
      token: created.token,
    });
    const read = await h.api('GET', `/switchboard/inboxes/${created.id}`);
    expect((read.json() as { data: unknown }).data).toMatchObject({ respond: 'relay' });
    const listed = (await h.api('GET', '/switchboard/inboxes?page[size]=250')).json() as Listed;
    expect(listed.data.map((item) => item.id)).toContain(created.id);
    expect(listed.meta.total_results).toBe(listed.data.length);

    expect((await h.api('DELETE', `/switchboard/inboxes/${created.id}`)).status).toBe(200);
    expect((await h.api('GET', `/switchboard/inboxes/${created.id}`)).status).toBe(404);
    const gone = await fetch(created.url, { method: 'POST', body: '{}' });
    expect(gone.status).toBe(404);
  });

  it('rejects invalid settings with every problem at once', async () => {
    const reply = await h.api('POST', '/switchboard/inboxes', {
      respond: 'later',
      relay_timeout_secs: 0,
      telnyx_public_key: 'not-a-key',
    });
    expect(reply.status).toBe(422);
    const { errors } = reply.json() as { errors: { source: { pointer: string } }[] };
    expect(errors.map((error) => error.source.pointer).sort()).toEqual([
      '/relay_timeout_secs',
      '/respond',
      '/telnyx_public_key',
    ]);
  });

  it('needs a key and keeps accounts apart', async () => {
    const created = await h.createInbox();
    expect((await h.api('GET', '/switchboard/inboxes', undefined, null)).status).toBe(401);
    expect(
      (await h.api('GET', `/switchboard/inboxes/${created.id}`, undefined, h.bob.apiKey)).status,
    ).toBe(404);
    const bobs = (
      await h.api('GET', '/switchboard/inboxes', undefined, h.bob.apiKey)
    ).json() as Listed;
    expect(bobs.data).toEqual([]);
  });

  it('signs a body with the account key for listen --resign', async () => {
    const reply = await h.api('POST', '/switchboard/sign', { body: '{"a":1}' });
    expect(reply.status).toBe(200);
    const { data } = reply.json() as { data: { headers: Record<string, string> } };
    const { verifySignature } = await import('@switchboard/core');
    await expect(
      verifySignature({ body: '{"a":1}', headers: data.headers, publicKey: h.alice.publicKey }),
    ).resolves.toBeInstanceOf(Uint8Array);
    expect((await h.api('POST', '/switchboard/sign', { body: 5 })).status).toBe(422);
  });
});

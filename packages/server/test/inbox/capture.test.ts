import { generateKeyPair, signWebhook } from '@switchboard/core';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboxHarness, readReply, type InboxHarness } from './support/inbox-harness.js';

let h: InboxHarness;
beforeAll(async () => {
  h = await inboxHarness();
});
afterAll(async () => {
  await h.close();
});

interface CaptureView {
  id: string;
  method: string;
  path: string;
  query: string;
  headers: [string, string][];
  body_base64: string;
  body_utf8: string | null;
  body_size: number;
  remote_address: string;
  event_type: string | null;
  verified: boolean | null;
  verification_error: string | null;
  forward_attempts: { status: number | null; body: string; error: string | null }[];
}

async function captures(inboxId: string, query = ''): Promise<CaptureView[]> {
  const reply = await h.api(
    'GET',
    `/switchboard/inboxes/${inboxId}/captures?page[size]=250${query}`,
  );
  expect(reply.status).toBe(200);
  return (reply.json() as { data: CaptureView[] }).data;
}

describe('capture URL', () => {
  it('stores method, path, query, ordered headers, raw body and remote address before a 200', async () => {
    const inbox = await h.createInbox();
    const body = '{"data":{"event_type":"call.answered","id":"e1"}}';
    const reply = await readReply(
      await request(`${inbox.url}/webhooks/voice?x=1&y=%20`, {
        method: 'POST',
        // A flat name, value list: the only form that keeps order and repeats as sent.
        headers: [
          'Content-Type',
          'application/json',
          'X-B',
          'second',
          'X-A',
          'first',
          'X-B',
          'again',
        ],
        body,
      }),
    );
    expect(reply.status).toBe(200);
    const [capture] = await captures(inbox.id);
    expect(capture).toMatchObject({
      id: (reply.json() as { data: { capture_id: string } }).data.capture_id,
      method: 'POST',
      path: `/switchboard/inbox/${inbox.token}/webhooks/voice`,
      query: 'x=1&y=%20',
      body_utf8: body,
      body_size: body.length,
      remote_address: '127.0.0.1',
      event_type: 'call.answered',
      verified: null,
      forward_attempts: [],
    });
    const names = capture?.headers.map(([name]) => name) ?? [];
    expect(names.filter((name) => name.startsWith('X-'))).toEqual(['X-B', 'X-A', 'X-B']);
  });

  it('takes any method and any content type, keeping bytes exact', async () => {
    const inbox = await h.createInbox();
    const binary = Buffer.from([0, 255, 1, 254, 0xc3, 0x28]);
    await request(inbox.url, {
      method: 'PUT',
      body: binary,
      headers: { 'content-type': 'image/png' },
    });
    await request(inbox.url, {
      method: 'POST',
      body: 'a=1&b=%C3%A9',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await request(inbox.url, { method: 'POST', body: 'no type' });
    await request(`${inbox.url}/x`, { method: 'GET' });
    const list = (await captures(inbox.id)).reverse();
    expect(list.map((item) => item.method)).toEqual(['PUT', 'POST', 'POST', 'GET']);
    expect(Buffer.from(list[0]?.body_base64 ?? '', 'base64')).toEqual(binary);
    expect(list[0]?.body_utf8).toBeNull();
    expect(list[1]?.body_utf8).toBe('a=1&b=%C3%A9');
    expect(list[2]?.body_utf8).toBe('no type');
    expect(list[3]?.body_size).toBe(0);
    const one = await h.api('GET', `/switchboard/captures/${list[0]?.id ?? ''}`);
    expect((one.json() as { data: CaptureView }).data.body_base64).toBe(binary.toString('base64'));
  });

  it('refuses a body over 1 MiB with 413 and stores nothing', async () => {
    const inbox = await h.createInbox();
    const reply = await request(inbox.url, {
      method: 'POST',
      body: Buffer.alloc(1_048_577, 97),
      headers: { 'content-type': 'application/json' },
    });
    expect(reply.statusCode).toBe(413);
    await reply.body.dump();
    const exact = await request(inbox.url, { method: 'POST', body: Buffer.alloc(1_048_576, 97) });
    expect(exact.statusCode).toBe(200);
    await exact.body.dump();
    expect((await captures(inbox.id)).map((item) => item.body_size)).toEqual([1_048_576]);
  });

  it('answers 404 for an unknown token, never a 5xx', async () => {
    const reply = await request(`${h.url}/switchboard/inbox/nope/x`, {
      method: 'POST',
      body: '{}',
    });
    expect(reply.statusCode).toBe(404);
    await reply.body.dump();
  });

  it('records verified or the WebhookVerificationError code when the inbox has a key', async () => {
    const pair = generateKeyPair();
    const inbox = await h.createInbox({ telnyx_public_key: pair.publicKey });
    const body = '{"data":{"event_type":"message.sent"}}';
    const signed = signWebhook({ body, privateKey: pair.privateKey });
    const post = (headers: Record<string, string>, payload = body) =>
      request(inbox.url, { method: 'POST', headers, body: payload }).then((r) => r.body.dump());
    await post({ ...signed });
    await post({ ...signed }, `${body} `);
    await post({});
    const list = (await captures(inbox.id)).reverse();
    expect(list.map((item) => [item.verified, item.verification_error])).toEqual([
      [true, null],
      [false, 'WH_BAD_SIGNATURE'],
      [false, 'WH_MISSING_HEADER'],
    ]);
    expect((await captures(inbox.id, '&filter[verified]=true')).length).toBe(1);
    expect((await captures(inbox.id, '&filter[verified]=false')).length).toBe(2);
    expect(
      (await h.api('GET', `/switchboard/inboxes/${inbox.id}/captures?filter[verified]=x`)).status,
    ).toBe(422);
  });

  it('filters by event type and time, and pages like the Deliveries API', async () => {
    const inbox = await h.createInbox();
    for (const type of ['call.initiated', 'call.answered', 'call.hangup']) {
      await request(inbox.url, {
        method: 'POST',
        body: JSON.stringify({ data: { event_type: type } }),
      }).then((r) => r.body.dump());
    }
    const answered = await captures(inbox.id, '&filter[event_type]=call.answered,call.hangup');
    expect(answered.map((item) => item.event_type)).toEqual(['call.hangup', 'call.answered']);
    const future = await captures(inbox.id, '&filter[received_at][gte]=2999-01-01T00:00:00Z');
    expect(future).toEqual([]);
    const page = await h.api(
      'GET',
      `/switchboard/inboxes/${inbox.id}/captures?page[size]=2&page[number]=2`,
    );
    expect(page.json()).toMatchObject({
      meta: { total_results: 3, total_pages: 2, page_number: 2 },
    });
  });

  it('records forward attempts reported by a listener, cutting bodies at 10 kB', async () => {
    const inbox = await h.createInbox();
    const posted = await request(inbox.url, { method: 'POST', body: '{}' });
    const id = ((await readReply(posted)).json() as { data: { capture_id: string } }).data
      .capture_id;
    const path = `/switchboard/captures/${id}/forward_attempts`;
    const failed = { url: 'http://localhost:1/x', error: 'connect ECONNREFUSED', final: false };
    expect((await h.api('POST', path, failed)).status).toBe(201);
    const ok = {
      url: 'http://localhost:2/x',
      status: 200,
      body: 'é'.repeat(8000),
      latency_ms: 3.5,
    };
    expect((await h.api('POST', path, ok)).status).toBe(201);
    expect((await h.api('POST', path, { url: 'nope', status: 42 })).status).toBe(422);
    expect((await h.api('POST', path, ok, h.bob.apiKey)).status).toBe(404);
    const [capture] = await captures(inbox.id);
    expect(capture?.forward_attempts.map((item) => [item.status, item.error])).toEqual([
      [null, 'connect ECONNREFUSED'],
      [200, null],
    ]);
    expect(Buffer.byteLength(capture?.forward_attempts[1]?.body ?? '')).toBeLessThanOrEqual(10_240);
  });

  it('answers 429 with Retry-After past the inbox rate limit, storing only what it accepted', async () => {
    const inbox = await h.createInbox({ rate_limit_per_minute: 3 });
    const statuses: number[] = [];
    const retryAfter: unknown[] = [];
    for (let n = 0; n < 5; n++) {
      const reply = await request(inbox.url, { method: 'POST', body: '{}' });
      statuses.push(reply.statusCode);
      retryAfter.push(reply.headers['retry-after']);
      await reply.body.dump();
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(retryAfter[3])).toBeGreaterThanOrEqual(1);
    expect(await captures(inbox.id)).toHaveLength(3);
  });
});

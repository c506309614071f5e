import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inboxHarness, readReply, type InboxHarness } from './support/inbox-harness.js';
import { openSse, type SseReader } from './support/sse-reader.js';

let h: InboxHarness;
const open: SseReader[] = [];
beforeAll(async () => {
  h = await inboxHarness();
});
afterEach(() => {
  for (const reader of open.splice(0)) reader.close();
});
afterAll(async () => {
  await h.close();
});

async function stream(query: string, headers: Record<string, string> = {}): Promise<SseReader> {
  const reader = await openSse(`${h.url}/switchboard/inboxes/stream?${query}`, {
    authorization: `Bearer ${h.alice.apiKey}`,
    ...headers,
  });
  open.push(reader);
  await reader.waitFor(1);
  return reader;
}

async function post(url: string, body: string): Promise<string> {
  const reply = await readReply(await request(url, { method: 'POST', body }));
  return (reply.json() as { data: { capture_id: string } }).data.capture_id;
}

function captureIds(reader: SseReader): string[] {
  return reader.events
    .filter((event) => event.event === 'capture')
    .map((event) => (JSON.parse(event.data) as { id: string }).id);
}

describe('capture stream', () => {
  it('replays after the cursor, then streams live captures, with the sequence as event id', async () => {
    const inbox = await h.createInbox();
    const first = await post(inbox.url, '{"n":1}');
    const second = await post(inbox.url, '{"n":2}');
    const reader = await stream(`inbox=${inbox.id}&cursor=0`);
    await reader.waitFor(3);
    const third = await post(inbox.url, '{"n":3}');
    const events = await reader.waitFor(4);
    expect(events[0]?.event).toBe('ready');
    expect(captureIds(reader)).toEqual([first, second, third]);
    const ids = events.slice(1).map((event) => Number(event.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));

    const resumed = await stream(`inbox=${inbox.id}&cursor=0`, { 'last-event-id': String(ids[0]) });
    await resumed.waitFor(3);
    expect(captureIds(resumed)).toEqual([second, third]);
  });

  it('starts at the newest capture when given no cursor, and filters by event type', async () => {
    const inbox = await h.createInbox();
    await post(inbox.url, '{"old":true}');
    const reader = await stream(`inbox=${inbox.id}&events=call.hangup`);
    await post(inbox.url, '{"data":{"event_type":"call.answered"}}');
    const hangup = await post(inbox.url, '{"data":{"event_type":"call.hangup"}}');
    await reader.waitFor(2);
    expect(captureIds(reader)).toEqual([hangup]);
  });

  it('refuses a bad cursor, an unknown inbox and a missing key', async () => {
    expect((await h.api('GET', '/switchboard/inboxes/stream?cursor=-1')).status).toBe(422);
    expect((await h.api('GET', '/switchboard/inboxes/stream?inbox=nope')).status).toBe(404);
    expect((await h.api('GET', '/switchboard/inboxes/stream', undefined, null)).status).toBe(401);
  });
});

describe('relay mode', () => {
  it('answers 503 with Retry-After when no listener is connected, storing nothing', async () => {
    const inbox = await h.createInbox({ respond: 'relay' });
    const reply = await request(inbox.url, { method: 'POST', body: '{}' });
    expect(reply.statusCode).toBe(503);
    expect(Number(reply.headers['retry-after'])).toBeGreaterThan(0);
    await reply.body.dump();
    const list = await h.api('GET', `/switchboard/inboxes/${inbox.id}/captures`);
    expect(list.json()).toMatchObject({ meta: { total_results: 0 } });
  });

  it("holds the sender until the listener reports the local app's status and body", async () => {
    const inbox = await h.createInbox({ respond: 'relay', relay_timeout_secs: 30 });
    const reader = await stream(`inbox=${inbox.id}`);
    const pending = request(`${inbox.url}/hook`, { method: 'POST', body: '{"n":1}' });
    const [, event] = await reader.waitFor(2);
    const id = (JSON.parse(event?.data ?? '{}') as { id: string }).id;
    const path = `/switchboard/captures/${id}/forward_attempts`;
    await h.api('POST', path, { url: 'http://127.0.0.1:1/x', error: 'refused', final: false });
    await h.api('POST', path, {
      url: 'http://127.0.0.1:2/x',
      status: 422,
      headers: [['Content-Type', 'text/plain']],
      body: 'nope',
    });
    const reply = await readReply(await pending);
    expect(reply.status).toBe(422);
    expect(reply.text).toBe('nope');
    expect(reply.headers['content-type']).toContain('text/plain');
  });

  it('answers 502 when the listener reached no local app, and 504 when nothing is reported', async () => {
    const inbox = await h.createInbox({ respond: 'relay', relay_timeout_secs: 1 });
    const reader = await stream(`inbox=${inbox.id}`);
    const failed = request(inbox.url, { method: 'POST', body: '{}' });
    const [, event] = await reader.waitFor(2);
    const id = (JSON.parse(event?.data ?? '{}') as { id: string }).id;
    await h.api('POST', `/switchboard/captures/${id}/forward_attempts`, {
      url: 'http://127.0.0.1:1/x',
      error: 'connect ECONNREFUSED',
    });
    expect((await readReply(await failed)).status).toBe(502);
    const silent = await readReply(await request(inbox.url, { method: 'POST', body: '{}' }));
    expect(silent.status).toBe(504);
  });
});

describe('closing the server', () => {
  it('ends open streams and lets held relay requests go with 503', async () => {
    const own = await inboxHarness();
    const inbox = await own.createInbox({ respond: 'relay', relay_timeout_secs: 300 });
    const reader = await openSse(`${own.url}/switchboard/inboxes/stream`, {
      authorization: `Bearer ${own.alice.apiKey}`,
    });
    open.push(reader);
    await reader.waitFor(1);
    const held = request(inbox.url, { method: 'POST', body: '{}' });
    await reader.waitFor(2);
    await own.close();
    const reply = await held;
    expect(reply.statusCode).toBe(503);
    expect(reply.headers['connection']).toBe('close');
    await reply.body.dump();
  });
});

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createInbox,
  spawnSwitchboard,
  stopAllSpawned,
  type RunningCli,
} from './listen-harness.js';
import { cliBuilt } from './support/cli-harness.js';

const built = cliBuilt();
const TOTAL = 10_000;
const IN_FLIGHT = 200;
let serve: RunningCli;
let url: string;
let key: string;

beforeAll(async () => {
  if (!built) return;
  const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-inbox-bad-'));
  serve = spawnSwitchboard(['serve', '--port', '0', '--data-dir', dataDir]);
  const match = await serve.waitForOutput(/API base URL: (\S+)\/v2\nAPI key: (\S+)\n/);
  url = match[1] ?? '';
  key = match[2] ?? '';
});
afterAll(async () => {
  await stopAllSpawned();
});

interface Listed {
  data: { body_base64: string; body_size: number }[];
  meta: { total_results: number };
}

async function post(target: string, body: string | Buffer, type?: string): Promise<number> {
  const reply = await request(target, {
    method: 'POST',
    body,
    headers: type === undefined ? {} : { 'content-type': type },
  });
  await reply.body.dump();
  return reply.statusCode;
}

/** Sends `total` requests with at most `inFlight` at once; returns how many got each status. */
async function flood(
  target: string,
  total: number,
  inFlight: number,
): Promise<Map<number, number>> {
  const { origin, pathname } = new URL(target);
  const pool = new Pool(origin, { connections: inFlight });
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < total) {
      const n = next++;
      const reply = await pool.request({ path: pathname, method: 'POST', body: `{"n":${n}}` });
      await reply.body.dump();
      statuses.set(reply.statusCode, (statuses.get(reply.statusCode) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  await pool.close();
  return statuses;
}

describe.skipIf(!built)('bad input on every inbox path (switchboard serve)', () => {
  it('refuses bodies over 1 MiB with 413 and keeps binary and form bodies byte for byte', async () => {
    const inbox = await createInbox(url, key);
    expect(await post(inbox.url, Buffer.alloc(1_048_577, 120), 'application/json')).toBe(413);
    expect(
      await post(`${inbox.url}/deep/path`, Buffer.alloc(2_000_000, 0), 'application/octet-stream'),
    ).toBe(413);
    const binary = Buffer.from(Array.from({ length: 256 }, (_, n) => n));
    expect(await post(inbox.url, binary, 'application/octet-stream')).toBe(200);
    expect(await post(inbox.url, 'a=1&b=%FF%00', 'application/x-www-form-urlencoded')).toBe(200);
    expect(await post(inbox.url, binary, 'multipart/form-data; boundary=x')).toBe(200);
    expect(await post(inbox.url, Buffer.alloc(1_048_576, 121), 'text/plain')).toBe(200);
    const listed = await api<Listed>(url, key, 'GET', `/switchboard/inboxes/${inbox.id}/captures`);
    expect(listed.meta.total_results).toBe(4);
    const bodies = listed.data.map((item) => Buffer.from(item.body_base64, 'base64')).reverse();
    expect(bodies[0]).toEqual(binary);
    expect(bodies[1]?.toString('latin1')).toBe('a=1&b=%FF%00');
    expect(bodies[3]?.length).toBe(1_048_576);
  });

  it('answers the authenticated inbox routes with 4xx for unreadable input', async () => {
    const inbox = await createInbox(url, key);
    const auth = { authorization: `Bearer ${key}` };
    const attempts = [
      {
        path: '/switchboard/inboxes',
        body: Buffer.from([0xff, 0, 1]),
        type: 'application/octet-stream',
      },
      { path: '/switchboard/inboxes', body: 'name=x', type: 'application/x-www-form-urlencoded' },
      { path: '/switchboard/inboxes', body: Buffer.alloc(1_100_000, 32), type: 'application/json' },
      { path: '/switchboard/inboxes', body: '{"name":', type: 'application/json' },
      { path: '/switchboard/captures/nope/forward_attempts', body: '{}', type: 'application/json' },
      { path: '/switchboard/sign', body: Buffer.from([0xff]), type: 'application/octet-stream' },
    ];
    for (const attempt of attempts) {
      const reply = await request(`${url}${attempt.path}`, {
        method: 'POST',
        body: attempt.body,
        headers: { ...auth, 'content-type': attempt.type },
      });
      await reply.body.dump();
      expect(reply.statusCode, attempt.path).toBeGreaterThanOrEqual(400);
      expect(reply.statusCode, attempt.path).toBeLessThan(500);
    }
    const badQuery = await request(
      `${url}/switchboard/inboxes/${inbox.id}/captures?filter[received_at][gte]=soon&page[size]=9999`,
      { headers: auth },
    );
    expect(badQuery.statusCode).toBe(422);
    await badQuery.body.dump();
  });

  it(`takes ${TOTAL} requests to one inbox, ${IN_FLIGHT} at a time: no 5xx, every accepted one stored`, async () => {
    const inbox = await createInbox(url, key);
    const statuses = await flood(inbox.url, TOTAL, IN_FLIGHT);
    const serverErrors = [...statuses].filter(([status]) => status >= 500);
    expect(serverErrors).toEqual([]);
    const accepted = statuses.get(200) ?? 0;
    expect(accepted).toBe(TOTAL);
    const listed = await api<Listed>(
      url,
      key,
      'GET',
      `/switchboard/inboxes/${inbox.id}/captures?page[size]=1`,
    );
    expect(listed.meta.total_results).toBe(accepted);
    expect(serve.child.exitCode).toBeNull();
    const health = await request(`${url}/health`);
    expect(health.statusCode).toBe(200);
    await health.body.dump();
  }, 120_000);
});

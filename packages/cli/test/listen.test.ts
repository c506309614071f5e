import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPair, signWebhook, verifySignature } from '@switchboard/core';
import type { RunningServer } from '@switchboard/server';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createInbox,
  endToEndHeaders,
  spawnSwitchboard,
  startLocalApp,
  stopAllSpawned,
  type LocalApp,
  type RunningCli,
} from './listen-harness.js';
import { cliBuilt, startTestServer } from './support/cli-harness.js';

const built = cliBuilt();
let server: RunningServer;
let dataDir: string;
let scratch: string;
const apps: LocalApp[] = [];

beforeAll(async () => {
  if (!built) return;
  const started = await startTestServer();
  server = started.server;
  dataDir = join(started.dir, '.switchboard');
  scratch = await mkdtemp(join(tmpdir(), 'switchboard-listen-'));
});
afterAll(async () => {
  await stopAllSpawned();
  await Promise.all(apps.map((app) => app.close()));
  if (built) await server.close();
});

async function localApp(...args: Parameters<typeof startLocalApp>): Promise<LocalApp> {
  const app = await startLocalApp(...args);
  apps.push(app);
  return app;
}

/** `switchboard listen` with the key found in the server's data dir, as on a developer's machine. */
async function listen(args: readonly string[], cursorName: string): Promise<RunningCli> {
  const cli = spawnSwitchboard([
    'listen',
    '--server',
    server.url,
    '--data-dir',
    dataDir,
    '--cursor-file',
    join(scratch, `${cursorName}.json`),
    ...args,
  ]);
  await cli.waitForOutput(/^Ready: |"type":"ready"/m);
  return cli;
}

function send(url: string, body: string | Buffer, headers: string[] = []): Promise<number> {
  return request(url, { method: 'POST', body, headers }).then(async (reply) => {
    await reply.body.dump();
    return reply.statusCode;
  });
}

interface CaptureView {
  headers: [string, string][];
  forward_attempts: { status: number | null; error: string | null; url: string; final: boolean }[];
}

async function capturesOf(inboxId: string): Promise<CaptureView[]> {
  const path = `/switchboard/inboxes/${inboxId}/captures?page[size]=250`;
  return (await api<{ data: CaptureView[] }>(server.url, server.apiKey ?? '', 'GET', path)).data;
}

/** Polls `read` until it gives a value: reports reach the server just after the line is printed. */
async function eventually<T>(read: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((done) => setTimeout(done, 20));
  }
}

describe.skipIf(!built)('switchboard listen', () => {
  it('forwards byte-exact with the original headers and signature, prints a line, reports back', async () => {
    const app = await localApp(() => ({ status: 202, body: 'accepted' }));
    const inbox = await createInbox(server.url, server.apiKey ?? '');
    const cli = await listen(['--forward-to', app.url, '--inbox', inbox.id], 'exact');
    const pair = generateKeyPair();
    const json = '{"data":{"event_type":"call.answered","id":"x"}}';
    const signed = signWebhook({ body: json, privateKey: pair.privateKey });
    const headers = [
      'Content-Type',
      'application/json',
      'Telnyx-Signature-Ed25519',
      signed['telnyx-signature-ed25519'],
      'Telnyx-Timestamp',
      signed['telnyx-timestamp'],
      'X-Twice',
      'one',
      'X-Twice',
      'two',
    ];
    const binary = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80]);
    expect(await send(`${inbox.url}/voice?a=1&b=%2F`, json, headers)).toBe(200);
    expect(await send(inbox.url, binary, ['Content-Type', 'application/octet-stream'])).toBe(200);
    expect(
      await send(inbox.url, 'x=1&y=%E2%9C%93', [
        'Content-Type',
        'application/x-www-form-urlencoded',
      ]),
    ).toBe(200);

    const [first, second, third] = await app.waitFor(3);
    expect(first?.url).toBe('/webhooks/voice?a=1&b=%2F');
    expect(first?.body.toString('utf8')).toBe(json);
    const [newest, , oldest] = await capturesOf(inbox.id);
    expect(endToEndHeaders(first?.rawHeaders ?? [])).toEqual(
      endToEndHeaders((oldest?.headers ?? []).flat()),
    );
    await expect(
      verifySignature({
        body: first?.body ?? '',
        headers: endToEndHeaders(first?.rawHeaders ?? []),
        publicKey: pair.publicKey,
      }),
    ).resolves.toBeDefined();
    expect(second?.body).toEqual(binary);
    expect(third?.body.toString('utf8')).toBe('x=1&y=%E2%9C%93');
    expect(endToEndHeaders(third?.rawHeaders ?? [])).toEqual(
      endToEndHeaders((newest?.headers ?? []).flat()),
    );

    await cli.waitForOutput(/(← 202 POST \/webhooks.*\n){3}/);
    expect(cli.stdout()).toMatch(
      /← 202 POST \/webhooks\/voice\?a=1&b=%2F call\.answered [0-9a-f]{4}… \d+ ms/,
    );
    const reported = await eventually(async () => {
      const list = await capturesOf(inbox.id);
      return list.every((item) => item.forward_attempts.length > 0) ? list : undefined;
    });
    expect(reported.map((item) => item.forward_attempts.map((attempt) => attempt.status))).toEqual([
      [202],
      [202],
      [202],
    ]);
    expect(await cli.stop()).toBe(0);
  });

  it('is killed mid-stream, restarted, and misses nothing', async () => {
    const app = await localApp();
    const inbox = await createInbox(server.url, server.apiKey ?? '');
    const args = ['--forward-to', app.url, '--inbox', inbox.id];
    const first = await listen(args, 'restart');
    for (let n = 0; n < 30; n++) expect(await send(inbox.url, `{"n":${n}}`)).toBe(200);
    await app.waitFor(10);
    await first.stop('SIGKILL');
    for (let n = 30; n < 60; n++) expect(await send(inbox.url, `{"n":${n}}`)).toBe(200);
    const second = await listen(args, 'restart');
    const seen = (): Set<number> =>
      new Set(
        app.received.map((item) => (JSON.parse(item.body.toString('utf8')) as { n: number }).n),
      );
    await app.waitUntil(() => seen().size === 60);
    expect([...seen()].sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, n) => n));
    // At-least-once: only the capture in flight at the kill may arrive twice.
    expect(app.received.length).toBeLessThanOrEqual(61);
    await second.stop();
  });

  it('relay mode: the sender sees the local app status, and 503 with no listener', async () => {
    const inbox = await createInbox(server.url, server.apiKey ?? '', {
      respond: 'relay',
      relay_timeout_secs: 20,
    });
    const refused = await request(inbox.url, { method: 'POST', body: '{}' });
    expect(refused.statusCode).toBe(503);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await refused.body.dump();

    const app = await localApp(() => ({
      status: 418,
      body: '{"teapot":true}',
      type: 'application/json',
    }));
    const cli = await listen(['--forward-to', app.url, '--inbox', inbox.id], 'relay');
    const relayed = await request(inbox.url, {
      method: 'POST',
      body: '{"data":{"event_type":"call.hangup"}}',
    });
    expect(relayed.statusCode).toBe(418);
    expect(await relayed.body.text()).toBe('{"teapot":true}');
    await cli.stop();
    // The server may see the listener's socket close a moment after the process exits; until
    // then a request is held (and times out with 504), so ask until the inbox says 503.
    await api(server.url, server.apiKey ?? '', 'PATCH', `/switchboard/inboxes/${inbox.id}`, {
      relay_timeout_secs: 1,
    });
    const after = await eventually(async () => {
      const reply = await request(inbox.url, { method: 'POST', body: '{}' });
      await reply.body.dump();
      return reply.statusCode === 504 ? undefined : reply;
    });
    expect(after.statusCode).toBe(503);
  });

  it('fails over, re-signs, adds headers and filters event types', async () => {
    const app = await localApp();
    const inbox = await createInbox(server.url, server.apiKey ?? '');
    const args = [
      '--forward-to',
      'http://127.0.0.1:9/nothing-listens-here',
      '--failover-to',
      app.url,
      '--inbox',
      inbox.id,
      '--events',
      'call.answered',
      '--resign',
      '-H',
      'X-Env: dev',
      '--format',
      'json',
    ];
    const cli = await listen(args, 'failover');
    await send(inbox.url, '{"data":{"event_type":"call.hangup"}}', [
      'Telnyx-Signature-Ed25519',
      'old',
    ]);
    await send(inbox.url, '{"data":{"event_type":"call.answered"}}', [
      'Telnyx-Signature-Ed25519',
      'old',
    ]);
    const [got] = await app.waitFor(1);
    const headers = endToEndHeaders(got?.rawHeaders ?? []);
    expect(headers).toContainEqual(['X-Env', 'dev']);
    expect(
      headers.filter(([name]) => name.toLowerCase() === 'telnyx-signature-ed25519'),
    ).toHaveLength(1);
    await expect(
      verifySignature({ body: got?.body ?? '', headers, publicKey: server.publicKey }),
    ).resolves.toBeDefined();
    await cli.waitForOutput(/"status":200/);
    const lines = cli
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.every((line) => line['schema_version'] === 1)).toBe(true);
    expect(
      lines.filter((line) => line['type'] === 'forward').map((line) => line['status']),
    ).toEqual([null, 200]);
    const answered = await eventually(async () => {
      const captures = await capturesOf(inbox.id);
      return captures.find((item) => item.forward_attempts.length === 2);
    });
    expect(answered.forward_attempts.map((attempt) => [attempt.status, attempt.final])).toEqual([
      [null, false],
      [200, true],
    ]);
    expect(app.received).toHaveLength(1);
    await cli.stop();
  });

  it('brings emulator deliveries to a machine the server cannot reach, signed by the account', async () => {
    const app = await localApp();
    const inbox = await createInbox(server.url, server.apiKey ?? '');
    const key = server.apiKey ?? '';
    const application = await api<{ data: { id: string } }>(
      server.url,
      key,
      'POST',
      '/v2/call_control_applications',
      {
        application_name: 'via inbox',
        webhook_event_url: inbox.url,
      },
    );
    const cli = await listen(['--forward-to', app.url, '--inbox', inbox.id], 'emulator');
    await api(server.url, key, 'POST', '/switchboard/events', {
      event_type: 'call.initiated',
      connection_id: application.data.id,
    });
    const [got] = await app.waitFor(1);
    const event = JSON.parse(got?.body.toString('utf8') ?? '{}') as {
      data: { event_type: string };
    };
    expect(event.data.event_type).toBe('call.initiated');
    await expect(
      verifySignature({
        body: got?.body ?? '',
        headers: endToEndHeaders(got?.rawHeaders ?? []),
        publicKey: server.publicKey,
      }),
    ).resolves.toBeDefined();
    await cli.stop();
  });

  it('says what to do when the server is unreachable or a flag is wrong', async () => {
    const down = spawnSwitchboard([
      'listen',
      '--server',
      'http://127.0.0.1:9',
      '--api-key',
      'k',
      '--forward-to',
      'http://localhost:3000/x',
    ]);
    expect(await new Promise((done) => down.child.on('close', done))).toBe(1);
    expect(down.stderr().trim().split('\n')).toHaveLength(1);
    expect(down.stderr()).toMatch(/Cannot reach the Switchboard server at http:\/\/127\.0\.0\.1:9/);
    const bad = spawnSwitchboard(['listen', '--api-key', 'k', '--forward-to', 'localhost:3000']);
    expect(await new Promise((done) => bad.child.on('close', done))).toBe(2);
    expect(bad.stderr()).toMatch(/--forward-to needs an http\(s\) URL/);
  });
});

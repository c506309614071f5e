import { createServer } from 'node:http';
import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifySignature } from '@switchboard/core';
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
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  if (!built) return;
  const started = await startTestServer();
  server = started.server;
  dataDir = join(started.dir, '.switchboard');
  scratch = await mkdtemp(join(tmpdir(), 'switchboard-listen-chaos-'));
});
afterAll(async () => {
  await stopAllSpawned();
  await Promise.all(closers.map((close) => close()));
  if (built) await server.close();
});

async function localApp(...args: Parameters<typeof startLocalApp>): Promise<LocalApp> {
  const app = await startLocalApp(...args);
  closers.push(() => app.close());
  return app;
}

function listenArgs(inboxId: string, cursorName: string, args: readonly string[]): string[] {
  return [
    'listen',
    ...['--server', server.url, '--data-dir', dataDir, '--inbox', inboxId],
    ...['--cursor-file', join(scratch, `${cursorName}.json`), ...args],
  ];
}

async function listen(inboxId: string, cursorName: string, args: string[]): Promise<RunningCli> {
  const cli = spawnSwitchboard(listenArgs(inboxId, cursorName, args));
  await cli.waitForOutput(/^Ready: |"type":"ready"/m);
  return cli;
}

/**
 * Sends `bodies` while no listener runs, then starts one at the saved cursor, so the captures
 * reach it as one backlog: what chaos does to them does not hang on how fast they were sent.
 */
async function listenToBacklog(
  bodies: readonly string[],
  args: string[],
  headers: string[] = [],
): Promise<{ cli: RunningCli; inbox: { id: string; url: string } }> {
  const inbox = await createInbox(server.url, server.apiKey ?? '');
  await (await listen(inbox.id, inbox.id, args)).stop();
  for (const body of bodies) expect(await send(inbox.url, body, headers)).toBe(200);
  return { cli: await listen(inbox.id, inbox.id, args), inbox };
}

async function send(url: string, body: string, headers: string[] = []): Promise<number> {
  const reply = await request(url, { method: 'POST', body, headers });
  await reply.body.dump();
  return reply.statusCode;
}

interface Attempt {
  status: number | null;
  error: string | null;
  url: string;
  final: boolean;
}

/** Polls the capture's forward attempts until `count` have been reported. */
async function attemptsOf(inboxId: string, count: number): Promise<Attempt[]> {
  const path = `/switchboard/inboxes/${inboxId}/captures`;
  for (;;) {
    const list = await api<{ data: { forward_attempts: Attempt[] }[] }>(
      server.url,
      server.apiKey ?? '',
      'GET',
      path,
    );
    const attempts = list.data[0]?.forward_attempts ?? [];
    if (attempts.length >= count) return attempts;
    await new Promise((done) => setTimeout(done, 20));
  }
}

/** Waits until each of `count` captures has its final forward reported (after its last copy). */
async function allFinal(inboxId: string, count: number): Promise<void> {
  const path = `/switchboard/inboxes/${inboxId}/captures`;
  for (;;) {
    const list = await api<{ data: { forward_attempts: Attempt[] }[] }>(
      server.url,
      server.apiKey ?? '',
      'GET',
      path,
    );
    const finished = list.data.filter((item) => item.forward_attempts.some((a) => a.final));
    if (finished.length >= count) return;
    await new Promise((done) => setTimeout(done, 20));
  }
}

const numbers = (count: number): string[] =>
  Array.from({ length: count }, (_, n) => `{"data":{"event_type":"call.answered","n":${n}}}`);

function receivedNumbers(app: LocalApp): number[] {
  return app.received.map(
    (item) => (JSON.parse(item.body.toString('utf8')) as { data: { n: number } }).data.n,
  );
}

describe.skipIf(!built)('switchboard listen with chaos flags', () => {
  it('--fail-first reports injected failures, then fails over as a real failure would', async () => {
    const primary = await localApp();
    const failover = await localApp();
    const args = ['--forward-to', primary.url, '--failover-to', failover.url, '--fail-first', '1'];
    const { cli, inbox } = await listenToBacklog(numbers(1), args);
    await failover.waitFor(1);
    const attempts = await attemptsOf(inbox.id, 2);
    expect(attempts.map((a) => [a.url, a.status, a.error, a.final])).toEqual([
      [primary.url, null, 'chaos: fail_first 1/1', false],
      [failover.url, 200, null, true],
    ]);
    expect(primary.received).toHaveLength(0);
    expect(cli.stdout()).toMatch(
      /← ERR POST \/webhooks call\.answered \S+ \(chaos: fail_first 1\/1\) 0 ms/,
    );
    await cli.stop();
  });

  it('--fail-first 2 without failover: two reported failures, then the one real forward', async () => {
    const app = await localApp();
    const { cli, inbox } = await listenToBacklog(numbers(1), [
      '--forward-to',
      app.url,
      '--fail-first',
      '2',
    ]);
    await app.waitFor(1);
    const attempts = await attemptsOf(inbox.id, 3);
    expect(attempts.map((a) => [a.status, a.error])).toEqual([
      [null, 'chaos: fail_first 1/2'],
      [null, 'chaos: fail_first 2/2'],
      [200, null],
    ]);
    expect(app.received).toHaveLength(1);
    await cli.stop();
  });

  it('--duplicate 1 and --delay: each capture arrives twice, each fault on the line and attempt', async () => {
    const app = await localApp();
    const args = ['--forward-to', app.url, '--duplicate', '1', '--delay', '20-40', '--seed', '3'];
    const { cli, inbox } = await listenToBacklog(numbers(2), args);
    await app.waitFor(4);
    expect(receivedNumbers(app)).toEqual([0, 0, 1, 1]);
    const attempts = await attemptsOf(inbox.id, 2);
    expect(attempts.map((a) => a.error)).toEqual([
      expect.stringMatching(/^chaos: duplicate 1\/2; delay (2\d|3\d|40) ms$/),
      expect.stringMatching(/^chaos: duplicate 2\/2; delay (2\d|3\d|40) ms$/),
    ]);
    expect(cli.stdout()).toMatch(
      /← 200 POST \/webhooks call\.answered \S+ \[chaos: duplicate 2\/2; delay \d+ ms\]/,
    );
    expect(cli.stdout()).toMatch(/chaos: duplicate 1, delay 20-40 ms, seed 3/);
    await cli.stop();
  });

  it('--stale-timestamp and --clock-skew re-sign with a shifted time the receiver sees', async () => {
    const app = await localApp();
    const headersOf = (index: number): [string, string][] =>
      endToEndHeaders(app.received[index]?.rawHeaders ?? []);
    const stale = await listenToBacklog(numbers(1), [
      '--forward-to',
      app.url,
      '--resign',
      '--stale-timestamp',
    ]);
    await app.waitFor(1);
    await expect(
      verifySignature({
        body: app.received[0]?.body ?? '',
        headers: headersOf(0),
        publicKey: server.publicKey,
      }),
    ).rejects.toMatchObject({ code: 'WH_TIMESTAMP_TOO_OLD' });
    await stale.cli.stop();

    const skewed = await listenToBacklog(numbers(1), [
      '--forward-to',
      app.url,
      '--resign',
      '--clock-skew',
      '-120s',
    ]);
    await app.waitFor(2);
    const verified = {
      body: app.received[1]?.body ?? '',
      headers: headersOf(1),
      publicKey: server.publicKey,
    };
    await expect(verifySignature(verified)).resolves.toBeInstanceOf(Uint8Array);
    const stamp = Number(
      headersOf(1).find(([name]) => name.toLowerCase() === 'telnyx-timestamp')?.[1],
    );
    expect(Math.floor(Date.now() / 1000) - stamp).toBeGreaterThanOrEqual(110);
    expect((await attemptsOf(skewed.inbox.id, 1))[0]?.error).toBe('chaos: clock_skew -120s');
    await skewed.cli.stop();
  });

  it('refuses the signing faults without --resign, with exit 2 and one line', async () => {
    for (const flags of [['--stale-timestamp'], ['--clock-skew', '+30s']]) {
      const cli = spawnSwitchboard(
        listenArgs('any', 'refused', ['--forward-to', 'http://127.0.0.1:9/x', ...flags]),
      );
      expect(await new Promise((done) => cli.child.on('close', done))).toBe(2);
      expect(cli.stderr().trim().split('\n')).toHaveLength(1);
      expect(cli.stderr()).toContain(`${flags[0]} needs --resign`);
    }
  });

  it('--reorder shuffles a window, and the same --seed gives the same sequence', async () => {
    const runs: number[][] = [];
    for (const seed of ['11', '11', '12']) {
      const app = await localApp();
      const args = ['--forward-to', app.url, '--reorder', '--duplicate', '0.4', '--seed', seed];
      const { cli, inbox } = await listenToBacklog(numbers(10), args);
      await allFinal(inbox.id, 10);
      await cli.stop();
      runs.push(receivedNumbers(app));
    }
    const [first, again, other] = runs;
    expect(first).toEqual(again);
    expect(first).not.toEqual(other);
    expect(first).not.toEqual([...(first ?? [])].sort((a, b) => a - b));
    expect(first?.length).toBeGreaterThan(10);
  });

  it('--concurrency N forwards up to N captures at once', async () => {
    const peaks: number[] = [];
    for (const flags of [[], ['--concurrency', '3']]) {
      const app = await holdingApp(3);
      const { cli } = await listenToBacklog(numbers(6), ['--forward-to', app.url, ...flags]);
      await app.done(6);
      await cli.stop();
      peaks.push(app.peak());
    }
    expect(peaks).toEqual([1, 3]);
  });
});

/**
 * A local app that holds each request until `group` are in flight (or 300 ms pass, so one at a
 * time still gets through) and records how many it ever held at once.
 */
async function holdingApp(
  group: number,
): Promise<{ url: string; peak: () => number; done: (count: number) => Promise<void> }> {
  let inFlight = 0;
  let peak = 0;
  let answered = 0;
  const waiting: (() => void)[] = [];
  const server = createServer((req, res) => {
    req.resume();
    inFlight++;
    peak = Math.max(peak, inFlight);
    const answer = (): void => {
      inFlight--;
      answered++;
      res.writeHead(200).end('ok');
    };
    waiting.push(answer);
    if (waiting.length >= group) for (const go of waiting.splice(0)) go();
    else setTimeout(() => waiting.splice(waiting.indexOf(answer), 1)[0]?.(), 300);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  closers.push(
    () =>
      new Promise((done) =>
        server.close(() => {
          done();
        }),
      ),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    peak: () => peak,
    done: async (count) => {
      while (answered < count) await new Promise((wake) => setTimeout(wake, 20));
    },
  };
}

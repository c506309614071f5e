import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { RecordingReceiver } from './recording-receiver.js';
import { cliBuilt, killHard, spawnSwitchboard, type SwitchboardProcess } from './server-process.js';

const EVENTS = 3_000;
const PUBLISH_BATCH = 50;
const API_KEY = 'KEYcrash-test-key';
/** Short, so the restarted process resumes the killed one's leased deliveries quickly. */
const LEASE_MS = 2_000;
/** The engine's default: at most this many tries in flight, so at most this many resent. */
const CONCURRENCY = 64;

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function serve(dataDir: string): Promise<SwitchboardProcess> {
  const server = await spawnSwitchboard(['serve', '--port', '0', '--data-dir', dataDir], {
    SWITCHBOARD_API_KEY: API_KEY,
    SWITCHBOARD_LEASE_MS: String(LEASE_MS),
  });
  cleanups.push(() => killHard(server.child));
  return server;
}

/** POSTs one event; true when the server accepted it (202). A killed server accepts nothing. */
async function publish(
  server: SwitchboardProcess,
  id: string,
  webhookUrl: string,
): Promise<boolean> {
  try {
    const reply = await request(`${server.url}/switchboard/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        event_type: 'call.initiated',
        id,
        webhook_url: webhookUrl,
        payload: {},
      }),
    });
    await reply.body.dump();
    return reply.statusCode === 202;
  } catch {
    return false;
  }
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

describe.runIf(cliBuilt())('crash: kill -9 mid-run, restart on the same data dir', () => {
  it('delivers every accepted event at least once', { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'switchboard-crash-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const receiver = await RecordingReceiver.start(5);
    cleanups.push(() => receiver.close());
    const first = await serve(dir);
    receiver.publicKey = first.publicKey;

    const accepted: string[] = [];
    const run = { killed: false };
    const killer = until(() => receiver.seen.size >= EVENTS / 5, 60_000).then(async () => {
      await killHard(first.child);
      run.killed = true;
    });
    for (let i = 0; i < EVENTS && !run.killed; i += PUBLISH_BATCH) {
      const ids = Array.from({ length: PUBLISH_BATCH }, (_, j) => `crash-${i + j}`);
      const results = await Promise.all(ids.map((id) => publish(first, id, receiver.url)));
      ids.forEach((id, j) => results[j] === true && accepted.push(id));
    }
    await killer;
    const deliveredBeforeKill = receiver.seen.size;
    expect(deliveredBeforeKill).toBeLessThan(accepted.length);

    const second = await serve(dir);
    expect(second.publicKey).toBe(first.publicKey);
    await until(() => accepted.every((id) => receiver.seen.has(id)), 90_000);

    expect(accepted.filter((id) => !receiver.seen.has(id))).toEqual([]);
    expect(accepted.length).toBeGreaterThan(EVENTS / 5);
    expect(receiver.rejected).toBe(0);
    expect(receiver.duplicates()).toBeLessThanOrEqual(CONCURRENCY);
  });
});

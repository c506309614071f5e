import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { StoredRows } from '../delivery/support/stored-rows.js';
import { TestReceiver } from '../delivery/support/test-receiver.js';
import { cliBuilt, killHard, spawnSwitchboard } from './server-process.js';

const API_KEY = 'KEYsigterm-test-key';
const GRACE_MS = 1_000;
/** The promise: a stop ends within its grace period plus this. */
const STOP_MARGIN_MS = 5_000;

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** Resolves true when the child exits within `ms`, false when it is still running then. */
async function exitsWithin(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => {
      resolve(false);
    }, ms);
  });
  const exited = once(child, 'exit').then(() => true);
  const result = await Promise.race([exited, timeout]);
  clearTimeout(timer);
  return result;
}

describe.runIf(cliBuilt())('SIGTERM with stuck work', () => {
  it(`ends \`switchboard serve\` within the grace period plus ${STOP_MARGIN_MS / 1000} s`, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-sigterm-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const server = await spawnSwitchboard(['serve', '--port', '0', '--data-dir', dataDir], {
      SWITCHBOARD_API_KEY: API_KEY,
      SWITCHBOARD_SHUTDOWN_GRACE_MS: String(GRACE_MS),
    });
    cleanups.push(() => killHard(server.child));
    const receiver = await TestReceiver.start(server.publicKey);
    cleanups.push(() => receiver.close());
    receiver.on('/hang', 'hang');

    // 1. A try that hangs: the receiver takes the request and never answers.
    const published = await request(`${server.url}/switchboard/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        event_type: 'call.initiated',
        webhook_url: receiver.url('/hang'),
        payload: {},
      }),
    });
    expect(published.statusCode).toBe(202);
    await published.body.dump();
    await until(() => receiver.to('/hang').length > 0);

    // 2. A stored row 3,000 levels deep, claimed by the running worker.
    const rows = await StoredRows.open(join(dataDir, 'switchboard.db'));
    cleanups.push(() => rows.close());
    const { accountId } = await rows.account();
    const deep = await rows.publish(accountId, receiver.url('/deep'));
    rows.nestPayload(deep.eventId, 3_000);
    await until(() => rows.claimed(deep.deliveryId));

    // 3. An API request whose body never finishes arriving.
    const port = Number(new URL(server.url).port);
    const slow = connect(port, '127.0.0.1');
    cleanups.push(() => {
      slow.destroy();
      return Promise.resolve();
    });
    await once(slow, 'connect');
    slow.write(
      `POST /switchboard/events HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer ${API_KEY}\r\n` +
        'content-type: application/json\r\ncontent-length: 1000\r\n\r\n{"event_type":',
    );

    server.child.kill('SIGTERM');
    expect(await exitsWithin(server.child, GRACE_MS + STOP_MARGIN_MS)).toBe(true);
    // The stop itself ended: the CLI's last-resort exit (code 1) was not needed.
    expect(server.child.exitCode).toBe(0);
  });
});

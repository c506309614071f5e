import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { eventually } from './support/running.js';
import { startTarget } from './support/http-target.js';

const ROOT = resolve(import.meta.dirname, '../../../..');
const BIN = join(ROOT, 'packages/cli/bin/switchboard.js');
const built = existsSync(join(ROOT, 'packages/cli/dist/bin.js'));
if (!built && process.env['CI'] !== undefined) throw new Error('run `npx tsc -b` first');
if (!built)
  console.warn('skipping the SIGTERM test: packages/cli/dist is missing (run `npx tsc -b`)');

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  readonly apiKey: string;
  readonly exited: Promise<number | null>;
}

/** Starts `switchboard serve` and waits for its banner. */
function serve(dataDir: string): Promise<Started> {
  const args = ['serve', '--port', '0', '--data-dir', dataDir, '--concurrency', '8'];
  const child = spawn(process.execPath, [BIN, ...args, '--shutdown-grace-ms', '10000'], {
    env: { ...process.env, SWITCHBOARD_LOG_LEVEL: 'warn', SWITCHBOARD_RETRY_SCHEDULE: '1000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const exited = new Promise<number | null>((done) => child.on('exit', done));
  let text = '';
  return new Promise((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const match = /API base URL: (\S+)\/v2\nAPI key: (\S+)\n/.exec(text);
      if (match?.[1] !== undefined && match[2] !== undefined) {
        done({ child, url: match[1], apiKey: match[2], exited });
      }
    });
    void exited.then((code) => {
      fail(new Error(`serve exited with ${code}: ${text}`));
    });
  });
}

function deliveryRows(dataDir: string): { state: string; lease_owner: string | null }[] {
  const db = new Database(join(dataDir, 'switchboard.db'), { readonly: true });
  try {
    return db.prepare('SELECT state, lease_owner FROM deliveries').all() as {
      state: string;
      lease_owner: string | null;
    }[];
  } finally {
    db.close();
  }
}

describe.skipIf(!built)('SIGTERM under load', () => {
  it('finishes tries in flight, releases every lease, and loses nothing across a restart', async () => {
    const seen = new Set<string>();
    let inFlight = 0;
    // A slow-ish receiver: each reply takes 150 ms, so SIGTERM lands with tries in flight.
    const target = await startTarget((_request, response, body) => {
      inFlight += 1;
      setTimeout(() => {
        seen.add((JSON.parse(body) as { data: { id: string } }).data.id);
        inFlight -= 1;
        response.writeHead(200).end();
      }, 150);
    });
    const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-sigterm-'));
    const first = await serve(dataDir);
    const total = 60;
    for (let i = 0; i < total; i += 1) {
      const response = await fetch(`${first.url}/switchboard/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${first.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          event_type: 'call.initiated',
          payload: { n: i },
          webhook_url: `http://127.0.0.1:${target.port}/hook`,
        }),
      });
      expect(response.status).toBe(202);
    }
    await eventually(() => Promise.resolve(seen.size >= 8 && inFlight > 0));

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const afterStop = deliveryRows(dataDir);
    expect(afterStop).toHaveLength(total);
    expect(afterStop.filter((row) => row.lease_owner !== null)).toEqual([]);
    const delivered = afterStop.filter((row) => row.state === 'delivered').length;
    expect(delivered).toBeLessThan(total);
    expect(delivered).toBe(seen.size);

    const second = await serve(dataDir);
    await eventually(() =>
      Promise.resolve(deliveryRows(dataDir).every((row) => row.state === 'delivered')),
    );
    expect(seen.size).toBe(total);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(deliveryRows(dataDir).filter((row) => row.lease_owner !== null)).toEqual([]);
    await target.close();
  }, 60_000);
});

import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '@switchboard/webhooks';
import { createAccount } from '../../src/engine/accounts/create-account.js';
import { publishEvent } from '../../src/engine/events/publish-event.js';
import {
  openPostgresStore,
  type PostgresStore,
} from '../../src/storage/postgres/postgres-store.js';
import { cliBuilt, killHard, spawnSwitchboard, type SwitchboardProcess } from './server-process.js';

const BASE_URL =
  process.env['SWITCHBOARD_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const EVENTS = 300;
const HANDLER_DELAY_MS = 20;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: BASE_URL, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function postgresReachable(): Promise<boolean> {
  try {
    await admin('SELECT 1');
    return true;
  } catch (error) {
    if (process.env['CI'] !== undefined) throw error;
    console.warn(`skipping two-worker test: PostgreSQL unreachable at ${BASE_URL}`);
    return false;
  }
}

/** One try as the receiver saw it: which event, which `meta.attempt`, and when it was held. */
interface Try {
  readonly eventId: string;
  readonly attempt: number;
  readonly start: number;
  end: number;
}

/** Records every try with its time span; answers 200 after a delay so tries overlap in time. */
async function startReceiver(
  publicKey: () => string,
): Promise<{ server: Server; url: string; tries: Try[]; rejected: () => number }> {
  const tries: Try[] = [];
  let rejected = 0;
  const server = createServer((req, res) => {
    const start = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      void verifyWebhook({ body, headers: req.headers, publicKey: publicKey() }).then(
        (event) => {
          const { data, meta } = event as unknown as {
            data: { id: string };
            meta: { attempt: number };
          };
          const entry: Try = { eventId: data.id, attempt: meta.attempt, start, end: Infinity };
          tries.push(entry);
          setTimeout(() => {
            entry.end = performance.now();
            res.writeHead(200).end();
          }, HANDLER_DELAY_MS);
        },
        () => {
          rejected += 1;
          res.writeHead(400).end();
        },
      );
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { server, url, tries, rejected: () => rejected };
}

/** Pairs of tries of one (event, attempt) whose time spans overlap. */
function concurrentDuplicates(tries: readonly Try[]): number {
  const byKey = new Map<string, Try[]>();
  for (const t of tries)
    byKey.set(`${t.eventId}#${t.attempt}`, [...(byKey.get(`${t.eventId}#${t.attempt}`) ?? []), t]);
  let overlaps = 0;
  for (const group of byKey.values()) {
    for (let i = 0; i < group.length; i += 1)
      for (let j = i + 1; j < group.length; j += 1)
        if (group[i]!.start < group[j]!.end && group[j]!.start < group[i]!.end) overlaps += 1;
  }
  return overlaps;
}

const reachable = await postgresReachable();
const database = `sb_two_workers_${randomBytes(5).toString('hex')}`;
const databaseUrl = BASE_URL.replace(/\/[^/]*$/, `/${database}`);
let store: PostgresStore | undefined;
const workers: SwitchboardProcess[] = [];

describe.runIf(reachable && cliBuilt())('two worker processes on one PostgreSQL', () => {
  beforeAll(async () => {
    await admin(`CREATE DATABASE ${database}`);
    store = await openPostgresStore({ connectionString: databaseUrl });
  });
  afterAll(async () => {
    for (const worker of workers) await killHard(worker.child);
    await store?.close();
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  it(
    'splits the work: no try is made by both at once, and every event is delivered',
    { timeout: 60_000 },
    async () => {
      const created = await createAccount(store!, { name: 'two-workers', now: Date.now() });
      const receiver = await startReceiver(() => created.publicKey);
      try {
        for (let i = 0; i < 2; i += 1) {
          workers.push(await spawnSwitchboard(['worker', '--database-url', databaseUrl], {}));
        }
        const deps = {
          store: store!,
          now: Date.now,
          newId: randomUUID,
          worker: { wake: () => undefined },
        };
        const published = await Promise.all(
          Array.from({ length: EVENTS }, () =>
            publishEvent(deps, {
              account: created.account,
              eventType: 'call.initiated',
              payload: {},
              webhookUrl: receiver.url,
            }),
          ),
        );
        const ids = published.map((p) => (p.kind === 'published' ? p.eventId : ''));
        const deadline = Date.now() + 45_000;
        while ((await store!.countQueued()) > 0 && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 100));
        }

        expect(await store!.countQueued()).toBe(0);
        const delivered = new Set(receiver.tries.map((t) => t.eventId));
        expect(ids.filter((id) => !delivered.has(id))).toEqual([]);
        expect(concurrentDuplicates(receiver.tries)).toBe(0);
        expect(receiver.rejected()).toBe(0);
        const { total } = await store!.listDeliveries(
          created.account.id,
          { status: 'delivered' },
          { number: 1, size: 1 },
        );
        expect(total).toBe(EVENTS);
      } finally {
        receiver.server.closeAllConnections();
        receiver.server.close();
      }
    },
  );
});

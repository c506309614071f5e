import { Agent } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/start-server.js';
import {
  fuzzRequest,
  isErrorEnvelope,
  sendFuzz,
  type FuzzPools,
  type FuzzRequest,
} from './support/fuzz-request.js';
import { ownDatabaseUrl, postgresAdmin } from './support/postgres-admin.js';
import { startReceiver } from './support/receiver.js';
import { routeTable } from './support/route-table.js';
import { testConfig } from './support/test-config.js';

// A database of our own: workers of other suites on the shared one would claim our deliveries.
const OWN_DATABASE = `sb_fuzz_${process.pid}_${Date.now()}`;
const admin = (sql: string) => postgresAdmin(sql, 'the PostgreSQL fuzz run');

const postgres = await admin(`CREATE DATABASE ${OWN_DATABASE}`);
afterAll(async () => {
  if (postgres) await admin(`DROP DATABASE IF EXISTS ${OWN_DATABASE}`);
});

const DIALECTS: readonly (readonly [string, boolean, Record<string, string>])[] = [
  ['SQLite', true, {}],
  ['PostgreSQL', postgres, { SWITCHBOARD_DATABASE_URL: ownDatabaseUrl(OWN_DATABASE) }],
];

// Bounded in count and in time: at most this many requests, stopping early when time is up.
const RUNS = 400;
const TIME_LIMIT_MS = 40_000;

interface Running {
  readonly server: RunningServer;
  readonly receiver: Awaited<ReturnType<typeof startReceiver>>;
}

describe.each(DIALECTS)('the API fuzzed on %s', (_name, available, env) => {
  let running: Running;
  let pools: FuzzPools;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });

  beforeAll(async () => {
    if (!available) return;
    const receiver = await startReceiver();
    let scope: FastifyInstance | null = null;
    const server = await startServer(await testConfig(env), {
      routes: [
        (app) => {
          scope = app;
        },
      ],
    });
    running = { server, receiver };
    const tree = (scope as FastifyInstance | null)?.printRoutes({ commonPrefix: false }) ?? '';
    pools = {
      routes: routeTable(tree),
      ids: await seed(running),
      apiKey: server.apiKey ?? '',
      webhookUrl: receiver.url,
    };
  });
  afterAll(async () => {
    if (!available) return;
    agent.destroy();
    await running.server.close();
    await running.receiver.close();
  });

  it.skipIf(!available)(
    'answers odd requests on every route without a 5xx, errors in the envelope, and still delivers',
    async () => {
      const { server, receiver } = running;
      expect(pools.routes.length).toBeGreaterThan(40);
      const port = Number(new URL(server.url).port);
      await fc.assert(
        fc.asyncProperty(fuzzRequest(pools), async (fuzz) => {
          const reply = await sendFuzz(port, agent, fuzz);
          expect(reply.status, describeRequest(fuzz)).toBeLessThan(500);
          if (reply.status >= 400 && fuzz.method !== 'HEAD') {
            expect(isErrorEnvelope(reply.body), `${describeRequest(fuzz)} → ${reply.body}`).toBe(
              true,
            );
          }
        }),
        { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
      );

      // The process is alive and its engine still delivers an ordinary event.
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      const marker = `after-fuzz-${String(Date.now())}`;
      await api(running, 'POST', '/switchboard/events', {
        event_type: 'fuzz.done',
        webhook_url: receiver.url,
        payload: { marker },
      });
      for (;;) {
        const received = await receiver.next();
        if (received.body.includes(marker)) break;
      }
    },
    90_000,
  );
});

async function api(
  { server }: Running,
  method: string,
  path: string,
  body: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.apiKey ?? ''}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { data: Record<string, unknown> };
  expect(response.status, JSON.stringify(json)).toBeLessThan(300);
  return json.data;
}

/** Real resources of every kind, so fuzzed requests reach past "not found" as well. */
async function seed(running: Running): Promise<string[]> {
  const post = (path: string, body: unknown) => api(running, 'POST', path, body);
  const hook = running.receiver.url;
  const app = await post('/v2/call_control_applications', {
    application_name: 'fuzz',
    webhook_event_url: hook,
  });
  const profile = await post('/v2/messaging_profiles', { name: 'fuzz', webhook_url: hook });
  const number = await post('/switchboard/phone_numbers', {
    phone_number: '+13125550100',
    connection_id: app['id'],
    messaging_profile_id: profile['id'],
  });
  const event = await post('/switchboard/events', { event_type: 'fuzz.seed', webhook_url: hook });
  const call = await post('/v2/calls', {
    connection_id: app['id'],
    from: '+13125550100',
    to: '+13125550199',
  });
  const message = await post('/v2/messages', {
    from: '+13125550100',
    to: '+13125550123',
    text: 'hi',
  });
  const inbox = await post('/switchboard/inboxes', {});
  const token = new URL(String(inbox['url'])).pathname.split('/').pop() ?? '';
  const capture = await fetch(`${running.server.url}/switchboard/inbox/${token}`, {
    method: 'POST',
    body: '{}',
  });
  const captured = ((await capture.json()) as { data: { capture_id: string } }).data.capture_id;
  return [
    ...[app['id'], profile['id'], number['id'], '+13125550100', event['id']],
    ...[event['webhook_delivery_id'], call['call_control_id'], message['id'], inbox['id']],
    ...[token, captured, 'answer', 'hangup', 'speak', 'client_state_update', 'x.mp3'],
  ].map(String);
}

function describeRequest(fuzz: FuzzRequest): string {
  const body = fuzz.body?.slice(0, 200) ?? '';
  return `${fuzz.method} ${fuzz.path} ${JSON.stringify(fuzz.headers)} ${body}`;
}

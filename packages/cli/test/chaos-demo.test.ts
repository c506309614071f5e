import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningServer } from '@switchboard/server';
import {
  createWebhookReceiver,
  memoryIdempotencyStore,
  reduceCallState,
  type TelnyxWebhookEvent,
} from '@switchboard/webhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBuilt, runSwitchboard, startTestServer } from './support/cli-harness.js';

const built = cliBuilt();
const CALLS = 8;
const EVENTS_PER_CALL = 6;
const PROCESSING_MS = 150;

const sleep = (ms: number): Promise<void> => new Promise((wake) => setTimeout(wake, ms));

/** Seed 003's receiver: 200 at once, then an in-memory Set checked before and filled after the work. */
function naiveReceiver() {
  const seen = new Set<string>();
  const processed: string[] = [];
  const handle = (body: Buffer): void => {
    const event = JSON.parse(body.toString('utf8')) as { data: { id: string } };
    if (seen.has(event.data.id)) return;
    void sleep(PROCESSING_MS).then(() => {
      processed.push(event.data.id);
      seen.add(event.data.id);
    });
  };
  return { handle, processed };
}

describe.skipIf(!built)('demonstration: trigger --duplicate 0.3 --reorder', () => {
  let server: RunningServer;
  let dir: string;
  let http: Server;
  const naive = naiveReceiver();
  const handled = new Map<string, TelnyxWebhookEvent[]>();
  const processedIds: string[] = [];
  let arrivals = 0;

  beforeAll(async () => {
    ({ server, dir } = await startTestServer());
    const good = createWebhookReceiver({
      publicKey: server.publicKey,
      idempotency: memoryIdempotencyStore(),
      ordering: true,
      handlers: {
        '*': async (event, context) => {
          await sleep(PROCESSING_MS);
          processedIds.push(context.eventId);
          const key = context.callKey ?? 'none';
          handled.set(key, [...(handled.get(key) ?? []), event]);
        },
      },
    });
    http = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        arrivals += 1;
        const body = Buffer.concat(chunks);
        naive.handle(body);
        void good.handle({ body, headers: request.headers }).then((reply) => {
          response.writeHead(reply.status, reply.headers).end(reply.body);
        });
      });
    });
    await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
  });

  afterAll(async () => {
    await new Promise((done) => http.close(done));
    await server.close();
  });

  it('the @switchboard/webhooks receiver ends right; the naive one double-processes', async () => {
    const { port } = http.address() as AddressInfo;
    const args = [
      'trigger',
      '--flow',
      'inbound-call',
      '--count',
      String(CALLS),
      '--duplicate',
      '0.3',
      '--reorder',
      '--seed',
      '7',
    ];
    const result = await runSwitchboard(
      [...args, '--to', `http://127.0.0.1:${port}/hooks`, '--server', server.url],
      { cwd: dir },
    );
    expect(result.code).toBe(0);
    const distinct = CALLS * EVENTS_PER_CALL;
    while (processedIds.length < distinct) await sleep(50);
    await sleep(1_000);
    // The seeded profile duplicates some deliveries: more requests arrive than distinct events.
    expect(arrivals).toBeGreaterThan(distinct);
    expect(new Set(processedIds).size).toBe(processedIds.length);
    expect(handled.size).toBe(CALLS);
    for (const events of handled.values()) {
      const state = reduceCallState(events);
      expect(state.status).toBe('ended');
      expect(state.dtmf).toHaveLength(1);
    }
    expect(naive.processed.length).toBeGreaterThan(new Set(naive.processed).size);
  });
});

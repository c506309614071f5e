import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyTexmlRequest } from '@switchboard/webhooks/texml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type CreatedAccount } from '../../../src/engine/accounts/create-account.js';
import {
  createDeliveryWorker,
  type DeliveryWorker,
} from '../../../src/engine/delivery/delivery-worker.js';
import { RoundReplies } from '../../../src/engine/delivery/round-replies.js';
import { TexmlRequester } from '../../../src/emulator/texml/texml-requests.js';
import { eventually } from './support/texml-server.js';
import { openSqliteStore } from '../../../src/storage/sqlite/sqlite-store.js';
import type { Store } from '../../../src/storage/store.js';

/** 30 kB: more than an attempt records, less than a document may be. */
const BIG = `<Response>${'<Say>hello there</Say>'.repeat(1_500)}</Response>`;

let store: Store;
let account: CreatedAccount;
let worker: DeliveryWorker;
let replies: RoundReplies;
let server: Server;
let base: string;
const verified: boolean[] = [];

beforeAll(async () => {
  store = await openSqliteStore({ filename: ':memory:' });
  account = await createAccount(store, { name: 'texml', now: Date.now() });
  replies = new RoundReplies();
  worker = createDeliveryWorker({ store, owner: 'test', onRoundResult: replies.roundEnded });
  worker.start();
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      void verifyTexmlRequest(
        { method: req.method ?? 'POST', url: req.url ?? '/', headers: req.headers, body },
        { publicKey: account.publicKey },
      ).then(
        () => verified.push(true),
        () => verified.push(false),
      );
      res.writeHead(200, { 'content-type': 'application/xml' }).end(BIG);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await worker.stop({ graceMs: 1_000 });
  await new Promise((resolve) => server.close(resolve));
  await store.close();
});

let wakes = 0;

function requester(hub: RoundReplies, handOver = false): TexmlRequester {
  return new TexmlRequester({
    store,
    now: Date.now,
    newId: randomUUID,
    worker: {
      wake: () => {
        wakes += 1;
        worker.wake();
      },
      ...(handOver ? { handoff: worker.handoff } : {}),
    },
    replies: hub,
  });
}

const request = (method: 'GET' | 'POST') => ({
  accountId: account.account.id,
  eventType: 'texml.instructions',
  url: `${base}/voice?app=1`,
  failoverUrl: null,
  method,
  params: { CallSid: 'v3:abc', From: '+14155550123', To: '+13125557000' },
  timeoutMs: 2_000,
});

describe('TexmlRequester', () => {
  it('gets the whole document back from the worker, while the attempt records 10 kB', async () => {
    const reply = await requester(replies).fetch(request('POST'));
    expect(reply.delivered?.body).toBe(BIG);
    // The hand-back comes before the round is recorded.
    const attempt = await eventually(async () => {
      const page = await store.listDeliveries(account.account.id, {}, { number: 1, size: 1 });
      return (await store.listAttempts(page.rows[0]?.id ?? ''))[0];
    });
    expect(attempt.request.body).toBe('CallSid=v3%3Aabc&From=%2B14155550123&To=%2B13125557000');
    expect(attempt.response?.body.length).toBe(10 * 1024);
  });

  it('hands the fetch to the worker with its publish, without waking the claim loop', async () => {
    const before = wakes;
    const reply = await requester(replies, true).fetch(request('POST'));
    expect(reply.delivered?.body).toBe(BIG);
    expect(wakes).toBe(before);
  });

  it('without the hand-back (another process ran the round) reads the recorded reply', async () => {
    const reply = await requester(new RoundReplies()).fetch(request('GET'));
    expect(reply.delivered?.body).toBe(BIG.slice(0, 10 * 1024));
    expect(verified.length).toBeGreaterThanOrEqual(2);
    expect(verified.every(Boolean)).toBe(true);
  });
});

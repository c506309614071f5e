import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import type { EmitInput, EmulatorDeps } from '../../../src/emulator/emulator-deps.js';
import { registerMessagingRoutes } from '../../../src/emulator/messaging/register-messaging-routes.js';
import { TimerQueue } from '../../../src/emulator/messaging/timer-queue.js';
import { registerPhoneNumberRoutes } from '../../../src/emulator/phone-numbers/register-phone-number-routes.js';
import { toErrorResponse } from '../../../src/http/to-error-response.js';
import { useDeclarations } from '../../../src/http/use-declarations.js';
import { openStore } from '../../../src/storage/open-store.js';
import type { Store } from '../../../src/storage/store.js';

/** A fixed start time, so expectations can use exact timestamps. */
export const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface Reply {
  readonly status: number;
  // Bodies are asserted on field by field; `any` keeps those assertions short.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

/** A bare Fastify app with the messaging and phone-number routes over a real SQLite store. */
export interface Harness {
  readonly store: Store;
  readonly accountId: string;
  readonly emitted: EmitInput[];
  /** `account` acts as another account than the harness's own. */
  request(method: Method, url: string, body?: unknown, account?: string): Promise<Reply>;
  /** Moves the clock forward and runs every step that became due. */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** A small seeded PRNG (mulberry32), so ids are random-looking but repeatable. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function makeHarness(): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'sb-messaging-'));
  const store = await openStore({ dataDir: dir });
  const clock = { now: T0 };
  const emitted: EmitInput[] = [];
  const accountId = randomUUID();
  const deps: EmulatorDeps = {
    store,
    emit: (input) => {
      emitted.push(input);
      return Promise.resolve();
    },
    accountId: (request) => {
      const header = request.headers['x-test-account'];
      return typeof header === 'string' ? header : accountId;
    },
    now: () => clock.now,
    random: seeded(42),
    baseUrl: 'http://127.0.0.1:0',
  };
  const queue = new TimerQueue({
    now: () => clock.now,
    host: { set: () => null, clear: () => undefined },
  });
  const app = buildApp(deps, queue);
  await app.ready();
  return {
    store,
    accountId,
    emitted,
    request: (method, url, body, account) => inject(app, { method, url, body, account }),
    advance: async (ms) => {
      clock.now += ms;
      await queue.runDue();
    },
    close: async () => {
      await app.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function buildApp(deps: EmulatorDeps, queue: TimerQueue): FastifyInstance {
  const app = Fastify();
  // The declarations' validator, serializer and (in tests) reply check, as the API app has them.
  useDeclarations(app);
  app.setErrorHandler((error, _request, reply) => {
    const response = toErrorResponse(error, 1_000_000);
    return reply.code(response.status).send(response.body);
  });
  registerPhoneNumberRoutes(app, deps);
  registerMessagingRoutes(app, deps, { queue });
  return app;
}

interface Call {
  readonly method: Method;
  readonly url: string;
  readonly body: unknown;
  readonly account: string | undefined;
}

async function inject(app: FastifyInstance, call: Call): Promise<Reply> {
  const response = await app.inject({
    method: call.method,
    url: call.url,
    ...(call.body === undefined ? {} : { payload: call.body as Record<string, unknown> }),
    ...(call.account === undefined ? {} : { headers: { 'x-test-account': call.account } }),
  });
  const body: unknown = response.body === '' ? null : JSON.parse(response.body);
  return { status: response.statusCode, body };
}

/** Creates a messaging profile through the API and returns its id. */
export async function addProfile(
  h: Harness,
  fields: Record<string, unknown> = {},
): Promise<string> {
  const reply = await h.request('POST', '/v2/messaging_profiles', { name: 'Main', ...fields });
  if (reply.status !== 200) throw new Error(`profile not created: ${JSON.stringify(reply.body)}`);
  return dataId(reply);
}

/** Adds an owned number through the Switchboard route and returns its id. */
export async function addNumber(h: Harness, fields: Record<string, unknown>): Promise<string> {
  const reply = await h.request('POST', '/switchboard/phone_numbers', fields);
  if (reply.status !== 201) throw new Error(`number not added: ${JSON.stringify(reply.body)}`);
  return dataId(reply);
}

function dataId(reply: Reply): string {
  const body: unknown = reply.body;
  const data = typeof body === 'object' && body !== null && 'data' in body ? body.data : null;
  const id = typeof data === 'object' && data !== null && 'id' in data ? data.id : null;
  if (typeof id !== 'string') throw new Error('reply has no data.id');
  return id;
}

interface ErrorEntry {
  readonly code: string;
  readonly detail: string;
  readonly source?: { readonly pointer?: string };
}

/** The `[code, pointer]` pairs of an error reply, in order. */
export function errorPairs(reply: Reply): [string, string | undefined][] {
  const body = reply.body as { errors?: ErrorEntry[] } | null;
  return (body?.errors ?? []).map((e) => [e.code, e.source?.pointer]);
}

/** One field of every item of a list reply's `data`. */
export function fieldOfEach(reply: Reply, key: string): unknown[] {
  const body = reply.body as { data?: Record<string, unknown>[] } | null;
  return (body?.data ?? []).map((item) => item[key]);
}

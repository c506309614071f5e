import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect } from 'vitest';
import { toErrorResponse } from '../../../../src/http/to-error-response.js';
import { RouteNotFoundError } from '../../../../src/support/errors/api-error.js';
import type { EmitInput, EmulatorDeps } from '../../../../src/emulator/emulator-deps.js';
import { recordingRoutes, registerCallRoutes } from '../../../../src/emulator/calls/call-routes.js';
import type { MediaPlane } from '../../../../src/emulator/media/media-plane.js';
import { callAudioSocketRoutes } from '../../../../src/emulator/media/call-audio-socket.js';
import type { CallEngine } from '../../../../src/emulator/calls/call-engine.js';
import type { TimerHost } from '../../../../src/emulator/messaging/timer-queue.js';
import { openStore } from '../../../../src/storage/open-store.js';
import type { Store } from '../../../../src/storage/store.js';
import type { CallTimings } from '../../../../src/emulator/calls/call-timings.js';
import { schemaErrors } from './event-schemas.js';
import { useDeclarations } from '../../../../src/http/use-declarations.js';

export const T0 = 1_750_000_000_000;
export const ACCOUNT = 'acct-calls';
export const APP_ID = '1293384261075731499';
export const BASE_URL = 'http://127.0.0.1:4010';

/** Small delays so flows finish in a few simulated seconds. */
export const TEST_TIMINGS: CallTimings = {
  answerDelayMs: 100,
  failDelayMs: 50,
  amdDelayMs: 200,
  greetingMs: 400,
  wordsPerMinute: 600,
  playbackMs: 300,
};

export interface RecordedEmit extends EmitInput {
  readonly id: string;
  readonly at: number;
}

/** Seeded so ids are reproducible run to run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Audio tests run on the wall clock: media frames are paced in real time. */
export interface FixtureOptions {
  readonly media?: MediaPlane;
}

export class CallFixture {
  readonly emits: RecordedEmit[] = [];
  clock = T0;
  /** When the wheel's single timer would fire; the test fires it by moving the clock. */
  #armedAt: number | null = null;
  app!: FastifyInstance;
  engine!: CallEngine;
  store!: Store;
  #dir = '';
  #options: FixtureOptions = {};

  async setUp(timings: CallTimings = TEST_TIMINGS, options: FixtureOptions = {}): Promise<this> {
    this.#options = options;
    if (options.media !== undefined) this.clock = Date.now();
    this.#dir = await mkdtemp(join(tmpdir(), 'sb-calls-'));
    this.store = await openStore({ dataDir: this.#dir });
    await seedAccount(this.store);
    this.app = await this.#buildApp(timings);
    return this;
  }

  deps(): EmulatorDeps {
    return {
      store: this.store,
      emit: (input) => {
        const at = this.#options.media === undefined ? this.clock : Date.now();
        this.emits.push({ ...input, id: randomUUID(), at });
        return Promise.resolve();
      },
      accountId: (request) => {
        const header = request.headers['x-account'];
        return typeof header === 'string' ? header : ACCOUNT;
      },
      now: () => (this.#options.media === undefined ? this.clock : Date.now()),
      random: seededRandom(42),
      baseUrl: BASE_URL,
    };
  }

  async #buildApp(timings: CallTimings): Promise<FastifyInstance> {
    const app = Fastify();
    // Declared routes are checked as the server checks them, replies against their declarations.
    useDeclarations(app);
    app.setNotFoundHandler((request) => {
      throw new RouteNotFoundError(request.method, request.url);
    });
    app.setErrorHandler(async (error, _request, reply) => {
      const response = toErrorResponse(error, 1_048_576);
      return reply.code(response.status).send(response.body);
    });
    const { media } = this.#options;
    this.engine = registerCallRoutes(app, this.deps(), {
      timings,
      ...(media === undefined ? { timerHost: this.#manualHost() } : { media }),
    });
    recordingRoutes(media?.recordings ?? null)(app);
    if (media !== undefined) callAudioSocketRoutes(media)(app);
    await app.ready();
    // Audio tests also need real sockets (the softphone's WebSocket).
    if (media !== undefined) await app.listen({ host: '127.0.0.1', port: 0 });
    return app;
  }

  /** Simulates a server restart: a new app and engine on the same store, restoring calls on ready. */
  async restart(timings: CallTimings = TEST_TIMINGS): Promise<void> {
    await this.app.close();
    this.app = await this.#buildApp(timings);
  }

  /** Moves the clock by `ms`, jumping from timer to timer and running each as it falls due. */
  async advance(ms: number): Promise<void> {
    const target = this.clock + ms;
    while (this.#armedAt !== null && this.#armedAt <= target) {
      this.clock = Math.max(this.clock, this.#armedAt);
      this.#armedAt = null;
      await this.engine.runtime.runDue();
    }
    this.clock = target;
    await this.engine.runtime.runDue();
  }

  /** A timer host that never fires on its own: it only notes when the wheel wants waking. */
  #manualHost(): TimerHost {
    return {
      set: (_callback, delayMs) => {
        this.#armedAt = this.clock + delayMs;
        return 0;
      },
      clear: () => {
        this.#armedAt = null;
      },
    };
  }

  async get(url: string): Promise<{ status: number; json: Record<string, unknown> }> {
    const response = await this.app.inject({ method: 'GET', url });
    return { status: response.statusCode, json: response.json<Record<string, unknown>>() };
  }

  async post(
    url: string,
    body?: unknown,
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    const response = await this.app.inject({
      method: 'POST',
      url,
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
    return { status: response.statusCode, json: response.json<Record<string, unknown>>() };
  }

  /** Dials `to` and returns the call control id. */
  async dial(to: string, extra: Record<string, unknown> = {}): Promise<string> {
    const reply = await this.post('/v2/calls', {
      connection_id: APP_ID,
      from: '+13125550000',
      to,
      ...extra,
    });
    return idOf(reply.json);
  }

  /** Dials `to` (a human by default) and lets it answer; returns the call control id. */
  async answered(to = '+13125550100', extra: Record<string, unknown> = {}): Promise<string> {
    const id = await this.dial(to, extra);
    await this.advance(TEST_TIMINGS.answerDelayMs);
    return id;
  }

  async inbound(): Promise<string> {
    const reply = await this.post('/switchboard/simulate/calls', {
      connection_id: APP_ID,
      from: '+14155550000',
      to: '+13125551234',
    });
    return idOf(reply.json);
  }

  action(
    id: string,
    action: string,
    body?: unknown,
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    return this.post(`/v2/calls/${encodeURIComponent(id)}/actions/${action}`, body);
  }

  farEnd(
    id: string,
    action: string,
    body?: unknown,
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    return this.post(
      `/switchboard/simulate/calls/${encodeURIComponent(id)}/actions/${action}`,
      body,
    );
  }

  /** Event types emitted for one call, in order. */
  typesFor(id: string): string[] {
    return this.emits
      .filter((emit) => emit.payload['call_control_id'] === id)
      .map((emit) => emit.eventType);
  }

  payloadOf(id: string, eventType: string): Readonly<Record<string, unknown>> {
    const found = this.emits.find(
      (emit) => emit.payload['call_control_id'] === id && emit.eventType === eventType,
    );
    if (found === undefined) throw new Error(`no ${eventType} for ${id}`);
    return found.payload;
  }

  /** Schema problems across everything emitted so far. */
  schemaProblems(): string[] {
    return this.emits.flatMap((emit) =>
      schemaErrors(emit.eventType, emit.payload, emit.id, emit.at),
    );
  }

  async tearDown(): Promise<void> {
    await this.app.close();
    await this.store.close();
    await rm(this.#dir, { recursive: true, force: true });
  }
}

export function idOf(json: Record<string, unknown>): string {
  const data = json['data'] as Record<string, unknown> | undefined;
  const id = data?.['call_control_id'];
  if (typeof id !== 'string') throw new Error(`no call id in ${JSON.stringify(json)}`);
  return id;
}

async function seedAccount(store: Store): Promise<void> {
  await store.createAccount(
    { id: ACCOUNT, name: 'Calls', apiKeyHash: 'hash-calls', settings: {}, createdAt: T0 },
    {
      id: 'key-calls',
      accountId: ACCOUNT,
      publicKey: 'cHVibGlj',
      privateKey: 'cHJpdmF0ZQ==',
      createdAt: T0,
      retiresAt: null,
    },
  );
  await store.putResource({
    accountId: ACCOUNT,
    kind: 'call_control_application',
    id: APP_ID,
    data: {
      id: APP_ID,
      record_type: 'call_control_application',
      application_name: 'ivr',
      webhook_event_url: 'https://example.com/hooks',
    },
    createdAt: T0,
    updatedAt: T0,
  });
  await store.putResource({
    accountId: ACCOUNT,
    kind: 'call_control_application',
    id: 'no-url',
    data: { id: 'no-url', application_name: 'broken', webhook_event_url: '' },
    createdAt: T0,
    updatedAt: T0,
  });
}

/**
 * A fresh fixture for each test of the file, handed to `use`; after each test every emitted
 * webhook must have matched its schema.
 */
export function useCallFixture(use: (fixture: CallFixture) => void): void {
  let current: CallFixture | null = null;
  beforeEach(async () => {
    current = await new CallFixture().setUp();
    use(current);
  });
  afterEach(async () => {
    if (current === null) return;
    expect(current.schemaProblems()).toEqual([]);
    await current.tearDown();
  });
}

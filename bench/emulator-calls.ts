// Call emulator load: 1,000 concurrent inbound calls, each through a short IVR flow driven by
// a scripted app reacting to its webhooks (answer → speak → gather → far-end DTMF → hangup).
// Requests go through the real Fastify routes (inject), call state goes to a real SQLite store
// after every transition, and webhooks land in a counting sink instead of the delivery engine.
// Run: npm run bench:emulator   (BENCH_CALLS overrides the call count).
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Fastify, { type FastifyInstance } from 'fastify';
import type { EmitInput, EmulatorDeps } from '../packages/server/dist/emulator/emulator-deps.js';
import { registerCallRoutes } from '../packages/server/dist/emulator/calls/call-routes.js';
import { openStore } from '../packages/server/dist/storage/open-store.js';
import type { Store } from '../packages/server/dist/storage/store.js';

const CALLS = Number(process.env['BENCH_CALLS'] ?? 1_000);
const ACCOUNT = 'bench';
const APP_ID = 'bench-app';
/** Speak ends after the 200 ms minimum, so every call lives for a fraction of a second. */
const TIMINGS = { answerDelayMs: 50, wordsPerMinute: 6_000, playbackMs: 200 };

class Sink {
  events = 0;
  hangups = 0;
  peakRss = 0;
  #onAllDone: () => void = () => undefined;
  readonly done = new Promise<void>((resolve) => {
    this.#onAllDone = resolve;
  });

  constructor(private readonly react: (input: EmitInput) => void) {}

  emit(input: EmitInput): Promise<void> {
    this.events++;
    if (this.events % 500 === 0) this.peakRss = Math.max(this.peakRss, process.memoryUsage().rss);
    if (input.eventType === 'call.hangup' && ++this.hangups === CALLS) this.#onAllDone();
    // The app reacts after the webhook is acknowledged, as a real receiver would.
    setImmediate(() => {
      this.react(input);
    });
    return Promise.resolve();
  }
}

function scriptedApp(app: () => FastifyInstance): (input: EmitInput) => void {
  const act = async (
    id: unknown,
    action: string,
    body: object,
    base = '/v2/calls',
  ): Promise<void> => {
    const url = `${base}/${encodeURIComponent(String(id))}/actions/${action}`;
    await app().inject({ method: 'POST', url, payload: body });
  };
  const steps: Readonly<Record<string, (id: unknown) => Promise<void>>> = {
    'call.initiated': (id) => act(id, 'answer', {}),
    'call.answered': (id) =>
      act(id, 'speak', { payload: 'Welcome to Switchboard', voice: 'female' }),
    // The caller presses 1 once the menu is listening.
    'call.speak.ended': async (id) => {
      await act(id, 'gather', { maximum_digits: 1 });
      await act(id, 'dtmf', { digits: '1' }, '/switchboard/simulate/calls');
    },
    'call.gather.ended': (id) => act(id, 'hangup', {}),
  };
  return ({ eventType, payload }) => {
    const next = steps[eventType];
    if (next !== undefined) void next(payload['call_control_id']);
  };
}

async function seed(store: Store): Promise<void> {
  const key = {
    id: 'k',
    accountId: ACCOUNT,
    publicKey: 'cA==',
    privateKey: 'cA==',
    createdAt: 0,
    retiresAt: null,
  };
  await store.createAccount(
    { id: ACCOUNT, name: 'bench', apiKeyHash: randomUUID(), settings: {}, createdAt: 0 },
    key,
  );
  const data = { id: APP_ID, webhook_event_url: 'https://example.com/hooks' };
  await store.putResource({
    accountId: ACCOUNT,
    kind: 'call_control_application',
    id: APP_ID,
    data,
    createdAt: 0,
    updatedAt: 0,
  });
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sb-bench-calls-'));
  const store = await openStore({ dataDir: dir });
  await seed(store);
  const app = Fastify();
  const sink = new Sink(scriptedApp(() => app));
  const deps: EmulatorDeps = {
    store,
    emit: (input) => sink.emit(input),
    accountId: () => ACCOUNT,
    now: () => Date.now(),
    random: Math.random,
    baseUrl: 'http://127.0.0.1:0',
  };
  registerCallRoutes(app, deps, { timings: TIMINGS });
  await app.ready();
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const body = { connection_id: APP_ID, from: '+14155550000', to: '+13125551234' };
  await Promise.all(
    Array.from({ length: CALLS }, () =>
      app.inject({ method: 'POST', url: '/switchboard/simulate/calls', payload: body }),
    ),
  );
  await sink.done;
  const seconds = (performance.now() - started) / 1000;
  report(sink, seconds, rssBefore);
  await app.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
}

function report(sink: Sink, seconds: number, rssBefore: number): void {
  const mb = (bytes: number): string => (bytes / 1_048_576).toFixed(0);
  const peak = Math.max(sink.peakRss, process.memoryUsage().rss);
  console.log(
    `calls: ${CALLS}, events: ${sink.events} (${(sink.events / CALLS).toFixed(0)} per call)`,
  );
  console.log(`wall: ${seconds.toFixed(2)} s, events/s: ${(sink.events / seconds).toFixed(0)}`);
  console.log(`RSS: ${mb(rssBefore)} MB before, ${mb(peak)} MB peak`);
}

await main();

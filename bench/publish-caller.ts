/**
 * The application that publishes, a process of its own. `BENCH_CONFIG` says how:
 *
 * - closed loop (`switchboard`, `bullmq`, `graphile`, each `single` or `batch`):
 *   `concurrency` callers publish `count` events, one per call or `batchSize` per call, pausing
 *   while more than `maxBacklog` published events are not yet delivered (the bench forwards the
 *   receiver's count as `{ delivered }`), so every contender is measured saturated with the same
 *   bounded queue;
 * - open loop (`switchboard-open`): `POST /switchboard/events` at `rate` per second, each timed
 *   from the moment it was due, whatever the server's pace.
 *
 * Each event carries its publish time (`bench_t`). Starts on `start`; answers `{ published }`.
 * It may first be told `{ warmup: n }`: it publishes n events the same way (an open loop at the
 * same rate), untimed, and answers `{ warmedUp: n }`, so that the timed run measures a warm
 * server and application. The bench then sends `{ delivered: 0 }` with the receiver's reset.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPublisher } from '@switchboard/client';
import { Pool } from 'undici';
import { benchEvent, nowUs, percentile, type BenchEvent } from './publish-clock.js';
import type { QueuedWebhook } from './publish-webhook.js';

export type CallerMode =
  | 'switchboard-single'
  | 'switchboard-batch'
  | 'switchboard-open'
  | 'bullmq-single'
  | 'bullmq-batch'
  | 'graphile-single'
  | 'graphile-batch';

export interface CallerConfig {
  readonly mode: CallerMode;
  readonly count: number;
  readonly concurrency: number;
  readonly batchSize: number;
  readonly maxBacklog: number;
  readonly urls: readonly string[];
  /** Switchboard: its base URL and the account's key. */
  readonly baseUrl?: string;
  readonly apiKey?: string;
  /** BullMQ: Redis and the queue's name. */
  readonly redis?: { readonly host: string; readonly port: number };
  readonly queue?: string;
  /** graphile-worker: its database and schema. */
  readonly databaseUrl?: string;
  readonly schema?: string;
  /** Open loop: publishes per second. */
  readonly rate?: number;
}

export interface CallerResult {
  readonly published: number;
  readonly startedAtUs: number;
  readonly endedAtUs: number;
  /** Open loop: how long each `POST /switchboard/events` took from the moment it was due. */
  readonly requestP50Ms: number | null;
  readonly requestP99Ms: number | null;
  readonly failures: number;
}

/** Hands `events` to the system under test; resolves once it has accepted them. */
type Publish = (events: readonly BenchEvent[]) => Promise<void>;

interface Client {
  readonly publish: Publish;
  close(): Promise<void>;
}

const config = JSON.parse(process.env['BENCH_CONFIG'] ?? '{}') as CallerConfig;
let delivered = 0;
/** Callers waiting for the backlog to shrink; woken by the next `{ delivered }`. */
let waiting: (() => void)[] = [];

function deliveredNow(count: number): void {
  delivered = count;
  const woken = waiting;
  waiting = [];
  for (const wake of woken) wake();
}

function nextDelivery(): Promise<void> {
  return new Promise((resolve) => waiting.push(resolve));
}

async function clientFor(mode: CallerMode): Promise<Client> {
  if (mode.startsWith('switchboard')) return switchboardClient(mode === 'switchboard-batch');
  if (mode.startsWith('bullmq')) return bullmqClient();
  return graphileClient();
}

function switchboardClient(batched: boolean): Client {
  const baseUrl = config.baseUrl ?? '';
  const authorization = `Bearer ${config.apiKey ?? ''}`;
  if (batched) {
    const publisher = createPublisher({
      baseUrl,
      apiKey: config.apiKey ?? '',
      maxBatchSize: config.batchSize,
    });
    return {
      publish: async (events) => {
        await Promise.all(events.map((event) => publisher.publish(event)));
      },
      close: () => publisher.close(),
    };
  }
  const pool = new Pool(baseUrl, { connections: config.concurrency, keepAliveTimeout: 30_000 });
  return {
    publish: async (events) => {
      for (const event of events) {
        const response = await pool.request({
          method: 'POST',
          path: '/switchboard/events',
          headers: { authorization, 'content-type': 'application/json' },
          body: JSON.stringify(event),
        });
        await response.body.dump();
        if (response.statusCode !== 202) throw new Error(`publish: HTTP ${response.statusCode}`);
      }
    },
    close: () => pool.close(),
  };
}

function queued(event: BenchEvent): QueuedWebhook {
  return {
    id: randomUUID(),
    event_type: event.event_type,
    payload: event.payload,
    url: event.webhook_url,
  };
}

/** Each contender's library is loaded only in the caller that feeds it. */
async function bullmqClient(): Promise<Client> {
  const { Queue } = await import('bullmq');
  const queue = new Queue<QueuedWebhook>(config.queue ?? 'webhooks', {
    connection: config.redis ?? { host: '127.0.0.1', port: 6379 },
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: true,
      removeOnFail: 1_000,
    },
  });
  return {
    publish: async (events) => {
      if (events.length === 1 && events[0] !== undefined) {
        await queue.add('webhook', queued(events[0]));
      } else {
        await queue.addBulk(events.map((event) => ({ name: 'webhook', data: queued(event) })));
      }
    },
    close: () => queue.close(),
  };
}

async function graphileClient(): Promise<Client> {
  const { makeWorkerUtils } = await import('graphile-worker');
  const utils = await makeWorkerUtils({
    connectionString: config.databaseUrl ?? '',
    ...(config.schema === undefined ? {} : { schema: config.schema }),
  });
  return {
    publish: async (events) => {
      if (events.length === 1 && events[0] !== undefined) {
        await utils.addJob('webhook', queued(events[0]), { maxAttempts: 5 });
      } else {
        await utils.addJobs(
          events.map((event) => ({
            identifier: 'webhook',
            payload: queued(event),
            maxAttempts: 5,
          })),
        );
      }
    },
    close: async () => {
      await utils.release();
    },
  };
}

/** Closed loop: `concurrency` callers, `batchSize` events per call, a bounded backlog. */
async function closedLoop(client: Client, count: number): Promise<CallerResult> {
  const size = config.mode.endsWith('-batch') ? config.batchSize : 1;
  let next = 0;
  const startedAtUs = nowUs();
  const lane = async (): Promise<void> => {
    while (next < count) {
      const take = Math.min(size, count - next);
      if (next - delivered + take > config.maxBacklog) {
        await nextDelivery();
        continue;
      }
      const first = next;
      next += take;
      const at = nowUs();
      const events = Array.from({ length: take }, (_, i) => benchEvent(first + i, config.urls, at));
      await client.publish(events);
    }
  };
  await Promise.all(Array.from({ length: config.concurrency }, lane));
  return {
    published: next,
    startedAtUs,
    endedAtUs: nowUs(),
    requestP50Ms: null,
    requestP99Ms: null,
    failures: 0,
  };
}

/** Open loop: `count` events, one every 1/rate s, each timed from when it was due. */
async function openLoop(client: Client, count: number): Promise<CallerResult> {
  const rate = config.rate ?? 1_000;
  const latenciesUs: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let failures = 0;
  const startedAtUs = nowUs();
  for (let n = 0; n < count;) {
    const due = Math.floor(((nowUs() - startedAtUs) * rate) / 1_000_000);
    for (; n < Math.min(due + 1, count); n += 1) {
      const dueAt = startedAtUs + Math.round((n * 1_000_000) / rate);
      const sent = client
        .publish([benchEvent(n, config.urls, dueAt)])
        .then(
          () => void latenciesUs.push(nowUs() - dueAt),
          () => void (failures += 1),
        )
        .finally(() => inFlight.delete(sent));
      inFlight.add(sent);
    }
    await sleep(1);
  }
  await Promise.all(inFlight);
  const sorted = latenciesUs.sort((a, b) => a - b);
  const ms = (us: number | null): number | null => (us === null ? null : us / 1000);
  return {
    published: count,
    startedAtUs,
    endedAtUs: nowUs(),
    requestP50Ms: ms(percentile(sorted, 0.5)),
    requestP99Ms: ms(percentile(sorted, 0.99)),
    failures,
  };
}

let client: Promise<Client> | null = null;

async function warmUp(count: number): Promise<void> {
  client ??= clientFor(config.mode);
  const ready = await client;
  await (config.mode === 'switchboard-open' ? openLoop(ready, count) : closedLoop(ready, count));
  process.send?.({ warmedUp: count });
}

async function run(): Promise<void> {
  client ??= clientFor(config.mode);
  const ready = await client;
  const result =
    config.mode === 'switchboard-open'
      ? await openLoop(ready, config.count)
      : await closedLoop(ready, config.count);
  await ready.close();
  process.send?.({ published: result });
}

type CallerMessage = 'start' | { readonly delivered: number } | { readonly warmup: number };

process.on('message', (message: CallerMessage) => {
  if (message === 'start') run().catch(fail);
  else if ('warmup' in message) warmUp(message.warmup).catch(fail);
  else deliveredNow(message.delivered);
});
process.on('disconnect', () => process.exit(0));

/** A caller that cannot publish ends the row: its exit rejects what the bench waits for. */
function fail(error: unknown): void {
  console.error('caller:', error);
  process.exit(1);
}
process.send?.({ ready: true });

import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateKeyPair } from '@switchboard/core';
import { Agent, request } from 'undici';
import { createDeliveryWorker } from '../packages/server/dist/engine/delivery/delivery-worker.js';
import { newTimeOrderedId } from '../packages/server/dist/storage/time-ordered-id.js';
import { sendTry } from '../packages/server/dist/engine/delivery/send-try.js';
import { Shutdown } from '../packages/server/dist/engine/delivery/shutdown.js';
import {
  buildWebhookRequest,
  type WebhookRequest,
} from '../packages/server/dist/engine/delivery/webhook-request.js';
import type {
  Delivery,
  DeliveryTarget,
  JsonObject,
  Store,
} from '../packages/server/dist/storage/store.js';

export interface RunResult {
  readonly name: string;
  readonly deliveries: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  readonly peakRssMb: number;
  /** CPU time of this process per delivery (user + system), which other load inflates far less than wall time. */
  readonly cpuUsPerDelivery: number;
}

export interface RunOptions {
  readonly count: number;
  readonly urls: readonly string[];
  readonly concurrency: number;
}

const PUBLISH_CHUNK = 64;
const MAX_BACKLOG = 256;

function webhook(id: string): JsonObject {
  const payload = {
    call_control_id: 'v3:bench',
    connection_id: '1',
    from: '+15550100',
    to: '+15550101',
    state: 'parked',
  };
  return {
    record_type: 'event',
    event_type: 'call.initiated',
    id,
    occurred_at: new Date().toISOString(),
    payload,
  };
}

function target(url: string): DeliveryTarget {
  return {
    url,
    failoverUrl: null,
    method: 'POST',
    apiVersion: '2',
    timeoutMs: 0,
    retrySchedule: null,
    bodyFormat: 'telnyx',
  };
}

function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? null;
}

/** Samples RSS until stopped; returns the peak in MB. */
function rssSampler(): () => number {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return () => {
    clearInterval(timer);
    return Math.round(Math.max(peak, process.memoryUsage().rss) / 1_048_576);
  };
}

/**
 * How the ceiling posts: `request` is undici's everyday API, as an app would post; `engine` is
 * the delivery worker's own sender (`sendTry`: undici's dispatch, timer, redirects, no storage).
 */
export type CeilingSender = 'request' | 'engine';

/** The ceiling: sign + POST with undici at the same concurrency, no storage at all. */
export async function ceilingRun(options: RunOptions, sender: CeilingSender): Promise<RunResult> {
  const keys = generateKeyPair();
  const agent = new Agent({
    connections: Math.ceil(options.concurrency / options.urls.length),
    keepAliveTimeout: 4_000,
  });
  const post = sender === 'engine' ? postThroughSendTry : postThroughRequest;
  const stopRss = rssSampler();
  const cpu = process.cpuUsage();
  let next = 0;
  const started = performance.now();
  const lane = async (): Promise<void> => {
    for (let i = next++; i < options.count; i = next++) {
      const url = options.urls[i % options.urls.length]!;
      const delivery = {
        id: String(i),
        webhook: webhook(randomUUID()),
        target: target(url),
        attempts: 0,
        options: {},
      } as unknown as Delivery;
      const req = buildWebhookRequest({
        delivery,
        url,
        attempt: 1,
        privateKey: keys.privateKey,
        now: Date.now(),
      });
      await post(req, agent);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, lane));
  const seconds = (performance.now() - started) / 1000;
  await agent.close();
  return {
    name:
      sender === 'engine'
        ? 'ceiling, engine sender (sign + sendTry)'
        : 'ceiling (sign + POST, no storage)',
    deliveries: options.count,
    seconds,
    perSecond: options.count / seconds,
    p50Ms: null,
    p99Ms: null,
    peakRssMb: stopRss(),
    cpuUsPerDelivery: cpuPerDelivery(cpu, options.count),
  };
}

async function postThroughRequest(req: WebhookRequest, agent: Agent): Promise<void> {
  const reply = await request(req.url, {
    method: req.method,
    headers: req.headers,
    body: req.body,
    dispatcher: agent,
  });
  await reply.body.text();
}

const ceilingShutdown = new Shutdown();

async function postThroughSendTry(req: WebhookRequest, agent: Agent): Promise<void> {
  const outcome = await sendTry({
    request: req,
    dispatcher: agent,
    timeoutMs: 10_000,
    shutdown: ceilingShutdown,
    now: Date.now,
  });
  if (outcome.kind !== 'delivered') throw new Error(`ceiling: ${outcome.reason}`);
}

function cpuPerDelivery(start: NodeJS.CpuUsage, deliveries: number): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / deliveries;
}

/** Publish-to-2xx bookkeeping shared by the publisher and the worker's `onAttempt`. */
interface Progress {
  readonly publishedAt: Map<string, number>;
  readonly latencies: number[];
  failures: number;
}

/** Publishes `count` events through the store while a worker delivers them; measures both ends. */
export async function storeRun(
  name: string,
  store: Store,
  options: RunOptions,
): Promise<RunResult> {
  const accountId = await createAccount(store);
  const progress: Progress = { publishedAt: new Map(), latencies: [], failures: 0 };
  let finish: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => (finish = resolve));
  const worker = createDeliveryWorker({
    store,
    owner: `bench:${randomUUID()}`,
    concurrency: options.concurrency,
    perOriginConcurrency: Math.ceil(options.concurrency / options.urls.length),
    onAttempt: (attempt, delivery) => {
      if (attempt.status === 'delivered')
        progress.latencies.push(performance.now() - (progress.publishedAt.get(delivery.id) ?? 0));
      else progress.failures += 1;
      if (progress.latencies.length + progress.failures === options.count) finish();
    },
  });
  const stopRss = rssSampler();
  const cpu = process.cpuUsage();
  const started = performance.now();
  worker.start();
  await publishAll(store, accountId, options, progress, () => {
    worker.wake();
  });
  await allDone;
  const seconds = (performance.now() - started) / 1000;
  await worker.stop();
  if (progress.failures > 0) throw new Error(`${name}: ${progress.failures} tries failed`);
  const latencies = progress.latencies.sort((a, b) => a - b);
  return {
    name,
    deliveries: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    peakRssMb: stopRss(),
    cpuUsPerDelivery: cpuPerDelivery(cpu, latencies.length),
  };
}

async function createAccount(store: Store): Promise<string> {
  const id = randomUUID();
  const keys = generateKeyPair();
  const now = Date.now();
  await store.createAccount(
    { id, name: 'bench', apiKeyHash: randomUUID(), settings: {}, createdAt: now },
    { id: randomUUID(), accountId: id, ...keys, createdAt: now, retiresAt: null },
  );
  return id;
}

/**
 * Publishes like many concurrent API clients: `PUBLISH_CHUNK` publishes at once, one event and
 * one delivery each, sharing a group commit as concurrent requests do in the server. It pauses
 * while more than `MAX_BACKLOG` events await delivery, so the run measures a saturated engine
 * with a bounded queue rather than the growth of an unbounded one.
 */
async function publishAll(
  store: Store,
  accountId: string,
  options: RunOptions,
  progress: Progress,
  wake: () => void,
): Promise<void> {
  for (let i = 0; i < options.count; i += PUBLISH_CHUNK) {
    const chunk = Array.from({ length: Math.min(PUBLISH_CHUNK, options.count - i) }, (_, j) =>
      publishOne(store, accountId, options.urls[(i + j) % options.urls.length]!, progress),
    );
    await Promise.all(chunk);
    wake();
    while (backlog(progress) > MAX_BACKLOG) await sleep(1);
  }
}

function backlog(progress: Progress): number {
  return progress.publishedAt.size - progress.latencies.length - progress.failures;
}

const origins = new Map<string, string>();

/** The bench's few URLs, parsed once: what an API client does per publish is not the engine's cost. */
function originOf(url: string): string {
  let origin = origins.get(url);
  if (origin === undefined) {
    origin = new URL(url).origin;
    origins.set(url, origin);
  }
  return origin;
}

async function publishOne(
  store: Store,
  accountId: string,
  url: string,
  progress: Progress,
): Promise<void> {
  // The server's ids: time-ordered, so inserts append to the B-trees.
  const eventId = newTimeOrderedId();
  const deliveryId = newTimeOrderedId();
  const now = Date.now();
  const event = {
    id: eventId,
    accountId,
    eventType: 'call.initiated',
    webhook: webhook(eventId),
    createdAt: now,
  };
  const delivery = {
    id: deliveryId,
    target: target(url),
    origin: originOf(url),
    nextAttemptAt: now,
  };
  progress.publishedAt.set(deliveryId, performance.now());
  await store.publish({ event, deliveries: [delivery] });
}

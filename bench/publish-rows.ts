/**
 * One row of `bench:publish`: a contender set up in its own processes, fed the same load, and
 * measured at the one receiver. Every row starts fresh (its own serve, queue, schema or
 * database) and cleans up after itself.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import pg from 'pg';
import { nowUs } from './publish-clock.js';
import type { CallerConfig, CallerMode, CallerResult } from './publish-caller.js';
import {
  cpuByName,
  cpuSince,
  forkBench,
  loadAverage,
  processStats,
  startServe,
  type BenchChild,
} from './publish-processes.js';
import type { ReceiverReport } from './publish-receiver.js';

export interface BenchSettings {
  readonly count: number;
  readonly concurrency: number;
  readonly batchSize: number;
  readonly maxBacklog: number;
  readonly origins: number;
  readonly rate: number;
  readonly openSeconds: number;
  /** Open loop: seconds published at the same rate, untimed, before the timed run. */
  readonly openWarmupSeconds: number;
  /** Every other row (the ceilings too): events sent the same way, untimed, before the timed run. */
  readonly warmupCount: number;
  readonly databaseUrl: string;
  readonly redis: { readonly host: string; readonly port: number };
  readonly rowTimeoutMs: number;
}

/** The receiver as the rows use it: reset, the running count, and its report. */
export interface ReceiverHandle {
  readonly urls: readonly string[];
  readonly pid: number;
  reset(): void;
  delivered(): number;
  /** Called with each new count (the bench forwards it to the caller). */
  onDelivered(listener: ((delivered: number) => void) | null): void;
  report(): Promise<ReceiverReport>;
}

export interface RowResult {
  readonly name: string;
  readonly deliveries: number;
  readonly perSecond: number;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
  /** Peak RSS of the process that sends the webhooks (the serve process for Switchboard). */
  readonly senderRssMb: number;
  /**
   * CPU µs per delivery of the sender, its store's server processes (Redis or PostgreSQL, which
   * other work on the machine may also use; none for SQLite, which runs inside the sender), the
   * publishing application and the receiver.
   */
  readonly cpuUs: {
    readonly sender: number;
    readonly store: number | null;
    readonly caller: number;
    readonly receiver: number;
  };
  readonly load: readonly [number, number];
  /** Open loop only: `POST /switchboard/events` timed from when it was due. */
  readonly requestP50Ms?: number | null;
  readonly requestP99Ms?: number | null;
}

export interface RowContext {
  readonly settings: BenchSettings;
  readonly receiver: ReceiverHandle;
  readonly dir: string;
}

/** Processes whose CPU a row counts, read before and after. */
interface Measured {
  readonly sender: number;
  /** The name of the store's server processes, if the store runs outside the sender. */
  readonly store: 'redis-server' | 'postgres' | null;
  readonly caller: number | null;
}

/** The ceiling: sign + POST from a process of its own, no queue, no storage. */
export async function ceilingRow(ctx: RowContext): Promise<RowResult> {
  const { settings, receiver } = ctx;
  const { child: ceiling } = await forkBench(
    'ceiling',
    { count: settings.count, concurrency: settings.concurrency, urls: receiver.urls },
    join(ctx.dir, 'ceiling.log'),
  );
  try {
    receiver.reset();
    await warmUp(ceiling, receiver, settings.warmupCount, settings.rowTimeoutMs);
    const load = loadAverage();
    const pids = { sender: ceiling.pid, store: null, caller: null };
    const before = cpuOf(pids, receiver);
    const startedAtUs = nowUs();
    ceiling.send('start');
    await ceiling.next(
      (message) => (isRecord(message) && 'done' in message ? true : undefined),
      settings.rowTimeoutMs,
    );
    await waitForDeliveries(receiver, settings.count, settings.rowTimeoutMs);
    return await rowResult('ceiling (sign + POST, no storage)', ctx, {
      startedAtUs,
      before,
      pids,
      load,
    });
  } finally {
    await ceiling.stop();
  }
}

/** A hand-rolled peer: its sender process, and the application publishing into its queue. */
export async function peerRow(
  ctx: RowContext,
  kind: 'bullmq' | 'graphile',
  batched: boolean,
): Promise<RowResult> {
  const { settings } = ctx;
  const name = `${kind === 'bullmq' ? 'BullMQ (Redis)' : 'graphile-worker (PostgreSQL)'}, ${batched ? `batches of ${settings.batchSize}` : 'one event per call'}`;
  const suffix = randomBytes(5).toString('hex');
  const where =
    kind === 'bullmq'
      ? { redis: settings.redis, queue: `bench-${suffix}` }
      : { databaseUrl: settings.databaseUrl, schema: `gw_bench_${suffix}` };
  const { child: sender } = await forkBench(
    `${kind}-sender`,
    { concurrency: settings.concurrency, origins: settings.origins, ...where },
    join(ctx.dir, `${kind}-sender.log`),
  );
  try {
    const store = kind === 'bullmq' ? 'redis-server' : 'postgres';
    const mode = kind === 'bullmq' ? 'bullmq' : 'graphile';
    return await callerRun(
      ctx,
      name,
      `${mode}-${batched ? 'batch' : 'single'}`,
      { sender: sender.pid, store },
      where,
    );
  } finally {
    await sender.stop();
    await (kind === 'bullmq'
      ? dropQueue(settings, `bench-${suffix}`)
      : dropSchema(settings, `gw_bench_${suffix}`));
  }
}

/** Switchboard: `switchboard serve` (built) in its own process, fed over HTTP. */
export async function switchboardRow(
  ctx: RowContext,
  database: 'sqlite' | 'postgres',
  mode: 'single' | 'batch' | 'open',
): Promise<RowResult> {
  const { settings } = ctx;
  const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-bench-publish-'));
  const dbName = `sb_bench_${randomBytes(5).toString('hex')}`;
  const databaseUrl = database === 'postgres' ? await createDatabase(settings, dbName) : null;
  const serve = await startServe(
    dataDir,
    databaseUrl,
    join(ctx.dir, `serve-${database}-${mode}.log`),
  );
  const label = database === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const name =
    mode === 'open'
      ? `Switchboard, ${label}, open loop at ${settings.rate}/s`
      : `Switchboard, ${label}, ${mode === 'batch' ? `createPublisher (batches ≤ ${settings.batchSize})` : 'one event per request'}`;
  try {
    const store = database === 'postgres' ? 'postgres' : null;
    return await callerRun(
      ctx,
      name,
      `switchboard-${mode}`,
      { sender: serve.pid, store },
      {
        baseUrl: serve.url,
        apiKey: serve.apiKey,
      },
    );
  } finally {
    await serve.stop();
    await rm(dataDir, { recursive: true, force: true });
    if (databaseUrl !== null) await dropDatabase(settings, dbName);
  }
}

/** Starts the publishing application, forwards it the receiver's count, and measures. */
async function callerRun(
  ctx: RowContext,
  name: string,
  mode: CallerMode,
  measured: Omit<Measured, 'caller'>,
  where: Partial<CallerConfig>,
): Promise<RowResult> {
  const { settings, receiver } = ctx;
  const open = mode === 'switchboard-open';
  const count = open ? settings.rate * settings.openSeconds : settings.count;
  const config: CallerConfig = {
    mode,
    count,
    concurrency: settings.concurrency,
    batchSize: settings.batchSize,
    maxBacklog: settings.maxBacklog,
    urls: receiver.urls,
    rate: settings.rate,
    ...where,
  };
  const { child: caller } = await forkBench('caller', config, join(ctx.dir, `caller-${mode}.log`));
  try {
    receiver.reset();
    receiver.onDelivered((delivered) => {
      caller.send({ delivered });
    });
    const warmup = open
      ? Math.round(settings.rate * settings.openWarmupSeconds)
      : settings.warmupCount;
    await warmUp(caller, receiver, warmup, settings.rowTimeoutMs);
    caller.send({ delivered: 0 });
    const load = loadAverage();
    const pids = { ...measured, caller: caller.pid };
    const before = cpuOf(pids, receiver);
    caller.send('start');
    const published = await callerDone(caller, settings.rowTimeoutMs);
    await waitForDeliveries(receiver, count, settings.rowTimeoutMs);
    const result = await rowResult(name, ctx, {
      startedAtUs: published.startedAtUs,
      before,
      pids,
      load,
    });
    return open
      ? { ...result, requestP50Ms: published.requestP50Ms, requestP99Ms: published.requestP99Ms }
      : result;
  } finally {
    receiver.onDelivered(null);
    await caller.stop();
  }
}

/**
 * A row's untimed start: the same load, so that the server's and the application's code is
 * compiled, their heaps have grown and their connections are open before the timed run, as in
 * processes that have been serving for a while (a cold start is its own figure in
 * docs/benchmarks.md). Leaves the receiver's count at zero.
 */
async function warmUp(
  child: BenchChild,
  receiver: ReceiverHandle,
  count: number,
  timeoutMs: number,
): Promise<void> {
  if (count === 0) return;
  child.send({ warmup: count });
  await child.next(
    (message) => (isRecord(message) && 'warmedUp' in message ? true : undefined),
    timeoutMs,
  );
  await waitForDeliveries(receiver, count, timeoutMs);
  receiver.reset();
}

function callerDone(caller: BenchChild, timeoutMs: number): Promise<CallerResult> {
  return caller.next(
    (message) =>
      isRecord(message) && 'published' in message
        ? (message['published'] as CallerResult)
        : undefined,
    timeoutMs,
  );
}

async function waitForDeliveries(
  receiver: ReceiverHandle,
  count: number,
  timeoutMs: number,
): Promise<void> {
  const started = Date.now();
  while (receiver.delivered() < count) {
    if (Date.now() - started > timeoutMs) {
      throw new Error(`only ${receiver.delivered()} of ${count} deliveries within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

interface Finish {
  readonly startedAtUs: number;
  readonly before: CpuReading;
  readonly pids: Measured;
  readonly load: number;
}

interface CpuReading {
  readonly sender: number;
  readonly store: Map<number, number>;
  readonly caller: number;
  readonly receiver: number;
}

function cpuOf(pids: Measured, receiver: ReceiverHandle): CpuReading {
  return {
    sender: processStats(pids.sender).cpuSeconds,
    store: pids.store === null ? new Map() : cpuByName(pids.store),
    caller: pids.caller === null ? 0 : processStats(pids.caller).cpuSeconds,
    receiver: processStats(receiver.pid).cpuSeconds,
  };
}

async function rowResult(name: string, ctx: RowContext, finish: Finish): Promise<RowResult> {
  const report = await ctx.receiver.report();
  const after = cpuOf(finish.pids, ctx.receiver);
  const seconds = ((report.lastAtUs ?? nowUs()) - finish.startedAtUs) / 1_000_000;
  const perDelivery = (seconds: number): number =>
    Math.round((seconds * 1_000_000) / report.delivered);
  const used = (key: 'sender' | 'caller' | 'receiver'): number =>
    perDelivery(after[key] - finish.before[key]);
  return {
    name,
    deliveries: report.delivered,
    perSecond: report.delivered / seconds,
    p50Ms: report.p50Ms,
    p99Ms: report.p99Ms,
    senderRssMb: processStats(finish.pids.sender).peakRssMb,
    cpuUs: {
      sender: used('sender'),
      store:
        finish.pids.store === null ? null : perDelivery(cpuSince(finish.before.store, after.store)),
      caller: used('caller'),
      receiver: used('receiver'),
    },
    load: [finish.load, loadAverage()],
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

async function admin(settings: BenchSettings, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: settings.databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function createDatabase(settings: BenchSettings, name: string): Promise<string> {
  await admin(settings, `CREATE DATABASE ${name}`);
  return Object.assign(new URL(settings.databaseUrl), { pathname: `/${name}` }).href;
}

function dropDatabase(settings: BenchSettings, name: string): Promise<void> {
  return admin(settings, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

function dropSchema(settings: BenchSettings, schema: string): Promise<void> {
  return admin(settings, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
}

async function dropQueue(settings: BenchSettings, name: string): Promise<void> {
  const queue = new Queue(name, { connection: settings.redis });
  try {
    await queue.obliterate({ force: true });
  } finally {
    await queue.close();
  }
}

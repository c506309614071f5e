/**
 * `npm run bench:publish`: publishing as applications do it, end to end, in one process tree and
 * one run. A receiver in its own process; the ceiling (sign + POST, no storage); a hand-rolled
 * BullMQ sender on Redis and a graphile-worker sender on PostgreSQL, each fed one event per call
 * and in batches; `switchboard serve` (built) on SQLite and on PostgreSQL, fed over HTTP one event
 * per request and through `createPublisher`; then an open-loop run at a fixed rate. Each figure
 * is deliveries/s and its share of the ceiling measured in the same run (first and last row).
 *
 * Knobs: BENCH_N (20000 events per row), BENCH_WARMUP_N (5000, sent the same way, untimed, before
 * each row's timed run, the ceilings' too), BENCH_CONCURRENCY (64 callers and senders),
 * BENCH_BATCH (100), BENCH_BACKLOG (1024 published but undelivered at most), BENCH_ORIGINS (4),
 * BENCH_RATE (1000/s), BENCH_OPEN_SECONDS (10) and BENCH_OPEN_WARMUP_S (3, untimed, before the
 * timed seconds) for the open loop, BENCH_DATABASE_URL,
 * BENCH_REDIS_URL, BENCH_ROW_TIMEOUT_S (180), BENCH_RUNS (comma list of bullmq, graphile,
 * sqlite, postgres, open; default all; the ceiling always runs), BENCH_SERVE_NODE_ARGS (node
 * flags for each `switchboard serve`, e.g. `--cpu-prof --cpu-prof-dir=DIR` to profile the rows),
 * BENCH_SWITCHBOARD_CLI (another build's `bin/switchboard.js`, for A/B runs).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forkBench, loadAverage } from './publish-processes.js';
import type { ReceiverMessage, ReceiverReport } from './publish-receiver.js';
import {
  ceilingRow,
  peerRow,
  switchboardRow,
  type BenchSettings,
  type ReceiverHandle,
  type RowContext,
  type RowResult,
} from './publish-rows.js';
import { printReport } from './publish-report.js';

const env = (name: string, fallback: string): string => process.env[name] ?? fallback;
const redisUrl = new URL(env('BENCH_REDIS_URL', 'redis://127.0.0.1:6379'));
const settings: BenchSettings = {
  count: Number(env('BENCH_N', '20000')),
  concurrency: Number(env('BENCH_CONCURRENCY', '64')),
  batchSize: Number(env('BENCH_BATCH', '100')),
  maxBacklog: Number(env('BENCH_BACKLOG', '1024')),
  origins: Number(env('BENCH_ORIGINS', '4')),
  rate: Number(env('BENCH_RATE', '1000')),
  openSeconds: Number(env('BENCH_OPEN_SECONDS', '10')),
  openWarmupSeconds: Number(env('BENCH_OPEN_WARMUP_S', '3')),
  warmupCount: Number(env('BENCH_WARMUP_N', '5000')),
  databaseUrl: env('BENCH_DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/test'),
  redis: { host: redisUrl.hostname, port: Number(redisUrl.port || '6379') },
  rowTimeoutMs: Number(env('BENCH_ROW_TIMEOUT_S', '180')) * 1000,
};
const runs = new Set(env('BENCH_RUNS', 'bullmq,graphile,sqlite,postgres,open').split(','));

async function startReceiver(
  dir: string,
): Promise<{ handle: ReceiverHandle; stop(): Promise<void> }> {
  process.env['BENCH_ORIGINS'] = String(settings.origins);
  const { child, hello } = await forkBench('receiver', {}, join(dir, 'receiver.log'));
  const ports = hello['ports'] as number[];
  let delivered = 0;
  let listener: ((count: number) => void) | null = null;
  let reports: ((report: ReceiverReport) => void)[] = [];
  child.onMessage((message) => {
    const typed = message as ReceiverMessage;
    if ('delivered' in typed) {
      delivered = typed.delivered;
      listener?.(delivered);
    } else if ('report' in typed) {
      for (const done of reports.splice(0)) done(typed.report);
    }
  });
  return {
    handle: {
      urls: ports.map((port) => `http://127.0.0.1:${port}/webhooks`),
      pid: child.pid,
      reset: () => {
        delivered = 0;
        child.send('reset');
      },
      delivered: () => delivered,
      onDelivered: (next) => {
        listener = next;
      },
      report: () =>
        new Promise((done) => {
          reports = [...reports, done];
          child.send('report');
        }),
    },
    stop: () => child.stop(),
  };
}

type Row = (ctx: RowContext) => Promise<RowResult>;

const rows: [string, Row][] = [
  ['bullmq', (ctx) => peerRow(ctx, 'bullmq', false)],
  ['bullmq', (ctx) => peerRow(ctx, 'bullmq', true)],
  ['graphile', (ctx) => peerRow(ctx, 'graphile', false)],
  ['graphile', (ctx) => peerRow(ctx, 'graphile', true)],
  ['sqlite', (ctx) => switchboardRow(ctx, 'sqlite', 'single')],
  ['sqlite', (ctx) => switchboardRow(ctx, 'sqlite', 'batch')],
  ['postgres', (ctx) => switchboardRow(ctx, 'postgres', 'single')],
  ['postgres', (ctx) => switchboardRow(ctx, 'postgres', 'batch')],
  ['open', (ctx) => switchboardRow(ctx, 'sqlite', 'open')],
];

const dir = await mkdtemp(join(tmpdir(), 'switchboard-bench-publish-logs-'));
const receiver = await startReceiver(dir);
const ctx: RowContext = { settings, receiver: receiver.handle, dir };
const loadAtStart = loadAverage();
const results: RowResult[] = [];
const failures: string[] = [];
try {
  const first = await ceilingRow(ctx);
  for (const [group, row] of rows) {
    if (!runs.has(group)) continue;
    try {
      results.push(await row(ctx));
    } catch (error) {
      failures.push(String(error));
    }
  }
  const last = await ceilingRow(ctx);
  printReport({ settings, ceilings: [first, last], results, failures, loadAtStart, logs: dir });
} finally {
  await receiver.stop();
}

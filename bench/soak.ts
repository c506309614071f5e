/**
 * `npm run bench:soak`: does a long mixed load leave memory behind? Starts `switchboard serve`
 * (the built CLI, SQLite in a temp dir) in its own process and a loopback webhook receiver in
 * another, then sends BENCH_N (10000) API requests of every kind (`soak-requests.ts`), BENCH_IN_FLIGHT
 * (200) at a time, stopping early at BENCH_DEADLINE_S (300). It reports the server's RSS and V8
 * heap before the load, at its peak (sampled every 500 ms from the server's `/metrics` port) and
 * after BENCH_IDLE_S (30) seconds of idle, and the p50/p99 and 5xx count of each request kind.
 * Targets (issue 13): peak RSS ≤ 250 MB, and after the idle within 30 MB of the start.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { makeFixtures, requestKinds, type RequestKind } from './soak-requests.js';
import { MemorySampler, startServe, type MemoryReading } from './soak-server.js';

const count = Number(process.env['BENCH_N'] ?? '10000');
const inFlight = Number(process.env['BENCH_IN_FLIGHT'] ?? '200');
const deadlineMs = Number(process.env['BENCH_DEADLINE_S'] ?? '300') * 1000;
const idleMs = Number(process.env['BENCH_IDLE_S'] ?? '30') * 1000;
const serveArgs = (process.env['BENCH_SERVE_ARGS'] ?? '').split(' ').filter((arg) => arg !== '');

interface KindStats {
  readonly samples: number[];
  serverErrors: number;
  failures: number;
}

async function startReceiver(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'engine-receiver.ts')],
    { env: { ...process.env, BENCH_ORIGINS: '1' }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  const [port] = JSON.parse(line.toString()) as number[];
  return { child, port: port ?? 0 };
}

/** Request n's kind: a fixed interleaving of the kinds in proportion to their weights. */
function schedule(kinds: readonly RequestKind[]): readonly RequestKind[] {
  const slots = kinds.flatMap((kind) => Array.from({ length: kind.weight }, () => kind));
  // A fixed stride through the 100 slots (coprime with 100, so each slot once per cycle)
  // spreads each kind over the cycle instead of in runs.
  const stride = 37;
  return slots.map((_, i) => slots[(i * stride) % slots.length] as RequestKind);
}

/** Sends `count` requests, `inFlight` at a time, until done or the deadline passes. */
async function load(kinds: readonly RequestKind[]): Promise<Map<string, KindStats>> {
  const order = schedule(kinds);
  const stats = new Map(
    kinds.map((kind) => [kind.name, { samples: [], serverErrors: 0, failures: 0 }]),
  );
  const stopAt = performance.now() + deadlineMs;
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < count && performance.now() < stopAt) {
      const n = next++;
      const kind = order[n % order.length] as RequestKind;
      const entry = stats.get(kind.name) as KindStats;
      const started = performance.now();
      try {
        const status = await kind.send(n);
        if (status >= 500) entry.serverErrors += 1;
      } catch {
        entry.failures += 1;
      }
      entry.samples.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
  return stats;
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * share) - 1)] ?? 0;
}

function mb(bytes: number): string {
  return (bytes / 1_048_576).toFixed(0);
}

function report(
  stats: Map<string, KindStats>,
  memory: { start: MemoryReading; peak: MemoryReading; loaded: MemoryReading; idle: MemoryReading },
  seconds: number,
): void {
  const rows = [...stats].map(([name, entry]) => {
    const sorted = [...entry.samples].sort((a, b) => a - b);
    const p50 = percentile(sorted, 0.5).toFixed(1);
    const p99 = percentile(sorted, 0.99).toFixed(1);
    return `| ${name} | ${sorted.length} | ${entry.serverErrors} | ${entry.failures} | ${p50} | ${p99} |`;
  });
  const sent = [...stats.values()].reduce((sum, entry) => sum + entry.samples.length, 0);
  const { start, peak, loaded, idle } = memory;
  console.log(
    `\n${sent} requests in ${seconds.toFixed(1)} s (${Math.round(sent / seconds)}/s), ${inFlight} in flight\n`,
  );
  console.log('| request | count | 5xx | failed | p50 ms | p99 ms |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  console.log(rows.join('\n'));
  console.log('\n| memory | start | peak | end of load | after idle |');
  console.log('| --- | --- | --- | --- | --- |');
  console.log(
    `| RSS MB | ${mb(start.rss)} | ${mb(peak.rss)} | ${mb(loaded.rss)} | ${mb(idle.rss)} |`,
  );
  console.log(
    `| V8 heap used MB | ${mb(start.heapUsed)} | ${mb(peak.heapUsed)} | ${mb(loaded.heapUsed)} | ${mb(idle.heapUsed)} |`,
  );
  const back = idle.rss - start.rss;
  console.log(
    `\npeak RSS ${mb(peak.rss)} MB = ${Math.round((100 * peak.rss) / (250 * 1_048_576))}% of the 250 MB bound; ` +
      `after ${idleMs / 1000} s idle ${mb(back)} MB above the start (bound 30 MB)`,
  );
}

async function main(): Promise<void> {
  const receiver = await startReceiver();
  const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-soak-'));
  const serve = await startServe(dataDir, serveArgs);
  try {
    const target = await makeFixtures({
      url: serve.url,
      apiKey: serve.apiKey,
      receiverUrl: `http://127.0.0.1:${receiver.port}/hooks`,
    });
    const sampler = new MemorySampler(serve.metricsUrl, 500);
    await sleep(2_000);
    const start = await sampler.sample();
    sampler.start();
    const began = performance.now();
    const stats = await load(requestKinds(target));
    const seconds = (performance.now() - began) / 1000;
    const loaded = await sampler.sample();
    await sleep(idleMs);
    await sampler.stop();
    const idle = await sampler.sample();
    report(stats, { start, peak: sampler.peak, loaded, idle }, seconds);
  } finally {
    console.log(`serve exited with ${String(await serve.stop())} after SIGTERM`);
    receiver.child.kill();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();

/**
 * `npm run bench:dashboard-polling`: does a dashboard left open slow delivery down? On a store
 * seeded with a million deliveries (`deliveries-api-stores.ts`), the engine delivers BENCH_N
 * events to a loopback receiver (`engine-runs.ts`, as `bench:engine` does) once with nobody
 * watching and once while a poller asks for the Deliveries list and the overview figures of the
 * seeded account over real HTTP, each every 2 s (the Deliveries page polls every 2 s; the
 * Overview page every 5 s, and a tab shows one page at a time, so this is the heavier case).
 * BENCH_ROUNDS (4) rounds of one idle and one polled run, alternating which goes first.
 * BENCH_SEED (1000000), BENCH_N (20000), BENCH_CONCURRENCY (64), BENCH_ORIGINS (4),
 * BENCH_RUNS (sqlite,postgres), BENCH_DATABASE_URL, BENCH_LIST_POLL_MS and BENCH_STATS_POLL_MS
 * (2000 each).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createApp } from '../packages/server/src/http/api/create-app.js';
import { withSeededPostgres, withSeededSqlite, type SeededStore } from './deliveries-api-stores.js';
import { storeRun, type RunOptions, type RunResult } from './engine-runs.js';
import { dashboardPolls, startPoller, type PollSummary } from './dashboard-poller.js';

const seedCount = Number(process.env['BENCH_SEED'] ?? '1000000');
const count = Number(process.env['BENCH_N'] ?? '20000');
const concurrency = Number(process.env['BENCH_CONCURRENCY'] ?? '64');
const origins = process.env['BENCH_ORIGINS'] ?? '4';
const rounds = Number(process.env['BENCH_ROUNDS'] ?? '4');
const databaseUrl = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const runs = new Set((process.env['BENCH_RUNS'] ?? 'sqlite,postgres').split(','));
const listPollMs = Number(process.env['BENCH_LIST_POLL_MS'] ?? '2000');
const statsPollMs = Number(process.env['BENCH_STATS_POLL_MS'] ?? '2000');

interface Round {
  readonly idle: RunResult;
  readonly polled: RunResult;
  readonly polls: PollSummary;
}

async function startReceiver(): Promise<{ child: ChildProcess; ports: number[] }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'engine-receiver.ts')],
    { env: { ...process.env, BENCH_ORIGINS: origins }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = (await once(child.stdout, 'data')) as [Buffer];
  return { child, ports: JSON.parse(line.toString()) as number[] };
}

/** Serves the API over loopback HTTP, as `switchboard serve` does, and runs the rounds. */
async function measure(seeded: SeededStore, options: RunOptions): Promise<Round[]> {
  const app = createApp({ store: seeded.store, worker: { wake: () => undefined } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const done: Round[] = [];
    for (let i = 0; i < rounds; i += 1) {
      // Alternating which goes first cancels drift (a growing table and WAL) between the two.
      const round =
        i % 2 === 0
          ? await idleFirst(seeded, base, options)
          : await polledFirst(seeded, base, options);
      const { idle, polled, polls } = round;
      done.push(round);
      console.log(
        `  round ${i + 1}: idle ${Math.round(idle.perSecond)}/s, polled ${Math.round(polled.perSecond)}/s, ` +
          `${polls.requests} poll requests (p50 ${polls.p50Ms.toFixed(0)} ms, max ${polls.maxMs.toFixed(0)} ms, ${polls.failures} failed)`,
      );
    }
    return done;
  } finally {
    await app.close();
  }
}

async function idleFirst(seeded: SeededStore, base: string, options: RunOptions): Promise<Round> {
  const idle = await storeRun('idle', seeded.store, options);
  return { idle, ...(await polledRun(seeded, base, options)) };
}

async function polledFirst(seeded: SeededStore, base: string, options: RunOptions): Promise<Round> {
  const polled = await polledRun(seeded, base, options);
  return { idle: await storeRun('idle', seeded.store, options), ...polled };
}

async function polledRun(seeded: SeededStore, base: string, options: RunOptions) {
  const poller = startPoller(base, seeded.apiKey, dashboardPolls(listPollMs, statsPollMs));
  const polled = await storeRun('polled', seeded.store, options);
  return { polled, polls: await poller.stop() };
}

function table(name: string, done: readonly Round[]): string {
  const rows = done.map((round, i) => {
    const ratio = round.polled.perSecond / round.idle.perSecond;
    const cpu = `${Math.round(round.idle.cpuUsPerDelivery)} / ${Math.round(round.polled.cpuUsPerDelivery)}`;
    return `| ${i + 1} | ${Math.round(round.idle.perSecond)} | ${Math.round(round.polled.perSecond)} | ${(100 * ratio).toFixed(0)}% | ${cpu} | ${round.polls.requests} | ${round.polls.p50Ms.toFixed(0)} / ${round.polls.maxMs.toFixed(0)} |`;
  });
  const idle = done.reduce((sum, round) => sum + round.idle.perSecond, 0);
  const polled = done.reduce((sum, round) => sum + round.polled.perSecond, 0);
  return [
    `${name}, ${seedCount} stored, N = ${count}, concurrency ${concurrency}, ${origins} origins, ` +
      `list polled every ${listPollMs} ms, stats every ${statsPollMs} ms:`,
    '',
    '| round | idle /s | polled /s | polled of idle | CPU µs/delivery idle / polled | poll requests | poll p50 / max ms |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    `| all | ${Math.round(idle / done.length)} | ${Math.round(polled / done.length)} | ${((100 * polled) / idle).toFixed(0)}% | | | |`,
  ].join('\n');
}

const { child, ports } = await startReceiver();
try {
  const options: RunOptions = {
    count,
    concurrency,
    urls: ports.map((port) => `http://127.0.0.1:${port}/webhooks`),
  };
  const tables: string[] = [];
  if (runs.has('sqlite')) {
    console.log('SQLite');
    const done = await withSeededSqlite(seedCount, (seeded) => measure(seeded, options));
    tables.push(table('SQLite (WAL file)', done));
  }
  if (runs.has('postgres')) {
    console.log('PostgreSQL');
    const done = await withSeededPostgres(databaseUrl, seedCount, (seeded) =>
      measure(seeded, options),
    );
    if (done !== null) tables.push(table('PostgreSQL (schema per run)', done));
  }
  console.log(`\n${tables.join('\n\n')}`);
} finally {
  child.kill();
}
